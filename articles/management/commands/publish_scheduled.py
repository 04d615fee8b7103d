from django.core.management.base import BaseCommand

from articles.models import Revision
from articles.tasks import publish_due_revisions


class Command(BaseCommand):
    help = (
        "Publish approved revisions whose scheduled time has come. "
        "Run it every few minutes from cron or a systemd timer."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="List what is due, publish nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        if dry_run:
            due = list(Revision.objects.due_for_publishing().select_related("article"))
            for revision in due:
                self.stdout.write(f"Due: {revision.title} ({revision.article.slug})")
            self.stdout.write(f"{len(due)} revision(s) due.")
            return
        published = publish_due_revisions()
        for revision in published:
            self.stdout.write(f"Published: {revision.title} ({revision.article.slug})")
        self.stdout.write(f"{len(published)} revision(s) published.")
