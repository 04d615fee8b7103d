"""Public pages for anonymous readers, served from the cache and kept fresh by events.

A public view names the *topics* its page depends on ("site", "community",
"article:<slug>"); each topic has a version in the shared cache, which the
models' changes bump. A page's ETag is made from its topics' versions, today's
date (reviews fall due and comments close by the day) and the code's build,
so the same rule answers `If-None-Match` with a 304, tells a CDN when to
refetch, and finds the page in the cache: a stored page is served only while
its ETag is still the current one. Nothing expires by a clock.

Only readers without a session or a flashed message get shared pages; what a
page carries per request (the CSP nonce) is filled in on the way out. Pages
that a cache may share carry no CSRF token: their small forms are protected by
the browser's own word about where a post comes from (`empower.origin`).
"""

import hashlib
import logging
import threading
from collections import OrderedDict
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache as once
from functools import wraps
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http import HttpResponse
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.autoreload import file_changed
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date
from django.utils.regex_helper import _lazy_re_compile

from empower.gzipped import Gzipped
from empower.topics import bump, pages_cache, read_versions

# A NUL byte appears in no page (PostgreSQL refuses them, and so do our forms).
NONCE_PLACEHOLDER = b"\x00csp-nonce\x00"
_PAGE_PREFIX = "pagecache:page:"
logger = logging.getLogger(__name__)
_ACCEPTS_GZIP = _lazy_re_compile(r"\bgzip\b")  # as django.middleware.gzip reads it
# Headers an outer middleware adds again on every response (or the nonce changes).
_PER_RESPONSE = {"content-security-policy", "content-security-policy-report-only", "content-length"}


# Settings that pages show or depend on, from the environment: a change is a new build.
_PAGE_SETTINGS = [
    "SITE_NAME", "SITE_URL", "TIME_ZONE", "STATIC_URL", "DEBUG",
    "ARTICLE_REVIEW_INTERVAL_MONTHS", "COMMENTS_CLOSE_AFTER_DAYS", "NEWSLETTER_CONFIRM_DAYS",
]  # fmt: skip


def shared_with_everyone(request) -> bool:
    """May this request get (and make) the page everyone gets? Only a reader with
    no session (staff) and no message waiting to be shown on the next page."""
    return (
        request.method in ("GET", "HEAD")
        and not request.COOKIES.get(settings.SESSION_COOKIE_NAME)
        and not request.COOKIES.get(CookieStorage.cookie_name)
    )


@dataclass(frozen=True)
class Validators:
    etag: str
    last_modified: int  # seconds since the epoch

    def apply(self, response) -> None:
        response.headers["ETag"] = self.etag
        response.headers["Last-Modified"] = http_date(self.last_modified)


def validators(topics: list[str], today: date, versions: list[int]) -> Validators:
    digest = hashlib.blake2b(
        repr((build(), today.isoformat(), topics, versions)).encode(), digest_size=12
    ).hexdigest()
    midnight = timezone.make_aware(datetime.combine(today, datetime.min.time())).timestamp()
    return Validators(f'"{digest}"', int(max(max(versions) / 1e6, midnight)))


def _not_modified(request, current: "Validators", response=None):
    """304 when the reader's copy is current. Last-Modified counts whole seconds,
    and a page can change twice in one: so a date alone matches only if it is
    later than the change (an ETag always tells)."""
    return get_conditional_response(
        request, etag=current.etag, last_modified=current.last_modified + 1, response=response
    )


def _topic_names(topics, kwargs) -> list[str]:
    return ["site", *(topic.format(**kwargs) for topic in topics)]


@once
def build() -> str:
    """The code, templates and styles the pages were made with: a deploy changes
    every ETag (the same on every app server, unlike a start time)."""
    base = Path(settings.BASE_DIR)
    roots = [
        Path(app.path) for app in apps.get_app_configs() if Path(app.path).is_relative_to(base)
    ]
    roots += [base / "empower", base / "templates", base / "static", base / "package-lock.json"]
    digest = hashlib.blake2b(digest_size=8)
    for path in sorted({file for root in roots for file in [root, *root.rglob("*")]}):
        if path.is_file() and path.suffix != ".pyc":
            digest.update(str(path.relative_to(base)).encode())
            digest.update(path.read_bytes())
    digest.update(repr([getattr(settings, name) for name in _PAGE_SETTINGS]).encode())
    return digest.hexdigest()


