"""Sitemap sections for articles, condition guides and pages; lastmod from the last review."""

from django.contrib.sitemaps import Sitemap
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Greatest

from articles.models import Article, Condition, Page, Review


class ArticleSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.8

    def items(self):
        last_review = Review.objects.filter(revision=OuterRef("published_revision")).order_by(
            "-reviewed_at"
        )
        return (
            Article.objects.published()
            .annotate(last_reviewed=Subquery(last_review.values("reviewed_at")[:1]))
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
