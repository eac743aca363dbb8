"""The poll loop of one source: read, publish what is new, remember it, record the source's state.

Seen-store: hash ``keys.seen(source.id)``, entry key (GUID, else canonical link) -> content hash of
what was published. An entry is published once; its seen mark is written only AFTER the publish
succeeded, so a crash in between republishes (downstream is idempotent by document id) rather than
loses it. Entries are published oldest first. An entry seen before whose content changed is logged
at DEBUG and not published again.

Source state: hash ``keys.source_state(source.id)``, read by the health endpoint. Fields (all
strings; times are epoch seconds; an empty string means "none"):

- ``first_attempt``        the first poll ever made (written once)
- ``last_attempt``         the start of the latest poll
- ``last_success``         the end of the latest successful poll (a 304 is a success)
- ``last_error``           the reason of the latest failure (kept after recovery; see the counter)
- ``last_error_at``        when that failure happened
- ``consecutive_failures`` failed polls in a row; 0 after a success
- ``next_poll``            when the next poll is due
- ``documents_published``  documents published from this source, ever
- ``etag``, ``last_modified``  validators of the last fully published response (conditional GET).
  They are stored only after every new entry was published, so a failed publish is retried in full
  instead of being hidden behind a 304.
- ``url``                  the URL those validators belong to (a changed catalogue URL drops them)
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import httpx
from redis.asyncio import Redis
from redis.exceptions import RedisError

from service.errors import SourceError
from service.metrics import DOCUMENTS_PUBLISHED, FETCH_SECONDS, POLLS
from service.models import Document
from service.settings import SourcesSettings
from service.streams import Keys
from watchers.fetch import Validators
from watchers.kinds import read_source
from watchers.rss import Entry
from watchers.sources import Source

log = logging.getLogger("corridor_watch.watch")

Publish = Callable[[Document], Awaitable[None]]
BACKOFF_BASE = 30.0  # first retry after a failure: at most this, or the interval if shorter
MIN_DELAY = 1.0


@dataclass(frozen=True)
class PollResult:
    """One poll: `new` documents published; `unchanged` when the source said "not modified"."""

    new: int = 0
    unchanged: bool = False
    error: str | None = None


def next_delay(interval: float, failures: int, backoff_max: float, rng: random.Random) -> float:
    """Seconds until the next poll: the interval ±5 %, or after failures a capped exponential backoff
    with jitter (half fixed, half random). The cap keeps a failing source polled, never parked."""
    if failures <= 0:
        return max(MIN_DELAY, interval * rng.uniform(0.95, 1.05))
    base = min(interval, BACKOFF_BASE)
    delay = min(max(backoff_max, base), base * 2.0 ** min(failures - 1, 32))
    return max(MIN_DELAY, delay / 2 + rng.uniform(0, delay / 2))


class Watcher:
    """Polls one source; `poll_once` for a single poll, `run` for the loop until `stop` is set."""

    def __init__(
        self,
        source: Source,
        *,
        http: httpx.AsyncClient,
        redis: Redis,
        keys: Keys,
        settings: SourcesSettings,
        publish: Publish,
        rng: random.Random | None = None,
    ) -> None:
        self.source = source
        self._http = http
        self._redis = redis
        self._settings = settings
        self._publish = publish
        self._rng = rng or random.Random()
        self._seen_key = keys.seen(source.id)
        self._state_key = keys.source_state(source.id)

    async def poll_once(self) -> PollResult:
        """Poll once. A failure is recorded and returned (`error`), not raised; Redis errors raise."""
        state = await self._begin()
        failures_before = int(state.get("consecutive_failures") or 0)
        try:
            result = await self._poll(state)
        except SourceError as exc:
            return await self._failed(exc.reason, state)
        except Exception as exc:  # a bug, or Redis failing mid-poll: recorded with its traceback
            return await self._failed(f"{type(exc).__name__}: {exc}", state, crash=exc)
        if failures_before:
            log.info("[watch] %s: recovered after %d failed polls", self.source.id, failures_before)
        return result

    async def run(self, stop: asyncio.Event) -> None:
        """Poll, sleep the interval (or back off after a failure), until `stop` is set."""
        failures = unrecorded = 0
        while not stop.is_set():
            try:
                result = await self._poll_unless_stopped(stop)
                if result is None:
                    return
                failures = 0 if result.error is None else failures + 1
                unrecorded = 0
            except Exception as exc:  # Redis unreachable, so not even the failure is recorded
                failures += 1
                unrecorded += 1
                if unrecorded == 1:  # once per streak; the traceback only when it is not Redis
                    log.error("[watch] %s: cannot poll or record the poll: %s: %s", self.source.id,
                              type(exc).__name__, exc, exc_info=not isinstance(exc, RedisError))
            delay = next_delay(self.source.interval, failures, self._settings.backoff_max, self._rng)
            if not unrecorded:
                await self._note_next_poll(delay)
            try:
                await asyncio.wait_for(stop.wait(), timeout=delay)
            except TimeoutError:
                continue

    async def _poll_unless_stopped(self, stop: asyncio.Event) -> PollResult | None:
        """`poll_once`, cancelled when `stop` is set meanwhile (None then). Cancelling is safe: an entry
        published but not yet marked seen is published again on the next start."""
        poll = asyncio.create_task(self.poll_once(), name=f"poll:{self.source.id}")
        stopped = asyncio.create_task(stop.wait())
        try:
            await asyncio.wait({poll, stopped}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            stopped.cancel()
            if not poll.done():
                poll.cancel()
                await asyncio.wait({poll})
        if poll.cancelled():
            log.info("[watch] %s: stopped during a poll", self.source.id)
            return None
        return poll.result()

    # --- one poll ---------------------------------------------------------------------------------
    async def _begin(self) -> dict[str, str]:
        now = str(time.time())
        await self._redis.hsetnx(self._state_key, "first_attempt", now)
        await self._redis.hset(self._state_key, "last_attempt", now)
        raw: Any = await self._redis.hgetall(self._state_key)
        return {_text(k): _text(v) for k, v in raw.items()}

    async def _poll(self, state: dict[str, str]) -> PollResult:
        validators = Validators()
        if state.get("url") == self.source.url:  # validators of another URL mean nothing here
            validators = Validators(state.get("etag") or None, state.get("last_modified") or None)
        started = time.perf_counter()
        try:
            harvest = await read_source(self.source, http=self._http, settings=self._settings,
                                        validators=validators)
        finally:
            FETCH_SECONDS.labels(self.source.id).observe(time.perf_counter() - started)
        if harvest.entries is None:
            await self._succeeded(harvest.validators)
            POLLS.labels(self.source.id, "not_modified").inc()
            log.debug("[watch] %s: not modified", self.source.id)
            return PollResult(unchanged=True)
        new = await self._publish_new(harvest.entries)
        await self._succeeded(harvest.validators)
        POLLS.labels(self.source.id, "ok").inc()
        if new:
            log.info("[watch] %s: %d new document%s", self.source.id, new, "" if new == 1 else "s")
        else:
            log.debug("[watch] %s: nothing new in %d entries", self.source.id, len(harvest.entries))
        return PollResult(new=new)

    async def _publish_new(self, entries: list[Entry]) -> int:
        oldest_first = list(reversed(entries))
        marks: list[Any] = await self._redis.hmget(
            self._seen_key, [e.key for e in oldest_first]
        ) if oldest_first else []
        done: set[str] = set()
        new = 0
        for entry, mark in zip(oldest_first, marks, strict=True):
            if entry.key in done:
                continue
            done.add(entry.key)
            if mark is not None:
                if _text(mark) != entry.document.content_hash:
                    log.debug("[watch] %s: entry %s changed since published; not republished",
                              self.source.id, entry.key)
                continue
            try:
                await self._publish(entry.document)
            except Exception as exc:  # the broker, not the source: still this poll's failure
                raise SourceError(self.source.id, f"publish failed: {type(exc).__name__}: {exc}") from exc
            await self._redis.hset(self._seen_key, entry.key, entry.document.content_hash)
            await self._redis.hincrby(self._state_key, "documents_published", 1)
            DOCUMENTS_PUBLISHED.labels(self.source.id).inc()
            new += 1
        return new

    async def _succeeded(self, validators: Validators) -> None:
        await self._redis.hset(self._state_key, mapping={
            "last_success": str(time.time()),
            "consecutive_failures": "0",
            "url": self.source.url,
            "etag": validators.etag or "",
            "last_modified": validators.last_modified or "",
        })

    async def _failed(
        self, reason: str, state: dict[str, str], *, crash: BaseException | None = None
    ) -> PollResult:
        """Record a failure; log it once per streak (again only when the reason changes)."""
        failures: int = await self._redis.hincrby(self._state_key, "consecutive_failures", 1)
        await self._redis.hset(self._state_key, mapping={
            "last_error": reason, "last_error_at": str(time.time()),
        })
        POLLS.labels(self.source.id, "error").inc()
        if failures == 1 or state.get("last_error") != reason:
            log.warning("[watch] %s: poll failed: %s", self.source.id, reason, exc_info=crash)
        else:
            log.info("[watch] %s: still failing (%d polls in a row): %s", self.source.id, failures, reason)
        return PollResult(error=reason)

    async def _note_next_poll(self, delay: float) -> None:
        try:
            await self._redis.hset(self._state_key, "next_poll", str(time.time() + delay))
        except Exception as exc:  # the next poll records its own failure; this is only a hint
            log.debug("[watch] %s: cannot record next_poll: %s", self.source.id, exc)


def _text(value: Any) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
