"""A reader reports a broken link; the nurse sees it on her dashboard, starts a
revision from it; an editor fixes the link; the nurse approves with a line on what
changed, and the reader sees that line on the article."""

from articles.models import Revision
from tests.e2e.conftest import E2E

pytestmark = E2E

CHANGED = "Replaced the broken link to the clinic's page on facial spasms."


def test_a_broken_link_reported_by_a_reader_is_fixed_and_the_reader_sees_what_changed(
    page, staff_page, article, editor, reviewer, settings
):
    settings.COMMENTS_MIN_SECONDS = 0  # the browser types faster than a person

    # 1. The reader reports it, with no CAPTCHA for a first message.
    page.goto(article.get_absolute_url())
    page.get_by_role("link", name="Tell the reviewer").click()
    page.get_by_label("A link is broken").check()
    page.get_by_label("Tell us more").fill("The first reference's link answers 'not found'.")
    page.get_by_role("button", name="Send to the reviewer").click()
    assert "The nurse reviewer and our editors will look" in page.locator("#feedback").inner_text()

    # 2. The nurse who reviewed it sees it on her dashboard and starts a revision.
    nora = staff_page("nora")
    panel = nora.locator("section.work-panel", has_text="Reader feedback")
    panel.get_by_role("link", name=article.published_revision.title).click()
    nora.get_by_role("link", name="The first reference's link answers").click()
    nora.get_by_role("link", name="Start a revision from it").click()
    nora.get_by_role("button", name="Start a revision from it").click()
    assert "A revision was started" in nora.locator(".messagelist").inner_text()

    # 3. The editor fixes the link and submits it.
    revision = Revision.objects.get(article=article, state="draft")
    erin = staff_page("erin")
    erin.goto(f"/admin/articles/revision/{revision.pk}/change/")
    erin.get_by_label("Reference web address").first.fill("https://example.org/clinic/spasms")
    erin.get_by_role("button", name="Save and continue editing").click()
    erin.get_by_role("link", name="Submit for review").click()
    erin.get_by_role("button", name="Submit for review").click()

    # 4. The nurse approves, saying what changed; the editor publishes.
    nora.goto(f"/admin/articles/revision/{revision.pk}/change/")
    nora.get_by_role("link", name="Approve").click()
    nora.get_by_label("What changed in this review").fill(CHANGED)
    nora.get_by_role("button", name="Approve").click()
    assert "Approved" in nora.locator(".messagelist").inner_text()
    erin.goto(f"/admin/articles/revision/{revision.pk}/change/")
    erin.get_by_role("link", name="Publish or schedule").click()
    erin.get_by_label("Publish now").check()
    erin.get_by_role("button", name="Publish or schedule").click()

    # 5. The reader sees what changed.
    page.goto(article.get_absolute_url())
    assert CHANGED in page.locator(".what-changed").inner_text()
