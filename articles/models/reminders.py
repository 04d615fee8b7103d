"""Review reminders: who was told that an article's review is nearly due, or has
lapsed, so that nobody is told the same thing twice or emailed twice in a day."""

from datetime import date, timedelta

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from empower.records import Record


class ReminderKind(models.TextChoices):
    DUE_SOON = "due_soon", _("Review due soon")
    LAPSED = "lapsed", _("Review lapsed")


def reminder_kind(due_on: date, today: date) -> str | None:
    """What people hear today about a review that runs out on `due_on`: that it
    lapsed (from the day after, when the article shows "Review update pending"),
    that it is due within REVIEW_REMINDER_DAYS, or nothing yet."""
    if due_on < today:
        return ReminderKind.LAPSED
    if due_on <= today + timedelta(days=settings.REVIEW_REMINDER_DAYS):
        return ReminderKind.DUE_SOON
    return None


class ReminderEmail(Record):
    """One person's reminder email on one day. The constraint, not a check that two
    runs could both pass, is what keeps it to one a day."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    sent_on = models.DateField()

    class Meta:
        ordering = ["-sent_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "sent_on"], name="one_reminder_email_a_day"
            )
        ]

    def __str__(self):
        return f"Review reminders to {self.recipient} on {self.sent_on}"


class ReviewReminder(Record):
    """One article in a reminder email. A person hears of each due date once as
    "due soon" and once as "lapsed"; a new review brings a new due date."""

    email = models.ForeignKey(ReminderEmail, on_delete=models.CASCADE, related_name="reminders")
    # The email's recipient again, for the constraint to see.
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    article = models.ForeignKey("Article", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=ReminderKind)
    due_on = models.DateField()

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "article", "kind", "due_on"],
                name="one_reminder_per_due_date",
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: article {self.article_id}, due {self.due_on}"
