"""Counting attempts in Django's cache: one cache (Redis in production) for all servers."""

from django.core.cache import cache


def allow(bucket: str, key: str, *, limit: int, window_seconds: int) -> bool:
    """Count one attempt for `key`; False once more than `limit` fall in the window.

    The window starts at the first attempt (a fixed window: simple, and enough to
    stop floods). `key` must already be a hash, never an address or email.
    """
    cache_key = f"ratelimit:{bucket}:{key}"
    if cache.add(cache_key, 1, timeout=window_seconds):
        return True
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add() and incr()
        cache.add(cache_key, 1, timeout=window_seconds)
        return True
    return count <= limit
