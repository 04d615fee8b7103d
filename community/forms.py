from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Layout, Submit
from django import forms
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _

from comments.forms import ProtectedForm
from comments.models import body_digest
from community.models import Answer, Question
from empower.fields import BoundedModelChoiceField

PRIVACY_REMINDER = HTML(
    '<div class="alert alert-info privacy-reminder" role="note"><strong>Protect your '
    "privacy.</strong> Everyone can read what you post. Please leave out your full name, "
    "where you live or work, and anything else that could identify you or someone else."
    "</div>"
)
NAME_LABELS = {
    "author_name": _("Name to show"),
    "author_email": _("Your email address"),
}
NAME_HELP = {
    "author_name": _("A first name or a nickname is fine."),
    "author_email": _(
        "Never shown. We email you when your question is answered, with a link to stop."
    ),
}


class QuestionForm(ProtectedForm, forms.ModelForm):
    form_name = "question"

    # Sent by "Ask it anyway", once the reader has seen the similar questions.
    confirmed = forms.BooleanField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = Question
        fields = ["title", "body", "condition", "author_name", "author_email"]
        field_classes = {"condition": BoundedModelChoiceField}
        labels = {"title": _("Your question"), "body": _("Details"), **NAME_LABELS}
        help_texts = {
            "title": _("One sentence, e.g. “Does hemifacial spasm get worse with stress?”"),
            "body": _("What would help others answer? Up to 5,000 characters."),
            "condition": _("Optional: the condition your question is about."),
            **NAME_HELP,
        }
        widgets = {
            "title": forms.TextInput(
                # static/js/similar-questions.js shows matches while the title is typed.
                attrs={"data-similar-questions": reverse_lazy("search:similar_questions")}
            ),
            "body": forms.Textarea(attrs={"rows": 6, "maxlength": 5000}),
        }

    def __init__(self, *args, condition=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["condition"].empty_label = _("Not about one condition")
        self.fields["condition"].required = False
        if condition and not self.is_bound:
            self.initial["condition"] = condition.pk
        self.fields["body"].validators.append(forms.fields.validators.MaxLengthValidator(5000))
        self.helper = FormHelper()
        self.helper.form_action = reverse("community:ask")
        self.helper.form_id = "question-form"
        self.helper.layout = Layout(
            PRIVACY_REMINDER,
            "title",
            "body",
            "condition",
            "author_name",
            "anonymous",
            "author_email",
            *self.protection_layout(),
            Submit("submit", _("Ask the community")),
        )

    def ask_to_confirm(self) -> None:
        """Shown again under questions like it: its button now sends it anyway."""
        self.helper.layout.fields[-1] = Submit("confirmed", _("Ask it anyway"))

    def is_duplicate(self, data) -> bool:
        return Question.objects.filter(
            author_email__iexact=data["author_email"], body_digest=body_digest(data["body"])
        ).exists()

    def texts_to_check(self, data) -> list[str]:
        return [data["title"], data["body"], data["author_name"]]


class AnswerForm(ProtectedForm, forms.ModelForm):
    form_name = "answer"

    class Meta:
        model = Answer
        fields = ["body", "author_name", "author_email"]
        labels = {"body": _("Your answer"), **NAME_LABELS}
        help_texts = {
            "body": _("Share what you know or what worked for you. Up to 5,000 characters."),
            **NAME_HELP,
            "author_email": _("Never shown; only our moderators see it."),
        }
        widgets = {"body": forms.Textarea(attrs={"rows": 6, "maxlength": 5000})}

    def __init__(self, *args, question, **kwargs):
        super().__init__(*args, **kwargs)
        self.question = question
        self.fields["body"].validators.append(forms.fields.validators.MaxLengthValidator(5000))
        self.helper = FormHelper()
        self.helper.form_action = reverse("community:answer", kwargs={"pk": question.pk})
        self.helper.form_id = "answer-form"
        self.helper.layout = Layout(
            PRIVACY_REMINDER,
            "body",
            "author_name",
            "anonymous",
            "author_email",
            *self.protection_layout(),
            Submit("submit", _("Send answer")),
        )

    def is_duplicate(self, data) -> bool:
        return Answer.objects.filter(
            question=self.question,
            author_email__iexact=data["author_email"],
            body_digest=body_digest(data["body"]),
        ).exists()

    def texts_to_check(self, data) -> list[str]:
        return [data["body"], data["author_name"]]


class StaffAnswerForm(forms.Form):
    """For nurse reviewers and editors, logged in: no CAPTCHA, published at once."""

    body = forms.CharField(
        label=_("Your expert answer"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Published at once with your name and credentials."),
    )

    def __init__(self, *args, question, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_action = reverse("community:staff_answer", kwargs={"pk": question.pk})
        self.helper.layout = Layout("body", Submit("submit", _("Publish expert answer")))


class AcceptForm(forms.Form):
    """The asker marks the published answer that helped them."""

    answer = BoundedModelChoiceField(queryset=Answer.objects.none())

    def __init__(self, *args, question, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["answer"].queryset = Answer.objects.approved().filter(question=question)


def post_id() -> forms.IntegerField:
    return forms.IntegerField(required=False, min_value=1, max_value=2**63 - 1)


class ReportForm(forms.Form):
    """What a Report button on the question page sends: the question, or one answer."""

    question = post_id()
    answer = post_id()

    def clean(self):
        data = super().clean()
        if bool(data.get("question")) == bool(data.get("answer")):
            raise forms.ValidationError(_("Report one post at a time."), code="one_post")
        return data
