from django import template

register = template.Library()


@register.inclusion_tag("newsletter/includes/signup_box.html", takes_context=True)
def signup_box(context, place, condition=None):
    """The sign-up box: the newsletter, or updates on one condition. `place` keeps
    element ids unique when a page has two boxes. It posts a SignupForm."""
    request = context.get("request")
    return {"place": place, "condition": condition, "source": request.path if request else ""}
