from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic import TemplateView

from articles import feeds
from articles import sitemaps as article_sitemaps
from articles import views as article_views
from comments import urls as comments_urls
from community import sitemaps as community_sitemaps
from empower.health import healthz
from empower.media import media
from empower.pagecache import public_page
from staff import urls as staff_urls

# Each app owns its sitemap sections; the site's sitemap is all of them.
SITEMAPS = {**article_sitemaps.SITEMAPS, **community_sitemaps.SITEMAPS}


def favicon(request):
    # Browsers ask for /favicon.ico whatever the page links to.
    return redirect(static("img/favicon.svg"), permanent=True)


urlpatterns = [
    path("favicon.ico", favicon),
    path("healthz", healthz, name="healthz"),
    path(
        "robots.txt",
        public_page()(TemplateView.as_view(template_name="robots.txt", content_type="text/plain")),
        name="robots",
    ),
    path("sitemap.xml", public_page("community")(sitemap), {"sitemaps": SITEMAPS}, name="sitemap"),
    path("feeds/articles.rss", public_page()(feeds.LatestArticles()), name="feed_rss"),
    path("feeds/articles.atom", public_page()(feeds.LatestArticlesAtom()), name="feed_atom"),
    path(
        "conditions/<slug:slug>/feed.rss",
        public_page()(feeds.ConditionArticles()),
        name="condition_feed_rss",
    ),
    path(
        "conditions/<slug:slug>/feed.atom",
        public_page()(feeds.ConditionArticlesAtom()),
        name="condition_feed_atom",
    ),
    path("", article_views.home, name="home"),
    path("admin/", include("staff.urls")),
    path("admin/sign-in/passkeys/", staff_urls.passkey_urls),
    path("admin/", admin.site.urls),
    path("", include("articles.urls")),
    path("", include("comments.urls")),
    path("community/", include("community.urls")),
    path("newsletter/", include("newsletter.urls")),
    path("search/", include("search.urls")),
    *comments_urls.captcha_urls,
    path("captcha/", include("captcha.urls")),
    # Editor-maintained pages (about, privacy, ...) answer at /<slug>/; keep last.
    path("<slug:slug>/", article_views.page_detail, name="page"),
]

if settings.SERVE_MEDIA:
    urlpatterns.insert(0, path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", media, name="media"))
