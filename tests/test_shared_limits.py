"""Rate limits hold across every server process, not per process."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote

import pytest
from django.core.management import call_command
from django.db import connection
from django.tasks import default_task_backend
from django.test import override_settings

from newsletter.models import Subscriber
from newsletter.tasks import send_signup_email

PROJECT = Path(__file__).resolve().parent.parent
DATABASE_CACHE = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "empower_cache",
    }
}


def database_url() -> str:
    """The test database, as DATABASE_URL, for a server in another process."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    password = f":{quote(db['PASSWORD'], safe='')}" if db["PASSWORD"] else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def status_of(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - loopback
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


@pytest.fixture
def production_server():
    """gunicorn with two worker processes, DEBUG off and no Redis, on the test database."""
    with override_settings(CACHES=DATABASE_CACHE):
        call_command("createcachetable", verbosity=0)
    port = free_port()
    env = {
        "PATH": os.environ["PATH"],
        "DEBUG": "false",
        "SECRET_KEY": "shared-limits-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1",
        "HTTPS": "false",
        "DATABASE_URL": database_url(),
        "SEARCHES_PER_MINUTE": "10",
        "LOG_LEVEL": "ERROR",
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=PROJECT, env=env, check=True,
    )  # fmt: skip
    gunicorn = Path(sys.executable).with_name("gunicorn")
    server = subprocess.Popen(
        [gunicorn, "empower.wsgi", "--workers", "2", "--bind", f"127.0.0.1:{port}"],
        cwd=PROJECT, env=env, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.mark.django_db(transaction=True)
def test_with_debug_off_and_no_redis_all_workers_share_one_search_limit(production_server):
    statuses = [status_of(f"{production_server}/search/?q=botox") for _ in range(40)]
    # Each worker counting on its own would answer 20 (10 each).
    assert statuses.count(200) == 10
    assert statuses.count(429) == 30


@pytest.mark.django_db
def test_sign_up_mail_is_sent_by_a_background_task_not_by_the_web_worker(client, settings):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    from django.core import mail

    client.post("/newsletter/subscribe/", {"email": "ann@example.org", "newsletter": "on"})
    assert mail.outbox == []
    [queued] = default_task_backend.results
    ann = Subscriber.objects.get(email="ann@example.org")
    assert (queued.task.name, queued.args) == ("send_signup_email", [ann.pk])
    assert send_signup_email.call(ann.pk) == "confirm"
    assert mail.outbox[0].to == ["ann@example.org"]
