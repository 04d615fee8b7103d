"""The admin pages editors, nurses and moderators use every day pass axe and
HTML_CodeSniffer, page by page, along the paths they really take."""

from django.contrib.auth import get_user_model
from django_otp.plugins.otp_totp.models import TOTPDevice

from comments.models import Comment
from newsletter.models import Issue, Subscriber
from tests.conftest import staff_member
from tests.e2e.accessibility import accessibility_problems
from tests.e2e.conftest import E2E

pytestmark = E2E

# Django's own admin markup that fails a rule, with the rule, the element and why
# it stays. Everything else on a page is checked: never a rule turned off for a
# whole page.
NO_SUBMIT = "WCAG2AA.Principle3.Guideline3_2.3_2_2.H32.2"
NO_LEGEND = "WCAG2AA.Principle1.Guideline1_3.1_3_1.H71.NoLegend"
KNOWN: dict[tuple[str, str], str] = {
    (NO_SUBMIT, "#changelist-form"): (
        "Django wraps every change list in a form; where a list has no actions there is"
        " nothing to submit, and no button to be missing."
    ),
    **{
        (NO_SUBMIT, form): (
            "A record this person may only read is still drawn in Django's change form,"
            " with nothing to submit."
        )
        for form in ("#revision_form", "#issue_form", "#comment_form", "#article_form")
    },
    **{
        (NO_LEGEND, f"#{group} > div.tabular.inline-related > fieldset.module"): (
            "Django's tabular inline is a fieldset named by aria-labelledby, pointing at"
            " its own heading (axe finds the name); HTML_CodeSniffer asks for a <legend>"
            " element in particular."
        )
        for group in ("references-group", "reviews-group", "events-group")
    },
}


def problems_on(tab, where: str) -> list[str]:
    return [f"{where}: {problem}" for problem in accessibility_problems(tab, KNOWN)]


def test_signing_in_with_a_second_factor(page, editor):
    TOTPDevice.objects.create(user=editor, confirmed=True)
    found = []
    page.goto("/admin/login/")
    found += problems_on(page, "sign-in")
    page.get_by_label("Username").fill("erin")
    page.get_by_label("Password").fill("not her password")
    page.get_by_role("button", name="Sign in", exact=True).click()
    assert page.locator(".errornote").is_visible()
    found += problems_on(page, "sign-in refused")
    page.get_by_label("Password").fill("erin-password-1")
    page.get_by_role("button", name="Sign in", exact=True).click()
    page.get_by_label("Code").fill("000000")
    page.get_by_role("button", name="Confirm").click()
    page.locator(".errornote, .errorlist").first.wait_for()  # the page after the click
    found += problems_on(page, "second factor refused")
    assert not found, "\n".join(found)


def test_an_article_from_draft_to_published(staff_page, editor, reviewer, condition, article):
    found = []
    erin = staff_page("erin")
    found += problems_on(erin, "editor's dashboard")
    for where, path in [
        ("article list", "/admin/articles/article/"),
        ("revision list", "/admin/articles/revision/"),
        ("an article and its history", f"/admin/articles/article/{article.pk}/change/"),
        ("a new article", "/admin/articles/article/add/"),
    ]:
        erin.goto(path)
        found += problems_on(erin, where)

    erin.get_by_role("button", name="Save", exact=True).click()
    found += problems_on(erin, "a new article with errors")
    erin.get_by_label("Title").fill("Botulinum toxin for facial spasms")
    erin.get_by_label("Condition").select_option(label=condition.name)
    erin.get_by_label("Summary").fill("How the injections work and how long they last.")
    erin.get_by_label("Body").fill("Injections relax the overactive muscles for three months.")
    erin.get_by_role("button", name="Save", exact=True).click()
    found += problems_on(erin, "a draft revision with its workflow buttons")
    erin.get_by_role("link", name="Submit for review").click()
    found += problems_on(erin, "confirm: submit for review")
    erin.get_by_role("button", name="Submit for review").click()

    nora = staff_page("nora")
    found += problems_on(nora, "nurse's dashboard")
    nora.locator("section.work-panel", has_text="Awaiting your review").get_by_role(
        "link", name="Botulinum toxin for facial spasms"
    ).click()
    found += problems_on(nora, "a revision awaiting review")
    nora.get_by_role("link", name="Send back with a note").click()
    found += problems_on(nora, "confirm: send back")
    nora.go_back()
    nora.get_by_role("link", name="Approve").click()
    found += problems_on(nora, "confirm: approve")
    nora.get_by_role("button", name="Approve").click()
    found += problems_on(nora, "an approved revision")

    erin.goto("/admin/")
    erin.locator("section.work-panel", has_text="Ready to publish").get_by_role(
        "link", name="Botulinum toxin for facial spasms"
    ).click()
    erin.get_by_role("link", name="Publish or schedule").click()
    found += problems_on(erin, "confirm: publish or schedule")
    erin.get_by_label("Publish now").check()
    erin.get_by_role("button", name="Publish or schedule").click()
    assert "Published" in erin.locator(".messagelist").inner_text()
    found += problems_on(erin, "a published revision")
    assert not found, "\n".join(found)


