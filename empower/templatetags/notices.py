"""Messages shown where the reader is: a message sent with `extra_tags="place-rate"`
appears by the rating form the reader just used, the rest at the top of the page."""

from django import template

register = template.Library()

PLACE = "place-"


def shown_at(where: str) -> str:
    """The extra_tags that show a message at `where` ("rate", "comments")."""
    return PLACE + where


def place(extra_tags: str) -> str:
    return (
        ""
        if extra_tags is None
        else next(
            (tag.removeprefix(PLACE) for tag in extra_tags.split() if tag.startswith(PLACE)), ""
        )
    )


@register.simple_tag(takes_context=True)
def messages_for(context, where=""):
    """`{% messages_for "rate" as notices %}`: this request's messages for that place
    (or, with no place, those that belong to none)."""
    return [
        message for message in context.get("messages", []) if place(message.extra_tags) == where
    ]
