"""The whole editorial path in a real browser: write, submit, approve, publish, read."""

from articles.models import Revision, RevisionState
from tests.e2e.conftest import E2E

pytestmark = E2E


def test_an_article_goes_from_draft_to_readers_with_the_reviewers_byline(
    staff_page, page, editor, reviewer, condition
):
    # 1. The editor writes a draft and submits it.
    erin = staff_page("erin")
    erin.goto("/admin/articles/article/add/")
    erin.get_by_label("Title").fill("Botulinum toxin for facial spasms")
    erin.get_by_label("Condition").select_option(label="Hemifacial spasm")
    erin.get_by_label("Summary").fill("How the injections work and how long they last.")
    erin.get_by_label("Body").fill(
        "Injections relax the **overactive** muscles for about three months."
    )
    erin.get_by_role("button", name="Save", exact=True).click()
    assert "Draft saved" in erin.locator(".messagelist").inner_text()
    erin.get_by_role("link", name="Submit for review").click()
    erin.get_by_role("button", name="Submit for review").click()
    assert "Submitted for review" in erin.locator(".messagelist").inner_text()

    # 2. The nurse reviewer finds it on her dashboard and approves it.
    nora = staff_page("nora")
    panel = nora.locator("section.work-panel", has_text="Awaiting your review")
    assert "1" in panel.locator(".work-count").inner_text()
    panel.get_by_role("link", name="Botulinum toxin for facial spasms").click()
    nora.get_by_role("link", name="Approve").click()
    nora.get_by_role("button", name="Approve").click()
    assert "Approved" in nora.locator(".messagelist").inner_text()
    revision = Revision.objects.get(title="Botulinum toxin for facial spasms")
    assert revision.state == RevisionState.APPROVED

    # 3. The editor publishes it from "Ready to publish".
    erin.goto("/admin/")
    erin.locator("section.work-panel", has_text="Ready to publish").get_by_role(
        "link", name="Botulinum toxin for facial spasms"
    ).click()
    erin.get_by_role("link", name="Publish or schedule").click()
    erin.get_by_label("Publish now").check()
    erin.get_by_role("button", name="Publish or schedule").click()
    assert "Published" in erin.locator(".messagelist").inner_text()

    # 4. A visitor reads it, with the byline from Nora's approval.
    page.goto("/conditions/hemifacial-spasm/")
    page.get_by_role("link", name="Botulinum toxin for facial spasms").click()
    byline = page.locator(".byline").inner_text()
    review = revision.reviews.get()
    assert "by Nora Nurse, RN · Edited by Erin Editor" in byline
    assert review.reviewed_at.strftime("%B %Y") in byline
    assert "overactive" in page.locator(".prose").inner_text()
