"""The editorial admin: editors write and publish, nurse reviewers sign off.

Every workflow button leads to a confirmation page whose POST calls the
matching model method (Revision.submit, .approve, .send_back, .publish,
Article.start_revision, .unpublish). The rules live in those methods, so a
hand-made POST is refused exactly like a click.
"""

from datetime import timedelta

from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.text import slugify

from articles.diff import revision_changes
from articles.models import (
    Article,
    ArticleEvent,
    Condition,
    Page,
    Reference,
    Review,
    ReviewerProfile,
    Revision,
    RevisionState,
    WorkflowError,
)
from empower.admin import Panel, PanelItem, register_panel
from empower.roles import EDITORS

DASHBOARD_ITEMS = 8
REVIEW_DUE_DAYS = 30


@admin.register(Condition)
class ConditionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "review_interval", "updated_at"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug", "summary", "overview", "review_interval_months"]

    def get_readonly_fields(self, request, obj=None):
        # Lengthening the interval would quietly make overdue reviews current.
        if request.user.has_perm("articles.set_review_interval"):
            return []
        return ["review_interval_months"]

    @admin.display(description="Review interval")
    def review_interval(self, condition):
        if condition.review_interval_months:
            return f"{condition.review_interval_months} months"
        return "Site default"


# Revisions ---------------------------------------------------------------


