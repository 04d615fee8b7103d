"""Feeds, the sitemap, robots.txt and the metadata search engines read."""

import re
import xml.etree.ElementTree as ET
from datetime import timedelta

import extruct
import pytest
from django.utils import timezone

from articles.models import Review
from comments.models import Status
from community.models import Answer, Question

pytestmark = pytest.mark.django_db

# The schema.org properties each type we emit may carry (from schema.org's definitions).
SCHEMA = {
    "MedicalWebPage": {
        "url", "name", "headline", "description", "inLanguage", "datePublished", "about",
        "author", "editor", "publisher", "citation", "lastReviewed", "reviewedBy",
        "aggregateRating", "dateModified", "image",
    },
    "MedicalCondition": {"name", "url"},
    "Person": {"name", "honorificSuffix", "hasCredential", "url"},
    "EducationalOccupationalCredential": {"credentialCategory", "name"},
    "Organization": {"name", "url"},
    "CreativeWork": {"name", "publisher", "url"},
    "AggregateRating": {"ratingValue", "ratingCount", "bestRating", "worstRating"},
    "QAPage": {"mainEntity"},
    "Question": {
        "name", "text", "answerCount", "dateCreated", "author", "acceptedAnswer",
        "suggestedAnswer",
    },
    "Answer": {"text", "dateCreated", "upvoteCount", "url", "author"},
}  # fmt: skip


def assert_valid_schema(node):
    """Every object has a known @type and only that type's properties, all the way down."""
    if isinstance(node, list):
        for item in node:
            assert_valid_schema(item)
        return
    if not isinstance(node, dict):
        return
    kind = node["@type"]
    assert kind in SCHEMA, kind
    unknown = set(node) - SCHEMA[kind] - {"@type", "@context", "@id"}
    assert not unknown, f"{kind} has no properties {unknown}"
    for value in node.values():
        assert_valid_schema(value)


def json_ld(response):
    return extruct.extract(response.text, syntaxes=["json-ld"], uniform=True)["json-ld"]


def overdue(article):
    Review.objects.filter(revision__article=article).update(
        reviewed_at=timezone.now() - timedelta(days=400)
    )
    article.refresh_review_due()


def test_the_article_json_ld_carries_the_review_from_the_approval(client, article):
    article.rate("a", 5)
    article.rate("b", 4)
    (data,) = json_ld(client.get(article.get_absolute_url()))
    assert_valid_schema(data)
    review = article.current_review
    assert data["@type"] == "MedicalWebPage"
    assert data["reviewedBy"]["name"] == "Nora Nurse"
    assert data["reviewedBy"]["honorificSuffix"] == "RN"
    assert data["lastReviewed"] == review.reviewed_at.date().isoformat()
    assert data["about"] == {
        "@type": "MedicalCondition",
        "name": "Hemifacial spasm",
        "url": "http://localhost:8000/conditions/hemifacial-spasm/",
    }
    assert data["citation"][0]["name"] == "Reference title 0"
    assert data["aggregateRating"]["ratingValue"] == 4.5
    assert data["aggregateRating"]["ratingCount"] == 2
    assert (data["author"]["name"], data["editor"]["name"]) == ("Erin Editor", "Erin Editor")


def test_json_ld_cannot_break_out_of_its_script_tag(client, make_article):
    article = make_article(title="</script><script>alert(1)</script>")
    html = client.get(article.get_absolute_url()).text
    assert "</script><script>alert(1)" not in html
    (data,) = json_ld(client.get(article.get_absolute_url()))
    assert data["name"] == "</script><script>alert(1)</script>"


def test_question_pages_carry_qa_page_json_ld(client, reviewer):
    question = Question.objects.create(
        title="Does caffeine matter?", body="I drink lots of coffee.", author_name="Robin",
        author_email="r@example.org", status=Status.APPROVED,
    )  # fmt: skip
    reader = Answer.objects.create(
        question=question, body="Cutting down helped me.", author_name="Jo",
        author_email="j@example.org", status=Status.APPROVED,
    )  # fmt: skip
    question.answer_as_staff(reviewer, "It can make twitching more noticeable.")
    question.accept(reader)
    (data,) = json_ld(client.get(question.get_absolute_url()))
    assert_valid_schema(data)
    main = data["mainEntity"]
    assert (main["name"], main["answerCount"]) == ("Does caffeine matter?", 2)
    assert main["acceptedAnswer"]["text"] == "Cutting down helped me."
    assert main["suggestedAnswer"][0]["author"]["honorificSuffix"] == "RN"


