"""sitemap.xml: every public page, with lastmod from its last review or update."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max, OuterRef, Q, Subquery
from django.db.models.functions import Greatest

from articles.models import Article, Condition, Page, Review
from comments.models import Status
from community.models import Question


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


class QuestionSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.5

    def items(self):
        return (
            Question.objects.approved()
            .annotate(
                last_answer=Max("answers__created_at", filter=Q(answers__status=Status.APPROVED))
            )
            .order_by("pk")
        )

    def lastmod(self, question):
        return question.last_answer or question.created_at


class PageSitemap(Sitemap):
    changefreq = "yearly"
    priority = 0.3

    def items(self):
        return Page.objects.order_by("pk")

    def lastmod(self, page):
        return page.updated_at


SITEMAPS = {
    "articles": ArticleSitemap,
    "conditions": ConditionSitemap,
    "questions": QuestionSitemap,
    "pages": PageSitemap,
}
