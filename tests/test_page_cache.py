"""Public pages come from the cache for anonymous readers, and are never stale.

A page is kept until something it shows changes (an article published, a
review falling due, a comment approved, a rating), answers 304 to a reader
who already has it, and is never shared with a signed-in editor.
"""

import re
import time
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.http import http_date, parse_http_date

from comments.models import Comment, Status
from community.models import Answer, Question
from empower import pagecache, topics
from tests.conftest import sign_in, staff_member

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = ["/", "/conditions/", "/conditions/hemifacial-spasm/", "ARTICLE", "/about/"]
FEEDS_AND_MAPS = ["/feeds/articles.rss", "/feeds/articles.atom", "/sitemap.xml", "/robots.txt"]


@pytest.fixture
def moderator(db):
    return staff_member("mo", "Mo", "Derator", "Moderators")


def url_of(path, article):
    return article.get_absolute_url() if path == "ARTICLE" else path


def served_from_cache(client, url, method="GET", **headers):
    """The response, and whether it was made without a single query."""
    with CaptureQueriesContext(connection) as queries:
        response = client.generic(method, url, **headers)
    return response, len(queries) == 0


def comment_on(article, status=Status.PENDING, body="Botox helped me a lot."):
    return Comment.objects.create(
        article=article,
        author_name="Dana",
        author_email="dana@example.org",
        body=body,
        status=status,
    )


@pytest.mark.parametrize("path", PUBLIC_PAGES + FEEDS_AND_MAPS[:-1])  # robots.txt needs no query
def test_the_second_reader_gets_the_page_from_the_cache(article, path):
    url = url_of(path, article)
    first, cached = served_from_cache(Client(), url)
    assert first.status_code == 200
    assert not cached
    second, cached = served_from_cache(Client(), url)
    assert cached
    assert second.content == first.content or "nonce" in first.text
    assert second["ETag"] == first["ETag"]
    assert second["Content-Type"] == first["Content-Type"]


@pytest.mark.parametrize("path", PUBLIC_PAGES + FEEDS_AND_MAPS)
def test_public_pages_say_shared_caches_may_keep_them_and_browsers_must_ask(
    article, path, settings
):
    settings.PAGE_CACHE_SHARED_SECONDS = 60
    settings.PAGE_CACHE_STALE_SECONDS = 600
    for attempt in range(2):  # made, then from the cache
        response = Client().get(url_of(path, article))
        controls = {part.strip() for part in response["Cache-Control"].split(",")}
        assert controls == {"public", "max-age=0", "s-maxage=60"}, attempt
        assert response["CDN-Cache-Control"] == "public, max-age=60, stale-while-revalidate=600"
        assert "Cookie" not in response.get("Vary", "")
        assert not response.cookies
        assert re.fullmatch(r'"[0-9a-f]{24}"', response["ETag"])


def test_a_signed_in_editor_never_gets_the_cached_page_or_its_nonce(article, editor):
    reader_page = Client().get(article.get_absolute_url())
    Client().get(article.get_absolute_url())  # now certainly in the cache
    staff = sign_in(Client(), editor)
    with CaptureQueriesContext(connection) as queries:
        page = staff.get(article.get_absolute_url())
    assert len(queries) > 0  # made for them
    assert {"private", "no-store"} <= set(page["Cache-Control"].replace(" ", "").split(","))
    assert "public" not in page["Cache-Control"]
    assert "ETag" not in page
    nonce = re.search(r'nonce="([^"]+)"', page.text).group(1)
    assert nonce not in reader_page.text
    assert f"'nonce-{nonce}'" in page["Content-Security-Policy"]
    # And what was made for them is never given to a reader.
    assert nonce not in Client().get(article.get_absolute_url()).text


def test_a_page_from_the_cache_carries_a_new_nonce_that_matches_its_own_header(article):
    nonces = set()
    for _ in range(3):
        response = Client().get(article.get_absolute_url())
        header = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
        in_page = re.findall(r'<script[^>]*\bnonce="([^"]+)"', response.text)
        assert in_page
        assert set(in_page) == {header}
        nonces.add(header)
    assert len(nonces) == 3
    assert pagecache.NONCE_PLACEHOLDER.decode() not in response.text