class ReferenceInline(admin.TabularInline):
    model = Reference
    extra = 1
    fields = ["position", "source", "title", "url", "accessed_on"]

    def _editable(self, obj):
        return obj is None or obj.is_editable

    def has_add_permission(self, request, obj=None):
        return self._editable(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._editable(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._editable(obj) and super().has_delete_permission(request, obj)


class ReviewInline(admin.TabularInline):
    model = Review
    extra = 0
    can_delete = False
    fields = readonly_fields = (
        "reviewer_name",
        "credentials",
        "reviewed_at",
    )
    verbose_name = "approval"

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


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


# step name -> (button label, form that the confirmation page asks for)
WORKFLOW_STEPS = {
    "submit": ("Submit for review", None),
    "approve": ("Approve", None),
    "send_back": ("Send back with a note", SendBackForm),
    "publish": ("Publish or schedule", PublishForm),
    "cancel_schedule": ("Cancel the schedule", None),
}


def available_steps(revision: Revision, user) -> list[str]:
    """The buttons worth showing this person; the model still decides on POST."""
    steps = []
    if revision.is_editable and user.has_perm("articles.submit_revision"):
        steps.append("submit")
    if user.has_perm("articles.review_revision") and revision.state in (
        RevisionState.IN_REVIEW,
        RevisionState.PUBLISHED,
    ):
        steps.append("approve")
        if revision.state == RevisionState.IN_REVIEW:
            steps.append("send_back")
    if user.has_perm("articles.review_revision") and revision.state in (
        RevisionState.APPROVED,
        RevisionState.SCHEDULED,
        RevisionState.UNPUBLISHED,
    ):
        steps.append("approve")  # renews an approval, e.g. one that expired
    if user.has_perm("articles.publish_revision") and revision.state in (
        RevisionState.APPROVED,
        RevisionState.SCHEDULED,
        RevisionState.UNPUBLISHED,
    ):
        steps.append("publish")
        if revision.state == RevisionState.SCHEDULED:
            steps.append("cancel_schedule")
    return steps


@admin.register(Revision)
class RevisionAdmin(admin.ModelAdmin):
    list_display = ["title", "article_link", "state", "created_by", "updated_at"]
    list_select_related = ["article", "created_by"]
    list_filter = ["state", "article__condition"]
    search_fields = ["title", "article__slug"]
    fields = ["title", "summary", "body"]
    inlines = [ReferenceInline, ReviewInline]
    change_form_template = "admin/articles/revision/change_form.html"

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

    def change_view(self, request, object_id, form_url="", extra_context=None):
        revision = self.get_object(request, object_id)
        extra = {}
        if revision is not None:
            sent_back = revision.events.filter(action=ArticleEvent.Action.SENT_BACK).first()
            extra = {
                "revision": revision,
                "workflow_steps": [
                    (step, WORKFLOW_STEPS[step][0])
                    for step in available_steps(revision, request.user)
                ],
                "sent_back_note": sent_back.note
                if sent_back and revision.state == RevisionState.SENT_BACK
                else "",
                "has_last_approved": revision.last_approved() is not None,
            }
        return super().change_view(request, object_id, form_url, {**extra, **(extra_context or {})})

    def get_urls(self):
        return [
            path(
                "<int:pk>/workflow/<str:step>/",
                self.admin_site.admin_view(self.workflow_view),
                name="articles_revision_workflow",
            ),
            path(
                "<int:pk>/changes/",
                self.admin_site.admin_view(self.changes_view),
                name="articles_revision_changes",
            ),
            *super().get_urls(),
        ]

    def workflow_view(self, request, pk, step):
        """Confirm one workflow step (GET) and take it (POST)."""
        if step not in WORKFLOW_STEPS:
            raise Http404("No such step.")
        revision = get_object_or_404(Revision.objects.select_related("article"), pk=pk)
        if not self.has_view_permission(request, revision):
            raise PermissionDenied
        label, form_class = WORKFLOW_STEPS[step]
        form = form_class(request.POST or None) if form_class else None
        change_url = reverse("admin:articles_revision_change", args=[revision.pk])
        if request.method != "POST" and step not in available_steps(revision, request.user):
            self.message_user(
                request,
                f"“{label}” is not a step you can take on this revision now.",
                messages.WARNING,
            )
            return redirect(change_url)

        if request.method == "POST" and (form is None or form.is_valid()):
            try:
                message = self._take_step(request, revision, step, form)
            except WorkflowError as refusal:
                self.message_user(request, " ".join(refusal.messages), messages.ERROR)
                return redirect(change_url)
            self.message_user(request, message, messages.SUCCESS)
            return redirect(change_url)

        context = {
            **self.admin_site.each_context(request),
            "title": f"{label}: “{revision.title}”",
            "opts": self.opts,
            "original": revision,
            "step": step,
            "label": label,
            "form": form,
            "seen": request.GET.get("seen", ""),
            "change_url": change_url,
        }
        return TemplateResponse(request, "admin/articles/revision/workflow_step.html", context)

    def _take_step(self, request, revision, step, form) -> str:
        user = request.user
        if step == "submit":
            revision.submit(user)
            return "Submitted for review. A nurse reviewer will see it on their dashboard."
        if step == "approve":
            seen = request.POST.get("seen")
            if not seen:
                raise WorkflowError(
                    "Open the revision and read it before approving.", code="not_seen"
                )
            revision.approve(user, seen=seen)
            if revision.state == RevisionState.PUBLISHED:
                return "Review recorded. The article's review interval starts again today."
            return "Approved. An editor can now publish it."
        if step == "send_back":
            revision.send_back(user, form.cleaned_data["note"])
            return "Sent back to the editor with your note."
        if step == "cancel_schedule":
            revision.cancel_schedule(user)
            return "Schedule cancelled. The revision is approved and waiting to be published."
        publish_at = (
            form.cleaned_data["publish_at"] if form.cleaned_data["when"] == "later" else None
        )
        revision.publish(user, at=publish_at)
        if revision.state == RevisionState.SCHEDULED:
            when = timezone.localtime(revision.scheduled_for)
            return f"Scheduled for {when:%d %B %Y at %H:%M}."
        return "Published. Readers now see this revision."

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


# Articles ----------------------------------------------------------------


class ArticleEventInline(admin.TabularInline):
    model = ArticleEvent
    extra = 0
    can_delete = False
    fields = readonly_fields = (
        "at",
        "actor",
        "action",
        "revision",
        "note",
    )
    ordering = ["-at", "-pk"]
    verbose_name_plural = "History"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("actor", "revision")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class ArticleAddForm(forms.ModelForm):
    """Adding an article writes its first revision in the same step."""

    title = forms.CharField(max_length=200, help_text="The headline readers see.")
    summary = forms.CharField(
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="One or two sentences, shown in lists and to search engines.",
    )
    body = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 20}),
        help_text="Markdown: ## for a heading, **bold**, - for a list. References come next.",
    )

    class Meta:
        model = Article
        fields = ["title", "slug", "condition", "author", "editor", "summary", "body"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False
        self.fields["slug"].help_text = "Leave empty to make one from the title."

    def clean(self):
        data = super().clean()
        if not data.get("slug") and data.get("title"):
            slug = slugify(data["title"])[:200]
            if Article.objects.filter(slug=slug).exists():
                self.add_error(
                    "slug",
                    forms.ValidationError(
                        "An article already has the address “%(slug)s”; choose another.",
                        code="duplicate_slug",
                        params={"slug": slug},
                    ),
                )
            data["slug"] = slug
            self.instance.slug = slug
        return data


class ArticleStateFilter(admin.SimpleListFilter):
    title = "state"
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [*RevisionState.choices]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(latest_state=self.value())
        return queryset


class ReviewDueFilter(admin.SimpleListFilter):
    title = "review due"
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [
            ("overdue", "Overdue"),
            ("soon", f"Due in the next {REVIEW_DUE_DAYS} days"),
            ("current", "In date"),
        ]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        if self.value() == "overdue":
            return queryset.filter(next_review_due__lt=today)
        if self.value() == "soon":
            return queryset.filter(next_review_due__lte=today + timedelta(days=REVIEW_DUE_DAYS))
        if self.value() == "current":
            return queryset.filter(next_review_due__gte=today)
        return queryset


class ReviewerFilter(admin.SimpleListFilter):
    title = "reviewer"
    parameter_name = "reviewer"

    def lookups(self, request, model_admin):
        return [
            (profile.user_id, str(profile))
            for profile in ReviewerProfile.objects.order_by("display_name")
        ]

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            reviewed = Review.objects.filter(
                revision__article=OuterRef("pk"), reviewer=self.value()
            )
            return queryset.filter(Exists(reviewed))
        return queryset


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "condition",
        "state_label",
        "last_reviewer",
        "review_due",
        "published_at",
    ]
    list_select_related = ["condition"]
    list_filter = [ArticleStateFilter, "condition", ReviewerFilter, ReviewDueFilter]
    search_fields = ["slug", "revisions__title"]
    fields = [
        "slug",
        "condition",
        "author",
        "editor",
        "comments_enabled",
        "status",
        "published_at",
        "next_review_due",
        "revision_links",
    ]
    readonly_fields = ["status", "published_at", "next_review_due", "revision_links"]
    inlines = [ArticleEventInline]
    change_form_template = "admin/articles/article/change_form.html"

    def get_queryset(self, request):
        newest = Revision.objects.filter(article=OuterRef("pk")).order_by("-created_at", "-pk")
        last_review = Review.objects.filter(revision=OuterRef("published_revision")).order_by(
            "-reviewed_at", "-pk"
        )
        return (
            super()
            .get_queryset(request)
            .annotate(
                latest_state=Subquery(newest.values("state")[:1]),
                display_title=Coalesce(
                    "published_revision__title", Subquery(newest.values("title")[:1])
                ),
                last_reviewer_name=Subquery(last_review.values("reviewer_name")[:1]),
            )
        )

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is None:
            kwargs["form"] = ArticleAddForm
            kwargs["fields"] = ArticleAddForm.Meta.fields
        return super().get_form(request, obj, change, **kwargs)

    def get_fields(self, request, obj=None):
        return ArticleAddForm.Meta.fields if obj is None else self.fields

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return []
        return [*self.readonly_fields, *(["slug"] if obj.published_at else [])]

    def get_inlines(self, request, obj):
        return self.inlines if obj else []

    def get_changeform_initial_data(self, request):
        return {"author": request.user.pk, "editor": request.user.pk}

    def has_delete_permission(self, request, obj=None):
        # Articles leave the site by being unpublished; their history stays.
        return False

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in ("author", "editor"):
            kwargs["queryset"] = (
                get_user_model()
                .objects.filter(Q(groups__name=EDITORS) | Q(is_superuser=True), is_active=True)
                .distinct()
                .order_by("first_name", "last_name", "username")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        if change:
            before = Article.objects.get(pk=obj.pk)
            changes = {
                name: (str(getattr(before, name)), str(getattr(obj, name)))
                for name in ("condition", "author", "editor")
                if name in form.changed_data
            }
        super().save_model(request, obj, form, change)
        if change:
            obj.record_details_change(request.user, changes)
        if not change:
            revision = Revision.objects.create(
                article=obj,
                title=form.cleaned_data["title"],
                summary=form.cleaned_data["summary"],
                body=form.cleaned_data["body"],
                created_by=request.user,
            )
            ArticleEvent.record(revision, request.user, ArticleEvent.Action.CREATED)

    def response_add(self, request, obj, post_url_continue=None):
        revision = obj.revisions.get()
        self.message_user(
            request,
            "Draft saved. Add its references, then submit it for review.",
            messages.SUCCESS,
        )
        return redirect("admin:articles_revision_change", revision.pk)

    @admin.display(description="Title", ordering="display_title")
    def title(self, article):
        return article.display_title

    @admin.display(description="State", ordering="latest_state")
    def state_label(self, article):
        label = RevisionState(article.latest_state).label if article.latest_state else "—"
        if article.published_revision_id and article.latest_state != RevisionState.PUBLISHED:
            return f"Published; new revision {label.lower()}"
        return label

    @admin.display(description="Last reviewed by", ordering="last_reviewer_name")
    def last_reviewer(self, article):
        return article.last_reviewer_name or "—"

    @admin.display(description="Review due", ordering="next_review_due")
    def review_due(self, article):
        if article.next_review_due is None:
            return "—"
        if article.review_overdue:
            return format_html(
                '<strong class="errornote-inline">Overdue since {}</strong>',
                article.next_review_due.strftime("%d %b %Y"),
            )
        return article.next_review_due.strftime("%d %b %Y")

    @admin.display(description="Status")
    def status(self, article):
        if article.is_public:
            text = "Published and public."
            if article.review_overdue:
                text += " Its review is overdue: readers see “Review update pending”."
            return text
        return "Not public."

    @admin.display(description="Revisions")
    def revision_links(self, article):
        revisions = article.revisions.order_by("-created_at", "-pk")
        if not revisions:
            return "—"
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                '<li><a href="{}">{}</a> · {} · {} · <a href="{}">preview</a></li>',
                (
                    (
                        reverse("admin:articles_revision_change", args=[revision.pk]),
                        revision.title,
                        revision.get_state_display(),
                        timezone.localtime(revision.created_at).strftime("%d %b %Y %H:%M"),
                        revision.get_preview_url(),
                    )
                    for revision in revisions
                ),
            ),
        )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        article = self.get_object(request, object_id)
        extra = {}
        if article is not None:
            user = request.user
            open_revision = article.open_revision()
            extra = {
                "article_obj": article,
                "open_revision": open_revision,
                "can_start_revision": user.has_perm("articles.add_revision")
                and open_revision is None,
                "can_unpublish": user.has_perm("articles.publish_revision")
                and article.published_revision_id is not None,
            }
        return super().change_view(request, object_id, form_url, {**extra, **(extra_context or {})})

    def get_urls(self):
        return [
            path(
                "<int:pk>/start-revision/",
                self.admin_site.admin_view(self.start_revision_view),
                name="articles_article_start_revision",
            ),
            path(
                "<int:pk>/unpublish/",
                self.admin_site.admin_view(self.unpublish_view),
                name="articles_article_unpublish",
            ),
            *super().get_urls(),
        ]

    def _article_step(self, request, pk, *, label, template_note, action):
        article = get_object_or_404(Article, pk=pk)
        if not self.has_view_permission(request, article):
            raise PermissionDenied
        change_url = reverse("admin:articles_article_change", args=[article.pk])
        if request.method == "POST":
            try:
                return action(article)
            except WorkflowError as refusal:
                self.message_user(request, " ".join(refusal.messages), messages.ERROR)
                return redirect(change_url)
        context = {
            **self.admin_site.each_context(request),
            "title": f"{label}: “{article}”",
            "opts": self.opts,
            "label": label,
            "original": article,
            "note": template_note,
            "change_url": change_url,
        }
        return TemplateResponse(request, "admin/articles/article/confirm_step.html", context)

    def start_revision_view(self, request, pk):
        def start(article):
            revision = article.start_revision(request.user)
            self.message_user(
                request,
                "New draft started from the live text. Readers see no change until it is "
                "approved and published.",
                messages.SUCCESS,
            )
            return redirect("admin:articles_revision_change", revision.pk)

        return self._article_step(
            request,
            pk,
            label="Start a new revision",
            template_note="A draft copy of the live text and its references will be made for you "
            "to edit. The public page does not change until that draft is approved and published.",
            action=start,
        )

    def unpublish_view(self, request, pk):
        def unpublish(article):
            article.unpublish(request.user, request.POST.get("note", ""))
            self.message_user(
                request, "Unpublished. Readers can no longer see it.", messages.SUCCESS
            )
            return redirect("admin:articles_article_change", article.pk)

        return self._article_step(
            request,
            pk,
            label="Unpublish",
            template_note="Readers will get “page not found” until a revision is published again.",
            action=unpublish,
        )


