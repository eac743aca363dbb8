"""Running the real service in-process for end-to-end tests, against local feeds, Slack and SMTP."""

from __future__ import annotations

import asyncio
import contextlib
import os
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time
from email.utils import format_datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import httpx
import pytest
from redis.asyncio import Redis

from service.app import run_service
from service.config import load_settings
from service.embedded_redis import free_port
from service.settings import Settings


@dataclass(frozen=True)
class Item:
    link: str
    published: date
    text: str
    title: str = ""


def rss(items: Iterable[Item]) -> bytes:
    """An RSS 2.0 feed with these items (text in the description)."""
    body = "".join(
        f"<item><title>{escape(i.title or i.text[:60])}</title><link>{escape(i.link)}</link>"
        f"<guid>{escape(i.link)}</guid>"
        f"<pubDate>{format_datetime(datetime.combine(i.published, time(9)).astimezone())}</pubDate>"
        f"<description>{escape(i.text)}</description></item>"
        for i in items
    )
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>'
            f"<link>https://feeds.example/</link>{body}</channel></rss>").encode()


def catalog(path: Path, feeds: dict[str, str]) -> Path:
    """A catalogue of RSS sources {id: url} polled every second."""
    path.write_text("".join(f'[[sources]]\nid = "{sid}"\nkind = "rss"\nurl = "{url}"\ninterval = "1s"\n\n'
                            for sid, url in feeds.items()))
    return path


def configure(monkeypatch: pytest.MonkeyPatch, workdir: Path, env: dict[str, str]) -> Settings:
    """Settings from exactly these variables (the environment's own CW_* are removed), health on a free port."""
    for key in list(os.environ):
        if key.startswith("CW_") or key == "REDIS_URL":
            monkeypatch.delenv(key)
    monkeypatch.chdir(workdir)
    for key, value in {"CW_HEALTH__PORT": str(free_port()), **env}.items():
        monkeypatch.setenv(key, value)
    return load_settings()


@contextlib.asynccontextmanager
async def running(settings: Settings) -> AsyncIterator[Settings]:
    stop = asyncio.Event()
    task = asyncio.create_task(run_service(settings, stop))
    try:
        await ready(settings.health.port, task)
        yield settings
    finally:
        stop.set()
        assert await asyncio.wait_for(task, 30) == 0


async def ready(port: int, task: asyncio.Task[int] | None = None) -> dict[str, object]:
    async with httpx.AsyncClient() as client:
        for _ in range(150):
            if task is not None and task.done():
                task.result()  # raise what stopped the service
            with contextlib.suppress(httpx.TransportError):
                response = await client.get(f"http://127.0.0.1:{port}/health/ready")
                if response.status_code == 200:
                    return dict(response.json())
            await asyncio.sleep(0.1)
    raise AssertionError("health never became ready")


async def settled(redis: Redis, settings: Settings, documents: int) -> None:
    """Wait until at least `documents` documents went through every stage (no lag, nothing pending)."""
    for _ in range(300):
        if await redis.xlen(settings.keys.documents) >= documents and await _idle(redis, settings):
            return
        await asyncio.sleep(0.1)
    raise AssertionError("the pipeline did not settle")


async def _idle(redis: Redis, settings: Settings) -> bool:
    for stream, group in (("documents", "extractors"), ("observations", "evaluators"), ("alerts", "notifiers")):
        key = settings.keys.stream(stream)
        info: Any = next(g for g in await redis.xinfo_groups(key) if g["name"].decode() == group)
        newer = await redis.xrange(key, min=f"({info['last-delivered-id'].decode()}", count=1)
        if info["pending"] or newer:
            return False
    return True
