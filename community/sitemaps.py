"""The sitemap sections for the community page and its approved questions."""

from django.db.models import Max, Q
from django.urls import reverse
from django.utils.functional import cached_property

from comments.models import Status
from community.models import Question
from empower.syndication import Sitemap, latest

LAST_ANSWER = Max("answers__created_at", filter=Q(answers__status=Status.APPROVED))


class CommunitySitemap(Sitemap):
    """The community page, which changes with each question or answer it counts."""

    changefreq = "daily"
    priority = 0.6

    def items(self):
        return ["community:home"]

    def location(self, name):
        return reverse(name)

    def lastmod(self, name):
        return self.latest

    @cached_property
    def latest(self):
        moments = Question.objects.approved().aggregate(
            asked=Max("created_at"), answered=LAST_ANSWER
        )
        return latest(*moments.values())


class QuestionSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.5

    def items(self):
        return list(
            Question.objects.approved()
            .open()  # a duplicate's page only points to the other
            .only("slug", "created_at")
            .annotate(last_answer=LAST_ANSWER)
            .order_by("pk")
        )

    def lastmod(self, question):
        return question.last_answer or question.created_at


SITEMAPS = {"community": CommunitySitemap, "questions": QuestionSitemap}
