"""Page versions in Redis: they never go back, every change is published in
order, and each process's mirror of them makes a cached page cost no round trip,
for as long as Redis answers."""

import os
import time

import pytest
from django.core.cache import caches
from django.test import Client

from empower import topics
from empower.topics import Mirror, RedisStore
from tests.servers import redis_server

pytestmark = pytest.mark.django_db


def eventually(check, seconds=5.0):
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, f"not within {seconds} seconds"
        time.sleep(0.01)


@pytest.fixture
def redis_url():
    with redis_server() as url:
        yield url


@pytest.fixture
def store(redis_url, settings):
    settings.REDIS_URL = redis_url
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": "pages",
        },
    }
    topics._redis_store.cache_clear()
    store = topics.store()
    store.mirror.get(["site"])  # starts this process's listener
    eventually(lambda: store.mirror.trusted)
    yield store
    store.mirror.stop()
    topics._redis_store.cache_clear()


def test_versions_only_grow_and_making_one_keeps_what_exists(store):
    def stored():
        return int(store.client.get(topics.PREFIX + "site"))

    [made] = store._run(["site"], "make")
    assert made == stored()
    bumps = [store._run(["site"], "bump")[0] for _ in range(3)]
    assert made < bumps[0] < bumps[1] < bumps[2] == stored()
    assert store._run(["site"], "make") == [stored()]  # making one that exists changes nothing
    eventually(lambda: store.mirror.versions.get("site") == stored())


def test_a_cached_page_costs_no_round_trip_once_the_mirror_listens(store, article, monkeypatch):
    url = article.get_absolute_url()
    Client().get(url)
    first = Client().get(url)
    asked = []
    monkeypatch.setattr(store.client, "mget", lambda keys: asked.append(keys) or [])
    monkeypatch.setattr(caches["pages"], "get_many", lambda keys: asked.append(keys) or {})
    monkeypatch.setattr(caches["pages"], "get", lambda key: asked.append(key))
    again = Client().get(url)
    assert asked == []
    assert again["ETag"] == first["ETag"]


def test_a_change_reaches_every_mirror_at_once(store, article, redis_url):
    url = article.get_absolute_url()
    before = Client().get(url)["ETag"]
    other = RedisStore(redis_url)  # another app server's
    other.mirror.get(["site"])
    eventually(lambda: other.mirror.trusted)
    try:
        article.condition.name = "Hemifacial spasm (HFS)"
        article.condition.save()
        stored = int(store.client.get(topics.PREFIX + "site"))
        eventually(lambda: store.mirror.versions.get("site") == stored, seconds=1)
        eventually(lambda: other.mirror.versions.get("site") == stored, seconds=1)
        page = Client().get(url)
        assert page["ETag"] != before
        assert "Hemifacial spasm (HFS)" in page.text
    finally:
        other.mirror.stop()


def test_a_mirror_that_stops_hearing_from_redis_stops_trusting_itself(settings):
    with redis_server() as url:
        mirror = Mirror(url)
        mirror.get(["site"])
        eventually(lambda: mirror.trusted)
    try:
        eventually(lambda: not mirror.trusted)  # Redis is gone
        assert mirror.get(["site"]) == ({}, None)
    finally:
        mirror.stop()


def trusting(mirror):
    mirror.trusted, mirror.trusted_until = True, time.monotonic() + 60
    return mirror.token()


def test_a_slow_read_never_takes_a_version_back():
    mirror = Mirror("redis://unused")
    trust = trusting(mirror)
    mirror.learn({"site": 20}, trust)
    mirror.learn({"site": 10}, trust)  # read from Redis before the change that made 20
    assert mirror.versions["site"] == 20


def test_a_read_begun_before_trust_was_won_or_lost_is_not_kept():
    mirror = Mirror("redis://unused")
    before = mirror.token()
    assert before is None  # not subscribed: nothing is trusted, nothing learnt
    mirror.learn({"site": 30}, before)
    assert mirror.versions == {}
    trust = trusting(mirror)
    mirror._distrust()  # the connection dropped while a read was under way
    mirror.trusted = True
    mirror.trust += 1  # and came back: messages in between may be lost
    mirror.learn({"site": 40}, trust)
    assert "site" not in mirror.versions


def test_a_mirror_without_word_from_redis_for_seconds_trusts_nothing():
    mirror = Mirror("redis://unused")
    trusting(mirror)
    mirror.versions["site"] = 5
    mirror.trusted_until = time.monotonic() - 0.001
    mirror.pid = os.getpid()  # no listener thread for this test
    assert mirror.get(["site"]) == ({}, None)


def test_a_redis_that_restarted_from_old_data_makes_every_page_again(store):
    store.client.set(topics.RUN_KEY, "an-earlier-redis")
    [before] = store._run(["site"], "make")
    topics._after_a_restart(store.client)
    assert int(store.client.get(topics.PREFIX + "site")) > before
    topics._after_a_restart(store.client)  # the same Redis: nothing to do
    assert store.client.get(topics.RUN_KEY).decode() == store.client.info("server")["run_id"]


def test_a_bump_that_failed_is_made_with_the_next(monkeypatch, settings):
    calls = []

    class Flaky:
        def bump(self, names):
            calls.append(names)
            if len(calls) == 1:
                raise ConnectionError("the cache is down")

    monkeypatch.setattr(topics, "store", lambda: Flaky())
    topics._bump(["article:botox"])
    topics._bump(["site"])
    assert calls == [["article:botox"], ["article:botox", "site"]]
    assert topics._pending == set()
