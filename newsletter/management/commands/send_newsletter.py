import time

from django.core.management.base import BaseCommand, CommandError

from newsletter.models import Issue, IssueError


class Command(BaseCommand):
    help = (
        "Start sending a newsletter issue (if it is a draft or scheduled) and show a "
        "progress bar until it is sent. Workers (`manage.py db_worker`) do the sending."
    )

    def add_arguments(self, parser):
        parser.add_argument("issue_id", type=int)
        parser.add_argument(
            "--dry-run", action="store_true", help="Say how many would get it; send nothing."
        )
        parser.add_argument("--no-wait", action="store_true", help="Start, then return at once.")

    def handle(self, *args, issue_id, dry_run=False, no_wait=False, **options):
        issue = Issue.objects.filter(pk=issue_id).first()
        if issue is None:
            raise CommandError(f"There is no issue {issue_id}.")
        if dry_run:
            self.stdout.write(f"“{issue}” would go to {issue.recipients().count()} subscribers.")
            return
        if issue.status in (Issue.Status.DRAFT, Issue.Status.SCHEDULED):
            try:
                count = issue.start_sending(by=None)
            except IssueError as error:
                raise CommandError(str(error)) from None
            self.stdout.write(f"Sending “{issue}” to {count} subscribers.")
        if no_wait:
            return
        while True:
            progress = Issue.objects.get(pk=issue_id).progress()
            self.stdout.write("\r" + bar(progress), ending="")
            self.stdout.flush()
            if progress["status"] not in (Issue.Status.SENDING,):
                break
            time.sleep(1)
        self.stdout.write("")
        self.stdout.write(
            f"{progress['status']}: {progress['sent']} sent, {progress['failed']} failed."
        )


def bar(progress: dict, width: int = 40) -> str:
    done = progress["sent"] + progress["failed"] + progress["skipped"]
    total = progress["total"] or 1
    filled = round(width * done / total)
    return f"[{'#' * filled}{'.' * (width - filled)}] {done}/{progress['total']}"
