"""Keeping the search index in step with what readers can see."""

import html

from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from django.utils.html import strip_tags

from articles.models import Article, Condition
from articles.signals import article_published, article_unpublished
from comments.models import Status
from community.models import Question
from search.models import Entry, index, remove


def plain(html_text: str) -> str:
    return html.unescape(strip_tags(html_text))


def index_article(article: Article) -> None:
    revision = article.published_revision
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
    index(
        Entry.Kind.CONDITION,
        condition.pk,
        url=condition.get_absolute_url(),
        title=condition.name,
        summary=condition.summary,
        body=plain(condition.overview_html),
        condition=condition,
        updated_at=condition.updated_at,
    )


def index_question(question: Question) -> None:
    if question.status != Status.APPROVED:
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
    for article in Article.objects.published().select_related("published_revision", "condition"):
        index_article(article)
        counts["articles"] += 1
    for condition in Condition.objects.all():
        index_condition(condition)
        counts["conditions"] += 1
    for question in Question.objects.approved().select_related("condition"):
        index_question(question)
        counts["questions"] += 1
    return counts


def connect() -> None:
    article_published.connect(
        lambda sender, article, **kwargs: index_article(article), weak=False,
        dispatch_uid="search.article_published",
    )  # fmt: skip
    article_unpublished.connect(
        lambda sender, article, **kwargs: remove(Entry.Kind.ARTICLE, article.pk), weak=False,
        dispatch_uid="search.article_unpublished",
    )  # fmt: skip
    post_save.connect(
        lambda sender, instance, **kwargs: index_condition(instance), sender=Condition,
        weak=False, dispatch_uid="search.condition_saved",
    )  # fmt: skip
    post_delete.connect(
        lambda sender, instance, **kwargs: remove(Entry.Kind.CONDITION, instance.pk),
        sender=Condition, weak=False, dispatch_uid="search.condition_deleted",
    )  # fmt: skip
    post_save.connect(
        lambda sender, instance, **kwargs: index_question(instance), sender=Question,
        weak=False, dispatch_uid="search.question_saved",
    )  # fmt: skip
    post_delete.connect(
        lambda sender, instance, **kwargs: remove(Entry.Kind.QUESTION, instance.pk),
        sender=Question, weak=False, dispatch_uid="search.question_deleted",
    )  # fmt: skip
