"""One function per email; each renders subject, text and HTML templates."""

from empower.emails import send_email


def send_moderation_digest(
    recipients: list[str], items: list, waiting: int, *, urgent: bool = False
) -> None:
    context = {"items": items, "waiting": waiting, "urgent": urgent}
    # Each moderator gets their own copy: no one sees another's address.
    for address in recipients:
        send_email("comments/email/moderation_digest", context, [address])
