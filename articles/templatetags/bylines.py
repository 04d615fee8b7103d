"""Names in bylines link to the person's profile page, when they have one."""

from django import template
from django.utils.html import format_html

register = template.Library()


@register.simple_tag
def person(profile, name):
    """`{% person profile "Nora Nurse, RN" %}`: the name, linked to `profile`'s page."""
    if profile and profile.is_public:  # someone who left has no public page
        return format_html('<a href="{}">{}</a>', profile.get_absolute_url(), name)
    return name
