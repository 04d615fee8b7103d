from django.contrib import admin
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from empower.admin import ReadOnlyMixin
from staff.models import FactorReset

# Factors are added by their owners and removed by them or through a recorded
# reset (staff.views.reset_factors), never edited in the admin.
admin.site.unregister(TOTPDevice)
admin.site.unregister(StaticDevice)


@admin.register(FactorReset)
class FactorResetAdmin(ReadOnlyMixin, admin.ModelAdmin):
    """Who reset whose second factor, when and why; superusers only, read only."""

    list_display = ["at", "by_username", "for_username", "removed", "reason"]
    list_filter = ["at"]
    search_fields = ["by_username", "for_username", "reason"]
    date_hierarchy = "at"

    def has_module_permission(self, request):
        return request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser
