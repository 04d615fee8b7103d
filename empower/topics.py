"""Topic versions: what the public pages show, and when each part last changed.

A version is the time of the topic's last change, kept in the pages' cache
(`CACHES["pages"]`), where every app server reads it. A change is bumped after
its transaction commits: a page rendered from the old data before that was
keyed by the old version, so it is never served again. A version the cache
lost is made again from the clock: a new version, never an old one.
"""

import logging
import time

from django.core.cache import caches
from django.db import connection, transaction

logger = logging.getLogger(__name__)

PREFIX = "pagecache:topic:"


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
    if not _in_this_database():
        _bump(topics)
    transaction.on_commit(lambda: _bump(topics), robust=True)


def _in_this_database() -> bool:
    backend = pages_cache()
    return type(backend).__name__ == "DatabaseCache" and connection.in_atomic_block


def _bump(topics) -> None:
    now = time.time_ns()
    try:
        pages_cache().set_many({PREFIX + topic: now for topic in topics}, timeout=None)
    except Exception:  # a cache outage must not lose the reader's or editor's change
        logger.exception("Could not mark pages changed: %s", ", ".join(topics))


def read_versions(topics: list[str], *also: str) -> tuple[list[int], dict]:
    """The topics' versions, and the cache's values for the `also` keys, in one
    round trip to the cache."""
    backend = pages_cache()
    keys = [PREFIX + topic for topic in topics]
    found = backend.get_many([*keys, *also])
    for key in keys:
        if key not in found:  # never bumped, or evicted: a new version, never an old one
            backend.add(key, time.time_ns(), timeout=None)
            found[key] = backend.get(key)
    return [found[key] for key in keys], found
