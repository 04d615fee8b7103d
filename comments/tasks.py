from django.tasks import task

from comments.notifications import notify_moderators


@task
def notify_moderators_task(urgent: bool = False) -> bool:
    """Email moderators in the background: a mail failure never fails a reader's post."""
    return notify_moderators(urgent=urgent)
