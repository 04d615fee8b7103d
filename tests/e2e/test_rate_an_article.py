"""A visitor opens an article in a real browser, rates it, and sees the new average."""

from articles.models import Rating
from tests.e2e.conftest import E2E

pytestmark = E2E


def test_a_visitor_rates_an_article_and_sees_the_new_average(page, article):
    article.rate("an-earlier-visitor", 5)

    page.goto(article.get_absolute_url())
    assert page.get_by_role("heading", level=1).inner_text() == "What is hemifacial spasm?"
    assert "5.0 out of 5 · 1 rating" in page.locator("#rate").inner_text()

    page.get_by_label("2 stars").check()
    page.get_by_role("button", name="Rate this").click()

    page.wait_for_url("**#rate")
    assert "3.5 out of 5 · 2 ratings" in page.locator("#rate").inner_text()
    assert "Your rating is saved" in page.get_by_role("status").inner_text()
    assert page.get_by_label("2 stars").is_checked()
    assert sorted(Rating.objects.values_list("stars", flat=True)) == [2, 5]
