from django import template

from community.models import Question

register = template.Library()


@register.inclusion_tag("community/includes/latest_questions.html")
def latest_questions(condition, count=5):
    """A condition guide's latest community questions, in one query."""
    return {
        "condition": condition,
        "questions": Question.objects.for_listing().filter(condition=condition)[:count],
    }
