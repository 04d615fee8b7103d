"""Uploaded media served by the site itself, for a single machine (SERVE_MEDIA).
Every stored name is new and random, so a file never changes: browsers and CDNs
may keep it for a year."""

from django.conf import settings
from django.views.decorators.http import require_safe
from django.views.static import serve


@require_safe
def media(request, path):
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response
