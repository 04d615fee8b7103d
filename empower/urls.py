from django.contrib import admin
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import include, path

from articles import views as article_views


def favicon(request):
    # Browsers ask for /favicon.ico whatever the page links to.
    return redirect(static("img/favicon.svg"), permanent=True)


urlpatterns = [
    path("favicon.ico", favicon),
    path("", article_views.home, name="home"),
    path("admin/", admin.site.urls),
    path("", include("articles.urls")),
    path("", include("comments.urls")),
    path("community/", include("community.urls")),
    path("newsletter/", include("newsletter.urls")),
    path("captcha/", include("captcha.urls")),
    # Editor-maintained pages (about, privacy, ...) answer at /<slug>/; keep last.
    path("<slug:slug>/", article_views.page_detail, name="page"),
]
