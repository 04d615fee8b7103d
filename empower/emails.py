"""Sending one email from three templates: <name>_subject.txt, <name>.txt and <name>.html."""

from email.utils import make_msgid, parseaddr

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string


def message_id(from_email: str) -> str:
    """A Message-ID in the sender's own domain, not the server's host name
    (often "localhost"), which spam filters hold against a message."""
    domain = parseaddr(from_email)[1].rpartition("@")[2] or "localhost"
    return make_msgid(domain=domain)


def send_email(template: str, context: dict, to: list[str], headers: dict | None = None) -> None:
    context = {"site_url": settings.SITE_URL, "site_name": settings.SITE_NAME, **context}
    subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
    context["subject"] = subject  # the HTML part's <title>
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"{template}.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=to,
        headers={"Message-ID": message_id(settings.DEFAULT_FROM_EMAIL), **(headers or {})},
    )
    message.attach_alternative(render_to_string(f"{template}.html", context), "text/html")
    message.send()
