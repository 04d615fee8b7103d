"""The sitemap section for approved community questions."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max, Q

from comments.models import Status
from community.models import Question


class QuestionSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.5

    def items(self):
        return list(
            Question.objects.approved()
            .only("slug", "created_at")
            .annotate(
                last_answer=Max("answers__created_at", filter=Q(answers__status=Status.APPROVED))
            )
            .order_by("pk")
        )

    def lastmod(self, question):
        return question.last_answer or question.created_at


SITEMAPS = {"questions": QuestionSitemap}
