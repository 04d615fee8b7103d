from django import template

from articles.models import end_sentence as _end_sentence

register = template.Library()


@register.filter
def end_sentence(text: str) -> str:
    """'Mayfield Clinic' -> 'Mayfield Clinic.'; leaves 'Why?' alone."""
    return _end_sentence(text)
