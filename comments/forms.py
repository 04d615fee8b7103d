from captcha.fields import CaptchaField, CaptchaTextInput
from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Div, Field, Layout, Submit
from django import forms
from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from comments import spam
from comments.models import Comment, Feedback, Refusal, body_digest
from empower.visitors import address_key, keyed_hash

CAPTCHA_LABEL = _("Enter the characters shown in the image")
ANONYMOUS = "Anonymous"
TERMS_NOTE = HTML(
    '<p class="small form-terms">By sending this form you agree to our '
    '<a href="{% url "page" slug="terms" %}">terms of service</a> and '
    '<a href="{% url "page" slug="privacy" %}">privacy policy</a>.</p>'
)


class CaptchaInput(CaptchaTextInput):
    # A real <label> for the answer box, rather than a fieldset legend that
    # leaves the box itself without a name.
    use_fieldset = False

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        # MultiWidget gives both parts the field's attributes; the hidden key
        # may carry none of them (no required, autocomplete or aria-*).
        hidden = context["widget"]["subwidgets"][0]
        hidden["attrs"] = {"id": hidden["attrs"]["id"]}
        return context


class ProtectedForm(forms.Form):
    """CAPTCHA, honeypot, signed timestamp and rate limits for any reader-written form.

    Subclasses set `form_name` (for the refusal counters) and may override
    `is_duplicate(cleaned_data)` and `texts_to_check(cleaned_data)`.
    """

    form_name = "form"

    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    started = forms.CharField(widget=forms.HiddenInput)
    anonymous = forms.BooleanField(
        label=_("Post as Anonymous"),
        required=False,
        help_text=_("Your name is not shown. Your email address stays private either way."),
    )
    captcha = CaptchaField(
        label=CAPTCHA_LABEL,
        widget=CaptchaInput,
        error_messages={"invalid": _("Those characters don't match the image. Try the new one.")},
    )

    def __init__(self, *args, request, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        self.initial.setdefault("started", spam.sign_start())
        if "author_name" in self.fields:
            self.fields["author_name"].required = False  # or Anonymous: clean_author_name
        else:
            del self.fields["anonymous"]
        self.suspicions: list[str] = []
        self.suspicion_codes: list[str] = []
        self.crisis_terms: list[str] = []

    def clean_author_name(self):
        """The name to show: what they typed, or "Anonymous" when they ticked it."""
        field = self.fields["anonymous"]
        if field.widget.value_from_datadict(self.data, self.files, self.add_prefix("anonymous")):
            return ANONYMOUS
        name = self.cleaned_data["author_name"].strip()
        if not name:
            raise forms.ValidationError(
                _("Write the name to show, or tick “Post as Anonymous”."), code="required"
            )
        return name

    def clean_website(self):
        if self.cleaned_data["website"]:
            raise forms.ValidationError(
                _("Your message could not be sent. Please try again."), code="honeypot"
            )
        return ""

    def clean_started(self):
        elapsed = spam.seconds_since_start(self.cleaned_data["started"])
        if elapsed is None:
            raise forms.ValidationError(
                _("The form was changed in transit. Please reload the page and try again."),
                code="tampered",
            )
        if elapsed < settings.COMMENTS_MIN_SECONDS:
            raise forms.ValidationError(
                _("That was quicker than a person can type. Please wait a moment and send again."),
                code="too_fast",
            )
        if elapsed > settings.COMMENTS_MAX_FORM_AGE_HOURS * 3600:
            raise forms.ValidationError(
                _("This form was open for too long. Your text is kept below; please send again."),
                code="stale",
            )
        return self.cleaned_data["started"]

    def full_clean(self):
        super().full_clean()
        if self.is_bound:
            # The form shown again gets a fresh timestamp, so sending it again works.
            self.data = self.data.copy()
            self.data[self.add_prefix("started")] = spam.sign_start()

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        if self.is_duplicate(data):
            raise forms.ValidationError(
                _("We already have this from you; it will appear once a moderator approves it."),
                code="duplicate",
            )
        reason = spam.within_rate_limits(
            self.form_name,
            address_key(self.request, self.form_name),
            keyed_hash(f"{self.form_name}-email", data.get("author_email", "").lower()),
        )
        if reason:
            raise forms.ValidationError(
                _("You have sent a lot in the last hour. Please try again later."), code=reason
            )
        texts = self.texts_to_check(data)
        found = spam.suspicions(*texts)
        self.suspicion_codes = sorted({code for code, _explanation in found})
        self.suspicions = [explanation for _code, explanation in found]
        self.crisis_terms = spam.crisis_terms(*texts)
        return data

    def is_duplicate(self, data) -> bool:
        """Whether this person sent the same words here before (each form says how)."""
        raise NotImplementedError

    def texts_to_check(self, data) -> list[str]:
        """The fields a person wrote, for the link and phrase checks."""
        raise NotImplementedError

    def count_refusals(self) -> None:
        """Count each reason this submission was refused, e.g. 'captcha_invalid'."""
        for field, field_errors in self.errors.as_data().items():
            for error in field_errors:
                code = error.code or "invalid"
                Refusal.count_one(self.form_name, code if field == "__all__" else f"{field}_{code}")

    def protection_layout(self):
        """The CAPTCHA, the hidden trap fields and the terms, for the end of a layout."""
        return [
            *([Field("captcha")] if "captcha" in self.fields else []),
            Div(Field("website"), css_class="trap", aria_hidden="true"),
            Field("started"),
            TERMS_NOTE,
        ]


class CommentForm(ProtectedForm, forms.ModelForm):
    form_name = "comment"

    class Meta:
        model = Comment
        fields = [
            "author_name",
            "author_email",
            "wants_reply_emails",
            "wants_reader_reply_emails",
            "body",
        ]
        labels = {
            "author_name": _("Your name"),
            "author_email": _("Your email address"),
            "wants_reply_emails": _("Email me if a nurse or editor replies"),
            "wants_reader_reply_emails": _("Also when other readers reply"),
            "body": _("Your comment"),
        }
        help_texts = {
            "author_name": _("Shown with your comment. A first name is fine."),
            "author_email": _("Only our moderators see it. We never show or share it."),
            "wants_reply_emails": _("We'll ask you to confirm your address once. Each email "
                                    "has a one-click stop."),
            "body": _("Plain text, up to 5,000 characters. Please don't include details that "
                      "identify you or others."),
        }  # fmt: skip
        widgets = {"body": forms.Textarea(attrs={"rows": 6, "maxlength": 5000})}
        error_messages = {
            "author_email": {"invalid": _("Enter an email address like name@example.com.")},
        }

    # The approved comment this replies to (one level deep), checked by the view.
    reply_to = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, article, replying_to=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.article = article
        self.replying_to = replying_to
        ticks = ["wants_reply_emails", "wants_reader_reply_emails"]
        if replying_to:  # nobody replies to a reply: there is nothing to hear of
            self.initial["reply_to"] = replying_to.pk
            for name in ticks:
                del self.fields[name]
        self.fields["body"].validators.append(
            forms.fields.validators.MaxLengthValidator(settings.COMMENTS_MAX_LENGTH)
        )
        self.fields["body"].error_messages["max_length"] = _(
            "Please keep your comment under 5,000 characters (it has %(show_value)d)."
        )
        self.fields["body"].error_messages["required"] = _("Write a comment before sending.")
        self.helper = FormHelper()
        self.helper.form_action = reverse("comments:post", kwargs={"slug": article.slug})
        self.helper.form_id = "comment-form"
        self.helper.layout = Layout(
            "author_name",
            "anonymous",
            "author_email",
            *([] if replying_to else ticks),
            "body",
            "reply_to",
            *self.protection_layout(),
            Submit("submit", _("Send reply") if replying_to else _("Send comment")),
        )

    def is_duplicate(self, data) -> bool:
        return Comment.objects.filter(
            article=self.article,
            author_email__iexact=data["author_email"],
            body_digest=body_digest(data["body"]),
        ).exists()

    def texts_to_check(self, data) -> list[str]:
        return [data["author_name"], data["body"]]


class FeedbackForm(ProtectedForm, forms.ModelForm):
    """What is wrong or missing on a page. The honeypot, time trap and rate limit
    always; the CAPTCHA only from a visitor's second message in a day."""

    form_name = "feedback"

    class Meta:
        model = Feedback
        fields = ["kind", "text"]
        labels = {"kind": _("What's wrong?"), "text": _("Tell us more")}
        help_texts = {
            "text": _("Only our editors and nurse reviewers read this. Please don't include "
                      "details that identify you or others."),
        }  # fmt: skip
        widgets = {
            "kind": forms.RadioSelect,
            "text": forms.Textarea(attrs={"rows": 5, "maxlength": 2000}),
        }

    def __init__(self, *args, article, captcha: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.article = article
        if not captcha:
            del self.fields["captcha"]
        self.fields["kind"].choices = Feedback.Kind.choices  # type: ignore[attr-defined]  # no "------"
        self.fields["kind"].error_messages["required"] = _("Choose what's wrong.")
        self.fields["text"].error_messages["required"] = _("Say what you found.")
        self.helper = FormHelper()
        self.helper.form_action = reverse("comments:feedback", kwargs={"slug": article.slug})
        self.helper.form_id = "feedback-form"
        self.helper.layout = Layout(
            "kind", "text", *self.protection_layout(), Submit("submit", _("Send to the reviewer"))
        )

    def is_duplicate(self, data) -> bool:
        return Feedback.objects.filter(
            article=self.article,
            address_hash=address_key(self.request, self.form_name),
            text=data.get("text", ""),
        ).exists()

    def texts_to_check(self, data) -> list[str]:
        return [data.get("text", "")]
