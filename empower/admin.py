"""Empower's admin site: Django's own, with a dashboard of each person's work.

Apps contribute dashboard panels by registering a function with
`register_panel`; the site knows nothing about articles or comments.
"""

from dataclasses import dataclass, field

from django.contrib import admin


@dataclass
class PanelItem:
    label: str
    url: str
    detail: str = ""
    urgent: bool = False


@dataclass
class Panel:
    title: str
    count: int
    items: list[PanelItem] = field(default_factory=list)
    more_url: str = ""
    empty_text: str = "Nothing here."
    warning: str = ""


class EmpowerAdminSite(admin.AdminSite):
    site_header = "Empower editorial"
    site_title = "Empower editorial"
    index_title = "Your work"
    index_template = "admin/empower_index.html"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._panel_builders = []

    def has_permission(self, request):
        """Staff, signed in with a second factor (django-otp's OTPMiddleware says
        whether this session was verified); a password alone opens nothing."""
        user = request.user
        verified = getattr(user, "is_verified", lambda: False)()
        return user.is_active and user.is_staff and verified

    def register_panel(self, builder):
        """`builder(request)` returns a list of Panels for this person (often empty)."""
        self._panel_builders.append(builder)
        return builder

    def index(self, request, extra_context=None):
        panels = [panel for build in self._panel_builders for panel in build(request)]
        return super().index(request, {"panels": panels, **(extra_context or {})})


def register_panel(builder):
    """Decorator for an app's dashboard panel builder: `builder(request)` returns
    a list of Panels for this person (often empty)."""
    site = admin.site
    assert isinstance(site, EmpowerAdminSite)  # noqa: S101 - settings name it
    return site.register_panel(builder)
