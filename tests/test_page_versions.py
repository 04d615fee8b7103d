"""Page versions with Redis: each process mirrors them, kept current by pub/sub,
so a page from the cache costs no round trip, and a change is seen at once."""

import time

import pytest
from django.core.cache import cache, caches
from django.test import Client

from empower import topics
from empower.topics import Mirror, bump, read_versions
from tests.servers import redis_server

pytestmark = pytest.mark.django_db


def eventually(check, seconds=5.0):
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, "not within five seconds"
        time.sleep(0.01)


@pytest.fixture
def redis_cache(settings):
    with redis_server() as url:
        settings.REDIS_URL = url
        settings.CACHES = {
            "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
        }
        topics.mirror.stop()
        try:
            read_versions(["site"])  # starts this process's listener
            eventually(lambda: topics.mirror.listening)
            yield url
        finally:
            topics.mirror.stop()


def test_a_cached_page_costs_no_round_trip_once_the_mirror_listens(
    redis_cache, article, monkeypatch
):
    url = article.get_absolute_url()
    Client().get(url)
    first = Client().get(url)  # the versions are learnt
    asked = []
    monkeypatch.setattr(caches["default"], "get_many", lambda keys: asked.append(keys) or {})
    again = Client().get(url)
    assert asked == []
    assert again["ETag"] == first["ETag"]
    assert again.content.replace(b" ", b"")[:200] == first.content.replace(b" ", b"")[:200]


def test_a_change_reaches_every_mirror_at_once(redis_cache, article):
    url = article.get_absolute_url()
    before = Client().get(url)["ETag"]
    other = Mirror()  # another process's mirror, listening on the same Redis
    other.get(["site"])
    eventually(lambda: other.listening)
    try:
        bump("site")
        stored = cache.get(topics.PREFIX + "site")
        eventually(lambda: topics.mirror.versions.get("site") == stored)
        eventually(lambda: other.versions.get("site") == stored)
        assert Client().get(url)["ETag"] != before
    finally:
        other.stop()


def test_a_mirror_that_is_not_listening_reads_the_cache(settings):
    settings.REDIS_URL = ""
    mirror = Mirror()
    assert mirror.get(["site"]) == ({}, None)
    mirror.learn({"site": 1}, None)
    assert mirror.versions == {}


def test_a_version_read_while_a_change_arrived_is_not_kept():
    mirror = Mirror()
    mirror.listening = True
    known, epoch = mirror.get(["site"])
    assert known == {}
    mirror.epoch += 1  # a change arrived while this request read the cache
    mirror.learn({"site": 1}, epoch)
    assert "site" not in mirror.versions
    _known, epoch = mirror.get(["site"])
    mirror.learn({"site": 2}, epoch)
    assert mirror.versions["site"] == 2
