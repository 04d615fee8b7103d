"""What search engines and feed readers are told: which pages to list and which to
leave out, every address on SITE_URL, dates that agree, and whole-second times."""

import re
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime
from urllib.robotparser import RobotFileParser

import extruct
import pytest
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Condition, Review, StaffProfile
from comments.models import Status
from community.models import Answer, Question
from empower import pagecache
from empower.syndication import EPOCH
from newsletter.models import Subscriber

pytestmark = pytest.mark.django_db

SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
ATOM = {"atom": "http://www.w3.org/2005/Atom"}
WHOLE_SECONDS = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d")


def fresh(client, url, **headers):
    """The page as it is made now, not a copy from the page cache."""
    caches["pages"].clear()
    pagecache.recent.clear()
    return client.get(url, **headers)


def question(title="Does caffeine matter?", status=Status.APPROVED, **fields):
    return Question.objects.create(
        title=title, body="I drink lots of coffee.", author_name="Robin",
        author_email="r@example.org", status=status, **fields,
    )  # fmt: skip


def sitemap_lastmods(response) -> dict[str, str | None]:
    root = ET.fromstring(response.content)
    return {
        url.findtext("s:loc", namespaces=SITEMAP): url.findtext("s:lastmod", namespaces=SITEMAP)
        for url in root.findall("s:url", SITEMAP)
    }


def day(moment) -> str:
    return timezone.localdate(moment).isoformat()


def json_ld(response) -> dict:
    (data,) = extruct.extract(response.text, syntaxes=["json-ld"], uniform=True)["json-ld"]
    return data


def strings_in(node):
    if isinstance(node, dict):
        node = list(node.values())
    if isinstance(node, list):
        for value in node:
            yield from strings_in(value)
    elif isinstance(node, str):
        yield node


# The sitemap -----------------------------------------------------------------


def test_the_sitemap_lists_the_home_page_the_conditions_a_to_z_and_the_community_page(
    client, make_article, condition
):
    now = timezone.now()
    Condition.objects.update(updated_at=now - timedelta(days=10))
    make_article(published_at=now - timedelta(days=3))
    asked = question()
    Question.objects.filter(pk=asked.pk).update(created_at=now - timedelta(days=5))
    answer = Answer.objects.create(
        question=asked, body="Cutting down helped me.", author_name="Jo",
        author_email="j@example.org", status=Status.APPROVED,
    )  # fmt: skip
    Answer.objects.filter(pk=answer.pk).update(created_at=now - timedelta(days=2))
    Answer.objects.create(
        question=asked, body="Pending.", author_name="Al", author_email="a@example.org"
    )
    lastmods = sitemap_lastmods(client.get("/sitemap.xml"))
    assert lastmods["http://localhost:8000/"] == day(now - timedelta(days=3))
    assert lastmods["http://localhost:8000/conditions/"] == day(now - timedelta(days=10))
    assert lastmods["http://localhost:8000/community/"] == day(now - timedelta(days=2))


def test_the_sitemap_costs_the_same_queries_however_much_there_is(client, make_article):
    make_article("one")
    with CaptureQueriesContext(connection) as few:
        fresh(client, "/sitemap.xml")
    for n in range(5):
        make_article(f"more-{n}")
        question(f"Question {n}?")
    with CaptureQueriesContext(connection) as many:
        urls = sitemap_lastmods(fresh(client, "/sitemap.xml"))
    assert sum("/articles/more-" in url for url in urls) == 5
    assert len(many) == len(few)


