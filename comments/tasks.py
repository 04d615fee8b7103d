from django.tasks import task

from comments.emails import send_reply_to_commenter
from comments.models import Comment
from comments.notifications import notify_moderators
from newsletter.models import Follow


@task
def notify_moderators_task(urgent: bool = False) -> bool:
    """Email moderators in the background: a mail failure never fails a reader's post."""
    return notify_moderators(urgent=urgent)


@task
def tell_commenter(reply_id: int) -> int:
    """One email to a commenter who asked to hear of this kind of reply (staff or reader)."""
    reply = (
        Comment.objects.approved()
        .filter(pk=reply_id, reply_to__isnull=False)
        .select_related("reply_to", "article")
        .first()
    )
    if reply is None or not reply.reply_to.wants_to_hear_of(reply):
        return 0
    sent = 0
    for follow in Follow.objects.to_tell(reply.reply_to):
        if follow.should_hear_of(reply):
            send_reply_to_commenter(follow, reply)
            sent += 1
    return sent
