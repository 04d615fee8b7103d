"""Recognising a returning visitor without keeping anything that identifies them.

A visitor who uses a feature that needs it (rating an article) gets a random
id in a first-party cookie. We store only keyed hashes of that id, one per
purpose, so the stored keys cannot be linked to each other or to a person.
Addresses are hashed the same way, for rate limits, and never stored raw.
"""

import re
import secrets

from django.conf import settings
from django.utils.crypto import salted_hmac

VISITOR_COOKIE = "empower_visitor"
VISITOR_COOKIE_AGE = 60 * 60 * 24 * 365
_VALID_ID = re.compile(r"^[A-Za-z0-9_-]{32}$")


def keyed_hash(purpose: str, value: str) -> str:
    # Keyed with SECRET_KEY: a plain hash of an IPv4 address is reversed by
    # trying all four billion of them.
    return salted_hmac(f"empower.visitors.{purpose}", value, algorithm="sha256").hexdigest()


class Visitor:
    def __init__(self, request):
        cookie = request.COOKIES.get(VISITOR_COOKIE, "")
        self.id = cookie if _VALID_ID.match(cookie) else None
        self.is_new = False

    def key(self, purpose: str, *, create: bool = False) -> str | None:
        """A stable 64-character key for this visitor and purpose; None for a stranger
        unless `create`, which gives them an id (sent as a cookie with the response)."""
        if self.id is None:
            if not create:
                return None
            self.id = secrets.token_urlsafe(24)
            self.is_new = True
        return keyed_hash(purpose, self.id)


class VisitorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.visitor = Visitor(request)
        response = self.get_response(request)
        if request.visitor.is_new:
            response.set_cookie(
                VISITOR_COOKIE,
                request.visitor.id,
                max_age=VISITOR_COOKIE_AGE,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response


def client_ip(request) -> str:
    """The visitor's address, trusting only the proxies we were told about."""
    hops = settings.TRUSTED_PROXY_COUNT
    if hops:
        forwarded = [
            part.strip()
            for part in request.headers.get("x-forwarded-for", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= hops:
            return forwarded[-hops]
    return request.META.get("REMOTE_ADDR", "")


def address_key(request, purpose: str) -> str:
    """A keyed hash of the visitor's address, for rate limits; never the address itself."""
    return keyed_hash(purpose, client_ip(request))


def address_for_lockout(request) -> str:
    """What the sign-in lockout (django-axes) counts failures by: a keyed hash of
    the address, so the cache and the logs never hold the address itself."""
    return keyed_hash("staff-lockout", client_ip(request))[:32]
