"""Deployment checks of our own, run by `manage.py check --deploy`."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.caches, deploy=True)
def check_shared_cache(app_configs, **kwargs):
    if settings.REDIS_URL:
        return []
    return [
        Warning(
            "REDIS_URL is not set, so each server process keeps its own cache and rate limits.",
            hint="Set REDIS_URL=redis://host:6379/0 so all app servers share one cache.",
            id="empower.W001",
        )
    ]
