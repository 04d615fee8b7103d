from django.core.management.base import BaseCommand

from newsletter.tasks import sweep


class Command(BaseCommand):
    help = (
        "Start scheduled newsletter issues whose time has come, and resume sends whose "
        "workers stopped. Run it every minute from cron or a systemd timer."
    )

    def handle(self, *args, **options):
        result = sweep.call()
        self.stdout.write(f"Started {result['started']} issue(s); resumed {result['resumed']}.")
