from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse

from empower.admin import Panel, PanelItem, ReadOnlyMixin, Step, StepsAdmin, register_panel
from empower.formats import moment
from newsletter.models import Bounce, ConsentRecord, Delivery, Issue, IssueError, Subscriber


class ScheduleForm(forms.Form):
    send_at = forms.DateTimeField(
        label="Send at",
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text="In the site's time zone.",
    )


def _send_test(request, issue, form) -> str:
    issue.send_test(request.user)
    return f"Test sent to {request.user.email}."


def _send(request, issue, form) -> str:
    count = issue.start_sending(request.user)
    return f"Sending to {count} subscribers."


def _schedule(request, issue, form) -> str:
    issue.schedule(request.user, form.cleaned_data["send_at"])
    return f"Scheduled for {moment(issue.scheduled_for)}."


def _pause(request, issue, form) -> str:
    issue.pause(request.user)
    return "Paused. Batches already under way finish first."


def _resume(request, issue, form) -> str:
    issue.resume(request.user)
    return "Sending resumed."


@admin.register(Issue)
class IssueAdmin(StepsAdmin):
    list_display = [
        "subject",
        "kind",
        "status",
        "scheduled_for",
        "started_at",
        "finished_at",
        "deliveries",
    ]
    list_filter = ["kind", "status"]
    search_fields = ["subject"]
    fields = ["subject", "body", "to_newsletter", "to_conditions"]
    filter_horizontal = ["to_conditions"]
    change_form_template = "admin/newsletter/issue/change_form.html"
    step_template = "admin/newsletter/issue/step.html"
    step_refusals = (IssueError,)
    steps = (
        Step(
            "test",
            "Send a test to me",
            _send_test,
            "Sends this issue to your own address, marked [Test].",
        ),
        Step(
            "send",
            "Send now",
            _send,
            "Sends this issue to every confirmed subscriber of its topics.",
        ),
        Step(
            "schedule",
            "Schedule",
            _schedule,
            "Sends this issue at the time you choose.",
            form=ScheduleForm,
        ),
        Step(
            "pause",
            "Pause sending",
            _pause,
            "Stops after the batches being sent now; resume at any time.",
        ),
        Step(
            "resume",
            "Resume sending",
            _resume,
            "Carries on where sending stopped. Nobody gets it twice.",
        ),
    )

    def get_queryset(self, request):
        by_status = {
            f"{status}_count": Count("deliveries", filter=Q(deliveries__status=status))
            for status in (Delivery.Status.SENT, Delivery.Status.FAILED, Delivery.Status.SKIPPED)
        }
        return super().get_queryset(request).annotate(**by_status)

    @admin.display(description="Sent · failed · skipped")
    def deliveries(self, issue):
        counts = (issue.sent_count, issue.failed_count, issue.skipped_count)
        return " · ".join(str(count) for count in counts) if any(counts) else "—"

    def has_change_permission(self, request, obj=None):
        if obj is not None and not obj.is_editable:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        unsent = obj is None or obj.status == Issue.Status.DRAFT
        return unsent and super().has_delete_permission(request, obj)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            context["progress"] = obj.progress()
            context["recipient_count"] = obj.recipients().count()
        return super().render_change_form(request, context, add, change, form_url, obj)

    def get_urls(self):
        return [
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


class ConsentInline(ReadOnlyMixin, admin.TabularInline):
    model = ConsentRecord
    extra = 0
    fields = readonly_fields = (
        "at",
        "action",
        "source",
        "consent_version",
        "topics",
    )


class BounceInline(ReadOnlyMixin, admin.TabularInline):
    model = Bounce
    extra = 0
    fields = readonly_fields = (
        "at",
        "kind",
        "detail",
    )


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
class DeliveryAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["issue", "subscriber", "status", "attempts", "sent_at", "error"]
    list_filter = ["status", "issue"]
    list_select_related = ["issue", "subscriber"]
    search_fields = ["subscriber__email"]


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
