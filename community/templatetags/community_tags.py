from django import template

from community.models import Question

register = template.Library()


@register.inclusion_tag("community/includes/latest_questions.html")
def latest_questions(condition, count=5, heading=""):
    """A condition's latest community questions (on its guide and its articles), in one query."""
    return {
        "condition": condition,
        "heading": heading,
        "questions": Question.objects.for_listing().filter(condition=condition)[:count],
    }
