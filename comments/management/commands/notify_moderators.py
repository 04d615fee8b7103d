from django.core.management.base import BaseCommand

from comments.notifications import notify_moderators


class Command(BaseCommand):
    help = (
        "Email moderators about submissions that arrived since the last email "
        "(at most one email per MODERATION_EMAIL_MINUTES). Run it from cron."
    )

    def handle(self, *args, **options):
        sent = notify_moderators()
        self.stdout.write("Moderators notified." if sent else "Nothing new to tell moderators.")