def test_the_sitemap_and_feeds_name_pages_by_site_url_whatever_host_was_asked(
    client, settings, article
):
    settings.SITE_URL = "https://empower.example"
    settings.ALLOWED_HOSTS = ["mirror.example"]
    mirror = {"HTTP_HOST": "mirror.example"}
    asked_question = question()
    locations = list(sitemap_lastmods(client.get("/sitemap.xml", **mirror)))
    assert f"https://empower.example{article.get_absolute_url()}" in locations
    assert f"https://empower.example{asked_question.get_absolute_url()}" in locations
    assert all(location.startswith("https://empower.example/") for location in locations)
    rss = ET.fromstring(client.get("/feeds/articles.rss", **mirror).content)
    atom = ET.fromstring(client.get("/conditions/hemifacial-spasm/feed.atom", **mirror).content)
    addresses = [
        *(element.text for element in rss.iter() if element.tag in ("link", "guid")),
        *(element.get("href") for element in rss.iter("{http://www.w3.org/2005/Atom}link")),
        *(element.text for element in atom.iter("{http://www.w3.org/2005/Atom}id")),
        *(element.get("href") for element in atom.iter("{http://www.w3.org/2005/Atom}link")),
    ]
    assert len(addresses) == 9
    assert all(address.startswith("https://empower.example/") for address in addresses)
    assert "https://empower.example/feeds/articles.rss" in addresses
    assert "https://empower.example/conditions/hemifacial-spasm/feed.atom" in addresses


# robots.txt and noindex --------------------------------------------------------


def pages_kept_out_of_results(article) -> list[str]:
    asked = question()
    pending = Subscriber.objects.create(email="pat@example.org")
    bob = Subscriber.objects.create(email="bob@example.org", status=Subscriber.Status.CONFIRMED)
    return [
        "/search/",
        "/search/?q=spasm",
        "/community/ask/",
        f"/community/questions/{asked.pk}/answer/",
        f"{article.get_absolute_url()}comment/",
        "/newsletter/subscribe/",
        "/newsletter/check-your-inbox/",
        pending.confirm_url(),
        bob.preferences_url(),
        bob.unsubscribe_url(),
        bob.data_url(),
        asked.asker_url(),
        f"/preview/revisions/{article.published_revision_id}/",
        "/admin/",
    ]


def robots(client) -> RobotFileParser:
    parser = RobotFileParser()
    parser.parse(client.get("/robots.txt").text.splitlines())
    return parser


def test_a_page_kept_out_of_results_is_either_disallowed_or_marked_noindex_never_both(
    client, article
):
    rules = robots(client)
    for url in pages_kept_out_of_results(article):
        path = url.removeprefix("http://localhost:8000")
        disallowed = not rules.can_fetch("*", f"http://localhost:8000{path}")
        noindex = "noindex" in Client().get(path).get("X-Robots-Tag", "")
        assert disallowed != noindex, (path, disallowed, noindex)


def test_personal_links_and_staff_pages_are_the_ones_disallowed(client, article):
    rules = robots(client)
    disallowed = [
        url.removeprefix("http://localhost:8000")
        for url in pages_kept_out_of_results(article)
        if not rules.can_fetch("*", url if "://" in url else f"http://localhost:8000{url}")
    ]
    prefixes = {re.match(r"/[^/]+/[^/]+/|/admin/", path)[0] for path in disallowed}
    assert prefixes == {
        "/newsletter/confirm/", "/newsletter/preferences/", "/newsletter/unsubscribe/",
        "/newsletter/your-data/", "/community/yours/", "/preview/revisions/", "/admin/",
    }  # fmt: skip


def test_public_pages_are_neither_disallowed_nor_marked_noindex(client, article, reviewer):
    published = question()
    rules = robots(client)
    for path in [
        "/", "/conditions/", "/conditions/hemifacial-spasm/", article.get_absolute_url(),
        "/about/", "/community/", published.get_absolute_url(), "/medical-reviewers/",
        "/people/nora-nurse/", "/feeds/articles.rss", "/conditions/hemifacial-spasm/feed.atom",
    ]:  # fmt: skip
        response = Client().get(path)
        assert response.status_code == 200, path
        assert rules.can_fetch("*", f"http://localhost:8000{path}"), path
        assert "X-Robots-Tag" not in response, path


# Feeds ----------------------------------------------------------------------------


def atom_entries(response) -> dict[str, tuple[datetime, datetime]]:
    root = ET.fromstring(response.content)
    return {
        entry.findtext("atom:title", namespaces=ATOM): (
            datetime.fromisoformat(entry.findtext("atom:published", namespaces=ATOM)),
            datetime.fromisoformat(entry.findtext("atom:updated", namespaces=ATOM)),
        )
        for entry in root.findall("atom:entry", ATOM)
    }


