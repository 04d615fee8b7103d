"""Addresses that never break: when an editor changes an article's or a condition's
slug, the old address answers 301 to the new one for good, and the sitemap and
feeds give only the new one.

An old slug points at the object, not at a path: an article moved twice sends
both old addresses to the newest, changing a slug back is no loop, and a live
page always wins over an old slug.
"""

import re
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from articles.models import ArticleEvent, OldSlug
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db

SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture
def as_editor(editor):
    return sign_in(Client(), editor)


def move(obj, slug, by=None):
    obj.slug = slug
    obj.save(by=by)
    return obj


def sitemap_paths(client) -> set[str]:
    root = ET.fromstring(client.get("/sitemap.xml").content)
    return {
        re.sub(r"^https?://[^/]+", "", url.findtext("s:loc", namespaces=SITEMAP))
        for url in root.findall("s:url", SITEMAP)
    }


def change_in_admin(as_editor, article, slug):
    return as_editor.post(
        f"/admin/articles/article/{article.pk}/change/",
        {
            "slug": slug,
            "condition": article.condition_id,
            "author": article.author_id,
            "editor": article.editor_id,
            "comments_enabled": "on",
            "events-TOTAL_FORMS": "0",
            "events-INITIAL_FORMS": "0",
        },
    )


def test_a_changed_slug_redirects_with_301_and_the_old_address_stays_in_no_sitemap(
    client, as_editor, article
):
    response = change_in_admin(as_editor, article, "living-with-hemifacial-spasm")
    assert response.status_code == 302, "a published article's slug can be changed"

    old = client.get("/articles/what-is-hemifacial-spasm/")
    assert old.status_code == 301
    assert old["Location"] == "/articles/living-with-hemifacial-spasm/"
    assert client.get(old["Location"]).status_code == 200
    paths = sitemap_paths(client)
    assert "/articles/living-with-hemifacial-spasm/" in paths
    assert "/articles/what-is-hemifacial-spasm/" not in paths


def test_the_change_is_in_the_articles_history_and_on_its_admin_page(as_editor, article, editor):
    change_in_admin(as_editor, article, "living-with-hemifacial-spasm")
    assert OldSlug.objects.get().created_by == editor
    assert "slug: what-is-hemifacial-spasm → living-with-hemifacial-spasm" in (
        article.events.get(action=ArticleEvent.Action.DETAILS).note
    )
    page = as_editor.get(f"/admin/articles/article/{article.pk}/change/").text
    assert "/articles/what-is-hemifacial-spasm/ · since" in page


def test_the_comment_form_and_rate_this_at_the_old_address_follow_the_article(client, article):
    move(article, "living-with-hemifacial-spasm")

    form = client.get("/articles/what-is-hemifacial-spasm/comment/?fragment=1")
    assert form.status_code == 301
    assert form["Location"] == "/articles/living-with-hemifacial-spasm/comment/?fragment=1"
    # A form sent from a page open since before the change is sent again, still a POST.
    rating = client.post("/articles/what-is-hemifacial-spasm/rate/", {"stars": 4})
    assert rating.status_code == 308
    assert rating["Location"] == "/articles/living-with-hemifacial-spasm/rate/"
    comment = client.post("/articles/what-is-hemifacial-spasm/comment/", {"body": "Hello"})
    assert comment.status_code == 308
    assert comment["Location"] == "/articles/living-with-hemifacial-spasm/comment/"


def test_the_feeds_link_to_the_new_address_only(client, article):
    move(article, "living-with-hemifacial-spasm")
    feed = client.get("/feeds/articles.rss").text
    assert "/articles/living-with-hemifacial-spasm/" in feed
    assert "/articles/what-is-hemifacial-spasm/" not in feed


def test_a_changed_condition_slug_redirects_its_page_and_feeds(
    client, as_editor, condition, editor
):
    response = as_editor.post(
        f"/admin/articles/condition/{condition.pk}/change/",
        {"name": condition.name, "slug": "facial-spasm", "summary": "s", "overview": ""},
    )
    assert response.status_code == 302
    assert OldSlug.objects.get(condition=condition).created_by == editor

    for old, new in [
        ("/conditions/hemifacial-spasm/", "/conditions/facial-spasm/"),
        ("/conditions/hemifacial-spasm/feed.rss", "/conditions/facial-spasm/feed.rss"),
        ("/conditions/hemifacial-spasm/feed.atom", "/conditions/facial-spasm/feed.atom"),
    ]:
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (301, new)
        assert client.get(new).status_code == 200
    feed = client.get("/conditions/facial-spasm/feed.rss").text
    assert "/conditions/facial-spasm/</link>" in feed
    assert "/conditions/hemifacial-spasm/" not in feed
    paths = sitemap_paths(client)
    assert "/conditions/facial-spasm/" in paths
    assert "/conditions/hemifacial-spasm/" not in paths


def test_an_article_moved_twice_sends_both_old_addresses_straight_to_the_newest(client, article):
    move(article, "second-address")
    move(article, "third-address")
    for old in ("/articles/what-is-hemifacial-spasm/", "/articles/second-address/"):
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (301, "/articles/third-address/")