@receiver(file_changed)
def _templates_edited(sender, file_path, **kwargs) -> None:
    # runserver reloads templates without a restart: so must the build's fingerprint.
    build.cache_clear()


def public_cache_control(response) -> None:
    """Browsers revalidate every time (a reader who has just posted sees the
    result at once); shared caches keep the page a while and may serve it stale
    while they revalidate. Either way a 304 costs at most one cache lookup."""
    patch_cache_control(
        response, public=True, max_age=0, s_maxage=settings.PAGE_CACHE_SHARED_SECONDS
    )
    response.headers["CDN-Cache-Control"] = (
        f"public, max-age={settings.PAGE_CACHE_SHARED_SECONDS}, "
        f"stale-while-revalidate={settings.PAGE_CACHE_STALE_SECONDS}"
    )


def public_page(*topics: str, query: tuple[str, ...] = ()):
    """A view whose page is the same for every anonymous reader, and changes only
    when `topics` do. A topic may name the view's keyword arguments: "article:{slug}".
    `query` names the parameters that make another page of it (`?page=`); with
    any other, the page is made but not kept.

    Signed-in staff (and a reader with a message waiting) get it made for them
    and marked private; everyone else gets validators, and a 304 when theirs match.
    """

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            current = None
            if shared_with_everyone(request):
                # The middleware has read them already, with the page, in one round trip.
                current = getattr(request, "page_validators", None)
                if current is None:
                    current, _found = _validators_or_none(_topic_names(topics, kwargs))
            if current is None:
                response = view(request, *args, **kwargs)
                patch_cache_control(response, private=True, no_store=True)
                return response
            # "*" matches any page that exists: only the view knows whether this one does.
            if request.headers.get("If-None-Match", "").strip() != "*":
                not_modified = _not_modified(request, current)
                if not_modified is not None:
                    current.apply(not_modified)
                    public_cache_control(not_modified)
                    return not_modified
            response = view(request, *args, **kwargs)
            if response.status_code == 200 and not response.cookies:
                current.apply(response)
                public_cache_control(response)
                response.page_validators = current  # the middleware keeps it
                return _not_modified(request, current, response)
            return response

        wrapper.page_topics = topics
        wrapper.page_query = frozenset(query)
        return wrapper

    return decorator


def _validators_or_none(names: list[str], *also: str) -> tuple["Validators | None", dict]:
    """The page's validators (and the cache's values for `also`), or None when
    the cache can't be read: then the page is made for this reader alone."""
    try:
        versions, found = read_versions(names, *also)
        return validators(names, timezone.localdate(), versions), found
    except Exception:
        logger.exception("The pages' cache can't be read; pages are made for each reader")
        return None, {}


# Storing and serving


@dataclass
class Entry:
    validators: Validators
    status: int
    headers: list[tuple[str, str]]
    content: bytes
    gzipped: Gzipped | None

    @classmethod
    def of(cls, request, response) -> "Entry | None":
        content = response.content
        if NONCE_PLACEHOLDER in content:
            return None
        nonce = getattr(request, "_csp_nonce", None)
        if nonce:  # generated for this page: give each reader their own
            content = content.replace(str(nonce).encode(), NONCE_PLACEHOLDER)
        headers = [
            (name, value)
            for name, value in response.headers.items()
            if name.lower() not in _PER_RESPONSE
        ]
        return cls(
            response.page_validators,
            response.status_code,
            headers,
            content,
            # Public pages carry no secret, so compressing them is safe (no BREACH).
            Gzipped(content, NONCE_PLACEHOLDER) if len(content) >= 200 else None,
        )

    def respond(self, request) -> HttpResponse:
        not_modified = _not_modified(request, self.validators)
        if not_modified is not None:
            self.validators.apply(not_modified)
            public_cache_control(not_modified)
            if self.gzipped:
                patch_vary_headers(not_modified, ["Accept-Encoding"])
            return not_modified
        nonce = str(request._csp_nonce).encode() if NONCE_PLACEHOLDER in self.content else b""
        accepts = _ACCEPTS_GZIP.search(request.headers.get("Accept-Encoding", ""))
        zipped = self.gzipped if accepts else None
        if zipped is not None:
            response = HttpResponse(zipped.body(nonce), status=self.status)
        else:
            response = HttpResponse(
                self.content.replace(NONCE_PLACEHOLDER, nonce), status=self.status
            )
        for name, value in self.headers:
            response.headers[name] = value
        if zipped is not None:
            response.headers["Content-Encoding"] = "gzip"
            response.headers["ETag"] = f"W/{self.validators.etag}"  # as GZipMiddleware marks it
        if self.gzipped:
            patch_vary_headers(response, ["Accept-Encoding"])
        response.headers["Content-Length"] = str(len(response.content))
        return response


