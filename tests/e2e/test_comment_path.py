"""A reader comments in a real browser; a moderator approves; the reader sees it."""

from captcha.models import CaptchaStore

from tests.conftest import staff_member
from tests.e2e.conftest import E2E

pytestmark = E2E


def captcha_answer(page):
    key = page.locator("input[name='captcha_0']").input_value()
    return CaptchaStore.objects.get(hashkey=key).response


def test_a_comment_goes_from_reader_to_moderator_to_the_page(page, staff_page, article, settings):
    settings.COMMENTS_MIN_SECONDS = 0  # the browser types faster than a person
    staff_member("mo", "Mo", "Derator", "Moderators")

    # 1. The visitor reads the empty state and opens the form in place.
    page.goto(article.get_absolute_url())
    comments = page.locator("#comments")
    assert "No one has commented yet." in comments.inner_text()
    comments.get_by_role("link", name="Add a comment").click()
    page.get_by_label("Your name").fill("Dana")
    page.get_by_label("Your email address").fill("dana@example.org")
    page.get_by_label("Your comment").fill("The botox injections really helped my eyelid.")

    # 2. A fresh CAPTCHA image can be asked for; the answer is read from the test database.
    first_key = page.locator("input[name='captcha_0']").input_value()
    page.get_by_role("button", name="Show different characters").click()
    page.wait_for_function(
        "key => document.querySelector(\"input[name='captcha_0']\").value !== key", arg=first_key
    )
    page.get_by_label("Enter the characters shown in the image").fill(captcha_answer(page))
    page.get_by_role("button", name="Send comment").click()
    assert (
        "your comment will appear once a moderator approves it"
        in page.get_by_role("status").inner_text()
    )
    assert "The botox injections" not in page.locator("#comments").inner_text()

    # 3. The moderator approves it from the queue.
    mo = staff_page("mo")
    mo.locator("section.work-panel", has_text="Comments to moderate").get_by_role(
        "link", name="Dana: The botox injections really helped my eyelid."
    ).click()
    mo.get_by_role("button", name="Approve").click()
    assert "Approved" in mo.locator(".messagelist").inner_text()

    # 4. The visitor sees it.
    page.reload()
    assert "The botox injections really helped my eyelid." in page.locator("#comments").inner_text()
