from django import forms
from django.utils.translation import gettext_lazy as _

STAR_CHOICES = [(1, _("1 star"))] + [(n, _("%d stars") % n) for n in range(2, 6)]


class RatingForm(forms.Form):
    """Drawn by articles/includes/rating_form.html: a small fixed form, on every
    article page, which a cache may share (no token, no per-visitor state)."""

    stars = forms.TypedChoiceField(
        label=_("How helpful was this article?"),
        choices=STAR_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose a rating from 1 to 5 stars."),
            "invalid_choice": _("A rating is a whole number of stars from 1 to 5."),
        },
    )
