from django import template

from newsletter.forms import SignupForm

register = template.Library()


@register.inclusion_tag("newsletter/includes/signup_box.html", takes_context=True)
def signup_box(context, place, condition=None):
    """The sign-up box: the newsletter, or updates on one condition. `place` keeps
    element ids unique when a page has two boxes."""
    request = context.get("request")
    form = SignupForm(
        box=True,
        condition=condition,
        auto_id=f"{place}-%s",
        initial={"source": request.path if request else ""},
    )
    form.helper.form_class += " signup-box-form"
    return {
        "form": form,
        "place": place,
        "condition": condition,
        "csrf_token": context.get("csrf_token"),
    }
