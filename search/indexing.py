"""Keeping the search index in step with what readers can see."""

import html

from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from django.utils.html import strip_tags

from articles.models import Article, Condition
from articles.signals import article_published, article_unpublished
from community.models import Question
from empower.markup import IMAGE_MARKER
from search.models import Entry, index, remove


def plain(html_text: str) -> str:
    return html.unescape(strip_tags(IMAGE_MARKER.sub("", html_text)))


def index_article(article: Article) -> None:
    if article.is_guide:  # a guide is its condition's page, and found as that
        index_condition(article.condition)
        return
    revision = article.published_revision
    if revision is None:  # unpublished meanwhile: nothing readers may find
        remove(Entry.Kind.ARTICLE, article.pk)
        return
    index(
        Entry.Kind.ARTICLE,
        article.pk,
        url=article.get_absolute_url(),
        title=revision.title,
        summary=revision.summary,
        body=plain(revision.body_html),
        condition=article.condition,
        updated_at=timezone.now(),
    )


def index_condition(condition: Condition) -> None:
    """A condition is found by its name and by its guide's text, once reviewed."""
    guide = (
        Article.objects.published()
        .guides()
        .filter(condition=condition)
        .select_related("published_revision")
        .first()
    )
    text = guide.published_revision.body_html if guide else condition.overview_html
    index(
        Entry.Kind.CONDITION,
        condition.pk,
        url=condition.get_absolute_url(),
        title=condition.name,
        summary=condition.summary,
        body=plain(text),
        condition=condition,
        updated_at=condition.updated_at,
    )


def index_question(question: Question) -> None:
    if not question.is_public or question.is_closed:  # a duplicate is found as the other
        remove(Entry.Kind.QUESTION, question.pk)
        return
    index(
        Entry.Kind.QUESTION,
        question.pk,
        url=question.get_absolute_url(),
        title=question.title,
        summary="",
        body=question.body,
        condition=question.condition,
        updated_at=question.created_at,
    )


def rebuild() -> dict[str, int]:
    Entry.objects.all().delete()
    counts = {"articles": 0, "conditions": 0, "questions": 0}
    articles = Article.objects.published().articles()
    for article in articles.select_related("published_revision", "condition"):
        index_article(article)
        counts["articles"] += 1
    for condition in Condition.objects.all():
        index_condition(condition)
        counts["conditions"] += 1
    for question in Question.objects.approved().open().select_related("condition"):
        index_question(question)
        counts["questions"] += 1
    return counts


def article_was_published(sender, article, **kwargs):
    index_article(article)


def article_was_unpublished(sender, article, **kwargs):
    if article.is_guide:
        index_condition(article.condition)
    else:
        remove(Entry.Kind.ARTICLE, article.pk)


def condition_was_saved(sender, instance, **kwargs):
    index_condition(instance)


def condition_was_deleted(sender, instance, **kwargs):
    remove(Entry.Kind.CONDITION, instance.pk)


def question_was_saved(sender, instance, **kwargs):
    index_question(instance)


def question_was_deleted(sender, instance, **kwargs):
    remove(Entry.Kind.QUESTION, instance.pk)


def connect() -> None:
    article_published.connect(article_was_published, dispatch_uid="search.article_published")
    article_unpublished.connect(article_was_unpublished, dispatch_uid="search.article_unpublished")
    post_save.connect(condition_was_saved, sender=Condition, dispatch_uid="search.condition_saved")
    post_delete.connect(
        condition_was_deleted, sender=Condition, dispatch_uid="search.condition_deleted"
    )
    post_save.connect(question_was_saved, sender=Question, dispatch_uid="search.question_saved")
    post_delete.connect(
        question_was_deleted, sender=Question, dispatch_uid="search.question_deleted"
    )
