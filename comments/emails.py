"""One function per email; each renders subject, text and HTML templates."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string


def _send(template: str, context: dict, to: list[str], headers: dict | None = None) -> None:
    subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"{template}.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=to,
        headers=headers,
    )
    message.attach_alternative(render_to_string(f"{template}.html", context), "text/html")
    message.send()


def send_moderation_digest(
    recipients: list[str], items: list, waiting: int, *, urgent: bool = False
) -> None:
    context = {"items": items, "waiting": waiting, "urgent": urgent, "site_url": settings.SITE_URL}
    # Each moderator gets their own copy: no one sees another's address.
    for address in recipients:
        _send("comments/email/moderation_digest", context, [address])
