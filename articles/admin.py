from django.contrib import admin
from django.utils.html import format_html

from articles.models import (
    Article,
    Condition,
    Page,
    Reference,
    Review,
    ReviewerProfile,
    Revision,
)


@admin.register(Condition)
class ConditionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "updated_at"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class ReferenceInline(admin.TabularInline):
    model = Reference
    extra = 1
    fields = ["position", "source", "title", "url", "accessed_on"]


class ReviewInline(admin.TabularInline):
    model = Review
    extra = 0
    can_delete = False
    fields = ["reviewer_name", "credentials", "reviewed_at"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Revision)
class RevisionAdmin(admin.ModelAdmin):
    list_display = ["title", "article", "created_by", "created_at"]
    list_select_related = ["article", "created_by"]
    search_fields = ["title", "article__slug"]
    raw_id_fields = ["article"]
    inlines = [ReferenceInline, ReviewInline]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["__str__", "condition", "editor", "published_at", "view_on_site_link"]
    list_select_related = ["condition", "editor", "published_revision"]
    list_filter = ["condition"]
    search_fields = ["slug", "published_revision__title"]
    autocomplete_fields = ["condition"]
    readonly_fields = ["published_revision", "published_at"]

    @admin.display(description="On the site")
    def view_on_site_link(self, article):
        if not article.is_public:
            return "Not published"
        return format_html('<a href="{}">View</a>', article.get_absolute_url())


@admin.register(ReviewerProfile)
class ReviewerProfileAdmin(admin.ModelAdmin):
    list_display = ["display_name", "credentials", "credentials_verified_on", "user"]
    list_select_related = ["user"]
    search_fields = ["display_name", "user__username"]
    raw_id_fields = ["user"]


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
