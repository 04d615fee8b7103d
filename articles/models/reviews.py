"""Nurse reviewers and their reviews: who may sign off, and how long a sign-off lasts."""

from datetime import date

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.dates import add_months
from articles.models.conditions import Condition
from empower.records import Record

# A review that runs out within this many days is "due": dashboards list it, and a
# reviewer is offered to approve the text again.
REVIEW_DUE_SOON_DAYS = 30


def review_interval_months(condition: Condition | None) -> int:
    """The condition's own interval, or the site's (also for what has no condition)."""
    own = condition.review_interval_months if condition else None
    return own or settings.ARTICLE_REVIEW_INTERVAL_MONTHS


def review_due_on(reviewed_at, condition: Condition | None) -> date:
    """The day a review made at `reviewed_at` runs out: its condition's interval later."""
    return add_months(timezone.localdate(reviewed_at), review_interval_months(condition))


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

    class Meta:
        ordering = ["-reviewed_at", "-pk"]
        indexes = [models.Index(fields=["revision", "-reviewed_at"], name="review_revision_idx")]

    def __str__(self):
        return f"{self.byline_name} on {self.reviewed_at:%Y-%m-%d}"

    @property
    def byline_name(self) -> str:
        return f"{self.reviewer_name}, {self.credentials}"
