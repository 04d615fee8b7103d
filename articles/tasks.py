from dataclasses import asdict

from django.tasks import task
from django.utils import timezone

from articles import linkcheck
from articles.models import Revision
from articles.reminders import send_review_reminders


def publish_due_revisions(now=None) -> list[Revision]:
    """Publish every scheduled revision whose time has come; return those published."""
    now = now or timezone.now()
    published = []
    due = Revision.objects.due_for_publishing(now).select_related("article__condition")
    for revision in due:
        if revision.publish_if_due(now):
            published.append(revision)
    return published


@task
def publish_scheduled_revisions() -> int:
    """The periodic job, for a task worker or a scheduler: how many went live."""
    return len(publish_due_revisions())


@task
def check_references() -> dict[str, int]:
    """The daily job, for a task worker or a scheduler: fetch every address the live
    texts cite (as `manage.py check_references` does) and say what it found."""
    return asdict(linkcheck.check_references(now=timezone.now()))


@task
def send_daily_review_reminders() -> int:
    """The daily job: review reminders for today; how many people were emailed."""
    return send_review_reminders(timezone.localdate())