class _Recent:
    """The most recently served pages, in this process: a hit needs at most the
    versions from the shared cache, never the page and its unpickling."""

    def __init__(self, size: int):
        self.size = size
        self.entries: OrderedDict[str, Entry] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: str) -> Entry | None:
        with self.lock:
            entry = self.entries.get(key)
            if entry is not None:
                self.entries.move_to_end(key)
            return entry

    def put(self, key: str, entry: Entry) -> None:
        with self.lock:
            self.entries[key] = entry
            self.entries.move_to_end(key)
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)

    def clear(self) -> None:
        with self.lock:
            self.entries.clear()


recent = _Recent(size=256)


def _shared_entry(key: str) -> "Entry | None":
    try:
        return pages_cache().get(key)
    except Exception:
        logger.exception("The pages' cache can't be read")
        return None


def _page_key(request) -> str:
    # With the build in the key, a page stored by other code is never even read.
    where = f"{build()} {request.scheme}://{request.get_host()}{request.get_full_path()}"
    return _PAGE_PREFIX + hashlib.blake2b(where.encode(), digest_size=16).hexdigest()


class PageCacheMiddleware:
    """Serves a public page from the cache while its ETag is current; stores what
    `public_page` views make. Placed before the session middleware: a hit
    never reads a session or a CSRF cookie."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        topics = self._public_page_topics(request)
        if topics is None:
            return self._finish(self.get_response(request))
        key = _page_key(request)
        names = _topic_names(*topics)
        entry = recent.get(key)
        # Without this process's copy of the page, ask for it with the versions.
        current, found = _validators_or_none(names, *([] if entry else [key]))
        if current is None:
            return self._finish(self.get_response(request))
        if entry is not None and entry.validators != current:
            entry = _shared_entry(key)  # another process may have made the new one
        elif entry is None:
            entry = found.get(key)
        if entry is not None and entry.validators == current:
            recent.put(key, entry)
            return entry.respond(request)
        request.page_validators = current
        response = self.get_response(request)
        if (
            hasattr(response, "page_validators")
            and request.method == "GET"
            and not response.cookies
        ):
            entry = Entry.of(request, response)
            if entry is not None:
                try:
                    pages_cache().set(key, entry, timeout=settings.PAGE_CACHE_SECONDS)
                except Exception:
                    logger.exception("Could not keep a page in the cache")
                recent.put(key, entry)
        return self._finish(response)

    @staticmethod
    def _public_page_topics(request) -> tuple | None:
        """The topics and arguments of the public page asked for, or None: a
        request that can't have the shared page, a URL that isn't one, or one
        with query parameters the page doesn't name (they would make a page each)."""
        if not settings.PAGE_CACHE or not shared_with_everyone(request):
            return None
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return None
        topics = getattr(match.func, "page_topics", None)
        if topics is None or not set(request.GET) <= getattr(match.func, "page_query", set()):
            return None
        return topics, match.kwargs

    @staticmethod
    def _finish(response):
        """Shared caches keep only what a public view said they may, and never a
        response that sets a cookie."""
        if response.cookies and "public" in response.get("Cache-Control", ""):
            for header in ("ETag", "Last-Modified", "Cache-Control", "CDN-Cache-Control"):
                del response[header]
        if "Cache-Control" not in response and not response.streaming:
            patch_cache_control(response, private=True, no_cache=True)
        return response


def bump_on_change(model, topics) -> None:
    """Bump the topics `topics(instance, created)` names whenever a `model` row is
    saved or deleted (an empty list: readers can't see the change)."""

    def saved(sender, instance, created, **kwargs):
        bump(*topics(instance, created))

    def deleted(sender, instance, **kwargs):
        bump(*topics(instance, False))

    uid = f"pagecache:{model._meta.label}"
    post_save.connect(saved, sender=model, weak=False, dispatch_uid=uid)
    post_delete.connect(deleted, sender=model, weak=False, dispatch_uid=uid + ":delete")
