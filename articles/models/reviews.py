"""Nurse reviewers and their reviews: who may sign off, and how long a sign-off lasts."""

from datetime import date

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.dates import add_months
from articles.models.conditions import Condition
from articles.models.events import ArticleEvent
from empower.records import Record

# A review that runs out within this many days is "due": dashboards list it, and a
# reviewer is offered to approve the text again.
REVIEW_DUE_SOON_DAYS = 30
WHAT_CHANGED_LENGTH = 200


def review_interval_months(condition: Condition | None) -> int:
    """The condition's own interval, or the site's (also for what has no condition)."""
    own = condition.review_interval_months if condition else None
    return own or settings.ARTICLE_REVIEW_INTERVAL_MONTHS


def review_due_on(reviewed_at, condition: Condition | None) -> date:
    """The day a review made at `reviewed_at` runs out: its condition's interval later."""
    return add_months(timezone.localdate(reviewed_at), review_interval_months(condition))


class ReviewQuerySet(models.QuerySet):
    def public_history(self, article):
        """The reviews readers may see: of the texts that were live, newest first."""
        published = ArticleEvent.objects.filter(action=ArticleEvent.Action.PUBLISHED)
        return self.filter(
            revision__article=article, revision__in=published.values("revision")
        ).only("reviewer_name", "credentials", "reviewed_at", "what_changed", "revision_id")


class Review(Record):
    """A nurse reviewer's sign-off on one exact revision. Never edited, only added.

    The reviewer's name and credentials are copied at the time of review, so a
    byline keeps saying who vouched for the text even if a profile changes.
    """

    changed_message = _("A review cannot be changed once recorded.")

    revision = models.ForeignKey("Revision", on_delete=models.PROTECT, related_name="reviews")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    reviewer_name = models.CharField(max_length=120)
    credentials = models.CharField(max_length=60)
    reviewed_at = models.DateTimeField(default=timezone.now)
    objects = ReviewQuerySet.as_manager()
    what_changed = models.CharField(
        _("what changed"),
        max_length=WHAT_CHANGED_LENGTH,
        blank=True,
        help_text=_("One line for readers, under the byline."),
    )
    reading_grade = models.DecimalField(
        _("reading grade"), max_digits=4, decimal_places=1, null=True, blank=True
    )
    reading_note = models.TextField(
        _("why approved above the target reading level"),
        blank=True,
        help_text=_("For editors and reviewers only; readers never see it."),
    )

    class Meta:
        ordering = ["-reviewed_at", "-pk"]
        indexes = [models.Index(fields=["revision", "-reviewed_at"], name="review_revision_idx")]

    def __str__(self):
        return f"{self.byline_name} on {self.reviewed_at:%Y-%m-%d}"

    @property
    def byline_name(self) -> str:
        return f"{self.reviewer_name}, {self.credentials}"
