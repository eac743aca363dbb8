"""Leases: with several replicas on one Redis, each source is polled by one of them.

A lease is a key per source (``keys.lease(id)``) holding its owner's token, set with ``NX PX`` and a
time-to-live of ``lease_ttl``. The owner renews every lease it holds each third of that time (in one
pipelined round trip), and polls only while the lease is certainly its own: renewed less than half a
ttl ago, else re-checked with one atomic script right before the poll. So two replicas never poll a
source in the same interval. The other replicas try to take it every third of ``lease_ttl``; a replica that
dies stops renewing, its keys expire, and another replica takes its sources over within one lease
period (plus a third for the next try). A stopping replica releases its leases at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
import time
import uuid
from typing import Any

from redis.asyncio import Redis

from service.streams import Keys

log = logging.getLogger("corridor_watch.watch")

# Take or renew: ours -> extend (RENEWED); free -> take (TAKEN); someone else's -> 0.
RENEWED, TAKEN = 1, 2
_HOLD = """
local owner = redis.call('GET', KEYS[1])
if owner == ARGV[1] then redis.call('PEXPIRE', KEYS[1], ARGV[2]) return 1 end
if not owner then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 2 end
return 0
"""
_RELEASE = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""


def make_token() -> str:
    """Who holds a lease: host, pid and a random part (a restarted pid is another owner)."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


class Leases:
    """This replica's leases: `hold` before a poll, `run` to renew them, `release_all` on stop."""

    def __init__(self, redis: Redis, keys: Keys, ttl: float, token: str | None = None) -> None:
        self.redis = redis
        self.keys = keys
        self.ttl = ttl
        self.token = token or make_token()
        self.held: set[str] = set()
        self._renewed: dict[str, float] = {}  # source id -> monotonic time of the last take / renewal
        self._hold: Any = redis.register_script(_HOLD)
        self._release: Any = redis.register_script(_RELEASE)

    @property
    def retry_every(self) -> float:
        """How often a replica that does not hold a lease tries to take it (and the renewal period)."""
        return max(0.05, self.ttl / 3)

    async def hold(self, source_id: str) -> int:
        """Take or renew the lease of `source_id`: `RENEWED`, `TAKEN` (it was free: expired, released, or
        Redis lost it, so whatever this replica remembers about the source may be stale) or 0 when
        another replica holds it."""
        asked_at = time.monotonic()  # before the call: the lease runs at least ttl from here
        outcome = int(await self._hold(keys=[self.keys.lease(source_id)], args=[self.token, self._ttl_ms]))
        ok = outcome != 0
        if ok and source_id not in self.held:
            log.info("[watch] %s: lease taken (%s)", source_id, self.token)
        elif not ok and source_id in self.held:
            log.warning("[watch] %s: lease lost to another replica", source_id)
        if ok:
            self.held.add(source_id)
            self._renewed[source_id] = asked_at
        else:
            self.held.discard(source_id)
        return outcome

    def valid(self, source_id: str) -> bool:
        """Held, and taken or renewed less than half a ttl ago: no other replica can hold it now, so a
        poll may go ahead without asking Redis (the renewal task keeps it so)."""
        renewed = self._renewed.get(source_id)
        return source_id in self.held and renewed is not None and time.monotonic() - renewed < self.ttl / 2

    async def renew(self) -> None:
        """Renew, in one round trip, every lease held that no poll renewed in the last `retry_every`
        (a source polled more often than that renews its lease itself); a lease found taken is dropped."""
        due = time.monotonic() - self.retry_every * 0.9
        ids = sorted(sid for sid in self.held if self._renewed.get(sid, 0.0) <= due)
        if not ids:
            return
        renewed_at = time.monotonic()  # before the call, as in `hold`
        async with self.redis.pipeline(transaction=False) as pipe:
            for source_id in ids:
                await self._hold(keys=[self.keys.lease(source_id)], args=[self.token, self._ttl_ms], client=pipe)
            results = await pipe.execute()
        for source_id, ok in zip(ids, results, strict=True):
            if ok:
                self._renewed[source_id] = renewed_at
            else:
                log.warning("[watch] %s: lease lost to another replica", source_id)
                self.held.discard(source_id)

    async def run(self, stop: asyncio.Event) -> None:
        """Renew held leases every `retry_every` until `stop`, then release them."""
        try:
            while not stop.is_set():
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), self.retry_every)
                if stop.is_set():
                    break
                try:
                    await self.renew()
                except Exception as exc:  # Redis down: the leases expire; hold() decides before each poll
                    log.warning("[watch] cannot renew %d leases: %s: %s", len(self.held), type(exc).__name__, exc)
        finally:
            await self.release_all()

    async def release_all(self) -> None:
        ids, self.held = sorted(self.held), set()
        for source_id in ids:
            with contextlib.suppress(Exception):  # unreleased leases expire on their own
                await self._release(keys=[self.keys.lease(source_id)], args=[self.token])

    @property
    def _ttl_ms(self) -> int:
        return max(1, int(self.ttl * 1000))
