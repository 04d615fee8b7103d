"""One function per email; each renders subject, text and HTML templates."""

from empower.emails import send_email
from newsletter.sending import list_unsubscribe_headers


def send_moderation_digest(
    recipients: list[str], items: list, waiting: int, *, urgent: bool = False
) -> None:
    context = {"items": items, "waiting": waiting, "urgent": urgent}
    # Each moderator gets their own copy: no one sees another's address.
    for address in recipients:
        send_email("comments/email/moderation_digest", context, [address])


def send_reply_to_commenter(follow, reply) -> None:
    """A nurse, an editor or (if they asked) a reader replied to a comment whose writer
    asked to hear of it. The subject names nothing: the article may be about a condition."""
    links = follow.links()
    send_email(
        "comments/email/reply",
        {
            "reply": reply,
            "comment": reply.reply_to,
            "stop_url": links.unsubscribe,
            "preferences_url": links.preferences,
        },
        [follow.subscriber.email],
        headers=list_unsubscribe_headers(links, mailto=False),
    )
