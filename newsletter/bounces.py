"""Bounce and complaint reports, from the webhook or `manage.py process_bounces`."""

import json

from django import forms

from newsletter.models import Bounce, Subscriber

KINDS = {"hard": Bounce.Kind.HARD, "soft": Bounce.Kind.SOFT, "complaint": Bounce.Kind.COMPLAINT}
MAX_EVENTS = 10_000


class BounceEvent(forms.Form):
    """One report: {"email": "...", "type": "hard" | "soft" | "complaint", "detail": "..."}."""

    email = forms.EmailField()
    type = forms.ChoiceField(choices=[(kind, kind) for kind in KINDS])
    detail = forms.CharField(required=False, max_length=500)

    def clean_type(self):
        return KINDS[self.cleaned_data["type"]]


class NotAReport(ValueError):
    """What arrived is not a list of events."""


def parse_events(raw: bytes | str) -> list:
    """A JSON list of events, or NotAReport: not JSON, nested too deep, not a list, too long."""
    try:
        events = json.loads(raw)
    except (ValueError, RecursionError):
        raise NotAReport("Expected a JSON list of events.") from None
    if not isinstance(events, list):
        raise NotAReport("Expected a JSON list of events.")
    if len(events) > MAX_EVENTS:
        raise NotAReport(f"Send at most {MAX_EVENTS} events at a time.")
    return events


def record_events(events: list) -> dict:
    """Record each valid event; count what was recorded and what was ignored."""
    recorded = ignored = 0
    for event in events:
        form = BounceEvent(event if isinstance(event, dict) else {})
        subscriber = None
        if form.is_valid():
            email = form.cleaned_data["email"].strip().lower()
            subscriber = Subscriber.objects.filter(email=email).first()
        if subscriber is None:
            ignored += 1
            continue
        subscriber.record_bounce(form.cleaned_data["type"], form.cleaned_data["detail"])
        recorded += 1
    return {"recorded": recorded, "ignored": ignored}
