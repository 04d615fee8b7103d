"""Every kind of public page, and every form with its errors showing, passes both
axe-core (WCAG 2.2 A and AA) and HTML_CodeSniffer (WCAG2AA) in a real browser."""

from urllib.parse import urlsplit

import pytest
from django.utils import timezone

from comments.models import Status
from community.models import Answer, Question
from newsletter.models import Follow, Subscriber
from tests.e2e.accessibility import accessibility_problems
from tests.e2e.conftest import E2E

pytestmark = E2E


@pytest.fixture
def question(condition, reviewer):
    asked = Question.objects.create(
        title="Does stress make the spasms worse?", body="Mine get worse on Fridays.",
        author_name="Robin", author_email="robin@example.org", condition=condition,
        status=Status.APPROVED,
    )  # fmt: skip
    Answer.objects.create(
        question=asked, body="Mine too.", author_name="Jo", author_email="jo@example.org",
        status=Status.APPROVED,
    )  # fmt: skip
    asked.answer_as_staff(reviewer, "Stress can make spasms come more often.")
    return asked


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/conditions/",
        "/conditions/hemifacial-spasm/",
        "ARTICLE/",
        "ARTICLE/comment/",
        "ARTICLE/comment/?reply_to=COMMENT",
        "ARTICLE/reviews/",
        "ARTICLE/feedback/",
        "/community/",
        "/community/ask/",
        "/newsletter/subscribe/",
        "/privacy/",
        "/missing/",
        "/medical-reviewers/",
        "/people/nora-nurse/",
        "/search/?q=spasm",
        "/search/?q=blepharospazm",
        "QUESTION",
        "CLOSED",
        "QUESTION/answer/",
        "ASKER",
        "PREFERENCES",
        "FOLLOWING",
        "STOP_FOLLOW",
    ],
)
def test_public_pages_pass_both_engines(page, commented, guide, question, path):
    subscriber = Subscriber.objects.create(email="val@example.org", status="confirmed")
    duplicate = Question.objects.create(
        title="Is stress behind my spasms?", body="Fridays.", author_name="Kim",
        author_email="kim@example.org", status=Status.APPROVED,
        duplicate_of=question, closed_at=timezone.now(),
    )  # fmt: skip
    follower = Subscriber.objects.create(email="follows@example.org", status="confirmed")
    follow = Follow.start(follower, question, source="test", address_hash="")
    places = {
        "COMMENT": str(commented.comments.approved().filter(reply_to=None).first().pk),
        "FOLLOWING": urlsplit(follower.preferences_url()).path,
        "STOP_FOLLOW": urlsplit(follow.links().unsubscribe).path,
        "CLOSED": duplicate.get_absolute_url(),
        "ARTICLE/": commented.get_absolute_url(),
        "QUESTION/": f"/community/questions/{question.pk}/",
        "QUESTION": question.get_absolute_url(),
        "ASKER": question.asker_url(),
        "PREFERENCES": urlsplit(subscriber.preferences_url()).path,
    }
    for placeholder, url in places.items():
        path = path.replace(placeholder, url)
    page.goto(path)
    assert accessibility_problems(page) == []


def test_a_rating_error_is_accessible_too(page, article):
    page.goto(article.get_absolute_url())
    # Send the form without a choice, as a browser without validation would.
    page.locator("form.rating-form").evaluate("form => form.noValidate = true")
    page.get_by_role("button", name="Rate this").click()
    assert "Choose a rating from 1 to 5 stars." in page.locator("#rate").inner_text()
    assert accessibility_problems(page) == []


def test_the_skip_link_is_the_first_stop_and_moves_focus_to_the_content(page, article):
    page.goto(article.get_absolute_url())
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    assert skip.evaluate("link => link === document.activeElement")
    assert skip.is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.keyboard.press("Tab")  # and the next stop is in the content, not back in the header
    assert page.evaluate("!!document.activeElement.closest('main')")


def test_a_comment_form_with_errors_is_accessible(page, article):
    page.goto(f"{article.get_absolute_url()}comment/")
    page.locator("#comment-form").evaluate("form => form.noValidate = true")
    page.get_by_role("button", name="Send comment").click()
    assert "Your comment was not sent." in page.get_by_role("alert").first.inner_text()
    assert accessibility_problems(page) == []


@pytest.mark.parametrize(
    ("path", "button"),
    [
        ("/community/ask/", "Ask the community"),
        ("QUESTION/answer/", "Send answer"),
        ("/newsletter/subscribe/", "Send me a confirmation email"),
        ("ARTICLE/feedback/", "Send to the reviewer"),
    ],
)
def test_a_form_with_errors_passes_both_engines(page, question, article, path, button):
    path = path.replace("QUESTION/", f"/community/questions/{question.pk}/")
    page.goto(path.replace("ARTICLE/", article.get_absolute_url()))
    page.locator("main form").last.evaluate("form => form.noValidate = true")
    page.locator("main").get_by_role("button", name=button).click()
    page.locator(".invalid-feedback, .alert-danger").first.wait_for()  # the page after the click
    assert accessibility_problems(page) == []


def test_the_ask_form_showing_similar_questions_passes_both_engines(page, question, settings):
    from captcha.models import CaptchaStore

    settings.COMMENTS_MIN_SECONDS = 0
    page.goto("/community/ask/")
    page.get_by_label("Your question").fill("Are my spasms worse with stress?")
    page.get_by_label("Details").fill("Mostly on Fridays.")
    page.get_by_label("Name to show").fill("Sam")
    page.get_by_label("Your email address").fill("sam@example.org")
    key = page.locator("input[name='captcha_0']").input_value()
    page.get_by_label("Enter the characters shown in the image").fill(
        CaptchaStore.objects.get(hashkey=key).response
    )
    page.get_by_role("button", name="Ask the community").click()
    assert page.get_by_role("button", name="Ask it anyway").is_visible()
    assert accessibility_problems(page) == []
