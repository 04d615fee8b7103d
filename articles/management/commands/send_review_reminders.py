from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from articles.reminders import reminders_due, send_review_reminders


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--today must be a date like 2026-05-01, not {value!r}.") from None


class Command(BaseCommand):
    help = (
        "Email reviewers and editors about reviews due within REVIEW_REMINDER_DAYS and "
        "reviews that lapsed: one email per person per day at most, each reminder once. "
        "Run it daily from cron; running it more often sends nothing new."
    )

    def add_arguments(self, parser):
        parser.add_argument("--today", help="The day to run for (YYYY-MM-DD); today by default.")
        parser.add_argument(
            "--dry-run", action="store_true", help="List who would hear about what; send nothing."
        )

    def handle(self, *args, today=None, dry_run=False, **options):
        day = _day(today) if today else timezone.localdate()
        if dry_run:
            due = reminders_due(day)
            for user, reminders in due.items():
                articles = ", ".join(str(reminder.article) for reminder in reminders)
                self.stdout.write(f"{user.get_username()}: {articles}")
            self.stdout.write(f"{len(due)} email(s) due.")
            return
        sent = send_review_reminders(day)
        self.stdout.write(f"{sent} review reminder email(s) sent.")
