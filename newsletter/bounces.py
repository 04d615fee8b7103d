"""Bounce and complaint reports, from the webhook or `manage.py process_bounces`."""

from newsletter.models import Bounce, Subscriber

KINDS = {"hard": Bounce.Kind.HARD, "soft": Bounce.Kind.SOFT, "complaint": Bounce.Kind.COMPLAINT}


def record_events(events: list) -> dict:
    """Record each {"email", "type", "detail"?} event; count what was recorded and ignored."""
    recorded = ignored = 0
    for event in events:
        kind = KINDS.get(str(event.get("type", "")).lower()) if isinstance(event, dict) else None
        email = str(event.get("email", "")).strip().lower() if kind else ""
        subscriber = Subscriber.objects.filter(email=email).first() if email else None
        if subscriber is None:
            ignored += 1
            continue
        subscriber.record_bounce(kind, str(event.get("detail", "")))
        recorded += 1
    return {"recorded": recorded, "ignored": ignored}
