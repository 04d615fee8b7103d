"""Sitemap sections for articles, condition guides and pages; lastmod from the last review."""

from django.contrib.sitemaps import Sitemap
from django.db.models.functions import Greatest

from articles.models import Article, Condition, Page


class ArticleSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.8

    def items(self):
        return (
            Article.objects.published()
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
        return Condition.objects.order_by("pk")

    def lastmod(self, condition):
        return condition.updated_at


class PageSitemap(Sitemap):
    changefreq = "yearly"
    priority = 0.3

    def items(self):
        return Page.objects.order_by("pk")

    def lastmod(self, page):
        return page.updated_at


SITEMAPS = {"articles": ArticleSitemap, "conditions": ConditionSitemap, "pages": PageSitemap}
