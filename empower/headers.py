"""Response headers Django has no setting for."""

from functools import wraps

from django.conf import settings


class ResourcePolicyMiddleware:
    """Cross-Origin-Resource-Policy: other sites can't embed our pages, images or
    files in theirs (placed before whitenoise, so static files get it too)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault(
            "Cross-Origin-Resource-Policy", settings.SECURE_CROSS_ORIGIN_RESOURCE_POLICY
        )
        return response


def noindex(view):
    """For pages crawlers may fetch but search results must not list (robots.txt
    blocks only what they must not fetch: they would never see this header there)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response.headers["X-Robots-Tag"] = "noindex"
        return response

    return wrapper
