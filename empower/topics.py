"""Topic versions: what the public pages show, and when each part last changed.

A version is a time in microseconds that only ever grows. A change is bumped
after its transaction commits: a page rendered from the old data before that
was keyed by the old version, so it is never served again. A version the store
lost is made again from the clock: a new version, never an old one.

Two stores:

- Any Django cache (`CACHES["pages"]`: the database's table on one machine,
  memory for a developer): every read is one round trip.
- Redis (`REDIS_URL`): one script sets each version to the larger of the old
  one plus one and Redis's clock, and publishes it, so versions never go back
  and the messages come in the order of the changes. Each process mirrors the
  versions from those messages, keeping the larger value, so a page served from
  its memory costs no round trip. A mirror trusts itself only while Redis has
  confirmed its subscription and answered its last ping (`MIRROR_PING_SECONDS`);
  otherwise every read goes to Redis.
"""

import logging
import os
import threading
import time
from functools import cache as once

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache
from django.db import connection, transaction

logger = logging.getLogger(__name__)

PREFIX = "pagecache:topic:"
RUN_KEY = "pagecache:redis-run"
CHANNEL = "empower:pagecache:topics"
MIRROR_PING_SECONDS = 1.0
MIRROR_SIZE = 10_000
_SHORT_WAITS = {"socket_timeout": 0.5, "socket_connect_timeout": 0.5}

# KEYS: the versions; ARGV[1]: the channel; ARGV[2]: "bump", or "make" (only the missing).
_SET_AND_PUBLISH = """
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000000 + tonumber(clock[2])
local values, changes = {}, {}
for i, key in ipairs(KEYS) do
  local old = tonumber(redis.call('GET', key) or '0')
  local value = old
  if ARGV[2] == 'bump' or old == 0 then
    value = math.max(old + 1, now)
    local text = string.format('%.0f', value)  -- Lua would write 1.79e+15
    if ARGV[2] == 'bump' then
      redis.call('SET', key, text)
    else  -- asked for by a URL, maybe one that doesn't exist: made again if it goes
      redis.call('SET', key, text, 'EX', 2592000)
    end
    changes[#changes + 1] = key .. '=' .. text
  end
  values[i] = value
end
if #changes > 0 then redis.call('PUBLISH', ARGV[1], table.concat(changes, ' ')) end
return values
"""


def pages_cache():
    return caches["pages"]


def bump(*topics: str) -> None:
    """Mark every page that depends on `topics` as changed, once the change commits.

    Outside the database it happens at once too (tests run inside a transaction
    that never commits); a write to the database's cache table inside the
    writer's transaction would only hold its row until the commit.
    """
    if not topics:
        return
    if connection.in_atomic_block and not _in_the_database():
        _bump(topics)
    transaction.on_commit(lambda: _bump(topics), robust=True)


def _in_the_database() -> bool:
    return not settings.REDIS_URL and isinstance(pages_cache(), DatabaseCache)


# Topics whose bump failed (the cache was down): tried again with the next bump
# and, with Redis, by the listener, so a change is never lost.
_pending: set[str] = set()


def _bump(topics) -> None:
    topics = set(topics) | _pending
    try:
        store().bump(sorted(topics))
    except Exception:  # a cache outage must not lose the reader's or editor's change
        _pending.update(topics)
        logger.exception("Could not mark pages changed: %s", ", ".join(sorted(topics)))
    else:
        _pending.difference_update(topics)


def read_versions(topics: list[str], *also: str) -> tuple[list[int], dict]:
    """The topics' versions, and the pages cache's values for the `also` keys."""
    return store().read(topics, *also)


def store():
    return _redis_store(settings.REDIS_URL) if settings.REDIS_URL else _cache_store()


class CacheStore:
    """Versions in a Django cache: one round trip per read."""

    def bump(self, topics: list[str]) -> None:
        now = time.time_ns() // 1000
        pages_cache().set_many({PREFIX + topic: now for topic in topics}, timeout=None)

    def read(self, topics: list[str], *also: str) -> tuple[list[int], dict]:
        backend = pages_cache()
        keys = [PREFIX + topic for topic in topics]
        found = backend.get_many([*keys, *also])
        for key in keys:
            if key not in found:
                made = time.time_ns() // 1000
                backend.add(key, made, timeout=None)
                found[key] = backend.get(key) or made
        return [found[key] for key in keys], found


class RedisStore:
    """Versions in Redis, changed and published by one script, mirrored in memory."""

    def __init__(self, url: str):
        import redis

        # A request waits half a second for Redis at most, never a minute of retries.
        self.client = redis.Redis.from_url(url, **_SHORT_WAITS)
        self.script = self.client.register_script(_SET_AND_PUBLISH)
        self.mirror = Mirror(url)

    def bump(self, topics: list[str]) -> None:
        trust = self.mirror.token()
        self.mirror.learn(dict(zip(topics, self._run(topics, "bump"), strict=True)), trust)

    def read(self, topics: list[str], *also: str) -> tuple[list[int], dict]:
        known, trust = self.mirror.get(topics)
        missing = [topic for topic in topics if topic not in known]
        if missing:
            stored = self.client.mget([PREFIX + topic for topic in missing])
            values = self._run(missing, "make") if None in stored else [int(v or 0) for v in stored]
            fresh = dict(zip(missing, values, strict=True))
            self.mirror.learn(fresh, trust)
            known.update(fresh)
        found = pages_cache().get_many(list(also)) if also else {}
        return [known[topic] for topic in topics], found

    def _run(self, topics: list[str], mode: str) -> list[int]:
        return self.script(keys=[PREFIX + topic for topic in topics], args=[CHANNEL, mode])


