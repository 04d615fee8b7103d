"""What sitemaps and feeds build on: pages named by SITE_URL, as canonical tags and
robots.txt name them, whatever host the request came to (a proxy's, an old
domain's); and a feed whose date moves only when its content does."""

from datetime import UTC, datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import sitemaps
from django.contrib.syndication import views as syndication
from django.utils import feedgenerator

# An empty feed's date when nothing better is known: any fixed moment will do.
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def absolute(path: str) -> str:
    return settings.SITE_URL + path


def latest(*moments: datetime | None) -> datetime | None:
    """The latest of the moments that are known: a sitemap entry's lastmod."""
    return max((moment for moment in moments if moment), default=None)


class Sitemap(sitemaps.Sitemap):
    """A sitemap section whose <loc> addresses start with SITE_URL."""

    def get_protocol(self, protocol=None) -> str:
        return urlsplit(settings.SITE_URL).scheme

    def get_domain(self, site=None) -> str:
        # Django writes f"{protocol}://{domain}{location}": so everything after "://".
        return settings.SITE_URL.split("://", 1)[1]


class _DatedByContent:
    """Django dates a feed with no items now, so it changes at every request:
    this one takes the `empty_date` the feed gives instead."""

    items: list
    feed: dict

    def latest_post_date(self) -> datetime:
        if self.items:
            return super().latest_post_date()  # type: ignore[misc]
        return self.feed["empty_date"]


class RssFeed(_DatedByContent, feedgenerator.Rss201rev2Feed):
    pass


class AtomFeed(_DatedByContent, feedgenerator.Atom1Feed):
    pass


class Feed(syndication.Feed):
    """A feed whose item links start with SITE_URL (its own `link` and `feed_url`
    must be made with `absolute()` too), dated by `empty_date()` when empty."""

    feed_type: type[feedgenerator.SyndicationFeed] = RssFeed

    def empty_date(self, obj) -> datetime:
        return EPOCH

    def feed_extra_kwargs(self, obj) -> dict:
        return {"empty_date": self.empty_date(obj)}

    def item_link(self, item) -> str:
        return absolute(item.get_absolute_url())
