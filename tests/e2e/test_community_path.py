"""Ask the community, end to end in a real browser."""

import re

from captcha.models import CaptchaStore
from django.core import mail

from tests.conftest import staff_member
from tests.e2e.conftest import E2E

pytestmark = E2E


def test_a_question_is_asked_approved_answered_by_a_nurse_and_accepted(
    page, staff_page, reviewer, condition, settings
):
    settings.COMMENTS_MIN_SECONDS = 0  # the browser types faster than a person
    staff_member("mo", "Mo", "Derator", "Moderators")

    # 1. A visitor asks a question from the condition's guide.
    page.goto(condition.get_absolute_url())
    page.locator(".ask-box").get_by_role("link", name="Ask the community").click()
    page.get_by_label("Your question").fill("Does caffeine make facial spasms worse?")
    page.get_by_label("Details").fill("I drink a lot of coffee and wonder if it matters.")
    page.get_by_label("Name to show").fill("Robin")
    page.get_by_label("Your email address").fill("robin@example.org")
    key = page.locator("input[name='captcha_0']").input_value()
    answer = CaptchaStore.objects.get(hashkey=key).response
    page.get_by_label("Enter the characters shown in the image").fill(answer)
    page.get_by_role("button", name="Ask the community").click()
    assert (
        "your question will appear once a moderator approves it"
        in page.get_by_role("status").inner_text()
    )

    # 2. A moderator approves it.
    mo = staff_page("mo")
    mo.locator("section.work-panel", has_text="Questions to moderate").get_by_role(
        "link", name=re.compile("Robin: I drink a lot of coffee")
    ).click()
    mo.get_by_role("button", name="Approve").click()
    assert "Approved" in mo.locator(".messagelist").inner_text()

    # 3. The nurse reviewer answers it on the site.
    nora = staff_page("nora")
    nora.goto("/community/")
    nora.get_by_role("link", name="Does caffeine make facial spasms worse?").click()
    nora.get_by_label("Your expert answer").fill(
        "Caffeine can make muscle twitching more noticeable for some people."
    )
    nora.get_by_role("button", name="Publish expert answer").click()
    assert "Your expert answer is published." in nora.get_by_role("status").inner_text()

    # 4. The asker follows the emailed link and accepts the answer.
    email = next(message for message in mail.outbox if message.to == ["robin@example.org"])
    link = re.search(r"https?://\S+/yours/\S+/", email.body).group(0)
    page.goto(re.sub(r"^https?://[^/]+", "", link))
    page.get_by_role("button", name=re.compile("This answer helped me")).click()
    assert "We marked it as the answer that helped" in page.get_by_role("status").inner_text()

    # 5. The question shows as answered by a nurse.
    page.goto("/community/")
    row = page.locator(".question-row", has_text="Does caffeine make facial spasms worse?")
    assert "Answered by a nurse" in row.inner_text()
    row.get_by_role("link").click()
    assert "Helped the asker" in page.locator(".expert-answer").inner_text()
