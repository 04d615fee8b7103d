"""RSS and Atom feeds of the latest articles, site-wide and per condition.

Articles whose review is overdue are left out until a nurse has checked them.
"""

from django.conf import settings
from django.urls import reverse

from articles.models import Article, Condition, get_by_slug_or_404
from empower.syndication import AtomFeed, Feed, absolute

FEED_SIZE = 20


def feed_articles():
    return (
        Article.objects.review_current().for_listing().select_related("author").with_last_review()
    )


class LatestArticles(Feed):
    url_name = "feed_rss"

    description = "Health articles checked by registered nurses before they are published."

    def title(self):
        return f"{settings.SITE_NAME}: the latest nurse-reviewed articles"

    def link(self):
        return absolute("/")

    def feed_url(self):
        return absolute(reverse(self.url_name))

    def items(self):
        return feed_articles()[:FEED_SIZE]

    def item_title(self, article):
        return article.published_revision.title

    def item_description(self, article):
        return article.published_revision.summary

    def item_pubdate(self, article):
        return article.published_at

    def item_updateddate(self, article):
        return article.last_modified(article.last_reviewed)

    def item_author_name(self, article):
        return article.author.get_full_name() or article.author.get_username()

    def item_categories(self, article):
        return [article.condition.name]


class LatestArticlesAtom(LatestArticles):
    feed_type = AtomFeed
    url_name = "feed_atom"
    subtitle = LatestArticles.description


class ConditionArticles(LatestArticles):
    url_name = "condition_feed_rss"

    def get_object(self, request, slug):
        return get_by_slug_or_404(Condition.objects.all(), slug)

    def title(self, condition):
        return f"{settings.SITE_NAME}: {condition.name}"

    def link(self, condition):
        return absolute(condition.get_absolute_url())

    def feed_url(self, condition):
        return absolute(reverse(self.url_name, args=[condition.slug]))

    def description(self, condition):
        return condition.summary

    def empty_date(self, condition):
        return condition.updated_at

    def items(self, condition):
        return feed_articles().filter(condition=condition)[:FEED_SIZE]


class ConditionArticlesAtom(ConditionArticles):
    feed_type = AtomFeed
    url_name = "condition_feed_atom"

    def subtitle(self, condition):
        return condition.summary
