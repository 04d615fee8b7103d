"""Taking in what a reader wrote: one path for comments, questions and answers.

SubmissionView shows a protected form (its page, or just the form for
?fragment=1) and stores a valid submission for moderation; subclasses say what
is being written about and where to go next.
"""

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.views import View

from comments import personal
from comments.models import Refusal, Status
from comments.tasks import notify_moderators_task
from empower.visitors import address_key

# A message with this tag is followed by where to get help, at once.
CRISIS_TAG = "crisis"


def save_submission(request, form, **fields):
    """Store a valid protected form as pending (or spam), and tell moderators."""
    item = form.save(commit=False)
    for name, value in fields.items():
        setattr(item, name, value)
    item.address_hash = address_key(request, form.form_name)
    item.flags = list(form.suspicions)
    if details := item.personal_details():
        item.flags.append(personal.flag(details))
    if form.crisis_terms:
        # Someone may be in danger: a person reads it first, whatever else it looks like.
        item.urgent = True
        item.flags.append("crisis language: " + ", ".join(form.crisis_terms))
    elif form.suspicions:
        # Held where only moderators look; the poster is thanked all the same,
        # so a spammer learns nothing about what gave them away.
        item.status = Status.SPAM
        for reason in form.suspicion_codes:
            Refusal.count_one(form.form_name, f"held_as_spam_{reason}")
    item.save()
    if item.status == Status.PENDING:
        notify_moderators_task.enqueue(urgent=item.urgent)
    return item


class SubmissionView(View):
    form_class: type = forms.Form
    template_name = ""
    partial_name = ""
    thanks = "Thanks — it will appear once a moderator approves it."
    # Where on the page the reader lands the thanks shows (shown_at("comments")), or at the top.
    thanks_place = ""

    def get_subject(self):
        """What is being written about (an article, a question); Http404 if readers
        can't see it, whether it never existed or was withdrawn."""
        raise NotImplementedError

    def is_open(self, subject) -> bool:
        return True

    def get_form_kwargs(self, subject) -> dict:
        return {}

    def extra_fields(self, subject) -> dict:
        """Fields the form doesn't set, e.g. the article a comment is on."""
        return {}

    def get_success_url(self, subject, item) -> str:
        raise NotImplementedError

    def get_context_data(self, subject, **context) -> dict:
        return context

    def hold_back(self, form, subject):
        """A page to show instead of storing a valid submission (nothing stored), or None."""

    def get(self, request, *args, **kwargs):
        subject = self.get_subject()
        return self.render(subject, self.make_form(subject), closed=not self.is_open(subject))

    def post(self, request, *args, **kwargs):
        try:
            subject = self.get_subject()
        except Http404:
            # Withdrawn while they wrote, or never there: the same answer either
            # way, so nobody learns what exists; their words come back to keep.
            context = {"kept_text": request.POST.get("body", "")}
            return render(request, "comments/not_available.html", context, status=404)
        form = self.make_form(subject, request.POST)
        if not self.is_open(subject):
            Refusal.count_one(form.form_name, "closed")
            return self.render(subject, form, closed=True, status=403)
        if not form.is_valid():
            form.count_refusals()
            return self.render(subject, form, status=400)
        if (held := self.hold_back(form, subject)) is not None:
            return held
        item = self.save(form, subject)
        if getattr(item, "urgent", False):  # help comes first, at the top of the page
            messages.warning(request, self.thanks, extra_tags=CRISIS_TAG)
        else:
            messages.success(request, self.thanks, extra_tags=self.thanks_place)
        return redirect(self.get_success_url(subject, item))

    def save(self, form, subject):
        return save_submission(self.request, form, **self.extra_fields(subject))

    def make_form(self, subject, data=None):
        return self.form_class(data, request=self.request, **self.get_form_kwargs(subject))

    def render(self, subject, form, *, closed=False, status=200, **context):
        template = self.template_name
        if self.request.GET.get("fragment") and not closed:
            template += f"#{self.partial_name}"
        context = self.get_context_data(subject, form=form, closed=closed, **context)
        response = render(self.request, template, context, status=status)
        # Each showing makes a CAPTCHA challenge: keep crawlers away.
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response
