"""The poll loop of one source: read, publish what is new or revised, remember it, record the state.

Seen-store (`watchers.seen`): entry key (GUID, else canonical URL) -> content hash (and revision) of
what was published. An entry is published once; its seen mark is written only AFTER the publish
succeeded, so a crash in between republishes (downstream is idempotent by ``id:content_hash``)
rather than loses it. Entries are published oldest first. An entry seen before whose content
changed is published again as a revision: same ``id``, new ``content_hash``, ``revision`` + 1, so the
extract stage (done-marker ``id:content_hash``) processes it again while it stays the same document.

Source state (`watchers.state`): last attempt / success / error, failures in a row, next poll,
documents published, validators. Scheduling: the interval with jitter, never less than the server's
own lower bound (RSS ``<ttl>``, ``Cache-Control: max-age``, ``Retry-After`` on 429/503, each capped by
``max_server_delay``); after failures a capped exponential backoff with jitter, never parked.
With `Leases`, a poll happens only while this replica holds the source's lease (`watchers.lease`).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import time
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
from redis.asyncio import Redis
from redis.exceptions import RedisError

from service.errors import SourceError
from service.metrics import DOCUMENTS_PUBLISHED, FETCH_SECONDS, POLLS
from service.models import Document
from service.settings import SourcesSettings
from service.streams import Keys
from watchers.fetch import Fetcher, Validators
from watchers.kinds import Harvest, ReadContext, read_source
from watchers.lease import TAKEN, Leases
from watchers.rss import Entry
from watchers.schedule import PollResult, StopWatch, next_delay
from watchers.seen import Mark, SeenStore
from watchers.sources import Source
from watchers.state import SourceState

__all__ = ["PollResult", "Publish", "Wait", "Watcher", "next_delay"]  # PollResult, next_delay: watchers.schedule
log = logging.getLogger("corridor_watch.watch")

Publish = Callable[[Document], Awaitable[None]]
Wait = Callable[[asyncio.Event, float], Awaitable[bool]]  # True when `stop` was set meanwhile


class Watcher:
    """Polls one source; `poll_once` for a single poll, `run` for the loop until `stop` is set."""

    def __init__(
        self, source: Source, *, http: httpx.AsyncClient, redis: Redis, keys: Keys, settings: SourcesSettings,
        publish: Publish, rng: random.Random | None = None, fetcher: Fetcher | None = None,
        leases: Leases | None = None, wait: Wait | None = None, gate: asyncio.Semaphore | None = None,
    ) -> None:
        self.source = source
        self._settings = settings
        self._publish = publish
        self._rng = rng or random.Random()
        self._leases = leases
        self._stopwatch = StopWatch()
        self._wait = wait or self._stopwatch.wait
        self._gate = gate  # shared by a process's watchers: polls in progress at once
        self._ctx_fetcher = fetcher or Fetcher(http, settings)
        self._seen = SeenStore(redis, keys.seen(source.id), settings.seen_ttl, settings.seen_max)
        # With a lease this replica is the state's only writer: read it once, then keep it in memory.
        self._state = SourceState(redis, keys.source_state(source.id), leases.token if leases else "",
                                  cached=leases is not None)
        self._server_floor: float | None = None
        self._holding = False
        self._failures = 0  # failed polls in a row, as the loop counts them
        self._scheduling = False  # in `run`: each poll's state write carries the next poll's time
        self._planned: float | None = None
        self._context = ReadContext(self._ctx_fetcher, self._seen.unseen)
        self._fetch_seconds = FETCH_SECONDS.labels(source.id)
        self._polls = {outcome: POLLS.labels(source.id, outcome) for outcome in ("ok", "not_modified", "error")}

    async def poll_once(self) -> PollResult:
        """Poll once. A failure is recorded and returned (`error`), not raised; Redis errors raise."""
        state = await self._state.begin()
        failures_before = int(state.get("consecutive_failures") or 0)
        try:
            result = await self._poll(state)
        except SourceError as exc:
            return await self._failed(exc.reason, state, retry_after=exc.retry_after)
        except Exception as exc:  # a bug, or Redis failing mid-poll: recorded with its traceback
            return await self._failed(f"{type(exc).__name__}: {exc}", state, crash=exc)
        if failures_before:
            log.info("[watch] %s: recovered after %d failed polls", self.source.id, failures_before)
        return result

    async def run(self, stop: asyncio.Event) -> None:
        """Poll when due (holding the lease, if any), then schedule the next poll, until `stop`."""
        self._scheduling = True
        try:
            await self._loop(stop)
        finally:
            self._stopwatch.close()

    async def _loop(self, stop: asyncio.Event) -> None:
        unrecorded = 0
        due = time.time()
        while not stop.is_set():
            if self._leases is not None:
                gained = await self._take_turn(stop)
                if gained is None:
                    return
                if gained:  # taken over: the previous holder's schedule and state stand
                    self._state.forget()
                    async with self._slot():
                        due = max(due, await self._state.stored_next_poll())
            if await self._wait(stop, due - time.time()):
                return
            if self._leases is not None and not await self._still_mine():
                continue
            self._planned = None
            try:
                result = await self._poll_unless_stopped(stop)
                if result is None:
                    return
                self._failures = 0 if result.error is None else self._failures + 1
                unrecorded = 0
            except Exception as exc:  # Redis unreachable, so not even the failure is recorded
                self._failures, unrecorded, result = self._failures + 1, unrecorded + 1, None
                self._state.forget()
                if unrecorded == 1:  # once per streak; the traceback only when it is not Redis
                    log.error("[watch] %s: cannot poll or record the poll: %s: %s", self.source.id,
                              type(exc).__name__, exc, exc_info=not isinstance(exc, RedisError))
            if self._planned is not None:  # written with the poll's outcome
                due = self._planned
                continue
            due = time.time() + self._delay(self._failures, result)
            if not unrecorded:
                await self._note_next_poll(due)

    def _plan(self, result: PollResult) -> float | None:
        """In `run`: when the poll after this one is due (written with this poll's outcome)."""
        if not self._scheduling:
            return None
        self._planned = time.time() + self._delay(self._failures + 1 if result.error else 0, result)
        return self._planned

    def _delay(self, failures: int, result: PollResult | None) -> float:
        delay = next_delay(self.source.interval, failures, self._settings.backoff_max, self._rng)
        floor = result.min_delay if result is not None else None
        return max(delay, min(floor, self._settings.max_server_delay)) if floor else delay

    async def _take_turn(self, stop: asyncio.Event) -> bool | None:
        """Until this replica holds the lease: True when just taken, False when held already, None: stop."""
        assert self._leases is not None
        while not stop.is_set():
            if self._holding and self.source.id in self._leases.held:
                return False
            if await self._still_mine():
                return True
            if await self._wait(stop, self._leases.retry_every):
                return None
        return None

    async def _still_mine(self) -> bool:
        """Take or renew the lease right now (one atomic script). Taken afresh (it had expired, or Redis
        lost it): what this watcher remembers of the state may be stale, so it is read again."""
        assert self._leases is not None
        if self._holding and self._leases.valid(self.source.id):
            return True
        try:
            async with self._slot():
                outcome = await self._leases.hold(self.source.id)
        except Exception as exc:  # Redis down: no lease, no poll; try again later
            log.debug("[watch] %s: cannot check the lease: %s", self.source.id, exc)
            outcome = 0
        if outcome == TAKEN:
            self._state.forget()
        self._holding = outcome != 0
        return self._holding

    async def _poll_unless_stopped(self, stop: asyncio.Event) -> PollResult | None:
        """`poll_once`, cancelled when `stop` is set meanwhile (None then). Cancelling is safe: an entry
        published but not yet marked seen is published again on the next start."""
        poll = asyncio.create_task(self._gated_poll(), name=f"poll:{self.source.id}")
        try:
            await asyncio.wait({poll, self._stopwatch.task(stop)}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            if not poll.done():
                poll.cancel()
                await asyncio.wait({poll})
        if poll.cancelled():
            log.info("[watch] %s: stopped during a poll", self.source.id)
            return None
        return poll.result()

    def _slot(self) -> contextlib.AbstractAsyncContextManager[Any]:
        """One of the process's `parallel_polls` slots: every Redis or HTTP step of a watcher takes one."""
        return self._gate if self._gate is not None else contextlib.nullcontext()

    async def _gated_poll(self) -> PollResult:
        async with self._slot():
            return await self.poll_once()

    # --- one poll ---------------------------------------------------------------------------------
    async def _poll(self, state: dict[str, str]) -> PollResult:
        validators = Validators()
        if state.get("url") == self.source.url:  # validators of another URL mean nothing here
            validators = Validators(state.get("etag") or None, state.get("last_modified") or None)
        started = time.perf_counter()
        try:
            harvest = await read_source(self.source, self._context, validators)
        finally:
            self._fetch_seconds.observe(time.perf_counter() - started)
        floor = self._remember_floor(harvest)
        if harvest.entries is None:
            result = PollResult(unchanged=True, min_delay=floor)
            await self._state.succeeded(self.source.url, harvest.validators, self._plan(result))
            self._polls["not_modified"].inc()
            log.debug("[watch] %s: not modified", self.source.id)
            return result
        new, revised = await self._publish_new(harvest.entries)
        if new and (pruned := await self._seen.prune(harvest.present)):
            log.info("[watch] %s: seen-store over %d marks: dropped %d of entries no longer listed",
                     self.source.id, self._settings.seen_max, pruned)
        result = PollResult(new=new, revised=revised, min_delay=floor)
        await self._state.succeeded(self.source.url, harvest.validators, self._plan(result))
        self._polls["ok"].inc()
        if new:
            log.info("[watch] %s: %d new document%s%s", self.source.id, new, "" if new == 1 else "s",
                     f" ({revised} revised)" if revised else "")
        else:
            log.debug("[watch] %s: nothing new in %d entries", self.source.id, len(harvest.entries))
        return result

    def _remember_floor(self, harvest: Harvest) -> float | None:
        """The server's lower bound: a fresh one from this response, else (on a 304) the last known."""
        if harvest.min_interval is not None or harvest.entries is not None:
            self._server_floor = harvest.min_interval
        return self._server_floor

    async def _publish_new(self, entries: list[Entry]) -> tuple[int, int]:
        """Publish unseen entries and changed ones (as revisions), oldest first; (published, revised)."""
        unique: dict[str, Entry] = {}
        for entry in reversed(entries):
            unique.setdefault(entry.key, entry)
        oldest_first = list(unique.values())
        new = revised = 0
        for entry, mark in zip(oldest_first, await self._seen.marks([e.key for e in oldest_first]), strict=True):
            document = entry.document
            if mark is not None:
                if mark.content_hash == document.content_hash:
                    continue
                document = document.model_copy(update={"revision": mark.revision + 1})
                log.info("[watch] %s: entry %s changed; publishing revision %d", self.source.id, entry.key,
                         document.revision)
            try:
                await self._publish(document)
            except Exception as exc:  # the broker, not the source: still this poll's failure
                raise SourceError(self.source.id, f"publish failed: {type(exc).__name__}: {exc}") from exc
            await self._seen.remember(entry.key, Mark(document.content_hash, document.revision))
            await self._state.published(revision=mark is not None)
            DOCUMENTS_PUBLISHED.labels(self.source.id).inc()
            new += 1
            revised += mark is not None
        return new, revised

    async def _failed(
        self, reason: str, state: dict[str, str], *, crash: BaseException | None = None,
        retry_after: float | None = None,
    ) -> PollResult:
        """Record a failure; log it once per streak (again only when the reason changes)."""
        result = PollResult(error=reason, min_delay=retry_after)
        failures = await self._state.failed(reason, self._plan(result))
        self._polls["error"].inc()
        if failures == 1 or state.get("last_error") != reason:
            log.warning("[watch] %s: poll failed: %s", self.source.id, reason, exc_info=crash)
        else:
            log.info("[watch] %s: still failing (%d polls in a row): %s", self.source.id, failures, reason)
        return result

    async def _note_next_poll(self, when: float) -> None:
        try:
            async with self._slot():
                await self._state.next_poll(when)
        except Exception as exc:  # the next poll records its own failure; this is only a hint
            log.debug("[watch] %s: cannot record next_poll: %s", self.source.id, exc)
