from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Field, Layout, Submit
from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from articles.models import Condition
from empower.fields import BoundedModelMultipleChoiceField


class EmailForm(forms.Form):
    """An email address from a plain form on a shared page, and the trap field
    people never see: bots that fill in everything give themselves away."""

    email = forms.EmailField(
        label=_("Your email address"),
        max_length=254,
        error_messages={
            "required": _("Enter your email address."),
            "invalid": _("Enter an email address like name@example.com."),
        },
    )
    website = forms.CharField(required=False, label=_("Leave this field empty"))

    def clean_website(self):
        if self.cleaned_data["website"]:
            raise forms.ValidationError(_("Please try again."), code="honeypot")
        return ""


class SignupForm(EmailForm):
    """The newsletter box and the "Get Email Updates" box both send this form."""

    newsletter = forms.BooleanField(label=_("The health newsletter"), required=False)
    conditions = BoundedModelMultipleChoiceField(
        label=_("Updates on"),
        queryset=Condition.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    source = forms.CharField(widget=forms.HiddenInput, required=False, max_length=200)

    def __init__(self, *args, **kwargs):
        """The full form with every topic; the boxes in pages' margins
        (newsletter/includes/signup_box.html) post the same fields."""
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_action = reverse("newsletter:subscribe")
        self.helper.form_class = "signup-form"
        self.helper.layout = Layout(
            "email",
            "newsletter",
            "conditions",
            "source",
            Div(
                Field("website", autocomplete="off", tabindex="-1"),
                css_class="trap",
                aria_hidden="true",
            ),
            Submit("submit", _("Send me a confirmation email")),
        )

    def clean(self):
        data = super().clean()
        if not self.errors and not data.get("newsletter") and not data.get("conditions"):
            raise forms.ValidationError(
                _("Choose the newsletter or at least one condition to hear about."),
                code="no_topics",
            )
        return data


class PreferencesForm(forms.Form):
    newsletter = forms.BooleanField(
        label=_("The health newsletter"),
        required=False,
        help_text=_("New nurse-reviewed articles and community news, about twice a month."),
    )
    conditions = BoundedModelMultipleChoiceField(
        label=_("Email updates when new reviewed articles are published about"),
        queryset=Condition.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    discreet = forms.BooleanField(
        label=_("Keep my emails discreet"),
        required=False,
        help_text=_("Subjects that name no condition and no question."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.layout = Layout(
            "newsletter",
            "conditions",
            "discreet",
            Submit("save", _("Save my choices")),
        )


class FollowForm(EmailForm):
    """The plain "Email me when it gets an answer" box on a question's page
    (community/includes/follow_box.html draws it: no token on a shared page)."""

    discreet = forms.BooleanField(label=_("Keep my emails discreet"), required=False)
