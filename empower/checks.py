"""Deployment checks of our own, run by `manage.py check --deploy`."""

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register


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


@register(Tags.mail, deploy=True)
def check_mail_leaves_the_machine(app_configs, **kwargs):
    """Django's own check (mail.E001) knows its console backend, not our readable one."""
    backend = settings.MAILERS.get("default", {}).get("BACKEND", "")
    if backend != "empower.console_mail.EmailBackend":
        return []
    return [
        Error(
            "EMAIL_URL is console:, so emails are printed, not sent.",
            hint="Set EMAIL_URL=smtp://user:password@host:587 (or smtps://…:465).",
            id="empower.E001",
        )
    ]