# People ------------------------------------------------------------------


@admin.register(ReviewerProfile)
class ReviewerProfileAdmin(admin.ModelAdmin):
    list_display = ["display_name", "credentials", "credentials_verified_on", "verification"]
    list_select_related = ["user"]
    search_fields = ["display_name", "user__username"]
    raw_id_fields = ["user"]

    @admin.display(description="Can sign off?")
    def verification(self, profile):
        if profile.verification_is_current:
            return f"Yes, until {profile.verification_expires_on:%d %b %Y}"
        return format_html(
            "<strong>No: verification lapsed on {}</strong>",
            profile.verification_expires_on.strftime("%d %b %Y"),
        )


class ReviewerProfileInline(admin.StackedInline):
    model = ReviewerProfile
    can_delete = False
    verbose_name = "nurse reviewer profile"
    help_text = "Fill this in for nurse reviewers: the byline uses it."


User = get_user_model()
admin.site.unregister(User)


@admin.register(User)
class StaffAdmin(UserAdmin):
    """Django's user admin, plus the reviewer profile that bylines use."""

    inlines = [ReviewerProfileInline]
    list_filter = [*UserAdmin.list_filter, "groups"]


@admin.register(Page)
class PageAdmin(admin.ModelAdmin):
    list_display = ["title", "slug", "updated_at"]
    search_fields = ["title", "body"]
    readonly_fields = ["slug"]

    def has_add_permission(self, request):
        # The site links to a fixed set of pages; adding or renaming one would
        # leave a link with nowhere to go.
        return False

    def has_delete_permission(self, request, obj=None):
        return False


