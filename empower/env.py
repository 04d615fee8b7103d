"""Read settings from the environment, refusing values we cannot use.

Each helper raises EnvError with one line naming the variable, so a typo in a
deployment stops start-up instead of running with a surprising default.
"""

import os
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured


class EnvError(ImproperlyConfigured):
    pass


TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off"}


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    value = raw.strip().lower()
    if value in TRUE_WORDS:
        return True
    if value in FALSE_WORDS:
        return False
    raise EnvError(f"{name} must be true or false, not {raw!r}.")


def env_int(name: str, default: int, *, minimum: int = 0) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise EnvError(f"{name} must be a whole number, not {raw!r}.") from None
    if value < minimum:
        raise EnvError(f"{name} must be at least {minimum}, not {value}.")
    return value


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return list(default or [])
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_choice(name: str, default: str, choices: list[str]) -> str:
    value = os.environ.get(name) or default
    if value not in choices:
        raise EnvError(f"{name} must be one of {', '.join(choices)}, not {value!r}.")
    return value


def env_time_zone(name: str, default: str) -> str:
    import zoneinfo

    value = os.environ.get(name) or default
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise EnvError(
            f"{name} must be a time zone such as Europe/London, not {value!r}."
        ) from None
    return value


def env_url(name: str, *, schemes: list[str]) -> str:
    """An optional URL (empty when unset) whose scheme must be one of `schemes`."""
    value = os.environ.get(name, "").strip()
    if value and (urlsplit(value).scheme not in schemes or not urlsplit(value).hostname):
        raise EnvError(
            f"{name} must be a URL starting {' or '.join(s + '://' for s in schemes)}, "
            f"not {_redact(value)!r}."
        )
    return value


def env_required(name: str, *, why: str) -> str:
    value = os.environ.get(name, "").strip()
    if not value:
        raise EnvError(f"{name} is required {why}.")
    return value


DATABASE_SCHEMES = {"sqlite", "postgres", "postgresql", "pgsql"}


def env_database(name: str, default: str) -> dict[str, Any]:
    url = os.environ.get(name) or default
    scheme = url.split(":", 1)[0].lower()
    if "://" not in url or scheme not in DATABASE_SCHEMES:
        raise EnvError(f"{name} must be a sqlite:/// or postgres:// URL, not {_redact(url)!r}.")
    try:
        # Connections stay open between requests; checking one before reuse
        # pays for a server that may have restarted, not for a local file.
        config = dj_database_url.parse(
            url, conn_max_age=600, conn_health_checks=scheme.startswith("postgres")
        )
    except ValueError as error:
        raise EnvError(f"{name} is malformed: {error}") from None
    if not config.get("NAME"):
        raise EnvError(f"{name} must name a database: {_redact(url)!r}.")
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # Take the write lock when a transaction begins, so that two writers wait
        # for each other instead of one failing with "database is locked".
        config.setdefault("OPTIONS", {})["transaction_mode"] = "IMMEDIATE"
    return dict(config)


def env_mailer(name: str, default: str) -> dict:
    """One MAILERS entry from a URL: console:, smtp://user:pass@host:587?tls=true, smtps://..."""
    url = os.environ.get(name) or default
    parts = urlsplit(url)
    if parts.scheme == "console":
        return {"BACKEND": "empower.console_mail.EmailBackend"}
    if parts.scheme == "locmem":
        return {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}
    if parts.scheme not in {"smtp", "smtps"} or not parts.hostname:
        raise EnvError(
            f"{name} must be console:, smtp://host:port or smtps://host:port, not {_redact(url)!r}."
        )
    try:
        port = parts.port
    except ValueError:
        raise EnvError(f"{name} has a port that is not a number.") from None
    query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
    tls = query.get("tls", "true").lower()
    if tls not in TRUE_WORDS | FALSE_WORDS:
        raise EnvError(f"{name} has tls={tls!r}; use tls=true or tls=false.")
    options = {
        "host": parts.hostname,
        "port": port or (465 if parts.scheme == "smtps" else 587),
        "use_ssl": parts.scheme == "smtps",
        "use_tls": parts.scheme == "smtp" and tls in TRUE_WORDS,
        "timeout": 30,
    }
    if parts.username:
        options["username"] = unquote(parts.username)
        options["password"] = unquote(parts.password or "")
    return {"BACKEND": "django.core.mail.backends.smtp.EmailBackend", "OPTIONS": options}


def _redact(url: str) -> str:
    parts = urlsplit(url)
    if parts.password:
        return url.replace(parts.password, "***", 1)
    return url
