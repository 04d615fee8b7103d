"""Old addresses: made by changing a slug, never by hand; editors may remove one."""

from django.contrib import admin
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join

from articles.models import OldSlug
from empower.formats import day


@admin.register(OldSlug)
class OldSlugAdmin(admin.ModelAdmin):
    list_display = ["old_address", "kind", "target_link", "created_at", "created_by"]
    list_select_related = ["article__published_revision", "condition", "created_by"]
    search_fields = ["slug", "article__slug", "condition__slug", "condition__name"]
    fields = readonly_fields = ("old_address", "kind", "target_link", "created_at", "created_by")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description="Old address", ordering="slug")
    def old_address(self, old_slug):
        return old_slug.get_absolute_url()

    @admin.display(description="Of")
    def kind(self, old_slug):
        return "Article" if old_slug.article_id else "Condition"

    @admin.display(description="Now redirects to")
    def target_link(self, old_slug):
        target = old_slug.target
        url = reverse(f"admin:articles_{target._meta.model_name}_change", args=[target.pk])
        return format_html('<a href="{}">{}</a> ({})', url, target, target.get_absolute_url())


def list_old_addresses(obj) -> str:
    """The old addresses that redirect to `obj`, for its change page, linked to
    where editors may remove them."""
    if obj.pk is None:
        return "—"
    old_slugs = obj.old_slugs.select_related("created_by")
    if not old_slugs:
        return "None: its address has never changed."
    owner = obj._meta.model_name
    manage = reverse("admin:articles_oldslug_changelist") + f"?{owner}__id__exact={obj.pk}"
    return format_html(
        '<ul>{}</ul><a href="{}">Remove one</a>',
        format_html_join(
            "",
            "<li>{} · since {} · by {}</li>",
            (
                (
                    old.get_absolute_url(),
                    day(timezone.localdate(old.created_at)),
                    old.created_by or "—",
                )
                for old in old_slugs
            ),
        ),
        manage,
    )