def test_readers_never_see_each_others_rating_or_a_token(article):
    alice, bob = Client(), Client()
    alice.post(f"{article.get_absolute_url()}rate/", {"stars": 5})
    mine = alice.get(article.get_absolute_url())  # her message is waiting: made for her
    assert "You rated it 5 stars" in mine.text
    assert "private" in mine["Cache-Control"]
    for reader in (bob, alice):  # later visits: the page everyone gets
        page = reader.get(article.get_absolute_url()).text
        assert "You rated it" not in page
        assert "5.0 out of 5 · 1 rating" in page
        assert "csrfmiddlewaretoken" not in page
    assert "csrftoken" not in bob.cookies


def test_a_page_is_refreshed_the_moment_a_new_text_is_published(article, editor, reviewer):
    for url in ["/", article.get_absolute_url(), "/feeds/articles.rss"]:
        Client().get(url)
    revision = article.start_revision(editor)
    revision.title = "Hemifacial spasm: what it is"
    revision.save()
    assert "Hemifacial spasm: what it is" not in Client().get("/").text  # a draft changes nothing
    revision.submit(editor)
    revision.approve(reviewer, what_changed="Checked against current guidance.")
    revision.publish(editor)
    for url in ["/", article.get_absolute_url(), "/feeds/articles.rss"]:
        assert "Hemifacial spasm: what it is" in Client().get(url).text, url


def test_an_unpublished_article_leaves_every_cached_page_at_once(article, editor):
    for url in ["/", "/conditions/hemifacial-spasm/", "/sitemap.xml"]:
        assert article.get_absolute_url() in Client().get(url).text
    article.unpublish(editor)
    assert Client().get(article.get_absolute_url()).status_code == 404
    for url in ["/", "/conditions/hemifacial-spasm/", "/sitemap.xml"]:
        assert article.get_absolute_url() not in Client().get(url).text, url