# Dashboard ---------------------------------------------------------------


@register_panel
def editorial_panels(request) -> list[Panel]:
    user = request.user
    panels = []
    revision_list = reverse("admin:articles_revision_changelist")

    if user.has_perm("articles.review_revision"):
        awaiting = Revision.objects.awaiting_review_by(user).select_related("article")
        profile = ReviewerProfile.objects.filter(user=user).first()
        warning = ""
        if profile is None:
            warning = "You have no reviewer profile yet, so you cannot sign off."
        elif not profile.verification_is_current:
            lapsed = profile.verification_expires_on
            warning = (
                f"Your credentials verification lapsed on {lapsed:%d %B %Y}. "
                "Ask an administrator to verify them before you sign off."
            )
        panels.append(
            _revision_panel(
                "Awaiting your review",
                awaiting.order_by("updated_at"),
                more_url=f"{revision_list}?state__exact=in_review",
                empty_text="Nothing is waiting for you.",
                warning=warning,
            )
        )

    if user.has_perm("articles.submit_revision"):
        sent_back = Revision.objects.sent_back_to(user).select_related("article")
        notes = dict(
            ArticleEvent.objects.filter(
                revision__in=sent_back, action=ArticleEvent.Action.SENT_BACK
            )
            .order_by("at")
            .values_list("revision_id", "note")
        )
        panels.append(
            _revision_panel(
                "Sent back to you",
                sent_back.order_by("-updated_at"),
                more_url=f"{revision_list}?state__exact=sent_back",
                empty_text="No revisions were sent back to you.",
                detail=lambda revision: notes.get(revision.pk, ""),
            )
        )

    if user.has_perm("articles.publish_revision"):
        panels.append(
            _revision_panel(
                "Ready to publish",
                Revision.objects.ready_to_publish()
                .select_related("article")
                .order_by("updated_at"),
                more_url=f"{revision_list}?state__exact=approved",
                empty_text="No approved revisions are waiting.",
            )
        )

    if user.has_perm("articles.view_article"):
        due = (
            Article.objects.review_due_within(REVIEW_DUE_DAYS)
            .select_related("published_revision")
            .order_by("next_review_due")
        )
        items = [
            PanelItem(
                label=article.published_revision.title,
                url=reverse("admin:articles_article_change", args=[article.pk]),
                detail=f"Review due {article.next_review_due:%d %B %Y}",
                urgent=article.review_overdue,
            )
            for article in due[:DASHBOARD_ITEMS]
        ]
        panels.append(
            Panel(
                title=f"Reviews due in the next {REVIEW_DUE_DAYS} days",
                count=due.count(),
                items=items,
                more_url=reverse("admin:articles_article_changelist") + "?review=soon",
                empty_text="Every review is in date.",
            )
        )
    return panels


def _revision_panel(title, revisions, *, more_url, empty_text, detail=None, warning=""):
    items = [
        PanelItem(
            label=revision.title,
            url=reverse("admin:articles_revision_change", args=[revision.pk]),
            detail=detail(revision) if detail else f"{revision.article.slug}",
        )
        for revision in revisions[:DASHBOARD_ITEMS]
    ]
    return Panel(
        title=title,
        count=revisions.count(),
        items=items,
        more_url=more_url,
        empty_text=empty_text,
        warning=warning,
    )
