"""watchers/pool.py: one task per enabled source; a crashing watcher does not stop the others."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import httpx
import pytest
from redis.asyncio import Redis

from service.settings import SourcesSettings
from service.streams import Keys
from watchers.base import Watcher  # submodules: tests/watchers would shadow `watchers` itself
from watchers.pool import run_watchers
from watchers.sources import Source

FIXTURES = Path(__file__).parent / "fixtures"


def source(source_id: str, fixture: str = "rss_feed.xml", *, enabled: bool = True) -> Source:
    return Source(id=source_id, kind="rss", url=(FIXTURES / fixture).as_uri(), interval=60.0, enabled=enabled)


async def wait_for(condition: Any, timeout: float = 5.0) -> None:
    for _ in range(int(timeout / 0.02)):
        if condition():
            return
        await asyncio.sleep(0.02)
    raise AssertionError("condition not met in time")


async def test_one_crashing_watcher_does_not_stop_the_others(
    redis: Redis, keys: Keys, sources_settings: SourcesSettings, recorder: Any,
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture,
) -> None:
    real_run = Watcher.run
    crashes: list[str] = []

    async def run(self: Watcher, stop: asyncio.Event) -> None:
        if self.source.id == "broken":
            crashes.append(self.source.id)
            raise RuntimeError("a bug in the loop")
        await real_run(self, stop)

    monkeypatch.setattr(Watcher, "run", run)
    sources = [source("good"), source("broken"), source("atom", "atom_feed.xml"), source("off", enabled=False)]
    stop = asyncio.Event()
    async with httpx.AsyncClient() as http:
        task = asyncio.create_task(run_watchers(sources, http=http, redis=redis, keys=keys,
                                                settings=sources_settings, publish=recorder, stop=stop))
        await wait_for(lambda: len(recorder.documents) == 5 and crashes)
        stop.set()
        await asyncio.wait_for(task, timeout=3)
    assert sorted({d.source_id for d in recorder.documents}) == ["atom", "good"]
    assert "broken: watcher crashed (1); restarting" in caplog.text
    assert not await redis.exists(keys.source_state("off"))


async def test_no_enabled_sources_waits_for_stop(
    redis: Redis, keys: Keys, sources_settings: SourcesSettings, recorder: Any
) -> None:
    stop = asyncio.Event()
    async with httpx.AsyncClient() as http:
        task = asyncio.create_task(run_watchers([source("off", enabled=False)], http=http, redis=redis, keys=keys,
                                                settings=sources_settings, publish=recorder, stop=stop))
        await asyncio.sleep(0.05)
        assert not task.done()
        stop.set()
        await asyncio.wait_for(task, timeout=1)
