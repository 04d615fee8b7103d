"""A condition's page is its guide: sections readers look for, jump links, key
points, and the same nurse review as any article."""

from datetime import timedelta

import pytest
from django.db import IntegrityError
from django.test import Client
from django.utils import timezone

from articles.models import Article, WorkflowError
from search.query import search

pytestmark = pytest.mark.django_db

JUMPS = [("overview", "Overview"), ("when-to-see-a-doctor", "When to see a doctor")]


def test_a_published_guide_is_its_conditions_page_with_jump_links_and_byline(condition, guide):
    page = Client().get(condition.get_absolute_url()).text
    assert "<h1>Hemifacial spasm</h1>" in page
    assert "In this guide" in page
    for anchor, title in JUMPS:
        assert f'<li><a href="#{anchor}">{title}</a></li>' in page
        assert f'<h2 id="{anchor}">{title}</h2>' in page
    assert 'by <a href="/people/nora-nurse/">Nora Nurse, RN</a> · Edited by Erin Editor' in page
    assert "Key points" in page
    assert "<li>They are not painful.</li>" in page
    assert guide.get_absolute_url() == condition.get_absolute_url()


def test_a_guide_is_never_listed_as_an_article(condition, guide, article):
    page = Client().get(condition.get_absolute_url()).text
    assert page.count('<article class="article-card') == 1
    assert Client().get(f"/articles/{guide.slug}/").status_code == 404
    home = Client().get("/").text
    assert "hemifacial-spasm-guide" not in home
    assert "hemifacial-spasm-guide" not in Client().get("/feeds/articles.rss").text
    assert "hemifacial-spasm-guide" not in Client().get("/sitemap.xml").text


def test_a_guide_needs_a_current_review_like_any_article(make_article, editor):
    draft = make_article("guide", kind="guide", approved=False).revisions.get()
    draft.submit(editor)
    with pytest.raises(WorkflowError, match="Only an approved revision can be published"):
        draft.publish(editor)


def test_until_its_guide_is_published_a_condition_shows_its_overview(condition, make_article):
    make_article("guide", kind="guide", approved=False, body="## Symptoms\n\nSecret draft.")
    page = Client().get(condition.get_absolute_url()).text
    assert "The facial nerve sends signals it should not." in page
    assert "Secret draft" not in page
    assert "In this guide" not in page


def test_a_condition_has_one_guide(condition, guide, make_article):
    with pytest.raises(IntegrityError):
        make_article("second-guide", kind="guide", approved=False)


def test_the_guides_text_is_what_search_finds_for_its_condition(condition, guide):
    results = search("when to see a doctor")
    assert [result.url for result in results] == [condition.get_absolute_url()]


def test_an_unpublished_guide_leaves_its_page_and_search(condition, guide, editor):
    guide.unpublish(editor)
    page = Client().get(condition.get_absolute_url()).text
    assert "In this guide" not in page
    assert list(search("when to see a doctor")) == []


def test_dates_tell_when_the_next_review_is_due_and_when_the_text_changed(
    article, editor, reviewer
):
    page = Client().get(article.get_absolute_url()).text
    due = article.next_review_due
    assert f"Next review due {due:%B %Y}" in page
    assert "· Updated" not in page
    revision = article.start_revision(editor)
    revision.body = "New guidance on treatment."
    revision.save()
    revision.submit(editor)
    revision.approve(reviewer, what_changed="Checked against current guidance.")
    revision.publish(editor)
    article.refresh_from_db()
    assert article.was_revised
    page = Client().get(article.get_absolute_url()).text
    assert f'Updated <time datetime="{timezone.localdate():%Y-%m-%d}">' in page


def test_an_overdue_review_keeps_its_notice_and_promises_no_date(article):
    Article.objects.filter(pk=article.pk).update(
        next_review_due=timezone.localdate() - timedelta(days=1)
    )
    page = Client().get(article.get_absolute_url()).text
    assert "Review update pending" in page
    assert "Next review due" not in page


def test_key_points_are_reviewed_with_the_text(draft, editor):
    before = draft.content_digest
    draft.key_points = "Spasms are not painful."
    draft.save()
    assert draft.content_digest != before


def test_a_guide_revision_previews_as_its_conditions_page(condition, guide, admin_client):
    revision = guide.start_revision(guide.editor)
    page = admin_client.get(revision.get_preview_url()).text
    assert "Preview of a draft revision." in page
    assert "In this guide" in page


def test_an_editor_starts_a_guide_from_its_condition_with_the_sections_in_place(condition, editor):
    from tests.conftest import sign_in

    client = sign_in(Client(), editor)
    page = client.get(f"/admin/articles/condition/{condition.pk}/change/").text
    assert f"/admin/articles/article/add/?kind=guide&amp;condition={condition.pk}" in page
    form = client.get(f"/admin/articles/article/add/?kind=guide&condition={condition.pk}").text
    assert "## Symptoms" in form
    assert "## When to see a doctor" in form
    assert '<option value="guide" selected>' in form
