"""Empower's admin site: Django's own, with a dashboard of each person's work.

Apps contribute dashboard panels by registering a function with
`register_panel`; the site knows nothing about articles or comments. Workflow
steps (submit, approve, publish, send...) share one confirmation mechanism,
`StepsAdmin`, and records nobody edits share `ReadOnlyMixin`.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse


@dataclass
class PanelItem:
    label: str
    url: str
    detail: str = ""
    urgent: bool = False
    # A second link on the line, e.g. to what changed.
    also_label: str = ""
    also_url: str = ""


@dataclass
class Panel:
    title: str
    count: int
    items: list[PanelItem] = field(default_factory=list)
    more_url: str = ""
    empty_text: str = "Nothing here."
    warning: str = ""


class EmpowerAdminSite(admin.AdminSite):
    site_header = "Empower editorial"
    site_title = "Empower editorial"
    index_title = "Your work"
    index_template = "admin/empower_index.html"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._panel_builders = []

    def has_permission(self, request):
        """Staff, signed in with a second factor (django-otp's OTPMiddleware says
        whether this session was verified); a password alone opens nothing."""
        user = request.user
        verified = getattr(user, "is_verified", lambda: False)()
        return user.is_active and user.is_staff and verified

    def register_panel(self, builder):
        """`builder(request)` returns a list of Panels for this person (often empty)."""
        self._panel_builders.append(builder)
        return builder

    def index(self, request, extra_context=None):
        panels = [panel for build in self._panel_builders for panel in build(request)]
        return super().index(request, {"panels": panels, **(extra_context or {})})


def register_panel(builder):
    """Decorator for an app's dashboard panel builder: `builder(request)` returns
    a list of Panels for this person (often empty)."""
    site = admin.site
    assert isinstance(site, EmpowerAdminSite)  # noqa: S101 - settings name it
    return site.register_panel(builder)


@dataclass(frozen=True)
class Done:
    """What a step says when it worked, and where to go next (the object's page
    unless it made something new to open)."""

    message: str
    url: str = ""


@dataclass(frozen=True)
class Step:
    """One workflow step as the admin shows it: a button, a confirmation page
    (with a form when the step needs words or a time) and `take`, which calls
    the model's step method and says what happened."""

    name: str
    label: str
    take: Callable[[HttpRequest, Any, Any], "str | Done"]
    explanation: str = ""
    form: type[forms.Form] | None = None


class StepsAdmin(admin.ModelAdmin):
    """A ModelAdmin with confirmation pages for the model's workflow steps, at
    <pk>/step/<name>/.

    GET shows the step's explanation and form, POST takes it. The model decides:
    `obj.available_steps(user)` names the buttons the change page draws, and the
    model's step method refuses anything else (a ValidationError, or one of
    `step_refusals`), so a hand-made POST is refused exactly like a click.
    """

    steps: Sequence[Step] = ()
    step_template = "admin/confirm_step.html"
    step_refusals: tuple[type[Exception], ...] = (ValidationError,)

    def get_urls(self):
        opts = self.opts
        name = f"{opts.app_label}_{opts.model_name}_step"
        view = self.admin_site.admin_view(self.step_view)
        return [path("<int:pk>/step/<str:name>/", view, name=name), *super().get_urls()]

    def steps_for(self, request, obj) -> list[Step]:
        allowed = obj.available_steps(request.user)
        return [step for step in self.steps if step.name in allowed]

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            context["steps"] = self.steps_for(request, obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def step_view(self, request, pk, name):
        step = next((step for step in self.steps if step.name == name), None)
        obj = self.get_object(request, str(pk))
        if step is None or obj is None:
            raise Http404("No such step.")
        if not self.has_view_permission(request, obj):
            raise PermissionDenied
        opts = self.opts
        change_url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
        posted = request.method == "POST"
        form = step.form(request.POST if posted else None) if step.form else None
        if posted and (form is None or form.is_valid()):
            try:
                return self._take(request, obj, step, form, change_url)
            except self.step_refusals as refusal:
                if form is None:
                    self.message_user(request, refusal_text(refusal), messages.ERROR)
                    return redirect(change_url)
                # Shown on the same page, with what was typed still there.
                form.add_error(None, refusal_text(refusal))
        if not posted and step.name not in obj.available_steps(request.user):
            self.message_user(
                request,
                f"“{step.label}” is not a step you can take on this {opts.verbose_name} now.",
                messages.WARNING,
            )
            return redirect(change_url)
        context = {
            **self.admin_site.each_context(request),
            "title": f"{step.label}: “{obj}”",
            "opts": opts,
            "original": obj,
            "step": step,
            "form": form,
            "change_url": change_url,
        }
        return TemplateResponse(request, self.step_template, context)

    def _take(self, request, obj, step, form, change_url):
        done = step.take(request, obj, form)
        if isinstance(done, str):
            done = Done(done)
        self.message_user(request, done.message, messages.SUCCESS)
        return redirect(done.url or change_url)


def refusal_text(refusal: Exception) -> str:
    return " ".join(refusal.messages if isinstance(refusal, ValidationError) else [str(refusal)])


class ReadOnlyMixin:
    """For records nobody writes in the admin (histories, consents, deliveries,
    audit logs): they can be read, never added, changed or deleted there."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class LabelledTabularInline(admin.TabularInline):
    """A table of editable rows whose inputs have names: the column headings above
    them are not labels, so a screen reader would announce a bare "edit text"."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if formfield is not None:
            name = f"{self.model._meta.verbose_name} {formfield.label}".lower()
            formfield.widget.attrs.setdefault("aria-label", name.capitalize())
        return formfield
