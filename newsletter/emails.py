"""One function per email to subscribers; each has subject, text and HTML templates."""

from django.conf import settings

from empower.emails import send_email
from empower.ratelimit import allow
from empower.visitors import keyed_hash


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


def send_data_link(subscriber) -> bool:
    """A fresh link to download or delete everything we keep about them (at most 3 an hour)."""
    if not allow(
        "data-link", keyed_hash("data-link", str(subscriber.pk)), limit=3, window_seconds=3600
    ):
        return False
    send_email(
        "newsletter/email/data_link",
        {
            "data_url": subscriber.data_url(),
            "days": settings.NEWSLETTER_DATA_LINK_DAYS,
        },
        [subscriber.email],
    )
    return True
