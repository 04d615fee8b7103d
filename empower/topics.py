"""Topic versions: what the public pages show, and when each part last changed.

A version is the time of the topic's last change, kept in the shared cache,
where every app server reads it. With Redis, each process also keeps a mirror
of the versions, which Redis pub/sub keeps current: every change is written to
the cache, then published, and a listening thread applies it. A page served
from the cache then costs no round trip at all. A mirror trusts itself only
while it is subscribed; before, and after a lost connection, every read goes to
the cache. Without Redis (the database's cache table, on one machine) every
read goes to the cache.
"""

import json
import logging
import os
import threading
import time
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

logger = logging.getLogger(__name__)

PREFIX = "pagecache:topic:"
CHANNEL = "empower:pagecache:topics"


def bump(*topics: str) -> None:
    """Mark every page that depends on `topics` as changed.

    Now, and again once the transaction commits: a page rendered in between
    from the data not yet committed is stored under the intermediate version,
    which the second bump retires.
    """
    if not topics:
        return
    _bump(topics)
    transaction.on_commit(lambda: _bump(topics))


def _bump(topics) -> None:
    changed = {topic: time.time_ns() for topic in topics}
    cache.set_many({PREFIX + topic: version for topic, version in changed.items()}, timeout=None)
    mirror.publish(changed)


def read_versions(topics: list[str], *also: str) -> tuple[list[int], dict]:
    """The topics' versions, and the cache's values for the `also` keys: from the
    mirror when it has them all, otherwise in one round trip to the cache."""
    known, epoch = mirror.get(topics)
    missing = [topic for topic in topics if topic not in known]
    found = {}
    if missing or also:
        keys = [PREFIX + topic for topic in missing]
        found = cache.get_many([*keys, *also])
        for topic, key in zip(missing, keys, strict=True):
            if key not in found:  # never bumped, or evicted: a new version, never an old one
                cache.add(key, time.time_ns(), timeout=None)
                found[key] = cache.get(key)
            known[topic] = found[key]
        mirror.learn({topic: known[topic] for topic in missing}, epoch)
    return [known[topic] for topic in topics], found


class Mirror:
    """This process's copy of the versions, kept current by Redis pub/sub."""

    def __init__(self) -> None:
        self.versions: dict[str, int] = {}
        self.epoch = 0  # changes with every message: a read that raced one is not kept
        self.listening = False
        self.lock = threading.Lock()
        self.pid: int | None = None
        self.publisher: Any = None  # a redis.Redis, made once per process
        self.pubsub: Any = None

    def get(self, topics) -> tuple[dict[str, int], int | None]:
        self._start()
        with self.lock:
            if not self.listening:
                return {}, None
            known = {topic: self.versions[topic] for topic in topics if topic in self.versions}
            return known, self.epoch

    def learn(self, versions: dict[str, int], epoch: int | None) -> None:
        with self.lock:
            if self.listening and epoch == self.epoch:
                self.versions.update(versions)

    def publish(self, versions: dict[str, int]) -> None:
        if not settings.REDIS_URL:
            return
        try:
            if self.publisher is None:
                import redis

                self.publisher = redis.Redis.from_url(settings.REDIS_URL)
            self.publisher.publish(CHANNEL, json.dumps(versions))
        except Exception:  # the cache holds the versions; mirrors resubscribe
            logger.warning("Could not publish page versions to Redis", exc_info=True)

    def _start(self) -> None:
        # In each process (gunicorn forks workers after importing the site).
        if self.pid == os.getpid() or not settings.REDIS_URL:
            return
        self.pid = os.getpid()
        self.publisher = None
        with self.lock:
            self.listening = False
            self.versions.clear()
        threading.Thread(target=self._listen, name="page-versions", daemon=True).start()

    def stop(self) -> None:
        """Stop listening (the thread ends): for tests, and before a fork."""
        self.pid = None
        with self.lock:
            self.listening = False
            self.versions.clear()
        if self.pubsub is not None:
            self.pubsub.close()

    def _listen(self) -> None:
        import redis

        me = os.getpid()
        while self.pid == me:
            try:
                self.pubsub = pubsub = redis.Redis.from_url(settings.REDIS_URL).pubsub()
                pubsub.subscribe(CHANNEL)
                for message in pubsub.listen():
                    with self.lock:
                        self.epoch += 1
                        if message["type"] == "subscribe":
                            # From here on every change reaches us: trust what we learn.
                            self.versions.clear()
                            self.listening = True
                        elif message["type"] == "message":
                            self.versions.update(json.loads(message["data"]))
            except Exception:
                if self.pid == me:
                    logger.warning("Page versions: lost Redis; reading the cache until back")
            with self.lock:
                self.listening = False
                self.versions.clear()
                self.epoch += 1
            if self.pid == me:
                time.sleep(1)


mirror = Mirror()
