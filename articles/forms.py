from crispy_forms.bootstrap import InlineRadios
from crispy_forms.helper import FormHelper
from crispy_forms.layout import Layout, Submit
from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

STAR_CHOICES = [(1, _("1 star"))] + [(n, _("%d stars") % n) for n in range(2, 6)]


class RatingForm(forms.Form):
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

    def __init__(self, *args, article, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        # Land back on the form, so an error is seen without scrolling past the article.
        self.helper.form_action = reverse("articles:rate", kwargs={"slug": article.slug}) + "#rate"
        self.helper.form_class = "rating-form"
        self.helper.layout = Layout(
            InlineRadios("stars"),
            Submit("submit", _("Rate this")),
        )