class Mirror:
    """This process's copy of the versions, from Redis's messages; the larger
    value wins, so a slow read can't take a version back."""

    def __init__(self, url: str):
        self.url = url
        self.versions: dict[str, int] = {}
        self.trusted = False
        self.trusted_until = 0.0  # the listener's last word from Redis, plus a margin
        # Changes whenever trust is lost or won: a read from Redis that began before
        # that may predate a change whose message this mirror never got.
        self.trust = 0
        self.lock = threading.Lock()
        self.pid: int | None = None
        self.generation = 0  # a new listener, or none: the old one stops
        os.register_at_fork(after_in_child=self._forked)

    def get(self, topics: list[str]) -> tuple[dict[str, int], int | None]:
        """What the mirror knows of `topics`, and a token for `learn`; nothing
        unless Redis confirmed the subscription and spoke in the last seconds."""
        self._start()
        with self.lock:
            trust = self._token()
            if trust is None:
                return {}, None
            return {
                topic: self.versions[topic] for topic in topics if topic in self.versions
            }, trust

    def token(self) -> int | None:
        with self.lock:
            return self._token()

    def _token(self) -> int | None:
        return self.trust if self.trusted and time.monotonic() <= self.trusted_until else None

    def learn(self, versions: dict[str, int], trust: int | None) -> None:
        with self.lock:
            if self.trusted and trust == self.trust:
                if len(self.versions) > MIRROR_SIZE:
                    self.versions.clear()  # only a cost: what is missing is read again
                self._merge(versions)

    def _forked(self) -> None:
        self.lock = threading.Lock()  # the parent's may have been held at the fork
        self.pid = None

    def stop(self) -> None:
        with self.lock:
            self.generation += 1
            self.pid = None
            self._distrust()

    def _merge(self, versions: dict[str, int]) -> None:
        for topic, version in versions.items():
            if version > self.versions.get(topic, 0):
                self.versions[topic] = version

    def _distrust(self) -> None:
        self.trusted = False
        self.trust += 1
        self.versions.clear()

    def _start(self) -> None:
        # Once in each process: gunicorn forks its workers after importing the site.
        if self.pid == os.getpid():
            return
        with self.lock:
            if self.pid == os.getpid():
                return
            self.pid = os.getpid()
            self.generation += 1
            self._distrust()
            generation = self.generation
        threading.Thread(
            target=self._listen, args=(generation,), name="page-versions", daemon=True
        ).start()

    def _current(self, generation: int) -> bool:
        return self.generation == generation

    def _listen(self, generation: int) -> None:
        while self._current(generation):
            try:
                self._follow(generation)
            except Exception:
                if self._current(generation):
                    logger.warning("Page versions: no word from Redis; reading it directly")
            with self.lock:
                if self._current(generation):
                    self._distrust()
            if self._current(generation):
                time.sleep(MIRROR_PING_SECONDS)

    def _follow(self, generation: int) -> None:
        import redis
        from redis.backoff import NoBackoff
        from redis.retry import Retry

        # No silent retries: a lost connection must end the trust at once.
        client = redis.Redis.from_url(self.url, **_SHORT_WAITS, retry=Retry(NoBackoff(), 0))
        pubsub = client.pubsub()
        try:
            pubsub.subscribe(CHANNEL)
            pinged = 0.0
            while self._current(generation):
                if time.monotonic() - pinged > MIRROR_PING_SECONDS:
                    pubsub.ping()
                    pinged = time.monotonic()
                    if _pending:
                        _bump(())
                message = pubsub.get_message(timeout=MIRROR_PING_SECONDS / 4)
                if message is None:
                    continue
                with self.lock:
                    if not self._current(generation):
                        return
                    self.trusted_until = time.monotonic() + 3 * MIRROR_PING_SECONDS
                    if message["type"] == "subscribe":
                        self._distrust()
                        self.trusted = True  # from here on every change reaches us
                        self.trust += 1
                    elif message["type"] == "message":
                        self._merge(_parse(message["data"]))
                if message["type"] == "subscribe":
                    _after_a_restart(client)
        finally:
            pubsub.close()
            client.close()


def _after_a_restart(client) -> None:
    """A Redis restarted from a snapshot, or a replica promoted, may hold older
    versions than pages were made with: then every page is made again."""
    run = client.info("server")["run_id"]
    before = client.set(RUN_KEY, run, get=True)
    if before is not None and before.decode() != run:
        _bump(["site"])


def _parse(data: bytes) -> dict[str, int]:
    changes = {}
    for change in data.decode().split():
        key, _, value = change.rpartition("=")
        changes[key.removeprefix(PREFIX)] = int(value)
    return changes


@once
def _redis_store(url: str) -> RedisStore:
    return RedisStore(url)


@once
def _cache_store() -> CacheStore:
    return CacheStore()
