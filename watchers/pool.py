"""Run one watcher per enabled source until stop; one crashing watcher never stops the others.

The watchers of a process share one `Fetcher` (per-host request limit) and one `Leases` (which sources
this replica polls when several share one Redis; renewed by a task of its own, released on stop).
"""

from __future__ import annotations

import asyncio
import logging
import random

import httpx
from redis.asyncio import Redis

from service.settings import SourcesSettings
from service.streams import Keys
from watchers.base import Publish, Watcher
from watchers.fetch import Fetcher
from watchers.lease import Leases
from watchers.schedule import next_delay
from watchers.sources import Source

log = logging.getLogger("corridor_watch.watch")


async def run_watchers(
    sources: list[Source],
    *,
    http: httpx.AsyncClient,
    redis: Redis,
    keys: Keys,
    settings: SourcesSettings,
    publish: Publish,
    stop: asyncio.Event,
) -> None:
    """One task per ENABLED source, until `stop` is set; returns when every task has finished."""
    enabled = [s for s in sources if s.enabled]
    if not enabled:
        log.warning("[watch] no enabled sources: nothing to watch")
        await stop.wait()
        return
    log.info("[watch] watching %d sources: %s", len(enabled), ", ".join(s.id for s in enabled))
    fetcher = Fetcher(http, settings)  # one per-host limit for every source of this process
    leases = Leases(redis, keys, settings.lease_ttl)
    gate = asyncio.Semaphore(settings.parallel_polls)  # 1,000 sources due at once must not open 1,000 connections
    watchers = [
        Watcher(source, http=http, redis=redis, keys=keys, settings=settings, publish=publish, fetcher=fetcher,
                leases=leases, gate=gate)
        for source in enabled
    ]
    tasks = [asyncio.create_task(_supervise(w, stop, settings), name=f"watch:{w.source.id}") for w in watchers]
    tasks.append(asyncio.create_task(leases.run(stop), name="watch:leases"))
    try:
        await asyncio.gather(*tasks)
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)


async def _supervise(watcher: Watcher, stop: asyncio.Event, settings: SourcesSettings) -> None:
    """Restart a watcher whose loop crashed (a bug), after a backoff, until stop is set."""
    crashes = 0
    rng = random.Random()
    while not stop.is_set():
        try:
            await watcher.run(stop)
            return
        except Exception:
            crashes += 1
            log.exception("[watch] %s: watcher crashed (%d); restarting", watcher.source.id, crashes)
        delay = next_delay(watcher.source.interval, crashes, settings.backoff_max, rng)
        try:
            await asyncio.wait_for(stop.wait(), timeout=delay)
        except TimeoutError:
            continue
