"""Pages whose address changed: a view (or a helper deep inside one, such as a
feed's `get_object`) raises `Moved` with the object's new slug, and the reader
is sent to the same page at that slug, for good."""

from django.shortcuts import redirect
from django.urls import reverse


class Moved(Exception):
    """What the view looked for answers at another slug now."""

    def __init__(self, slug: str):
        super().__init__(slug)
        self.slug = slug


class MovedMiddleware:
    """Answers `Moved` with a permanent redirect to the same URL pattern (and query)
    with the new slug, so sub-pages such as `comment/` and `feed.rss` follow too."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, Moved):
            return None
        match = request.resolver_match
        url = reverse(
            match.view_name, args=match.args, kwargs={**match.kwargs, "slug": exception.slug}
        )
        if request.GET:
            url += f"?{request.GET.urlencode()}"
        # A form sent to the old address is sent again to the new one (308), not
        # turned into a GET as a 301 would be.
        return redirect(url, permanent=True, preserve_request=request.method not in ("GET", "HEAD"))
