"""Comments on article pages and counts in lists, without a query per item."""

from collections import defaultdict

from django import template
from django.db.models import Count, Q

from comments import personal
from comments.models import Comment, Status, comments_open

register = template.Library()


@register.simple_tag
def article_comments(article) -> dict:
    """Approved comments with their approved replies (staff's and readers'), in one query:
    `{% article_comments article as comments %}`, then the count in the header and
    `{% include "comments/includes/comment_section.html" %}` below."""
    approved = list(
        Comment.objects.approved()
        .filter(article=article)
        .only("author_name", "body", "created_at", "reply_to", "staff_author", "staff_badge")
        .order_by("created_at", "pk")
    )
    replies = defaultdict(list)
    for comment in approved:
        if comment.reply_to_id:
            replies[comment.reply_to_id].append(comment)
    comments = [comment for comment in approved if not comment.reply_to_id]
    for comment in comments:
        comment.approved_replies = replies[comment.pk]
    return {
        "list": comments,
        "count": len(comments) + sum(len(comment.approved_replies) for comment in comments),
        "is_open": comments_open(article),
    }


def _shown():
    """Approved comments, and approved replies to approved comments: what readers see."""
    return Comment.objects.approved().filter(
        Q(reply_to__isnull=True) | Q(reply_to__status=Status.APPROVED)
    )


@register.simple_tag
def with_comment_counts(articles):
    """The articles, each with `comment_count` set, counted in one query."""
    articles = list(articles)
    counts = dict(
        _shown()
        .filter(article__in=articles)
        .values_list("article")
        .annotate(n=Count("pk"))
        .values_list("article", "n")
    )
    for article in articles:
        article.comment_count = counts.get(article.pk, 0)
    return articles


@register.filter
def without_personal_details(text: str) -> str:
    """Emails quote posts before a moderator has read them: kinds, not details."""
    return personal.masked(text)
