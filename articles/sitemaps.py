"""Sitemap sections for articles, condition guides and pages; lastmod from the last review.

Each section gives a list, not a queryset: the paginator then counts it
without a second query."""

from django.contrib.sitemaps import Sitemap
from django.db.models.functions import Greatest

from articles.models import Article, Condition, Page


class ArticleSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.8

    def items(self):
        return list(
            Article.objects.published()
            .articles()
            .only("slug", "published_at")
            .with_last_review()
            .annotate(lastmod=Greatest("last_reviewed", "published_at"))
            .order_by("pk")
        )

    def lastmod(self, article):
        return article.lastmod


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


SITEMAPS = {"articles": ArticleSitemap, "conditions": ConditionSitemap, "pages": PageSitemap}
