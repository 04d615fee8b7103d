"""Condition guides and the site's fixed pages."""

from django.contrib import admin

from articles.models import Condition, Page


@admin.register(Condition)
class ConditionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "review_interval", "updated_at"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug", "summary", "lead_image", "overview", "review_interval_months"]
    autocomplete_fields = ["lead_image"]

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
