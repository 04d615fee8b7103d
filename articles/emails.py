"""Emails to the editorial team; each renders subject, text and HTML templates."""

from datetime import date

from empower.emails import send_email


def send_review_reminder(user, reminders: list, today: date) -> None:
    """One person's reviews to renew: those that lapsed first, then those due soon."""
    send_email(
        "articles/email/review_reminder",
        {
            "name": user.get_full_name() or user.get_username(),
            "lapsed": [reminder for reminder in reminders if reminder.lapsed],
            "due_soon": [reminder for reminder in reminders if not reminder.lapsed],
            "count": len(reminders),
            "today": today,
        },
        [user.email],
    )
