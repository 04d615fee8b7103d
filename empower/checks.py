"""Deployment checks of our own, run by `manage.py check --deploy`."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def check_site_url_is_https(app_configs, **kwargs):
    if settings.SITE_URL.startswith("https://"):
        return []
    return [
        Warning(
            f"SITE_URL is {settings.SITE_URL!r}: links in emails, feeds and sitemaps "
            "would not use HTTPS, and one-click unsubscribe (RFC 8058) needs an https URL.",
            hint="Set SITE_URL=https://your.domain",
            id="empower.W002",
        )
    ]
