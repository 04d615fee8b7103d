"""Background work, through Django's tasks API (django-tasks-db's database backend in
production, run at once by the embedded default)."""

from django.conf import settings
from django.db.models import Q
from django.tasks import default_task_backend, task
from django.utils import timezone

from newsletter import emails, sending
from newsletter.models import Delivery, Issue, IssueError, Subscriber


@task
def send_issue(issue_id: int, attempt: int = 0) -> int:
    """One sending worker's share of an issue; several run side by side."""
    try:
        return sending.deliver(issue_id)
    except sending.ConnectionFailed:
        if attempt < settings.NEWSLETTER_MAX_ATTEMPTS and default_task_backend.supports_defer:
            send_issue.using(run_after=timezone.now() + sending.backoff(attempt + 1)).enqueue(
                issue_id, attempt + 1
            )
        raise


@task
def send_signup_email(subscriber_id: int) -> str:
    """The email a sign-up asks for, sent in the background so that a burst of
    sign-ups can't hold the web workers on the mail server: a confirmation
    link, or, for an address already subscribed, a private "manage" link."""
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is None:
        return "gone"
    if subscriber.status == Subscriber.Status.CONFIRMED:
        emails.send_manage_subscription(subscriber)
        return "manage"
    if subscriber.status == Subscriber.Status.PENDING:
        emails.send_confirmation(subscriber)
        return "confirm"
    return "nothing"


def start_workers(issue_id: int) -> None:
    for _ in range(settings.NEWSLETTER_PARALLEL_TASKS):
        send_issue.enqueue(issue_id)


@task
def sweep() -> dict:
    """The periodic job: start scheduled issues whose time has come, and pick up sends
    whose workers stopped (a crash, or deliveries waiting out a retry delay)."""
    started = 0
    for issue in Issue.objects.filter(
        status=Issue.Status.SCHEDULED, scheduled_for__lte=timezone.now()
    ):
        try:
            issue.start_sending(by=None)
        except IssueError:
            continue  # another sweep started it a moment ago
        started += 1
    resumed = 0
    now = timezone.now()
    pending = Delivery.objects.filter(
        issue__status=Issue.Status.SENDING, status=Delivery.Status.PENDING
    )
    # Stalled: work waiting, and no worker holding a live lease on this issue.
    busy = pending.filter(claimed_until__gt=now).values("issue")
    stalled = (
        pending.filter(Q(claimed_until__isnull=True) | Q(claimed_until__lte=now))
        .exclude(issue__in=busy)
        .values_list("issue", flat=True)
        .distinct()
    )
    for issue_id in stalled:
        start_workers(issue_id)
        resumed += 1
    for issue_id in Issue.objects.filter(status=Issue.Status.SENDING).values_list("pk", flat=True):
        sending.finish_if_done(issue_id)
    return {"started": started, "resumed": resumed}
