"""The moderation queue. ModeratedAdmin is shared by everything readers write."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Max
from django.db.models.constants import LOOKUP_SEP
from django.http import Http404
from django.shortcuts import redirect
from django.template.defaultfilters import linebreaks_filter as linebreaks
from django.template.defaultfilters import pluralize
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.text import Truncator
from django.views.decorators.http import require_POST

from comments import personal
from comments.models import (
    HANDLE_FEEDBACK,
    REMOVED,
    BlockedPhrase,
    Comment,
    CrisisTerm,
    Feedback,
    ModerationError,
    Refusal,
    Status,
)
from comments.staff import staff_identity
from empower.admin import Done, Panel, PanelItem, ReadOnlyMixin, Step, StepsAdmin, register_panel

DASHBOARD_ITEMS = 8

MODERATION_STEPS = {
    "approve": ("Approve", "approve", "Approved: it is public now."),
    "reject": ("Reject", "reject", "Rejected."),
    "spam": ("Mark as spam", "mark_spam", "Marked as spam."),
}


class ModeratedAdmin(admin.ModelAdmin):
    """A moderation queue for one kind of reader-written content.

    Pending items come first, then ones hidden after reader reports. Moderators
    approve, reject or mark as spam one at a time (buttons on each item) or in
    bulk (list actions); both call the model's methods.
    """

    list_display = ["status_label", "excerpt", "about", "author_name", "created_at", "flag_list"]
    list_filter = ["status", "urgent", "created_at"]
    search_fields = ["body", "author_name", "author_email"]
    actions = ["approve_selected", "reject_selected", "mark_spam_selected"]
    change_form_template = "admin/comments/moderated_change_form.html"
    list_per_page = 50

    def get_queryset(self, request):
        # Annotate before ordering: the queue order needs the priority column.
        return self.model._default_manager.get_queryset().queue_order()

    def get_ordering(self, request):
        return ["queue_priority", "-created_at"]

    PRIVATE_FIELDS = ("author_email", "address_hash")
    # For spotting repeats and counting posts per network: meaningless to a person.
    HASHES = ("body_digest", "address_hash")

    def get_fields(self, request, obj=None):
        fields = [
            "text" if field.name == "body" else field.name
            for field in self.model._meta.fields
            if field.name != "id" and field.name not in self.HASHES
        ]
        if not self.has_moderate_permission(request):
            # Posters were promised their address is for moderation only.
            fields = [name for name in fields if name not in self.PRIVATE_FIELDS]
        return fields

    @admin.display(description="Text")
    def text(self, item):
        """The words being judged, at a size made for reading."""
        return format_html('<div class="moderated-text">{}</div>', linebreaks(item.body))

    def get_readonly_fields(self, request, obj=None):
        return self.get_fields(request, obj)

    def get_search_fields(self, request):
        if self.has_moderate_permission(request):
            return self.search_fields
        return [name for name in self.search_fields if name not in self.PRIVATE_FIELDS]

    def lookup_allowed(self, lookup, value, request):
        # ?author_email__startswith=a, b, c… would spell an address out a letter
        # at a time to anyone who can see the list.
        field = lookup.split(LOOKUP_SEP, 1)[0]
        if field in self.PRIVATE_FIELDS and not self.has_moderate_permission(request):
            return False
        return super().lookup_allowed(lookup, value, request)

    def get_sortable_by(self, request):
        sortable = super().get_sortable_by(request)
        if self.has_moderate_permission(request):
            return sortable
        return [name for name in sortable if name not in self.PRIVATE_FIELDS]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        # Readers' words are approved, rejected or marked as spam, never edited.
        return False

    def has_moderate_permission(self, request):
        opts = self.model._meta
        return request.user.has_perm(f"{opts.app_label}.moderate_{opts.model_name}")

    @admin.display(description="Status", ordering="status")
    def status_label(self, item):
        return format_html(
            '<span class="status status-{}">{}</span>', item.status, item.get_status_display()
        )

    @admin.display(description="Text")
    def excerpt(self, item):
        return item.body[:140] + ("…" if len(item.body) > 140 else "")

    @admin.display(description="Flags")
    def flag_list(self, item):
        return "; ".join(item.flags) or "—"

    def about(self, item):  # pragma: no cover - each subclass says what it is about
        raise NotImplementedError

    def _moderate_all(self, request, queryset, method, done):
        count = 0
        for item in queryset:
            getattr(item, method)(request.user)
            count += 1
        self.message_user(request, f"{done} ({count})", messages.SUCCESS)

    @admin.action(description="Approve selected (publish them)", permissions=["moderate"])
    def approve_selected(self, request, queryset):
        self._moderate_all(request, queryset, "approve", "Approved")

    @admin.action(description="Reject selected", permissions=["moderate"])
    def reject_selected(self, request, queryset):
        self._moderate_all(request, queryset, "reject", "Rejected")

    @admin.action(description="Mark selected as spam", permissions=["moderate"])
    def mark_spam_selected(self, request, queryset):
        self._moderate_all(request, queryset, "mark_spam", "Marked as spam")

    def get_urls(self):
        opts = self.model._meta
        return [
            path(
                "<int:pk>/moderate/<str:step>/",
                self.admin_site.admin_view(require_POST(self.moderate_view)),
                name=f"{opts.app_label}_{opts.model_name}_moderate",
            ),
            path(
                "<int:pk>/redact/",
                self.admin_site.admin_view(require_POST(self.redact_view)),
                name=f"{opts.app_label}_{opts.model_name}_redact",
            ),
            *super().get_urls(),
        ]

    def redact_view(self, request, pk):
        """Remove the personal details the moderator ticked, and any words they typed."""
        item = self.get_object(request, str(pk))
        if item is None:
            raise Http404
        ticked = set(request.POST.getlist("detail"))
        details = [detail for detail in item.personal_details() if detail.key in ticked]
        details += item.find_text(request.POST.get("other", ""))
        if not details:
            message, level = "Tick a detail to remove, or type the words to remove.", messages.ERROR
        else:
            try:
                item.redact(details, request.user)
            except ModerationError as refusal:
                message, level = " ".join(refusal.messages), messages.ERROR
            else:
                message = f"Removed: readers see “{REMOVED}” in its place."
                level = messages.SUCCESS
        self.message_user(request, message, level)
        opts = self.model._meta
        return redirect(f"admin:{opts.app_label}_{opts.model_name}_change", item.pk)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            found = obj.personal_details()
            context["moderated_texts"] = [
                personal.highlighted(getattr(obj, field), [d for d in found if d.field == field])
                for field in obj.REDACTABLE
            ]
            if self.has_moderate_permission(request):
                opts = self.model._meta
                context.update(
                    personal_details=found,
                    redact_url=reverse(
                        f"admin:{opts.app_label}_{opts.model_name}_redact", args=[obj.pk]
                    ),
                    redactions=obj.redactions.select_related("redacted_by"),
                )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def moderate_view(self, request, pk, step):
        item = self.get_object(request, str(pk))  # what this admin shows: not a comment's replies
        if step not in MODERATION_STEPS or item is None:
            raise Http404
        _label, method, done = MODERATION_STEPS[step]
        try:
            getattr(item, method)(request.user)
        except ModerationError as refusal:
            self.message_user(request, " ".join(refusal.messages), messages.ERROR)
        else:
            self.message_user(request, done, messages.SUCCESS)
        return redirect(self._next_in_queue(item))

    def _next_in_queue(self, item):
        """After a decision, the next pending item, so a moderator can keep going."""
        opts = self.model._meta
        following = self.model.objects.pending().exclude(pk=item.pk).order_by("created_at").first()
        if following:
            return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[following.pk])
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")

    def change_view(self, request, object_id, form_url="", extra_context=None):
        opts = self.model._meta
        extra = {
            "moderation_steps": [
                (step, label) for step, (label, _method, _done) in MODERATION_STEPS.items()
            ]
            if self.has_moderate_permission(request)
            else [],
            "moderate_url_name": f"admin:{opts.app_label}_{opts.model_name}_moderate",
        }
        return super().change_view(request, object_id, form_url, {**extra, **(extra_context or {})})


class StaffReplyForm(forms.Form):
    body = forms.CharField(
        label="Your reply",
        widget=forms.Textarea(attrs={"rows": 5, "cols": 70}),
        max_length=5000,
        help_text="Published at once, under the post, with your name and role.",
    )


class StaffRepliesMixin(admin.ModelAdmin):
    """A box on a moderated post's page for staff to answer it in public (a reply
    to a comment, an expert answer to a question), posted at <pk>/<reply_path>.
    The model method (`post_staff_reply`) checks who may."""

    reply_permission: str
    reply_path: str
    reply_noun: str
    reply_done: str

    def post_staff_reply(self, obj, user, body: str) -> None:
        raise NotImplementedError

    def staff_replies(self, obj):
        raise NotImplementedError

    def _reply_url_name(self) -> str:
        opts = self.opts
        return f"{opts.app_label}_{opts.model_name}_staff_reply"

    def get_urls(self):
        view = self.admin_site.admin_view(require_POST(self.staff_reply_view))
        reply = path(f"<int:pk>/{self.reply_path}/", view, name=self._reply_url_name())
        return [reply, *super().get_urls()]

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and request.user.has_perm(self.reply_permission):
            context.update(
                reply_form=StaffReplyForm(),
                reply_badge=staff_identity(request.user).badge,
                reply_url=reverse(f"admin:{self._reply_url_name()}", args=[obj.pk]),
                replies=self.staff_replies(obj),
            )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def staff_reply_view(self, request, pk):
        obj = self.get_object(request, str(pk))
        if obj is None:
            raise Http404
        if not request.user.has_perm(self.reply_permission):
            raise PermissionDenied
        form = StaffReplyForm(request.POST)
        if not form.is_valid():
            message, level = f"Write {self.reply_noun} of up to 5,000 characters.", messages.ERROR
        else:
            try:
                self.post_staff_reply(obj, request.user, form.cleaned_data["body"])
            except ModerationError as refusal:
                message, level = " ".join(refusal.messages), messages.ERROR
            else:
                message, level = self.reply_done, messages.SUCCESS
        self.message_user(request, message, level)
        opts = self.opts
        return redirect(f"admin:{opts.app_label}_{opts.model_name}_change", obj.pk)


@admin.register(Comment)
class CommentAdmin(StaffRepliesMixin, ModeratedAdmin):
    reply_permission = Comment.STAFF_REPLY_PERMISSION
    reply_path = "reply"
    reply_noun = "a reply"
    reply_done = "Reply published."
    list_select_related = ["article__published_revision"]
    list_filter = ["status", "created_at", "article__condition"]

    def get_queryset(self, request):
        # Staff replies show under their comment; readers' replies are moderated here.
        return (
            super()
            .get_queryset(request)
            .exclude(reply_to__isnull=False, staff_author__isnull=False)
        )

    @admin.display(description="Article")
    def about(self, comment):
        revision = comment.article.published_revision
        return revision.title if revision else comment.article.slug

    def staff_replies(self, comment):
        return comment.replies.order_by("created_at")

    def post_staff_reply(self, comment, user, body: str) -> None:
        comment.reply_as_staff(user, body)


@admin.register(BlockedPhrase)
class BlockedPhraseAdmin(admin.ModelAdmin):
    list_display = ["phrase", "note", "created_at"]
    search_fields = ["phrase", "note"]


@admin.register(CrisisTerm)
class CrisisTermAdmin(admin.ModelAdmin):
    """Words that flag a post urgent and show its writer where to get help."""

    list_display = ["phrase", "created_at"]
    search_fields = ["phrase"]


@admin.register(Refusal)
class RefusalAdmin(ReadOnlyMixin, admin.ModelAdmin):
    """Which defence refused how many submissions, per day: do they work?"""

    list_display = ["day", "form", "reason", "count"]
    list_filter = ["form", "reason", "day"]
    date_hierarchy = "day"


def moderation_panel(request, model, title, describe, related=()) -> list[Panel]:
    """A dashboard panel for one moderated model: urgent and reported items first.

    `describe(item)` says what each item is about; `related` are the
    select_related paths that needs.
    """
    opts = model._meta
    if not request.user.has_perm(f"{opts.app_label}.moderate_{opts.model_name}"):
        return []
    queue = model.objects.pending().queue_order().select_related(*related)
    items = [
        PanelItem(
            label=f"{item.author_name}: {item.body[:60]}",
            url=reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[item.pk]),
            detail="Urgent: crisis language"
            if item.urgent
            else "Hidden after reader reports"
            if item.status == Status.HIDDEN
            else describe(item),
            urgent=item.urgent or item.status == Status.HIDDEN,
        )
        for item in queue[:8]
    ]
    return [
        Panel(
            title=title,
            count=queue.count(),
            items=items,
            more_url=reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"),
            empty_text="The queue is empty.",
        )
    ]


@register_panel
def comment_panels(request) -> list[Panel]:
    def describe(comment):
        revision = comment.article.published_revision
        return f"On “{revision.title}”" if revision else ""

    return moderation_panel(
        request, Comment, "Comments to moderate", describe, ["article__published_revision"]
    )


class CloseFeedbackForm(forms.Form):
    note = forms.CharField(
        label="What you did about it",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Or why nothing needs doing. The other reviewers and editors see it.",
    )


def _close_feedback(request, feedback, form) -> str:
    feedback.close(request.user, form.cleaned_data["note"])
    return "Closed. Thank you for looking into it."


def _start_revision_from_feedback(request, feedback, form) -> Done:
    revision = feedback.start_revision(request.user)
    url = reverse("admin:articles_revision_change", args=[revision.pk])
    return Done("A revision was started from this feedback: the editors can fix the text.", url)


@admin.register(Feedback)
class FeedbackAdmin(StepsAdmin):
    """Readers' notes on a page, for its last reviewer and the editors; never public."""

    list_display = ["text_start", "article_title", "kind", "created_at", "is_open"]
    list_filter = ["kind", ("closed_at", admin.EmptyFieldListFilter)]
    list_select_related = ["article__published_revision"]
    search_fields = ["text", "article__slug"]
    readonly_fields = ["article", "kind", "text", "created_at", "closed_at", "closed_by",
                       "close_note", "revision"]  # fmt: skip
    steps = (
        Step("close", "Close with a note", _close_feedback, form=CloseFeedbackForm),
        Step(
            "start_revision",
            "Start a revision from it",
            _start_revision_from_feedback,
            "A draft copy of the live text is made (or the revision already open is used) "
            "and this feedback is closed with a link to it.",
        ),
    )

    def get_queryset(self, request):
        # A nurse reviewer sees (and may act on) the feedback on her own articles.
        return Feedback.objects.for_reviewer(request.user).select_related(
            "article__published_revision", "closed_by", "revision"
        )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="Article", ordering="article__slug")
    def article_title(self, feedback):
        revision = feedback.article.published_revision
        return revision.title if revision else feedback.article.slug

    @admin.display(description="What they wrote")
    def text_start(self, feedback):
        return Truncator(feedback.text).chars(80)

    @admin.display(description="Open", boolean=True)
    def is_open(self, feedback):
        return feedback.closed_at is None


@register_panel
def feedback_panels(request) -> list[Panel]:
    user = request.user
    if not user.has_perm(HANDLE_FEEDBACK):
        return []
    per_article = list(
        Feedback.objects.for_reviewer(user)
        .open()
        .values("article", "article__published_revision__title", "article__slug")
        .annotate(count=Count("pk"), latest=Max("created_at"))
        .order_by("-latest")
    )
    listing = reverse("admin:comments_feedback_changelist")
    items = [
        PanelItem(
            label=row["article__published_revision__title"] or row["article__slug"],
            url=f"{listing}?article__id__exact={row['article']}&closed_at__isempty=1",
            detail=f"{row['count']} open note{pluralize(row['count'])} from readers",
        )
        for row in per_article[:DASHBOARD_ITEMS]
    ]
    return [
        Panel(
            "Reader feedback",
            sum(row["count"] for row in per_article),
            items,
            more_url=f"{listing}?closed_at__isempty=1",
            empty_text="No reader has reported a problem.",
        )
    ]
