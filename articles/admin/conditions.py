"""Condition guides and the site's fixed pages."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html

from articles.admin.old_slugs import list_old_addresses
from articles.models import Article, Condition, Page


@admin.register(Condition)
class ConditionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "review_interval", "updated_at"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    fields = [
        "name",
        "slug",
        "old_addresses",
        "summary",
        "lead_image",
        "guide",
        "overview",
        "review_interval_months",
    ]
    readonly_fields = ["old_addresses", "guide"]
    autocomplete_fields = ["lead_image"]

    @admin.display(description="Guide")
    def guide(self, condition):
        """The guide is written and reviewed like an article: open it, or start it."""
        if condition.pk is None:
            return "Save the condition first, then write its guide."
        guide = Article.objects.guides().filter(condition=condition).first()
        if guide is not None:
            url = reverse("admin:articles_article_change", args=[guide.pk])
            return format_html('<a href="{}">Open the guide and its revisions</a>', url)
        url = reverse("admin:articles_article_add")
        return format_html(
            '<a href="{}?kind=guide&amp;condition={}">Write the guide</a>', url, condition.pk
        )

    def save_model(self, request, obj, form, change):
        obj.save(by=request.user)

    @admin.display(description="Old addresses")
    def old_addresses(self, condition):
        return list_old_addresses(condition)

    def get_readonly_fields(self, request, obj=None):
        # Lengthening the interval would quietly make overdue reviews current.
        if request.user.has_perm("articles.set_review_interval"):
            return self.readonly_fields
        return [*self.readonly_fields, "review_interval_months"]

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
