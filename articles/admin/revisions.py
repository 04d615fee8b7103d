"""Revisions: the words of an article, edited as drafts and taken through review."""

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html

from articles.diff import revision_changes
from articles.models import (
    ArticleEvent,
    Reference,
    Review,
    Revision,
    RevisionState,
    WorkflowError,
)
from empower.admin import LabelledTabularInline, ReadOnlyMixin, Step, StepsAdmin
from empower.formats import day, moment


class ReferenceInline(LabelledTabularInline):
    model = Reference
    extra = 1
    fields = ["position", "source", "title", "url", "accessed_on", "last_check"]
    readonly_fields = ["last_check"]

    def get_queryset(self, request):
        return super().get_queryset(request).with_last_check()

    @admin.display(description="Last checked")
    def last_check(self, reference):
        if getattr(reference, "checked_at", None) is None:
            return "Not checked yet"
        when = day(timezone.localdate(reference.checked_at))
        if not reference.check_failures:
            return f"Answered on {when}"
        return f"{reference.check_answer} on {when}, {reference.check_failures} failures in a row"

    def _editable(self, obj):
        return obj is None or obj.is_editable

    def has_add_permission(self, request, obj=None):
        return self._editable(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._editable(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._editable(obj) and super().has_delete_permission(request, obj)


class ReviewInline(ReadOnlyMixin, admin.TabularInline):
    model = Review
    extra = 0
    fields = readonly_fields = (
        "reviewer_name",
        "credentials",
        "reviewed_at",
    )
    verbose_name = "approval"


class SendBackForm(forms.Form):
    note = forms.CharField(
        label="What needs to change?",
        widget=forms.Textarea(attrs={"rows": 5, "cols": 60}),
        help_text="The editor sees this note on their dashboard and in the history.",
    )


class PublishForm(forms.Form):
    when = forms.ChoiceField(
        label="When",
        choices=[("now", "Publish now"), ("later", "Schedule for a time")],
        widget=forms.RadioSelect,
        initial="now",
    )
    publish_at = forms.DateTimeField(
        label="Publish at",
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text="In the site's time zone. The scheduler publishes it at the first run after.",
    )

    def clean(self):
        data = super().clean()
        if data.get("when") == "later":
            publish_at = data.get("publish_at")
            if publish_at is None:
                self.add_error(
                    "publish_at", forms.ValidationError("Choose a time.", code="required")
                )
            elif publish_at <= timezone.now():
                self.add_error(
                    "publish_at",
                    forms.ValidationError("Choose a time in the future.", code="past"),
                )
        return data


def _submit(request, revision, form) -> str:
    revision.submit(request.user)
    return "Submitted for review. A nurse reviewer will see it on their dashboard."


class ApproveForm(forms.Form):
    what_changed = forms.CharField(
        label="What changed in this review",
        max_length=200,
        required=False,
        help_text="One line readers see under the byline, e.g. “Updated the treatment section "
        "for new guidance on botulinum toxin”. Needed once the article has been published.",
    )
    reading_note = forms.CharField(
        label="Why approve it above the target reading level",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Only when the text reads above the target grade. Kept with your review; "
        "readers never see it.",
    )


def _approve(request, revision, form) -> str:
    # The confirmation page carries the fingerprint of the text the reviewer opened.
    seen = request.POST.get("seen")
    if not seen:
        raise WorkflowError("Open the revision and read it before approving.", code="not_seen")
    revision.approve(
        request.user,
        seen=seen,
        what_changed=form.cleaned_data["what_changed"],
        reading_note=form.cleaned_data["reading_note"],
    )
    if revision.state == RevisionState.PUBLISHED:
        return "Review recorded. The article's review interval starts again today."
    return "Approved. An editor can now publish it."


def _send_back(request, revision, form) -> str:
    revision.send_back(request.user, form.cleaned_data["note"])
    return "Sent back to the editor with your note."


def _publish(request, revision, form) -> str:
    later = form.cleaned_data["when"] == "later"
    revision.publish(request.user, at=form.cleaned_data["publish_at"] if later else None)
    if revision.state == RevisionState.SCHEDULED:
        return f"Scheduled for {moment(revision.scheduled_for)}."
    return "Published. Readers now see this revision."


def _cancel_schedule(request, revision, form) -> str:
    revision.cancel_schedule(request.user)
    return "Schedule cancelled. The revision is approved and waiting to be published."


@admin.register(Revision)
class RevisionAdmin(StepsAdmin):
    list_display = ["title", "article_link", "state", "created_by", "updated_at"]
    list_select_related = ["article", "created_by"]
    list_filter = ["state", "article__condition"]
    search_fields = ["title", "article__slug"]
    fields = ["title", "summary", "key_points", "body"]
    inlines = [ReferenceInline, ReviewInline]
    change_form_template = "admin/articles/revision/change_form.html"
    step_template = "admin/articles/revision/workflow_step.html"
    steps = (
        Step(
            "submit",
            "Submit for review",
            _submit,
            "A nurse reviewer will check this text. You cannot change it while it is in review.",
        ),
        Step("approve", "Approve", _approve, form=ApproveForm),
        Step(
            "send_back",
            "Send back with a note",
            _send_back,
            "The editor will see your note and can revise the draft and submit it again.",
            form=SendBackForm,
        ),
        Step("publish", "Publish or schedule", _publish, form=PublishForm),
        Step(
            "cancel_schedule",
            "Cancel the schedule",
            _cancel_schedule,
            "The revision stays approved; you can publish or schedule it again later.",
        ),
    )

    @admin.display(description="Article", ordering="article__slug")
    def article_link(self, revision):
        url = reverse("admin:articles_article_change", args=[revision.article_id])
        return format_html('<a href="{}">{}</a>', url, revision.article.slug)

    def has_add_permission(self, request):
        # Revisions start from an article: "Add article" or "Start a new revision".
        return False

    def has_change_permission(self, request, obj=None):
        if obj is not None and not obj.is_editable:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        # Only the words: the state is the workflow's, never the form's.
        obj.save(update_fields=[*form.changed_data, "body_html", "updated_at"])

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # An edit to the references is an edit too: its author may not approve it.
        if form.has_changed() or any(formset.has_changed() for formset in formsets):
            form.instance.record_edit(request.user)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.state == RevisionState.SENT_BACK:
            sent_back = obj.events.filter(action=ArticleEvent.Action.SENT_BACK).first()
            context["sent_back_note"] = sent_back.note if sent_back else ""
        return super().render_change_form(request, context, add, change, form_url, obj)

    def get_urls(self):
        return [
            path(
                "<int:pk>/changes/",
                self.admin_site.admin_view(self.changes_view),
                name="articles_revision_changes",
            ),
            *super().get_urls(),
        ]

    def changes_view(self, request, pk):
        """What changed since the article's last approved revision."""
        revision = get_object_or_404(Revision.objects.select_related("article"), pk=pk)
        if not self.has_view_permission(request, revision):
            raise PermissionDenied
        base = revision.last_approved()
        context = {
            **self.admin_site.each_context(request),
            "title": f"Changes in “{revision.title}”",
            "opts": self.opts,
            "revision": revision,
            "base": base,
            "changes": revision_changes(base, revision) if base else [],
        }
        return TemplateResponse(request, "admin/articles/revision/changes.html", context)
