"""`/healthz`: whether this app server can do its work, for a load balancer or a monitor.

A small view rather than django-health-check: the three things to ask (the
database, the caches, the task queue's backlog) are a few lines each, and the
answer must carry no personal data, no secrets and no versions.
"""

import hmac
import time
import uuid

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache

from empower.ratelimit import allow
from empower.visitors import address_key

CHECKS_PER_MINUTE = 60


def database() -> dict:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {}


def cache() -> dict:
    for alias in ("default", "pages"):
        key = f"healthz:{uuid.uuid4().hex}"
        caches[alias].set(key, "ok", 10)
        if caches[alias].get(key) != "ok":
            raise RuntimeError(f"the {alias} cache did not keep a value")
        caches[alias].delete(key)
    return {}


def tasks(now=None) -> dict:
    """How many tasks wait, and for how long the oldest has: a queue no worker empties."""
    if settings.TASKS_BACKEND != "database":
        return {"backend": "immediate"}
    from django_tasks_db.models import DBTaskResult

    waiting = DBTaskResult.objects.ready()
    oldest = waiting.order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
    age = ((now or timezone.now()) - oldest).total_seconds() if oldest else 0.0
    return {"backend": "database", "waiting": waiting.count(), "oldest_waiting_seconds": age}


CHECKS = {"database": database, "cache": cache, "tasks": tasks}


def _allowed(request) -> bool:
    token = settings.HEALTHZ_TOKEN
    if not token:
        return True
    # In a header, never the URL: addresses end up in logs.
    given = request.headers.get("Authorization", "").removeprefix("Bearer ")
    return hmac.compare_digest(given.encode(), token.encode())


def _within_limit(request) -> bool:
    try:
        key = address_key(request, "healthz")
        return allow("healthz", key, limit=CHECKS_PER_MINUTE, window_seconds=60)
    except Exception:
        return True


@never_cache
def healthz(request):
    if not _allowed(request):
        return JsonResponse({"status": "forbidden"}, status=403)
    if not _within_limit(request):
        return JsonResponse({"status": "too many requests"}, status=429)
    results, healthy = {}, True
    for name, check in CHECKS.items():
        started = time.monotonic()
        try:
            results[name] = {"ok": True, **check()}
        except Exception as error:  # any failure is the answer, never a 500
            healthy = False
            results[name] = {"ok": False, "error": type(error).__name__}
        results[name]["seconds"] = round(time.monotonic() - started, 4)
    body = {"status": "ok" if healthy else "failing", "checks": results}
    return JsonResponse(body, status=200 if healthy else 503)
