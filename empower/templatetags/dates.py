"""Dates in pages, formatted without Django's per-call locale machinery: a page
with fifty comments formats a hundred dates, and the site speaks English."""

from datetime import date, datetime

from django import template
from django.utils import timezone
from django.utils.safestring import mark_safe

from empower.formats import machine

register = template.Library()

MONTHS = "January February March April May June July August September October November December"
MONTH_NAMES = MONTHS.split()


@register.filter(is_safe=True)
def time_tag(value: date | datetime | None) -> str:
    """<time datetime="2026-10-25T14:03:00+00:00">25 October 2026</time>: local
    time, whole seconds (what HTML allows), or a date as it is."""
    if not value:
        return ""
    if isinstance(value, datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    human = f"{value.day} {MONTH_NAMES[value.month - 1]} {value.year}"
    return mark_safe(f'<time datetime="{machine(value)}">{human}</time>')  # noqa: S308 - numbers only
