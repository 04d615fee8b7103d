"""Following a question by email in a real browser: follow, confirm, hear of the answer, stop."""

import re

from django.core import mail

from comments.models import Status
from community.models import Question
from newsletter.models import Follow
from tests.e2e.conftest import E2E

pytestmark = E2E


def path_of(link: str) -> str:
    return re.sub(r"^https?://[^/]+", "", link)


def test_a_reader_follows_a_question_confirms_hears_of_a_nurses_answer_and_stops(
    page, staff_page, reviewer
):
    asked = Question.objects.create(
        title="Does caffeine make facial spasms worse?", body="I drink a lot of coffee.",
        author_name="Robin", author_email="robin@example.org", status=Status.APPROVED,
    )  # fmt: skip

    # 1. A reader asks to hear of answers, discreetly.
    page.goto(asked.get_absolute_url())
    follow_box = page.locator(".follow-box")
    follow_box.get_by_label("Your email address").fill("dana@example.org")
    follow_box.get_by_label("Keep my emails discreet").check()
    follow_box.get_by_role("button", name="Email me").click()
    assert "check your inbox" in page.get_by_role("status").inner_text()

    # 2. They confirm from the email.
    [confirmation] = mail.outbox
    assert "Does caffeine make facial spasms worse?" in confirmation.body
    link = re.search(r"https?://\S+/newsletter/confirm/\S+/", confirmation.body).group(0)
    page.goto(path_of(link))
    page.get_by_role("button", name="Yes, subscribe me").click()
    assert page.get_by_role("heading", level=1).inner_text() == "You're subscribed"

    # 3. A nurse answers on the site.
    nora = staff_page("nora")
    nora.goto(asked.get_absolute_url())
    nora.get_by_label("Your expert answer").fill("Caffeine can make twitching more noticeable.")
    nora.get_by_role("button", name="Publish expert answer").click()
    assert "Your expert answer is published." in nora.get_by_role("status").inner_text()

    # 4. The reader gets one discreet email with the answer, and stops in one click.
    [email] = [message for message in mail.outbox if message.to == ["dana@example.org"]][1:]
    assert email.subject == "A new answer on Empower"
    assert "Caffeine can make twitching more noticeable." in email.body
    stop = re.search(r"https?://\S+/newsletter/stop/\S+/", email.body).group(0)
    page.goto(path_of(stop))
    page.get_by_role("button", name="Stop these emails").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Stopped"
    assert not Follow.objects.get().is_active
