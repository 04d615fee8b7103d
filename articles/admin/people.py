"""Staff accounts, with the nurse reviewer profile that bylines use."""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.utils.html import format_html

from articles.models import ReviewerProfile


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