def test_a_page_is_refreshed_the_day_its_review_falls_due(article, monkeypatch):
    assert "Review update pending" not in Client().get(article.get_absolute_url()).text
    due = article.next_review_due
    later = timezone.now() + (due - timezone.localdate()) + timedelta(days=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert "Review update pending" in Client().get(article.get_absolute_url()).text


def test_a_page_is_refreshed_the_moment_a_comment_is_approved(article, moderator):
    comment = comment_on(article)
    assert "Botox helped me" not in Client().get(article.get_absolute_url()).text
    assert "1 comment" not in Client().get("/").text
    comment.approve(moderator)
    assert "Botox helped me" in Client().get(article.get_absolute_url()).text
    assert "1 comment" in Client().get("/").text  # the count in the list of articles
    comment.reject(moderator)
    assert "Botox helped me" not in Client().get(article.get_absolute_url()).text


def test_a_comment_hidden_by_reports_leaves_the_cached_page(article, settings):
    settings.COMMENTS_REPORT_THRESHOLD = 1
    comment = comment_on(article, status=Status.APPROVED)
    assert "Botox helped me" in Client().get(article.get_absolute_url()).text
    Client().post("/comments/report/", {"comment": comment.pk})
    assert "Botox helped me" not in Client().get(article.get_absolute_url()).text


def test_a_held_comment_leaves_the_cached_pages_alone(article):
    Client().get(article.get_absolute_url())
    comment_on(article)  # waiting for a moderator: readers see nothing new
    _response, cached = served_from_cache(Client(), article.get_absolute_url())
    assert cached


def test_a_rating_refreshes_its_article_and_no_other_page(article, make_article):
    other = make_article("other-article", title="Another article")
    for url in ["/", article.get_absolute_url(), other.get_absolute_url()]:
        Client().get(url)
    Client().post(f"{article.get_absolute_url()}rate/", {"stars": 4})
    assert "4.0 out of 5 · 1 rating" in Client().get(article.get_absolute_url()).text
    assert served_from_cache(Client(), other.get_absolute_url())[1]
    assert served_from_cache(Client(), "/")[1]


def test_community_pages_are_refreshed_when_an_answer_is_approved(article, moderator, condition):
    question = Question.objects.create(
        condition=condition, title="Does botox wear off?", body="Mine did after months.",
        author_name="Ali", author_email="ali@example.org", status=Status.APPROVED,
    )  # fmt: skip
    url = question.get_absolute_url()
    assert "It wore off after three months" not in Client().get(url).text
    answer = Answer.objects.create(
        question=question, body="It wore off after three months for me.",
        author_name="Bo", author_email="bo@example.org",
    )  # fmt: skip
    assert served_from_cache(Client(), url)[1]  # held for moderation: nothing changed
    answer.approve(moderator)
    assert "It wore off after three months" in Client().get(url).text
    assert "1 answer" in Client().get("/community/").text


@pytest.mark.parametrize("path", PUBLIC_PAGES + FEEDS_AND_MAPS)
def test_a_reader_who_has_the_page_gets_304_not_modified(article, path, settings):
    url = url_of(path, article)
    first = Client().get(url)
    for page_cache in (True, False):  # from the cache, and from the view when nothing is kept
        settings.PAGE_CACHE = page_cache
        again = Client().get(url, headers={"If-None-Match": first["ETag"]})
        assert again.status_code == 304, page_cache
        assert again.content == b""
        assert again["ETag"] == first["ETag"]
        assert again["Last-Modified"] == first["Last-Modified"]
        assert "public" in again["Cache-Control"]
        # A date alone can't tell two changes in one second apart: only a later one matches.
        same_second = Client().get(url, headers={"If-Modified-Since": first["Last-Modified"]})
        assert same_second.status_code == 200, page_cache
        later = http_date(parse_http_date(first["Last-Modified"]) + 1)
        by_date = Client().get(url, headers={"If-Modified-Since": later})
        assert by_date.status_code == 304, page_cache
        other = Client().get(url, headers={"If-None-Match": '"0123456789abcdef01234567"'})
        assert other.status_code == 200, page_cache
        assert other.content, page_cache


def test_the_validators_change_when_the_page_does(article, moderator):
    before = Client().get(article.get_absolute_url())
    changed_at = int(time.time())
    comment_on(article).approve(moderator)
    after = Client().get(article.get_absolute_url(), headers={"If-None-Match": before["ETag"]})
    assert after.status_code == 200
    assert after["ETag"] != before["ETag"]
    assert parse_http_date(after["Last-Modified"]) >= changed_at
    since = http_date(changed_at - 1)
    assert (
        Client().get(article.get_absolute_url(), headers={"If-Modified-Since": since}).status_code
        == 200
    )


def test_a_new_deploy_changes_every_etag(article, monkeypatch):
    before = Client().get(article.get_absolute_url())["ETag"]
    monkeypatch.setattr(pagecache, "build", lambda: "next-release")
    after = Client().get(article.get_absolute_url())
    assert after["ETag"] != before


def test_a_reader_with_a_message_waiting_gets_a_page_made_for_them(article):
    reader = Client()
    Client().get(article.get_absolute_url())
    reader.post(f"{article.get_absolute_url()}rate/", {"stars": 3})
    page, cached = served_from_cache(reader, article.get_absolute_url())
    assert not cached
    assert "Your rating is saved" in page.text
    assert "no-store" in page["Cache-Control"]
    # Shown once; then the shared page again.
    assert "Your rating is saved" not in reader.get(article.get_absolute_url()).text


def test_the_page_cache_can_be_turned_off(article, settings):
    settings.PAGE_CACHE = False
    Client().get(article.get_absolute_url())
    response, cached = served_from_cache(Client(), article.get_absolute_url())
    assert not cached
    assert "public" in response["Cache-Control"]  # browsers and CDNs still may


def test_forms_and_personal_pages_are_never_kept_by_a_shared_cache(article):
    for url in [
        "/community/ask/",
        f"{article.get_absolute_url()}comment/",
        "/newsletter/subscribe/",
    ]:
        response = Client().get(url)
        assert "private" in response["Cache-Control"], url
        assert "public" not in response["Cache-Control"], url


def test_a_query_string_is_its_own_page(article):
    whole = Client().get("/community/")
    Client().get("/community/?show=unanswered")
    assert served_from_cache(Client(), "/community/?show=unanswered")[1]
    assert Client().get("/community/").content == whole.content


def test_uncached_article_pages_cost_the_same_queries_however_many_comments(article, settings):
    settings.PAGE_CACHE = False
    comment_on(article, status=Status.APPROVED)
    with CaptureQueriesContext(connection) as one:
        Client().get(article.get_absolute_url())
    for n in range(20):
        comment_on(article, status=Status.APPROVED, body=f"Comment {n}")
    with CaptureQueriesContext(connection) as many:
        Client().get(article.get_absolute_url())
    assert len(many) == len(one)


@pytest.mark.parametrize("url", ["/", "/conditions/hemifacial-spasm/", "/feeds/articles.rss"])
def test_uncached_lists_cost_the_same_queries_however_many_articles(make_article, settings, url):
    settings.PAGE_CACHE = False
    make_article("first")
    with CaptureQueriesContext(connection) as one:
        Client().get(url)
    for n in range(4):
        make_article(f"more-{n}", title=f"More {n}")
    with CaptureQueriesContext(connection) as five:
        page = Client().get(url).text
    assert "More 3" in page
    assert len(five) == len(one)


def test_dates_in_pages_are_local_whole_seconds_and_read_as_words(settings):
    from datetime import UTC, date, datetime

    from empower.templatetags.dates import time_tag

    settings.TIME_ZONE = "Europe/London"
    summer = datetime(2026, 7, 4, 23, 30, 15, 123456, tzinfo=UTC)
    assert time_tag(summer) == '<time datetime="2026-07-05T00:30:15+01:00">5 July 2026</time>'
    assert time_tag(date(2026, 1, 9)) == '<time datetime="2026-01-09">9 January 2026</time>'
    assert time_tag(None) == ""


def test_public_pages_are_compressed_and_pages_with_a_token_are_not(article):
    from gzip import decompress

    page = Client().get(article.get_absolute_url(), headers={"Accept-Encoding": "gzip"})
    assert page["Content-Encoding"] == "gzip"
    assert b"Rate this" in decompress(page.content)
    assert "Accept-Encoding" in page["Vary"]
    form = Client().get("/community/ask/", headers={"Accept-Encoding": "gzip"})
    assert "csrfmiddlewaretoken" in form.text
    assert "Content-Encoding" not in form


def test_pages_that_are_not_public_cost_the_cache_nothing(
    article, settings, django_assert_num_queries
):
    settings.CACHES = settings.DATABASE_CACHES
    from django.core.management import call_command

    call_command("createcachetable", verbosity=0)
    with django_assert_num_queries(0):  # no lookup for a page that is never stored
        Client().get("/no-such-page/here/")
    etag = Client().get(article.get_absolute_url())["ETag"]
    with django_assert_num_queries(1):  # the page and its versions, in one round trip
        assert Client().get(article.get_absolute_url()).status_code == 200
    pagecache.recent.clear()  # not in this process: from the shared cache, in the same trip
    with django_assert_num_queries(1):
        response = Client().get(article.get_absolute_url(), headers={"If-None-Match": etag})
    assert response.status_code == 304


def test_a_cached_page_is_sent_gzipped_with_its_own_nonce(article):
    from gzip import decompress

    plain = Client().get(article.get_absolute_url())  # made, and kept
    for _ in range(2):
        page, cached = served_from_cache(
            Client(), article.get_absolute_url(), headers={"Accept-Encoding": "br, gzip"}
        )
        assert cached
        assert page["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in page["Vary"]
        assert int(page["Content-Length"]) == len(page.content) < len(plain.content) / 2
        html = decompress(page.content).decode()
        nonce = re.search(r"'nonce-([^']+)'", page["Content-Security-Policy"]).group(1)
        assert html == plain.text.replace(re.search(r'nonce="([^"]+)"', plain.text).group(1), nonce)
    bare, cached = served_from_cache(Client(), article.get_absolute_url())
    assert cached
    assert "Content-Encoding" not in bare
    assert "Accept-Encoding" in bare["Vary"]


def test_a_template_edited_under_runserver_is_fingerprinted_again():
    from django.utils.autoreload import file_changed

    pagecache.build()
    assert pagecache.build.cache_info().currsize == 1  # once per process…
    file_changed.send(sender=None, file_path=pagecache.Path("templates/base.html"))
    assert pagecache.build.cache_info().currsize == 0  # …until runserver sees an edit


def test_a_page_with_a_query_it_does_not_name_is_made_but_not_kept(article):
    Client().get("/?utm_source=newsletter")
    response, cached = served_from_cache(Client(), "/?utm_source=newsletter")
    assert not cached  # otherwise anyone could fill the cache with /?x=1, /?x=2…
    assert "public" in response["Cache-Control"]
    Client().get("/community/?show=unanswered&page=1")
    assert served_from_cache(Client(), "/community/?show=unanswered&page=1")[1]


def test_pages_are_kept_apart_from_rate_limits_and_lockouts(article):
    from django.core.cache import cache, caches

    Client().get(article.get_absolute_url())
    cache.clear()  # the default cache: limits, lockouts
    assert served_from_cache(Client(), article.get_absolute_url())[1]
    caches["pages"].clear()
    pagecache.recent.clear()
    assert not served_from_cache(Client(), article.get_absolute_url())[1]


def test_when_the_pages_cache_fails_readers_still_get_pages_and_editors_can_save(
    article, editor, monkeypatch, caplog
):
    from django.core.cache import caches

    def broken(*args, **kwargs):
        raise ConnectionError("the cache is down")

    for method in ("get_many", "set_many", "set", "add", "get"):
        monkeypatch.setattr(caches["pages"], method, broken)
    response = Client().get(article.get_absolute_url())
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]  # made for this reader alone
    article.condition.name = "Hemifacial spasm (HFS)"
    article.condition.save()  # the change is kept; the failure is logged
    assert "Could not mark pages changed" in caplog.text


def test_if_none_match_star_never_hides_a_missing_page(article):
    missing = Client().get("/articles/no-such-article/", headers={"If-None-Match": "*"})
    assert missing.status_code == 404
    there = Client().get(article.get_absolute_url(), headers={"If-None-Match": "*"})
    assert there.status_code == 304


def test_a_gzipped_page_from_the_cache_has_a_weak_etag_that_still_matches(article):
    first = Client().get(article.get_absolute_url())
    zipped = Client().get(article.get_absolute_url(), headers={"Accept-Encoding": "gzip"})
    assert zipped["ETag"] == f"W/{first['ETag']}"
    again = Client().get(
        article.get_absolute_url(),
        headers={"Accept-Encoding": "gzip", "If-None-Match": zipped["ETag"]},
    )
    assert again.status_code == 304
    assert "Accept-Encoding" in again["Vary"]


def test_a_new_name_in_a_byline_refreshes_the_pages(article, editor):
    assert "Erin Editor" in Client().get(article.get_absolute_url()).text
    editor.last_name = "Editwell"
    editor.save()
    assert "Erin Editwell" in Client().get(article.get_absolute_url()).text


def test_signing_in_changes_no_page(article, editor):
    from django.contrib.auth.models import update_last_login

    Client().get(article.get_absolute_url())
    update_last_login(None, editor)
    assert served_from_cache(Client(), article.get_absolute_url())[1]


def test_a_response_that_sets_a_cookie_is_never_public():
    from django.http import HttpResponse

    response = HttpResponse("hello")
    pagecache.public_cache_control(response)
    response["ETag"] = '"abc"'
    response["Last-Modified"] = "Wed, 25 Nov 2026 10:00:00 GMT"
    response.set_cookie("visitor", "1")
    finished = pagecache.PageCacheMiddleware._finish(response)
    assert "public" not in finished["Cache-Control"]
    assert "private" in finished["Cache-Control"]
    assert "ETag" not in finished
    assert "Last-Modified" not in finished
    assert "CDN-Cache-Control" not in finished


def test_a_page_that_already_holds_the_placeholder_is_not_kept(rf):
    from django.http import HttpResponse

    response = HttpResponse(b"<p>" + pagecache.NONCE_PLACEHOLDER + b"</p>")
    response.page_topics = ["site"]
    response.page_validators = pagecache.Validators('"x"', 0)
    assert pagecache.Entry.of(rf.get("/"), response) is None


def test_the_build_fingerprint_covers_the_settings_pages_show(settings):
    pagecache.build.cache_clear()
    before = pagecache.build()
    settings.SITE_NAME = "Empower Health"
    pagecache.build.cache_clear()
    assert pagecache.build() != before


def test_a_page_another_process_made_is_served_from_the_shared_cache(article):
    url = article.get_absolute_url()
    made = Client().get(url)
    pagecache.recent.clear()  # this process never saw it
    again, cached = served_from_cache(Client(), url)
    assert cached
    assert again["ETag"] == made["ETag"]


def test_a_stale_page_in_this_process_gives_way_to_the_new_one_in_the_shared_cache(article):
    url = article.get_absolute_url()
    Client().get(url)
    [(key, old)] = list(pagecache.recent.entries.items())
    Client().post(f"{url}rate/", {"stars": 5})
    new = Client().get(url)  # made again (by "another process"), kept in both
    assert "5.0 out of 5" in new.text
    pagecache.recent.put(key, old)  # this process still holds the old page
    again, cached = served_from_cache(Client(), url)
    assert cached  # the shared cache's, not made again
    assert again["ETag"] == new["ETag"]
    assert "5.0 out of 5" in again.text


def test_a_304_from_the_cache_tells_shared_caches_how_long_to_keep_it(article):
    first = Client().get(article.get_absolute_url())
    again = Client().get(article.get_absolute_url(), headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304
    assert again["CDN-Cache-Control"] == first["CDN-Cache-Control"]
    assert again["Last-Modified"] == first["Last-Modified"]


def test_last_modified_is_when_the_page_last_changed_not_when_it_was_asked_for(article):
    changed = int(time.time()) + 3600  # any moment but now
    topics.pages_cache().set_many(
        {topics.PREFIX + name: changed * 10**6 for name in ("site", f"article:{article.slug}")},
        timeout=None,
    )
    made = Client().get(article.get_absolute_url())
    again, cached = served_from_cache(Client(), article.get_absolute_url())
    assert cached
    assert parse_http_date(made["Last-Modified"]) == changed
    assert again["Last-Modified"] == made["Last-Modified"]


def test_a_head_request_is_answered_from_the_cache_without_a_body(article):
    made = Client().get(article.get_absolute_url())
    head, cached = served_from_cache(Client(), article.get_absolute_url(), method="HEAD")
    assert cached
    assert head.status_code == 200
    assert head.content == b""
    assert head["ETag"] == made["ETag"]
    assert head["Content-Length"] == str(len(made.content))


def test_this_process_keeps_only_its_most_recently_served_pages():
    kept = pagecache._Recent(size=2)
    first, second, third = (object() for _ in range(3))
    kept.put("first", first)
    kept.put("second", second)
    assert kept.get("first") is first  # served again: now the most recent
    kept.put("third", third)
    assert kept.get("second") is None
    assert kept.get("first") is first
    assert kept.get("third") is third
    kept.put("first", second)  # a newer page for the same address replaces the old
    assert kept.get("first") is second
    assert len(kept.entries) == 2
