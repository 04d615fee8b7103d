from django.core.management.base import BaseCommand

from newsletter.updates import send_weekly_digests


class Command(BaseCommand):
    help = (
        "Send each condition's subscribers the week's new reviewed articles "
        "(for NEWSLETTER_CONDITION_UPDATES=weekly). Run it weekly."
    )

    def handle(self, *args, **options):
        issues = send_weekly_digests()
        self.stdout.write(f"Sent {len(issues)} condition digest(s).")
