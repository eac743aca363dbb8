"""Leases: with several replicas on one Redis, each source is polled by one of them.

A lease is a key per source (``keys.lease(id)``) holding its owner's token, set with ``NX PX`` and a
time-to-live of ``lease_ttl``. The owner renews every lease it holds each third of that time, and
re-checks a lease (one atomic script) right before each poll, so two replicas never poll a source in
the same interval. The other replicas try to take it every third of ``lease_ttl``; a replica that
dies stops renewing, its keys expire, and another replica takes its sources over within one lease
period (plus a third for the next try). A stopping replica releases its leases at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
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
        outcome = int(await self._hold(keys=[self.keys.lease(source_id)], args=[self.token, self._ttl_ms]))
        ok = outcome != 0
        if ok and source_id not in self.held:
            log.info("[watch] %s: lease taken (%s)", source_id, self.token)
        elif not ok and source_id in self.held:
            log.warning("[watch] %s: lease lost to another replica", source_id)
        (self.held.add if ok else self.held.discard)(source_id)
        return outcome

    async def renew(self) -> None:
        """Renew every lease held, in one round trip; a lease found taken is dropped."""
        if not self.held:
            return
        ids = sorted(self.held)
        async with self.redis.pipeline(transaction=False) as pipe:
            for source_id in ids:
                await self._hold(keys=[self.keys.lease(source_id)], args=[self.token, self._ttl_ms], client=pipe)
            results = await pipe.execute()
        for source_id, ok in zip(ids, results, strict=True):
            if not ok:
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
