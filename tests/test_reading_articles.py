"""A reader finds conditions, opens their guides, and reads reviewed articles."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Condition, Reference, WorkflowError


@pytest.mark.django_db
def test_the_article_page_shows_the_byline_from_the_review(client, article):
    response = client.get(article.get_absolute_url())
    review = article.current_review
    assert response.status_code == 200
    expected = (
        f'Reviewed <time datetime="{review.reviewed_at:%Y-%m-%d}">'
        f"{review.reviewed_at.day} {review.reviewed_at:%B %Y}</time>\n"
        f'  by <a href="/people/nora-nurse/">Nora Nurse, RN</a> · Edited by Erin Editor'
    )
    assert expected in response.text


@pytest.mark.django_db
def test_the_byline_keeps_the_credentials_held_at_review_time(client, article, reviewer):
    reviewer.profile.credentials = "MD"
    reviewer.profile.save()
    assert ">Nora Nurse, RN</a>" in client.get(article.get_absolute_url()).text


@pytest.mark.django_db
def test_the_article_page_lists_references_in_citation_style(client, article):
    response = client.get(article.get_absolute_url())
    assert "Source 0. " in response.text
    assert (
        '<a href="https://example.org/ref/0" rel="noopener noreferrer">Reference title 0.</a>'
        in (response.text)
    )
    assert 'Web. <time datetime="2011-12-05">5 December 2011</time>.' in response.text


def test_a_reference_reads_as_a_citation():
    reference = Reference(
        source="University of Maryland Medical Center",
        title="Hemifacial Spasm",
        accessed_on=timezone.datetime(2011, 12, 5).date(),
    )
    assert reference.citation == (
        "University of Maryland Medical Center. Hemifacial Spasm. Web. 5 December 2011."
    )


@pytest.mark.django_db
def test_an_unpublished_article_is_not_found(client, make_article):
    article = make_article(publish=False)
    assert client.get(article.get_absolute_url()).status_code == 404


@pytest.mark.django_db
def test_an_unapproved_article_cannot_be_published_or_seen(client, make_article):
    article = make_article(approved=False)
    revision = article.revisions.get()
    with pytest.raises(WorkflowError, match="Only an approved revision can be published"):
        revision.publish(article.editor)
    assert client.get(article.get_absolute_url()).status_code == 404


@pytest.mark.django_db
def test_an_article_scheduled_for_later_is_not_found_yet(client, make_article):
    article = make_article(published_at=timezone.now() + timedelta(hours=1))
    assert client.get(article.get_absolute_url()).status_code == 404
    assert article.get_absolute_url() not in client.get("/").text


@pytest.mark.django_db
def test_the_article_page_shows_related_articles_from_the_same_condition(
    client, make_article, condition
):
    article = make_article()
    sibling = make_article("treating-it", title="Treating hemifacial spasm")
    other_condition = Condition.objects.create(name="Migraine", slug="migraine", summary="x")
    stranger = make_article(
        "migraine-basics", title="Migraine basics", in_condition=other_condition
    )
    text = client.get(article.get_absolute_url()).text
    assert sibling.get_absolute_url() in text
    assert stranger.get_absolute_url() not in text


@pytest.mark.django_db
def test_the_article_page_shows_the_medical_disclaimer(client, article):
    text = client.get(article.get_absolute_url()).text
    assert "for information only" in text
    assert 'href="/medical-disclaimer/"' in text


@pytest.mark.django_db
def test_the_article_page_query_count_does_not_grow_with_references(
    client, make_article, django_assert_max_num_queries
):
    few = make_article("few", references=1)
    many = make_article("many", references=30)
    with django_assert_max_num_queries(8) as few_queries:
        client.get(few.get_absolute_url())
    with django_assert_max_num_queries(8) as many_queries:
        response = client.get(many.get_absolute_url())
    assert response.text.count('">Reference title') == 30, "each reference listed once"
    assert len(many_queries) == len(few_queries)


@pytest.mark.django_db
def test_the_guide_lists_its_published_articles_newest_first(client, make_article, condition):
    now = timezone.now()
    older = make_article("older", title="Older article", published_at=now - timedelta(days=9))
    newer = make_article("newer", title="Newer article", published_at=now - timedelta(days=1))
    draft = make_article("draft", title="Draft article", publish=False)
    text = client.get(condition.get_absolute_url()).text
    assert text.index(newer.get_absolute_url()) < text.index(older.get_absolute_url())
    assert draft.get_absolute_url() not in text
    assert "The facial nerve sends signals it should not." in text


@pytest.mark.django_db
def test_the_guide_query_count_does_not_grow_with_articles(
    client, make_article, condition, guide, settings
):
    settings.PAGE_CACHE = False
    make_article("article-0", title="Article 0")
    with CaptureQueriesContext(connection) as one:
        client.get(condition.get_absolute_url())
    for n in range(1, 30):
        make_article(f"article-{n}", title=f"Article {n}")
    with CaptureQueriesContext(connection) as thirty:
        response = client.get(condition.get_absolute_url())
    assert response.text.count("/articles/article-") == 30
    assert len(thirty) == len(one)


@pytest.mark.django_db
def test_the_a_to_z_list_groups_conditions_by_letter(client, condition):
    Condition.objects.create(name="Bell's palsy", slug="bells-palsy", summary="Facial weakness.")
    Condition.objects.create(name="Migraine", slug="migraine", summary="Headaches.")
    text = client.get("/conditions/").text
    assert text.index('id="letter-B"') < text.index('id="letter-H"') < text.index('id="letter-M"')
    assert "Bell&#x27;s palsy" in text


@pytest.mark.django_db
def test_the_home_page_shows_the_latest_articles_and_the_conditions(
    client, make_article, condition, django_assert_max_num_queries
):
    for n in range(8):
        make_article(f"article-{n}", title=f"Article {n}")
    with django_assert_max_num_queries(4):
        text = client.get("/").text
    assert text.count("/articles/article-") == 6
    assert "/articles/article-7/" in text
    assert "/articles/article-0/" not in text
    assert condition.get_absolute_url() in text
    assert "(8 articles)" in text


@pytest.mark.django_db
def test_a_title_with_markup_is_shown_escaped(client, make_article):
    article = make_article(title="<script>alert(1)</script> spasm")
    text = client.get(article.get_absolute_url()).text
    assert "<script>alert(1)</script>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; spasm" in text


def test_an_article_is_public_only_with_a_live_text_and_a_time_that_has_come(article, editor):
    now = timezone.now()
    assert article.is_public
    article.published_at = now + timedelta(minutes=1)
    assert not article.is_public, "a publication time still to come"
    article.published_at = now - timedelta(minutes=1)
    article.published_revision = None
    assert not article.is_public, "no live text"
    article.published_revision_id = None
    article.published_at = None
    assert not article.is_public


@pytest.mark.django_db
def test_the_home_page_lists_only_conditions_with_something_to_read(client, article, guide):
    Condition.objects.create(name="Migraine", slug="migraine", summary="Headaches.")
    home = client.get("/").text
    assert "(guide, 1 article)" in home
    assert 'href="/conditions/migraine/"' not in home.split('id="conditions-title"')[1]
    assert 'id="hero-search-q"' in home
