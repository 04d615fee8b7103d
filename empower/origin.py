"""Cross-site form posts refused without a token, for forms on shared pages.

A page that a cache may give to everyone can't carry a per-visitor CSRF token,
so its small forms (rate, report, helpful, sign up) are checked by what the
browser itself says about where the post comes from: `Sec-Fetch-Site` (every
current browser), else `Origin`. A request with neither comes from a program
rather than from a visitor's browser, which has no cookies of theirs to abuse.
"""

from functools import wraps
from urllib.parse import urlsplit

from django.conf import settings
from django.views.decorators.csrf import csrf_exempt

from empower.views import csrf_failure

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


def from_this_site(request) -> bool:
    if request.method in SAFE_METHODS:
        return True
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        return fetch_site in ("same-origin", "none")
    origin = request.headers.get("Origin")
    if origin is None:
        return True
    if origin in settings.CSRF_TRUSTED_ORIGINS:
        return True
    parts = urlsplit(origin)
    return parts.scheme == request.scheme and parts.netloc == request.get_host()


def same_origin_post(view):
    """Instead of the CSRF token: refuse a post another site's page made the
    reader's browser send, with the same friendly page as a bad token."""

    @csrf_exempt
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not from_this_site(request):
            return csrf_failure(request, reason="cross-site post")
        return view(request, *args, **kwargs)

    return wrapper
