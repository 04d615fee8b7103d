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
    """Only new articles, only with a current review; now, or in the weekly digest."""
    if first and settings.NEWSLETTER_CONDITION_UPDATES == "immediate":
        transaction.on_commit(lambda: send_update(article.condition, [article.pk]))


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