def test_moderating_a_comment(staff_page, article):
    staff_member("mo", "Mo", "Derator", "Moderators")
    comment = Comment.objects.create(
        article=article, body="Call me on 07700 900123.", author_name="Kim",
        author_email="kim@example.org",
    )  # fmt: skip
    found = []
    mo = staff_page("mo")
    found += problems_on(mo, "moderator's dashboard")
    mo.goto("/admin/comments/comment/?status__exact=pending")
    found += problems_on(mo, "the moderation queue")
    mo.goto(f"/admin/comments/comment/{comment.pk}/change/")
    assert mo.locator("blockquote mark").inner_text() == "07700 900123"
    found += problems_on(mo, "a comment with a phone number marked")
    mo.get_by_label("Phone number: 07700 900123").check()
    mo.get_by_role("button", name="Remove the selected details").click()
    assert "[removed by a moderator]" in mo.locator("blockquote").inner_text()
    found += problems_on(mo, "a comment with the phone number removed")
    mo.get_by_role("button", name="Approve").click()
    assert "Approved" in mo.locator(".messagelist").inner_text()
    found += problems_on(mo, "an approved comment")
    assert not found, "\n".join(found)


def test_the_newsletter_issue_page_with_its_progress(staff_page, editor):
    for n in range(3):
        Subscriber.objects.create(email=f"reader{n}@example.org", status="confirmed")
    issue = Issue.objects.create(subject="Spring news", body="Hello, readers.")
    found = []
    erin = staff_page("erin")
    erin.goto("/admin/newsletter/issue/")
    found += problems_on(erin, "issue list")
    erin.goto(f"/admin/newsletter/issue/{issue.pk}/change/")
    found += problems_on(erin, "a draft issue")
    issue.start_sending(get_user_model().objects.get(username="erin"))
    erin.reload()
    assert "sent" in erin.locator("#content").inner_text().lower()
    found += problems_on(erin, "a sent issue with its progress")
    assert not found, "\n".join(found)


def test_the_other_confirmation_steps_and_their_errors(staff_page, editor, article):
    issue = Issue.objects.create(subject="Spring news", body="Hello, readers.")
    found = []
    erin = staff_page("erin")
    for where, path in [
        (
            "confirm: start a new revision",
            f"/admin/articles/article/{article.pk}/step/start_revision/",
        ),
        ("confirm: unpublish", f"/admin/articles/article/{article.pk}/step/unpublish/"),
        ("confirm: send a test", f"/admin/newsletter/issue/{issue.pk}/step/test/"),
        ("confirm: send now", f"/admin/newsletter/issue/{issue.pk}/step/send/"),
        ("confirm: schedule", f"/admin/newsletter/issue/{issue.pk}/step/schedule/"),
    ]:
        erin.goto(path)
        assert erin.locator("#content-main form").count() == 1, where
        found += problems_on(erin, where)
        if erin.locator("#content-main form [required]").count():
            erin.locator("#content-main form input[type=submit]").click()
            erin.locator(".errorlist, .errornote").first.wait_for()  # the page after the click
            found += problems_on(erin, f"{where}, refused")
    assert not found, "\n".join(found)
