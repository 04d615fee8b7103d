"""One function per email to subscribers; each has subject, text and HTML templates."""

from django.conf import settings

from empower.emails import send_email


def send_confirmation(subscriber) -> None:
    send_email(
        "newsletter/email/confirm",
        {
            "subscriber": subscriber,
            "confirm_url": subscriber.confirm_url(),
            "days": settings.NEWSLETTER_CONFIRM_DAYS,
        },
        [subscriber.email],
    )


def send_manage_subscription(subscriber) -> None:
    """Someone signed up with an address that is already subscribed: tell its owner,
    privately, how to change their choices."""
    send_email(
        "newsletter/email/manage",
        {"subscriber": subscriber, "preferences_url": subscriber.preferences_url()},
        [subscriber.email],
    )
