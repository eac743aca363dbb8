"""The state hash of one source, ``keys.source_state(source.id)``: written by its watcher, read by
``/health/ready`` and ``corridor-watch sources list``.

Fields (all strings; times are epoch seconds; an empty string means "none"):

- ``first_attempt``        the first poll ever made (written once)
- ``last_attempt``         the start of the latest poll (written when it ends, with its outcome)
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

# HSET only into a hash that still exists (1), else nothing (0): a cached copy must not outlive Redis's data.
_UPDATE_EXISTING = """
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], unpack(ARGV))
return 1
"""


def text(value: Any) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


async def read_state(redis: Redis, key: str) -> dict[str, str]:
    raw: Any = await redis.hgetall(key)
    return {text(k): text(v) for k, v in raw.items()}


class SourceState:
    """Reads and writes one source's state hash. A poll costs one write at its end (with the next poll
    time folded in). With `cached` (a replica holding the source's lease is its only writer) the hash
    is read once and then kept in memory; `forget` drops that copy (a lease just taken over)."""

    def __init__(self, redis: Redis, key: str, owner: str = "", *, cached: bool = False) -> None:
        self.redis = redis
        self.key = key
        self.owner = owner
        self.cached = cached
        self._copy: dict[str, str] | None = None
        self._attempt = "0"
        self._update: Any = redis.register_script(_UPDATE_EXISTING)

    async def begin(self) -> dict[str, str]:
        """Note the attempt's start; the state as it was (read from Redis unless cached)."""
        self._attempt = str(time.time())
        if self._copy is None or not self.cached:
            async with self.redis.pipeline(transaction=False) as pipe:
                pipe.hsetnx(self.key, "first_attempt", self._attempt)
                pipe.hgetall(self.key)
                _, raw = await pipe.execute()
            self._copy = {text(k): text(v) for k, v in raw.items()}
        return dict(self._copy)

    def forget(self) -> None:
        self._copy = None

    async def succeeded(self, url: str, validators: Validators, next_poll: float | None = None) -> None:
        await self._write({
            "last_success": str(time.time()),
            "consecutive_failures": "0",
            "url": url,
            "etag": validators.etag or "",
            "last_modified": validators.last_modified or "",
        }, next_poll)

    async def failed(self, reason: str, next_poll: float | None = None) -> int:
        """Record a failure; the number of failures in a row now."""
        failures = int((self._copy or {}).get("consecutive_failures") or 0) + 1
        if not self.cached or self._copy is None:
            failures = int(await self.redis.hincrby(self.key, "consecutive_failures", 1))
        await self._write({"consecutive_failures": str(failures), "last_error": reason,
                           "last_error_at": str(time.time())}, next_poll)
        return failures

    async def _write(self, values: dict[str, str], next_poll: float | None) -> None:
        fields = {**values, "last_attempt": self._attempt, "polled_by": self.owner}
        if next_poll is not None:
            fields["next_poll"] = str(next_poll)
        if self.cached and self._copy is not None:
            args = [item for pair in fields.items() for item in pair]
            if await self._update(keys=[self.key], args=args):
                self._copy.update(fields)
                return
            # The hash is gone: Redis lost its data (restarted empty). The seen-store went with it, so
            # the validators must go too: the next poll fetches in full and republishes what it finds.
            self._copy = None
            fields.update(etag="", last_modified="")
        # redis-py types `mapping` with an invariant key type that no dict[str, str] matches
        await self.redis.hset(self.key, mapping=fields)  # type: ignore[arg-type]

    async def published(self, *, revision: bool) -> None:
        async with self.redis.pipeline(transaction=False) as pipe:
            pipe.hincrby(self.key, "documents_published", 1)
            if revision:
                pipe.hincrby(self.key, "revisions_published", 1)
            await pipe.execute()

    async def next_poll(self, when: float) -> None:
        await self.redis.hset(self.key, "next_poll", str(when))
        if self._copy is not None:
            self._copy["next_poll"] = str(when)

    async def stored_next_poll(self) -> float:
        value: Any = await self.redis.hget(self.key, "next_poll")
        try:
            return float(text(value)) if value else 0.0
        except ValueError:
            return 0.0
