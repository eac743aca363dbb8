"""The state hash of one source, ``keys.source_state(source.id)``: written by its watcher, read by
``/health/ready`` and ``corridor-watch sources list``.

Fields (all strings; times are epoch seconds; an empty string means "none"):

- ``first_attempt``        the first poll ever made (written once)
- ``last_attempt``         the start of the latest poll
- ``last_success``         the end of the latest successful poll (a 304 is a success)
- ``last_error``           the reason of the latest failure (kept after recovery; see the counter)
- ``last_error_at``        when that failure happened
- ``consecutive_failures`` failed polls in a row; 0 after a success
- ``next_poll``            when the next poll is due (a replica taking the source over waits for it)
- ``documents_published``  documents published from this source, ever (revisions included)
- ``revisions_published``  of which revisions of a changed entry
- ``polled_by``            the lease token of the replica that made the latest poll
- ``etag``, ``last_modified``  validators of the last fully published response (conditional GET).
  They are stored only after every new entry was published, so a failed publish is retried in full
  instead of being hidden behind a 304.
- ``url``                  the URL those validators belong to (a changed catalogue URL drops them)
"""

from __future__ import annotations

import time
from typing import Any

from redis.asyncio import Redis

from watchers.fetch import Validators


def text(value: Any) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


async def read_state(redis: Redis, key: str) -> dict[str, str]:
    raw: Any = await redis.hgetall(key)
    return {text(k): text(v) for k, v in raw.items()}


class SourceState:
    def __init__(self, redis: Redis, key: str, owner: str = "") -> None:
        self.redis = redis
        self.key = key
        self.owner = owner

    async def begin(self) -> dict[str, str]:
        """Record the attempt; the state as it was (one round trip)."""
        now = str(time.time())
        async with self.redis.pipeline(transaction=False) as pipe:
            pipe.hsetnx(self.key, "first_attempt", now)
            pipe.hset(self.key, mapping={"last_attempt": now, "polled_by": self.owner})
            pipe.hgetall(self.key)
            *_, raw = await pipe.execute()
        return {text(k): text(v) for k, v in raw.items()}

    async def succeeded(self, url: str, validators: Validators) -> None:
        await self.redis.hset(self.key, mapping={
            "last_success": str(time.time()),
            "consecutive_failures": "0",
            "url": url,
            "etag": validators.etag or "",
            "last_modified": validators.last_modified or "",
        })

    async def failed(self, reason: str) -> int:
        """Record a failure; the number of failures in a row now."""
        async with self.redis.pipeline(transaction=False) as pipe:
            pipe.hincrby(self.key, "consecutive_failures", 1)
            pipe.hset(self.key, mapping={"last_error": reason, "last_error_at": str(time.time())})
            failures, _ = await pipe.execute()
        return int(failures)

    async def published(self, *, revision: bool) -> None:
        async with self.redis.pipeline(transaction=False) as pipe:
            pipe.hincrby(self.key, "documents_published", 1)
            if revision:
                pipe.hincrby(self.key, "revisions_published", 1)
            await pipe.execute()

    async def next_poll(self, when: float) -> None:
        await self.redis.hset(self.key, "next_poll", str(when))

    async def stored_next_poll(self) -> float:
        value: Any = await self.redis.hget(self.key, "next_poll")
        try:
            return float(text(value)) if value else 0.0
        except ValueError:
            return 0.0
