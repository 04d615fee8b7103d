"""Dates in messages and admin columns, written as the pages write them."""

from django.utils import formats, timezone


def day(value) -> str:
    """25 November 2026."""
    return formats.date_format(value, "DATE_FORMAT")


def moment(value) -> str:
    """25 November 2026, 14:05, in the site's time zone."""
    return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")
