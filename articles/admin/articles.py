"""Articles: the page readers see, its history, and the steps on the whole article."""

from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.text import slugify

from articles.admin.dashboard import REVIEW_DUE_DAYS
from articles.admin.old_slugs import list_old_addresses
from articles.models import Article, ArticleEvent, Review, Revision, RevisionState, StaffProfile
from empower.admin import Done, ReadOnlyMixin, Step, StepsAdmin
from empower.formats import day, moment
from empower.roles import EDITORS


class ArticleEventInline(ReadOnlyMixin, admin.TabularInline):
    model = ArticleEvent
    extra = 0
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


GUIDE_SECTIONS = [
    "Overview",
    "Symptoms",
    "Causes",
    "Diagnosis",
    "Treatment",
    "Living with it",
    "When to see a doctor",
]
GUIDE_TEMPLATE = "\n\n".join(f"## {section}\n\n" for section in GUIDE_SECTIONS)


class ArticleAddForm(forms.ModelForm):
    """Adding an article writes its first revision in the same step."""

    title = forms.CharField(max_length=200, help_text="The headline readers see.")
    summary = forms.CharField(
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="One or two sentences, shown in lists and to search engines.",
    )
    key_points = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Three to five points a reader should take away, one per line.",
    )
    body = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 20}),
        help_text=(
            "Markdown: ## for a heading, **bold**, - for a list; ![](image:42) on its own line "
            "places image 42 of the media library. References come next."
        ),
    )

    class Meta:
        model = Article
        fields = [
            "kind",
            "title",
            "slug",
            "condition",
            "author",
            "editor",
            "lead_image",
            "summary",
            "key_points",
            "body",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False
        self.fields["slug"].help_text = "Leave empty to make one from the title."
        self.fields["kind"].required = False  # an article, unless the editor says otherwise

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
        if self.value() == "overdue":
            return queryset.review_overdue()
        if self.value() == "soon":
            return queryset.review_due_within(REVIEW_DUE_DAYS)
        if self.value() == "current":
            return queryset.review_current()
        return queryset


class DeadReferencesFilter(admin.SimpleListFilter):
    title = "references"
    parameter_name = "references"

    def lookups(self, request, model_admin):
        return [("dead", "Dead (failed their last checks)")]

    def queryset(self, request, queryset):
        if self.value() == "dead":
            return queryset.with_dead_references()
        return queryset


class ReviewerFilter(admin.SimpleListFilter):
    title = "reviewer"
    parameter_name = "reviewer"

    def lookups(self, request, model_admin):
        return [
            (profile.user_id, str(profile))
            for profile in StaffProfile.objects.exclude(credentials="").order_by("display_name")
        ]

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            reviewed = Review.objects.filter(
                revision__article=OuterRef("pk"), reviewer=self.value()
            )
            return queryset.filter(Exists(reviewed))
        return queryset


class UnpublishForm(forms.Form):
    note = forms.CharField(
        label="Why (kept in the history)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
    )


def _start_revision(request, article, form) -> Done:
    revision = article.start_revision(request.user)
    return Done(
        "New draft started from the live text. Readers see no change until it is "
        "approved and published.",
        reverse("admin:articles_revision_change", args=[revision.pk]),
    )


def _unpublish(request, article, form) -> str:
    article.unpublish(request.user, form.cleaned_data["note"])
    return "Unpublished. Readers can no longer see it."


@admin.register(Article)
class ArticleAdmin(StepsAdmin):
    list_display = [
        "title",
        "kind",
        "condition",
        "state_label",
        "last_reviewer",
        "review_due",
        "published_at",
    ]
    list_select_related = ["condition"]
    autocomplete_fields = ["lead_image"]
    list_filter = [
        "kind",
        ArticleStateFilter,
        "condition",
        ReviewerFilter,
        ReviewDueFilter,
        DeadReferencesFilter,
    ]
    search_fields = ["slug", "revisions__title"]
    fields = [
        "kind",
        "slug",
        "old_addresses",
        "condition",
        "author",
        "editor",
        "lead_image",
        "comments_enabled",
        "status",
        "published_at",
        "next_review_due",
        "revision_links",
    ]
    readonly_fields = [
        "old_addresses",
        "status",
        "published_at",
        "next_review_due",
        "revision_links",
    ]
    inlines = [ArticleEventInline]
    change_form_template = "admin/articles/article/change_form.html"
    steps = (
        Step(
            "start_revision",
            "Start a new revision",
            _start_revision,
            "A draft copy of the live text and its references will be made for you to edit. "
            "The public page does not change until that draft is approved and published.",
        ),
        Step(
            "unpublish",
            "Unpublish",
            _unpublish,
            "Readers will get “page not found” until a revision is published again.",
            form=UnpublishForm,
        ),
    )

    def get_queryset(self, request):
        newest = Revision.objects.filter(article=OuterRef("pk")).order_by("-created_at", "-pk")
        return (
            super()
            .get_queryset(request)
            .with_last_review()
            .annotate(
                latest_state=Subquery(newest.values("state")[:1]),
                display_title=Coalesce(
                    "published_revision__title", Subquery(newest.values("title")[:1])
                ),
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
        # The slug may change even once published: the old address keeps redirecting.
        return [*self.readonly_fields, "kind"]

    def get_inlines(self, request, obj):
        return self.inlines if obj else []

    def get_changeform_initial_data(self, request):
        initial = {"author": request.user.pk, "editor": request.user.pk}
        if request.GET.get("kind") == Article.Kind.GUIDE:
            # The sections readers look for in a guide; the editor removes any that don't apply.
            initial |= {"kind": Article.Kind.GUIDE, "body": GUIDE_TEMPLATE}
            if (condition := request.GET.get("condition", "")).isdigit():
                initial["condition"] = condition
        return initial

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
        if not change:
            data = form.cleaned_data
            obj.save_with_draft(
                request.user,
                title=data["title"],
                summary=data["summary"],
                key_points=data["key_points"],
                body=data["body"],
            )
            return
        before = Article.objects.get(pk=obj.pk)
        changes = {
            name: (str(getattr(before, name)), str(getattr(obj, name)))
            for name in ("slug", "condition", "author", "editor")
            if name in form.changed_data
        }
        obj.save(by=request.user)
        obj.record_details_change(request.user, changes)

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
                day(article.next_review_due),
            )
        return day(article.next_review_due)

    @admin.display(description="Old addresses")
    def old_addresses(self, article):
        return list_old_addresses(article)

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
                        moment(revision.created_at),
                        revision.get_preview_url(),
                    )
                    for revision in revisions
                ),
            ),
        )

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            context["open_revision"] = obj.open_revision()
        return super().render_change_form(request, context, add, change, form_url, obj)
