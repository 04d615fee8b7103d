"""Sitemap sections for the home page and the conditions A to Z, articles, condition
guides and pages; lastmod from when readers last saw each change.

Each section gives a list, not a queryset: the paginator then counts it
without a second query."""

from django.db.models import Max
from django.urls import reverse
from django.utils.functional import cached_property

from articles.models import Article, Condition, Page
from empower.syndication import Sitemap, latest


class ListingSitemap(Sitemap):
    """The pages that list the others: they change when what they list does."""

    changefreq = "daily"
    priority = 0.9

    def items(self):
        return ["home", "articles:condition_index"]

    def location(self, name):
        return reverse(name)

    def lastmod(self, name):
        return self.lastmods[name]

    @cached_property
    def lastmods(self) -> dict:
        conditions = Condition.objects.aggregate(latest=Max("updated_at"))["latest"]
        articles = Article.objects.published().aggregate(
            published=Max("published_at"), revised=Max("revised_at")
        )
        return {
            "home": latest(conditions, articles["published"], articles["revised"]),
            "articles:condition_index": conditions,
        }


class ArticleSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.8

    def items(self):
        return list(
            Article.objects.published()
            .articles()
            .only("slug", "kind", "published_at", "revised_at")  # kind: get_absolute_url
            .with_last_review()
            .order_by("pk")
        )

    def lastmod(self, article):
        return article.last_modified(article.last_reviewed)


class ConditionSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.7

    def items(self):
        return list(Condition.objects.only("slug", "updated_at").order_by("pk"))

    def lastmod(self, condition):
        return condition.updated_at


class PageSitemap(Sitemap):
    changefreq = "yearly"
    priority = 0.3

    def items(self):
        return list(Page.objects.only("slug", "updated_at").order_by("pk"))

    def lastmod(self, page):
        return page.updated_at


SITEMAPS = {
    "listings": ListingSitemap,
    "articles": ArticleSitemap,
    "conditions": ConditionSitemap,
    "pages": PageSitemap,
}
