from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone

from empower.admin import Panel, PanelItem, register_panel
from newsletter.models import Bounce, ConsentRecord, Delivery, Issue, IssueError, Subscriber


class ScheduleForm(forms.Form):
    send_at = forms.DateTimeField(
        label="Send at",
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text="In the site's time zone.",
    )


# step -> (button label, what the confirmation page says)
ISSUE_STEPS = {
    "test": ("Send a test to me", "Sends this issue to your own address, marked [Test]."),
    "send": ("Send now", "Sends this issue to every confirmed subscriber of its topics."),
    "schedule": ("Schedule", "Sends this issue at the time you choose."),
    "pause": ("Pause sending", "Stops after the batches being sent now; resume at any time."),
    "resume": ("Resume sending", "Carries on where sending stopped. Nobody gets it twice."),
}


@admin.register(Issue)
class IssueAdmin(admin.ModelAdmin):
    list_display = ["subject", "kind", "status", "scheduled_for", "started_at", "finished_at"]
    list_filter = ["kind", "status"]
    search_fields = ["subject"]
    fields = ["subject", "body", "to_newsletter", "to_conditions"]
    filter_horizontal = ["to_conditions"]
    change_form_template = "admin/newsletter/issue/change_form.html"

    def has_change_permission(self, request, obj=None):
        # Once sending starts, the words are what subscribers got.
        if obj is not None and obj.status not in (Issue.Status.DRAFT, Issue.Status.SCHEDULED):
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        unsent = obj is None or obj.status == Issue.Status.DRAFT
        return unsent and super().has_delete_permission(request, obj)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def steps_for(self, issue) -> list[str]:
        steps = ["test"]
        if issue.status in (Issue.Status.DRAFT, Issue.Status.SCHEDULED):
            steps += ["send", "schedule"]
        if issue.status == Issue.Status.SENDING:
            steps.append("pause")
        if issue.status == Issue.Status.PAUSED:
            steps.append("resume")
        return steps

    def change_view(self, request, object_id, form_url="", extra_context=None):
        issue = self.get_object(request, object_id)
        extra = {}
        if issue is not None:
            extra = {
                "issue": issue,
                "progress": issue.progress(),
                "recipient_count": issue.recipients().count(),
                "steps": [(step, ISSUE_STEPS[step][0]) for step in self.steps_for(issue)]
                if request.user.has_perm("newsletter.send_issue")
                else [],
            }
        return super().change_view(request, object_id, form_url, {**extra, **(extra_context or {})})

    def get_urls(self):
        return [
            path(
                "<int:pk>/step/<str:step>/",
                self.admin_site.admin_view(self.step_view),
                name="newsletter_issue_step",
            ),
            path(
                "<int:pk>/progress/",
                self.admin_site.admin_view(self.progress_view),
                name="newsletter_issue_progress",
            ),
            *super().get_urls(),
        ]

    def progress_view(self, request, pk):
        """Sent, failed and remaining, polled by the progress bar on the issue's page."""
        issue = get_object_or_404(Issue, pk=pk)
        if not self.has_view_permission(request, issue):
            raise PermissionDenied
        return JsonResponse(issue.progress())

    def step_view(self, request, pk, step):
        """Confirm a sending step (GET) and take it (POST)."""
        issue = get_object_or_404(Issue, pk=pk)
        if step not in ISSUE_STEPS or not request.user.has_perm("newsletter.send_issue"):
            raise PermissionDenied
        label, explanation = ISSUE_STEPS[step]
        form = ScheduleForm(request.POST or None) if step == "schedule" else None
        change_url = reverse("admin:newsletter_issue_change", args=[issue.pk])
        if request.method == "POST" and (form is None or form.is_valid()):
            try:
                message = self._take_step(request, issue, step, form)
            except IssueError as refusal:
                self.message_user(request, str(refusal), messages.ERROR)
            else:
                self.message_user(request, message, messages.SUCCESS)
            return redirect(change_url)
        context = {
            **self.admin_site.each_context(request),
            "title": f"{label}: “{issue.subject}”",
            "opts": self.opts,
            "original": issue,
            "label": label,
            "explanation": explanation,
            "form": form,
            "change_url": change_url,
            "recipient_count": issue.recipients().count(),
        }
        return TemplateResponse(request, "admin/newsletter/issue/step.html", context)

    def _take_step(self, request, issue, step, form) -> str:
        user = request.user
        if step == "test":
            issue.send_test(user)
            return f"Test sent to {user.email}."
        if step == "send":
            count = issue.start_sending(user)
            return f"Sending to {count} subscribers."
        if step == "schedule":
            issue.schedule(user, form.cleaned_data["send_at"])
            when = timezone.localtime(issue.scheduled_for)
            return f"Scheduled for {when:%d %B %Y at %H:%M}."
        if step == "pause":
            issue.pause(user)
            return "Paused. Batches already under way finish first."
        issue.resume(user)
        return "Sending resumed."


class ConsentInline(admin.TabularInline):
    model = ConsentRecord
    extra = 0
    can_delete = False
    fields = readonly_fields = (
        "at",
        "action",
        "source",
        "consent_version",
        "topics",
    )

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class BounceInline(admin.TabularInline):
    model = Bounce
    extra = 0
    can_delete = False
    fields = readonly_fields = (
        "at",
        "kind",
        "detail",
    )

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    list_display = ["email", "status", "wants_newsletter", "created_at", "confirmed_at"]
    list_filter = ["status", "wants_newsletter", "conditions"]
    search_fields = ["email"]
    fields = readonly_fields = (
        "email", "status", "wants_newsletter", "conditions", "source", "created_at",
        "confirmed_at", "unsubscribed_at",
    )  # fmt: skip
    inlines = [ConsentInline, BounceInline]

    def has_add_permission(self, request):
        # People subscribe themselves, with double opt-in; nobody adds them.
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    list_display = ["issue", "subscriber", "status", "attempts", "sent_at", "error"]
    list_filter = ["status", "issue"]
    list_select_related = ["issue", "subscriber"]
    search_fields = ["subscriber__email"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@register_panel
def newsletter_panels(request) -> list[Panel]:
    if not request.user.has_perm("newsletter.view_issue"):
        return []
    active = Issue.objects.filter(status__in=[Issue.Status.SENDING, Issue.Status.PAUSED])
    items = []
    for issue in active[:5]:
        progress = issue.progress()
        items.append(
            PanelItem(
                label=issue.subject,
                url=reverse("admin:newsletter_issue_change", args=[issue.pk]),
                detail=f"{issue.get_status_display()}: {progress['sent']} of "
                f"{progress['total']} sent",
            )
        )
    return (
        [
            Panel(
                title="Newsletters being sent",
                count=active.count(),
                items=items,
                empty_text="Nothing is being sent.",
            )
        ]
        if items
        else []
    )
