"""Settings come from the environment; a bad value stops start-up with one clear line."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from empower.env import EnvError, env_bool, env_database, env_mailer

PROJECT = Path(__file__).resolve().parent.parent
PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "empower.example",
    "EMAIL_URL": "smtp://relay.empower.example:587",
    "REDIS_URL": "redis://cache.empower.example:6379/0",
    "SITE_URL": "https://empower.example",
}


def manage(*args, **env):
    """Run manage.py in a fresh process with exactly this environment."""
    clean = {"PATH": os.environ["PATH"], **env}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"DEBUG": "maybe"}, "DEBUG must be true or false, not 'maybe'."),
        ({"DEBUG": "false"}, "SECRET_KEY is required when DEBUG is off."),
        (
            {"DEBUG": "false", "SECRET_KEY": "x" * 50},
            "ALLOWED_HOSTS is required when DEBUG is off.",
        ),
        (
            {"DEBUG": "true", "DATABASE_URL": "mysql://db/empower"},
            "DATABASE_URL must be a sqlite:/// or postgres:// URL, not 'mysql://db/empower'.",
        ),
        (
            {"DEBUG": "true", "EMAIL_URL": "smtp://ann:hunter2@:nope"},
            "EMAIL_URL must be console:, smtp://host:port or smtps://host:port, "
            "not 'smtp://ann:***@:nope'.",
        ),
        (
            {"DEBUG": "true", "EMAIL_URL": "smtp://relay.example:587?tls=maybe"},
            "EMAIL_URL has tls='maybe'; use tls=true or tls=false.",
        ),
        (
            {"DEBUG": "true", "TIME_ZONE": "Mars/Olympus"},
            "TIME_ZONE must be a time zone such as Europe/London, not 'Mars/Olympus'.",
        ),
        (
            {"DEBUG": "true", "LOG_LEVEL": "verbose"},
            "LOG_LEVEL must be one of DEBUG, INFO, WARNING, ERROR, not 'verbose'.",
        ),
        (
            {**PRODUCTION, "SECURE_HSTS_SECONDS": "a year"},
            "SECURE_HSTS_SECONDS must be a whole number, not 'a year'.",
        ),
    ],
)
def test_a_bad_setting_stops_start_up_with_one_line_naming_it(env, message):
    result = manage("check", **env)
    assert result.returncode != 0
    assert result.stderr.strip() == f"Configuration error: {message}"


def test_a_production_configuration_passes_the_deployment_checks():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_production_with_an_http_site_url_is_warned_about():
    result = manage("check", "--deploy", **{**PRODUCTION, "SITE_URL": "http://empower.example"})
    assert "empower.W002" in result.stderr


def test_production_without_redis_shares_its_cache_through_the_database():
    env = {**PRODUCTION}
    del env["REDIS_URL"]
    result = manage("diffsettings", "--all", **env)
    assert "'BACKEND': 'django.core.cache.backends.db.DatabaseCache'" in result.stdout
    assert "LocMemCache" in manage("diffsettings", "--all", DEBUG="true").stdout


def test_hsts_preload_and_subdomains_are_off_unless_the_operator_opts_in():
    off = manage("diffsettings", "--all", **PRODUCTION).stdout
    assert "SECURE_HSTS_PRELOAD = False" in off
    assert "SECURE_HSTS_INCLUDE_SUBDOMAINS = False" in off
    on = manage(
        "diffsettings",
        **PRODUCTION,
        SECURE_HSTS_PRELOAD="true",
        SECURE_HSTS_INCLUDE_SUBDOMAINS="true",
    ).stdout
    assert "SECURE_HSTS_PRELOAD = True" in on
    assert "SECURE_HSTS_INCLUDE_SUBDOMAINS = True" in on


def test_production_without_a_real_mailer_fails_the_deployment_checks():
    env = {**PRODUCTION}
    del env["EMAIL_URL"]
    result = manage("check", "--deploy", **env)
    assert result.returncode != 0
    assert "empower.E001" in result.stderr


def test_the_embedded_default_is_an_sqlite_file_in_the_project_folder(settings):
    config = env_database("UNSET_VARIABLE_FOR_TEST", f"sqlite:///{PROJECT / 'empower.sqlite3'}")
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert Path(config["NAME"]).parent == PROJECT


def test_a_postgres_url_switches_to_postgresql(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://ann:pw@db.internal:5433/empower")
    config = env_database("DATABASE_URL", "sqlite:///x")
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["HOST"], config["PORT"], config["NAME"]) == ("db.internal", 5433, "empower")


def test_email_goes_through_mailers_and_prints_to_the_console_by_default():
    result = manage("diffsettings", DEBUG="true")
    assert result.returncode == 0, result.stderr
    assert (
        "MAILERS = {'default': {'BACKEND': 'empower.console_mail.EmailBackend'}}" in result.stdout
    )
    assert "EMAIL_HOST" not in result.stdout


def test_an_smtp_url_becomes_a_mailer_with_its_options(monkeypatch):
    monkeypatch.setenv("EMAIL_URL", "smtps://mailer%40empower.example:s3cret@smtp.example")
    mailer = env_mailer("EMAIL_URL", "console:")
    assert mailer["BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert mailer["OPTIONS"] == {
        "host": "smtp.example",
        "port": 465,
        "use_ssl": True,
        "use_tls": False,
        "timeout": 30,
        "username": "mailer@empower.example",
        "password": "s3cret",
    }


@pytest.mark.parametrize(("raw", "expected"), [("true", True), ("0", False), ("Off", False)])
def test_booleans_accept_the_usual_words(monkeypatch, raw, expected):
    monkeypatch.setenv("FLAG", raw)
    assert env_bool("FLAG", default=not expected) is expected


def test_booleans_refuse_anything_else(monkeypatch):
    monkeypatch.setenv("FLAG", "ye")
    with pytest.raises(EnvError, match="FLAG must be true or false"):
        env_bool("FLAG", default=False)


def test_media_goes_to_s3_compatible_storage_with_one_setting():
    local = manage("diffsettings", "--all", DEBUG="true").stdout
    assert "django.core.files.storage.FileSystemStorage" in local
    assert "SERVE_MEDIA = True" in local
    shared = manage(
        "diffsettings",
        "--all",
        DEBUG="true",
        MEDIA_S3_BUCKET="empower-media",
        MEDIA_S3_ENDPOINT="https://s3.provider.example",
    ).stdout
    assert "'BACKEND': 'storages.backends.s3.S3Storage'" in shared
    assert "'bucket_name': 'empower-media'" in shared
    assert "'endpoint_url': 'https://s3.provider.example'" in shared
    assert "SERVE_MEDIA = False" in shared


def test_the_development_console_shows_emails_decoded_with_links_whole():
    import io

    from django.core.mail import EmailMultiAlternatives

    from empower.console_mail import EmailBackend

    link = "https://empower.example/newsletter/confirm/" + "x" * 90 + "/"
    email = EmailMultiAlternatives(
        "Confirm your sign-up", f"Hello,\n\nconfirm here: {link}\n",
        "Empower <news@empower.example>", ["reader@example.org"],
    )  # fmt: skip
    email.attach_alternative(f'<p><a href="{link}">Confirm</a></p>', "text/html")
    stream = io.StringIO()
    EmailBackend(stream=stream).send_messages([email])
    shown = stream.getvalue()
    assert "Subject: Confirm your sign-up" in shown
    assert "To: reader@example.org" in shown
    assert link in shown  # whole: no "=" line breaks
    assert "[text/html part," in shown
    assert "quoted-printable" not in shown
