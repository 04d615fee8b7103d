"""Staff accounts, with the nurse reviewer profile that bylines use."""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.utils.html import format_html

from articles.models import StaffProfile
from empower.formats import day

PROFILE_FIELDS = [
    "display_name",
    "slug",
    "job_title",
    "credentials",
    "credentials_verified_on",
    "photo",
    "bio",
]


@admin.register(StaffProfile)
class StaffProfileAdmin(admin.ModelAdmin):
    list_display = [
        "display_name",
        "job_title",
        "credentials",
        "credentials_verified_on",
        "verification",
    ]
    list_select_related = ["user"]
    search_fields = ["display_name", "user__username"]
    raw_id_fields = ["user"]
    autocomplete_fields = ["photo"]
    prepopulated_fields = {"slug": ["display_name"]}
    fields = ["user", *PROFILE_FIELDS]

    @admin.display(description="Can sign off?")
    def verification(self, profile):
        if profile.verification_is_current:
            return f"Yes, until {day(profile.verification_expires_on)}"
        if profile.verification_expires_on is None:
            return "No: no verified credentials"
        return format_html(
            "<strong>No: verification lapsed on {}</strong>",
            day(profile.verification_expires_on),
        )


class StaffProfileInline(admin.StackedInline):
    model = StaffProfile
    can_delete = False
    verbose_name = "public profile"
    help_text = (
        "Nurse reviewers and editors: bylines link to this page. Reviewers need verified "
        "credentials to sign off."
    )
    autocomplete_fields = ["photo"]
    fields = list(PROFILE_FIELDS)


User = get_user_model()
admin.site.unregister(User)


@admin.register(User)
class StaffAdmin(UserAdmin):
    """Django's user admin, plus the reviewer profile that bylines use."""

    inlines = [StaffProfileInline]
    list_filter = [*UserAdmin.list_filter, "groups"]
