"""Condition updates: readers who follow a condition hear about its new reviewed articles."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import Truncator

from articles.models import Article, Condition
from newsletter.models import SUBJECT_LENGTH, Issue


def on_article_published(sender, article, revision, first, **kwargs):
    """New articles, only with a current review; now, or in the weekly digest. A new
    text of a published article: what its reviewer said changed, never the whole
    article again."""
    if settings.NEWSLETTER_CONDITION_UPDATES != "immediate":
        return
    if first:
        transaction.on_commit(lambda: send_update(article.condition, [article.pk]))
    else:
        transaction.on_commit(lambda: send_change(article.pk))


def send_change(article_id: int) -> Issue | None:
    article = (
        Article.objects.review_current()
        .filter(pk=article_id)
        .select_related("condition", "published_revision")
        .first()
    )
    review = article.current_review if article else None
    if review is None or not review.what_changed:
        return None
    title = article.published_revision.title
    body = render_to_string(
        "newsletter/condition_change.md",
        {"article": article, "review": review, "site_url": settings.SITE_URL},
    )
    return _send_to_followers(article.condition, f"Updated on {settings.SITE_NAME}: {title}", body)


def send_update(condition: Condition, article_ids: list[int]) -> Issue | None:
    articles = list(
        Article.objects.review_current()
        .articles()
        .filter(pk__in=article_ids)
        .select_related("published_revision")
        .order_by("-published_at")
    )
    if not articles:
        return None
    if len(articles) == 1:
        subject = f"New on {settings.SITE_NAME}: {articles[0].published_revision.title}"
    else:
        subject = f"{len(articles)} new articles about {condition.name.lower()}"
    body = render_to_string(
        "newsletter/condition_update.md",
        {"condition": condition, "articles": articles, "site_url": settings.SITE_URL},
    )
    return _send_to_followers(condition, subject, body)


def _send_to_followers(condition: Condition, subject: str, body: str) -> Issue:
    issue = Issue.objects.create(
        kind=Issue.Kind.CONDITION_UPDATE,
        subject=Truncator(subject).chars(SUBJECT_LENGTH),
        body=body,
        to_newsletter=False,
    )
    issue.to_conditions.set([condition])
    issue.start_sending(by=None)
    return issue


def send_weekly_digests() -> list[Issue]:
    """One email per condition with the week's new, reviewed articles."""
    since = timezone.now() - timedelta(days=7)
    issues = []
    for condition in Condition.objects.all():
        ids = list(
            Article.objects.review_current()
            .articles()
            .filter(condition=condition, published_at__gte=since)
            .values_list("pk", flat=True)
        )
        if ids and (issue := send_update(condition, ids)):
            issues.append(issue)
    return issues