def test_an_entry_is_never_updated_before_it_was_published(client, make_article, reviewer):
    now = timezone.now()
    scheduled = make_article("scheduled", title="Reviewed, then published later")
    Review.objects.filter(revision__article=scheduled).update(reviewed_at=now - timedelta(days=3))
    make_article("reviewed-again", title="Reviewed again after publication")
    entries = atom_entries(client.get("/feeds/articles.atom"))
    published, updated = entries["Reviewed, then published later"]
    assert updated == published == scheduled.published_at
    published, updated = entries["Reviewed again after publication"]
    assert updated > published


def test_a_new_text_going_live_updates_the_entry(client, article, editor, reviewer):
    revision = article.start_revision(editor)
    revision.submit(editor)
    revision.approve(reviewer, what_changed="Checked against current guidance.")
    revision.publish(editor)
    article.refresh_from_db()
    Review.objects.filter(revision=revision).update(
        reviewed_at=article.revised_at - timedelta(hours=1)
    )
    ((published, updated),) = atom_entries(client.get("/feeds/articles.atom")).values()
    assert published == article.published_at
    assert updated == article.revised_at > published


@pytest.mark.parametrize(
    "url", ["/feeds/articles.atom", "/feeds/articles.rss", "/conditions/hemifacial-spasm/feed.atom"]
)
def test_an_empty_feed_keeps_its_date_from_one_request_to_the_next(client, condition, url):
    month_ago = (timezone.now() - timedelta(days=30)).replace(microsecond=0)
    Condition.objects.update(updated_at=month_ago)

    def date_of(response):
        root = ET.fromstring(response.content)
        if text := root.findtext("atom:updated", namespaces=ATOM):
            return datetime.fromisoformat(text)
        return parsedate_to_datetime(root.findtext("channel/lastBuildDate"))

    first = date_of(fresh(client, url))
    assert date_of(fresh(client, url)) == first
    assert first == (month_ago if "conditions" in url else EPOCH)


# Structured data -------------------------------------------------------------------


def test_the_article_data_names_its_reviewers_licence_and_everyones_profile(
    client, article, editor
):
    StaffProfile.objects.create(user=editor, display_name="Erin Editor", job_title="Editor")
    data = json_ld(client.get(article.get_absolute_url()))
    assert data["reviewedBy"]["hasCredential"] == {
        "@type": "EducationalOccupationalCredential",
        "credentialCategory": "license",
        "name": "Registered Nurse (RN)",
    }
    assert data["reviewedBy"]["url"] == "http://localhost:8000/people/nora-nurse/"
    assert data["author"]["url"] == "http://localhost:8000/people/erin-editor/"
    assert data["editor"]["url"] == "http://localhost:8000/people/erin-editor/"


def test_the_article_data_is_modified_when_last_reviewed_and_never_before_publication(
    client, article
):
    review = article.current_review
    data = json_ld(client.get(article.get_absolute_url()))
    published = datetime.fromisoformat(data["datePublished"])
    modified = datetime.fromisoformat(data["dateModified"])
    assert published == article.published_at.replace(microsecond=0)
    assert modified == review.reviewed_at.replace(microsecond=0)
    assert modified > published


def test_every_time_in_the_structured_data_is_in_whole_seconds(client, article, reviewer):
    asked = question()
    asked.answer_as_staff(reviewer, "It can make twitching more noticeable.")
    for url in [article.get_absolute_url(), asked.get_absolute_url()]:
        times = [text for text in strings_in(json_ld(client.get(url))) if "T" in text[10:11]]
        assert times, url
        assert all(WHOLE_SECONDS.fullmatch(text) for text in times), times


def test_someone_who_left_is_linked_from_nowhere(client, article, guide, reviewer):
    reviewer.is_active = False
    reviewer.save()
    profile = StaffProfile.objects.get(user=reviewer)
    assert not profile.is_public
    assert profile not in StaffProfile.objects.public()
    for url in [article.get_absolute_url(), guide.get_absolute_url()]:
        page = client.get(url)
        assert "/people/nora-nurse/" not in page.text, url
        assert json_ld(page)["reviewedBy"]["name"] == "Nora Nurse"


def test_someone_on_the_team_has_a_public_profile(reviewer):
    profile = StaffProfile.objects.get(user=reviewer)
    assert profile.is_public
    assert profile in StaffProfile.objects.public()
