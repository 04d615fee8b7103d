"""Two app servers on one PostgreSQL and one Redis: a change made through one is
on the other's pages at once, because the page cache and its versions are shared."""

import os
import shutil
import subprocess
import sys
import time
import urllib.request
from datetime import timedelta
from pathlib import Path

import pytest
from django.db import connection
from django.utils import timezone

from tests.test_shared_limits import database_url, free_port

PROJECT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.django_db(transaction=True)


def wait_for(port: int) -> None:
    import socket

    for _ in range(150):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"nothing listens on {port}")


def get(url: str, **headers) -> tuple[int, dict, str]:
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 - loopback
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - loopback
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), ""


@pytest.fixture
def redis_url():
    binary = shutil.which("redis-server")
    if binary is None:
        if os.environ.get("CI"):
            pytest.fail("redis-server is not installed (apt-get install redis-server)")
        pytest.skip("redis-server is not installed")
    port = free_port()
    server = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    try:
        wait_for(port)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.fixture
def environment(redis_url):
    if connection.vendor != "postgresql":
        pytest.skip("many app servers share one PostgreSQL")
    return {
        "PATH": os.environ["PATH"],
        "DEBUG": "false",
        "SECRET_KEY": "two-servers-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1",
        "HTTPS": "false",
        "DATABASE_URL": database_url(),
        "REDIS_URL": redis_url,
        "LOG_LEVEL": "ERROR",
    }


@pytest.fixture
def two_servers(environment):
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=PROJECT, env=environment, check=True,
    )  # fmt: skip
    gunicorn = Path(sys.executable).with_name("gunicorn")
    ports = [free_port(), free_port()]
    servers = [
        subprocess.Popen(
            [gunicorn, "empower.wsgi", "--workers", "1", "--bind", f"127.0.0.1:{port}"],
            cwd=PROJECT,
            env=environment,
            stderr=subprocess.DEVNULL,
        )
        for port in ports
    ]
    try:
        for port in ports:
            wait_for(port)
        yield [f"http://127.0.0.1:{port}" for port in ports]
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=30)


def test_a_change_through_one_server_is_on_the_others_pages_at_once(
    two_servers, environment, article, editor, reviewer
):
    one, other = two_servers
    url = article.get_absolute_url()
    _status, first, _page = get(one + url)
    status, _headers, _page = get(other + url, **{"If-None-Match": first["ETag"]})
    assert status == 304  # the same validators on every server

    # A reader rates the article on one server; the other shows the new average.
    rate = urllib.request.Request(  # noqa: S310 - loopback
        f"{one}{url}rate/", data=b"stars=5", headers={"Origin": one}
    )
    urllib.request.urlopen(rate, timeout=30).close()  # noqa: S310 - loopback
    assert "5.0 out of 5 · 1 rating" in get(other + url)[2]

    # A new text, scheduled, published by the scheduler on a third machine.
    revision = article.start_revision(editor)
    revision.title = "Hemifacial spasm, explained again"
    revision.save()
    revision.submit(editor)
    revision.approve(reviewer)
    revision.publish(editor, at=timezone.now() + timedelta(seconds=1))
    assert "explained again" not in get(other + url)[2]
    time.sleep(1.2)
    subprocess.run(
        [sys.executable, "manage.py", "publish_scheduled"],
        cwd=PROJECT, env=environment, check=True, capture_output=True,
    )  # fmt: skip
    for server in (one, other):
        for page in (url, "/", "/feeds/articles.rss"):
            assert "explained again" in get(server + page)[2], server + page
