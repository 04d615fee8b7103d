"""The site's URLs plus a bare "hello" view, for bench/pages.py only (never in production)."""

from django.http import HttpResponse
from django.urls import include, path


def hello(request):
    return HttpResponse("hello", content_type="text/plain")


urlpatterns = [path("bench/hello/", hello), path("", include("empower.urls"))]