@pytest.mark.parametrize(
    "path", ["/", "/conditions/", "/conditions/hemifacial-spasm/", "ARTICLE", "/about/",
             "/community/", "/search/?q=spasm"],
)  # fmt: skip
def test_every_public_page_has_a_canonical_url_description_and_sharing_tags(client, article, path):
    url = article.get_absolute_url() if path == "ARTICLE" else path
    html = client.get(url).text
    bare = url.split("?")[0]
    assert f'<link rel="canonical" href="http://localhost:8000{bare}">' in html
    for tag in [
        'name="description" content="',
        'property="og:title" content="',
        'property="og:description" content="',
        'property="og:url" content="http://localhost:8000',
        'name="twitter:card" content="summary_large_image"',
        # A raster image social sites show (an SVG, they don't), at the size they ask for.
        'property="og:image" content="http://localhost:8000/static/img/share',
        'property="og:image:width" content="1200"',
        'property="og:image:height" content="630"',
    ]:
        assert tag in html, tag
    assert not re.search(r'property="og:title" content=""', html)


def test_the_article_page_shares_its_own_title(client, article):
    html = client.get(article.get_absolute_url()).text
    assert '<meta property="og:title" content="What is hemifacial spasm?">' in html
    assert '<meta property="og:type" content="article">' in html


def rss_titles(response):
    return [item.findtext("title") for item in ET.fromstring(response.content).iter("item")]


def test_the_feeds_list_exactly_the_public_articles_with_a_current_review(
    client, make_article, condition
):
    make_article("public", title="Public article")
    make_article("draft", title="Draft article", approved=False)
    make_article(
        "later", title="Scheduled article", published_at=timezone.now() + timedelta(days=1)
    )
    overdue(make_article("overdue", title="Overdue article"))
    assert rss_titles(client.get("/feeds/articles.rss")) == ["Public article"]
    atom = ET.fromstring(client.get("/feeds/articles.atom").content)
    namespace = {"atom": "http://www.w3.org/2005/Atom"}
    entries = atom.findall("atom:entry", namespace)
    assert [entry.findtext("atom:title", namespaces=namespace) for entry in entries] == [
        "Public article"
    ]
    assert rss_titles(client.get(f"/conditions/{condition.slug}/feed.rss")) == ["Public article"]
    assert client.get("/conditions/nope/feed.rss").status_code == 404


def test_the_sitemap_lists_exactly_the_public_items(client, make_article, editor):
    public = make_article("public", title="Public article")
    hidden = make_article("hidden", title="Unpublished article")
    hidden.unpublish(editor)
    make_article("draft", title="Draft", approved=False)
    Question.objects.create(
        title="Approved question", body="b", author_name="a", author_email="a@example.org",
        status=Status.APPROVED,
    )  # fmt: skip
    pending = Question.objects.create(
        title="Pending question", body="b", author_name="a", author_email="b@example.org",
    )  # fmt: skip
    root = ET.fromstring(client.get("/sitemap.xml").content)
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    lastmods = {
        re.sub(r"^https?://[^/]+", "", url.findtext("s:loc", namespaces=namespace)): url.findtext(
            "s:lastmod", namespaces=namespace
        )
        for url in root.findall("s:url", namespace)
    }
    paths = set(lastmods)
    assert public.get_absolute_url() in paths
    assert "/articles/hidden/" not in paths
    assert "/articles/draft/" not in paths
    assert pending.get_absolute_url() not in paths
    assert "/conditions/hemifacial-spasm/" in paths
    assert {"/about/", "/privacy/", "/terms/"} <= paths
    expected = public.current_review.reviewed_at.date().isoformat()
    assert lastmods[public.get_absolute_url()] == expected, "lastmod is the last review"


def test_robots_txt_keeps_crawlers_from_staff_pages_and_personal_links(client):
    robots = client.get("/robots.txt")
    assert robots["Content-Type"].startswith("text/plain")
    rules = re.findall(r"^Disallow: (.*)$", robots.text, re.M)
    assert rules == [
        "/admin/",
        "/preview/",
        "/captcha/",
        "/community/yours/",
        "/newsletter/confirm/",
        "/newsletter/preferences/",
        "/newsletter/unsubscribe/",
        "/newsletter/your-data/",
    ]
    assert robots.text.startswith("User-agent: *\n")
    assert "Sitemap: http://localhost:8000/sitemap.xml" in robots.text
