"""Two app servers on one PostgreSQL and one Redis: a change made through one is
on the other's pages at once, because the page cache and its versions are shared."""

import subprocess
import sys
import time
import urllib.request
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from tests.servers import (
    PROJECT,
    collect_static,
    gunicorn,
    production_env,
    redis_server,
    replay_data_migrations,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _rows_from_data_migrations(transactional_db):
    replay_data_migrations()  # a transactional test before may have emptied the tables


def get(url: str, **headers) -> tuple[int, dict, str]:
    """Both servers are the one site: the same host name (and so the same cache keys)."""
    headers.setdefault("Host", "127.0.0.1")
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 - loopback
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - loopback
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), ""


@pytest.fixture
def redis_url():
    with redis_server() as url:
        yield url


@pytest.fixture
def environment(redis_url):
    if connection.vendor != "postgresql":
        pytest.skip("many app servers share one PostgreSQL")
    return production_env("two-servers", REDIS_URL=redis_url)


@pytest.fixture
def two_servers(environment):
    collect_static(environment)
    with gunicorn(environment, workers=1) as one, gunicorn(environment, workers=1) as other:
        yield one, other


def test_a_change_through_one_server_is_on_the_others_pages_at_once(
    two_servers, environment, article, editor, reviewer
):
    one, other = two_servers
    url = article.get_absolute_url()
    _status, first, _page = get(one + url)
    status, _headers, _page = get(other + url, **{"If-None-Match": first["ETag"]})
    assert status == 304  # the same validators on every server
    import redis

    pages = redis.Redis.from_url(environment["REDIS_URL"]).keys("pages:*pagecache:page:*")
    assert len(pages) == 1  # made by one, kept for both

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
    revision.approve(reviewer, what_changed="Checked against current guidance.")
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