def test_changing_a_slug_back_is_no_loop(client, article):
    move(article, "second-address")
    move(article, "what-is-hemifacial-spasm")

    assert client.get("/articles/what-is-hemifacial-spasm/").status_code == 200
    back = client.get("/articles/second-address/")
    assert (back.status_code, back["Location"]) == (301, "/articles/what-is-hemifacial-spasm/")
    assert list(OldSlug.objects.values_list("slug", flat=True)) == ["second-address"]
    # Browsers keep a 301 unless told otherwise: this one they must ask about again,
    # or a reader who saw the first move would be sent round in a circle.
    assert "no-cache" in back["Cache-Control"]


def test_a_new_article_at_an_old_address_takes_it_over(client, article, make_article):
    move(article, "second-address")
    newcomer = make_article("what-is-hemifacial-spasm", title="A newcomer")

    response = client.get("/articles/what-is-hemifacial-spasm/")
    assert response.status_code == 200
    assert "A newcomer" in response.text
    assert not OldSlug.objects.filter(slug=newcomer.slug).exists()


def test_a_live_page_wins_over_an_old_slug_however_it_got_there(client, article, make_article):
    other = make_article("another-article", title="Another article")
    OldSlug.objects.create(article=article, slug=other.slug)
    response = client.get(other.get_absolute_url())
    assert response.status_code == 200
    assert "Another article" in response.text


def test_an_old_address_of_an_unpublished_article_is_not_found(client, article, editor):
    move(article, "second-address")
    article.unpublish(editor)
    response = client.get("/articles/what-is-hemifacial-spasm/")
    assert response.status_code == 404, "the new address of a withdrawn article stays private"


def test_a_guides_slug_is_no_address_so_changing_it_leaves_none(guide):
    move(guide, "a-new-guide-slug")
    assert not OldSlug.objects.exists()


def test_an_unknown_slug_is_still_the_friendly_not_found_page(client, article):
    response = client.get("/articles/never-was-here/")
    assert response.status_code == 404
    assert "We can’t find that page" in response.text
    assert client.get("/conditions/never-was-here/").status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/articles/%00/",
        "/articles/what%00is/comment/",
        "/conditions/hemi%00facial/feed.rss",
        f"/articles/{'a' * 5000}/",
        f"/articles/{'a' * 5000}/rate/",
        f"/conditions/{'b' * 5000}/",
        f"/conditions/{'b' * 5000}/feed.atom",
        "/articles/%C3%A9t%C3%A9/",
    ],
)
def test_odd_slugs_are_not_found_and_never_an_error(client, article, path):
    move(article, "second-address")
    method = client.post if path.endswith("rate/") else client.get
    assert method(path).status_code == 404


def test_an_editor_removes_an_old_address_and_then_it_is_not_found(client, as_editor, article):
    move(article, "second-address")
    old_slug = OldSlug.objects.get()
    listing = as_editor.get("/admin/articles/oldslug/?q=what-is")
    assert "/articles/what-is-hemifacial-spasm/" in listing.text
    assert as_editor.get("/admin/articles/oldslug/add/").status_code == 403
    assert 'name="slug"' not in as_editor.get(f"/admin/articles/oldslug/{old_slug.pk}/change/").text

    response = as_editor.post(f"/admin/articles/oldslug/{old_slug.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert client.get("/articles/what-is-hemifacial-spasm/").status_code == 404
    assert client.get("/articles/second-address/").status_code == 200


def test_the_list_of_old_addresses_does_not_query_per_row(
    as_editor, article, make_article, condition, django_assert_max_num_queries
):
    def count_queries():
        with django_assert_max_num_queries(30) as captured:
            assert as_editor.get("/admin/articles/oldslug/").status_code == 200
        return len(captured)

    move(article, "second-address")
    few = count_queries()
    for n in range(10):
        move(make_article(f"article-{n}", title=f"Article {n}"), f"moved-{n}")
    move(condition, "facial-spasm")
    assert count_queries() == few


def test_a_nurse_reviewer_cannot_remove_old_addresses(article, reviewer):
    move(article, "second-address")
    as_reviewer = sign_in(Client(), reviewer)
    old_slug = OldSlug.objects.get()
    response = as_reviewer.post(f"/admin/articles/oldslug/{old_slug.pk}/delete/", {"post": "yes"})
    assert response.status_code == 403
    assert OldSlug.objects.exists()


def test_a_page_cached_at_the_old_address_is_not_served_after_the_change(article):
    reader = Client()
    assert reader.get("/articles/what-is-hemifacial-spasm/").status_code == 200
    with CaptureQueriesContext(connection) as queries:
        assert reader.get("/articles/what-is-hemifacial-spasm/").status_code == 200
    assert len(queries) == 0, "the page was cached"

    move(article, "second-address")
    assert reader.get("/articles/what-is-hemifacial-spasm/").status_code == 301


def test_old_addresses_cost_the_article_page_no_queries(
    client, article, settings, django_assert_max_num_queries
):
    settings.PAGE_CACHE = False
    with CaptureQueriesContext(connection) as before:
        client.get(article.get_absolute_url())
    move(article, "second-address")
    move(article, "third-address")
    with CaptureQueriesContext(connection) as after:
        assert client.get(article.get_absolute_url()).status_code == 200
    assert len(after) == len(before)
    with django_assert_max_num_queries(2):
        client.get("/articles/what-is-hemifacial-spasm/")
