"""Comments on article pages and counts in lists, without a query per item."""

from django import template
from django.db.models import Count, Prefetch

from comments.models import Comment, comments_open

register = template.Library()


@register.inclusion_tag("comments/includes/comment_section.html", takes_context=True)
def article_comments(context, article):
    """Approved comments with their approved staff replies: two queries however many."""
    replies = Prefetch(
        "replies",
        queryset=Comment.objects.approved().order_by("created_at", "pk"),
        to_attr="approved_replies",
    )
    comments = list(
        Comment.objects.approved()
        .filter(article=article, reply_to__isnull=True)
        .prefetch_related(replies)
    )
    return {
        "article": article,
        "comments": comments,
        "count": len(comments) + sum(len(comment.approved_replies) for comment in comments),
        "is_open": comments_open(article),
        "csrf_token": context.get("csrf_token"),
    }


@register.simple_tag
def comment_count(article) -> int:
    return Comment.objects.approved().filter(article=article).count()


@register.simple_tag
def with_comment_counts(articles):
    """The articles, each with `comment_count` set, counted in one query."""
    articles = list(articles)
    counts = dict(
        Comment.objects.approved()
        .filter(article__in=articles)
        .values_list("article")
        .annotate(n=Count("pk"))
        .values_list("article", "n")
    )
    for article in articles:
        article.comment_count = counts.get(article.pk, 0)
    return articles
