"""Knowing a returning visitor without keeping anything that identifies them.

A visitor is known by a keyed hash of their address and browser. The key is
derived from SECRET_KEY, so the hash cannot be reversed by trying every IPv4
address, and no raw address is ever stored.
"""

from django.conf import settings
from django.utils.crypto import salted_hmac


def client_ip(request) -> str:
    """The visitor's address, trusting only the proxies we were told about."""
    hops = settings.TRUSTED_PROXY_COUNT
    if hops:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= hops:
            return forwarded[-hops]
    return request.META.get("REMOTE_ADDR", "")


def visitor_key(request, purpose: str) -> str:
    """A stable 64-character key for this visitor, different for each purpose."""
    fingerprint = "|".join([client_ip(request), request.META.get("HTTP_USER_AGENT", "")])
    return salted_hmac(f"empower.visitors.{purpose}", fingerprint, algorithm="sha256").hexdigest()
