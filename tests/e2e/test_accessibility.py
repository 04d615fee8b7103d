"""Every kind of public page passes axe-core's WCAG 2.2 A and AA rules in a real browser."""

from pathlib import Path

import pytest

from tests.e2e.conftest import E2E

pytestmark = E2E

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def axe_violations(page):
    # evaluate() goes through the DevTools protocol, so the page's CSP stays strict.
    page.evaluate(AXE.read_text())
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_AA
    )
    return [
        f"{violation['id']}: {node['target']}"
        for violation in result["violations"]
        for node in violation["nodes"]
    ]


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/conditions/",
        "/conditions/hemifacial-spasm/",
        "ARTICLE/",
        "ARTICLE/comment/",
        "/community/",
        "/community/ask/",
        "/newsletter/subscribe/",
        "/privacy/",
        "/missing/",
        "/medical-reviewers/",
        "/people/nora-nurse/",
        "/search/?q=spasm",
    ],
)
def test_public_pages_have_no_accessibility_violations(page, article, guide, path):
    page.goto(path.replace("ARTICLE/", article.get_absolute_url()))
    assert axe_violations(page) == []


def test_a_rating_error_is_accessible_too(page, article):
    page.goto(article.get_absolute_url())
    # Send the form without a choice, as a browser without validation would.
    page.locator("form.rating-form").evaluate("form => form.noValidate = true")
    page.get_by_role("button", name="Rate this").click()
    assert "Choose a rating from 1 to 5 stars." in page.locator("#rate").inner_text()
    assert axe_violations(page) == []


def test_the_skip_link_is_the_first_stop_and_moves_focus_to_the_content(page, article):
    page.goto(article.get_absolute_url())
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    assert skip.evaluate("link => link === document.activeElement")
    assert skip.is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_a_comment_form_with_errors_is_accessible(page, article):
    page.goto(f"{article.get_absolute_url()}comment/")
    page.locator("#comment-form").evaluate("form => form.noValidate = true")
    page.get_by_role("button", name="Send comment").click()
    assert "Your comment was not sent." in page.get_by_role("alert").first.inner_text()
    assert axe_violations(page) == []
