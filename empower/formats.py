"""Dates in messages, admin columns and machine-readable data, written as the pages write them."""

from datetime import date, datetime

from django.utils import formats, timezone


def day(value) -> str:
    """25 November 2026."""
    return formats.date_format(value, "DATE_FORMAT")


def moment(value) -> str:
    """25 November 2026, 14:05, in the site's time zone."""
    return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")


def machine(value: date | datetime) -> str:
    """2026-11-25T14:05:00+00:00: local time in whole seconds (HTML's <time> allows
    no more, and schema.org readers expect the same), or a date as it is."""
    if not isinstance(value, datetime):
        return value.isoformat()
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.replace(microsecond=0).isoformat()
