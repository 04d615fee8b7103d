"""Has someone asked this already? Typing a question's title, in a real browser."""

from django.utils import timezone

from comments.models import Status
from community.models import Question
from tests.e2e.accessibility import accessibility_problems
from tests.e2e.conftest import E2E

pytestmark = E2E


def asked(title, status=Status.APPROVED, **fields):
    return Question.objects.create(
        title=title, body="Details.", author_name="Robin", author_email=f"{len(title)}@x.org",
        status=status, **fields,
    )  # fmt: skip


def test_typing_a_title_shows_approved_matches_only_and_keeps_focus(page):
    original = asked("Does stress make the spasms worse?")
    asked("Are the spasms worse when pending?", status=Status.PENDING)
    asked("Are the spasms worse when rejected?", status=Status.REJECTED)
    closed = asked("Are spasms worse with stress, closed?")
    Question.objects.filter(pk=closed.pk).update(duplicate_of=original, closed_at=timezone.now())
    closed.refresh_from_db()
    closed.save()  # as closing does: the index hears of it

    page.goto("/community/ask/")
    title = page.get_by_label("Your question")
    title.press_sequentially("Why are my spasms worse", delay=20)
    live = page.locator("[aria-live=polite]")
    match = live.get_by_role("link", name="Does stress make the spasms worse?")
    match.wait_for()
    assert live.get_by_role("link").all_inner_texts() == ["Does stress make the spasms worse?"]
    assert "Has someone asked this already?" in live.inner_text()
    assert title.evaluate("input => input === document.activeElement"), "focus stays put"
    assert accessibility_problems(page) == []

    title.fill("Can I drive after injections?")
    title.dispatch_event("input")
    live.get_by_role("link").first.wait_for(state="detached")
    assert live.inner_text().strip() == ""
