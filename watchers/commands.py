"""``corridor-watch sources list`` and ``corridor-watch sources check ID``.

`list` prints every catalogue source with what its state hash says (last success and error, failures
in a row, next poll, documents published), reading Redis (``REDIS_URL``, else the embedded server a
running service started; without either the state columns are empty). `check` fetches one source once,
enabled or not, and prints what a poll would publish; it publishes nothing and writes no state.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import TextIO

from redis.asyncio import Redis

from service.embedded_redis import EmbeddedRedis
from service.errors import SourceError
from service.settings import Settings
from watchers.fetch import Fetcher, make_http_client
from watchers.kinds import ReadContext, read_source
from watchers.sources import Source, load_catalog
from watchers.state import read_state

COLUMNS = ("id", "kind", "enabled", "interval", "last success", "last error", "fails", "next poll", "docs")


def sources_list_command(settings: Settings, out: TextIO) -> int:
    sources = load_catalog(settings.sources.catalog)
    states, note = asyncio.run(_states(settings, [s.id for s in sources]))
    now = time.time()
    rows = [_row(source, states.get(source.id, {}), now) for source in sources]
    _table(out, [COLUMNS, *rows])
    enabled = sum(1 for s in sources if s.enabled)
    out.write(f"{len(sources)} sources, {enabled} enabled{note}\n")
    return 0


def sources_check_command(settings: Settings, source_id: str, out: TextIO) -> int:
    sources = {s.id: s for s in load_catalog(settings.sources.catalog)}
    source = sources.get(source_id)
    if source is None:
        out.write(f"no source {source_id!r} in the catalogue (see: corridor-watch sources list)\n")
        return 1
    return asyncio.run(_check(settings, source, out))


async def _check(settings: Settings, source: Source, out: TextIO) -> int:
    out.write(f"{source.id} ({source.kind}, {'enabled' if source.enabled else 'disabled'}): {source.url}\n")
    started = time.perf_counter()
    async with make_http_client(settings.sources) as http:
        try:
            harvest = await read_source(source, ReadContext(Fetcher(http, settings.sources)))
        except SourceError as exc:
            out.write(f"failed after {time.perf_counter() - started:.1f} s: {exc.reason}\n")
            return 1
    entries = harvest.entries or []
    for n, entry in enumerate(entries, 1):
        doc = entry.document
        when = doc.published_at.strftime("%Y-%m-%d %H:%M") if doc.published_at else "?"
        undated = " (no date: fetch time)" if entry.undated else ""
        snippet = " ".join(doc.text.split())[:160]
        out.write(f"[{n}] {when}{undated} [{doc.language}] {doc.title}\n    {doc.url}\n"
                  f"    key={entry.key} id={doc.id} {len(doc.text)} chars: {snippet}\n")
    floor = f"; server asks for at least {harvest.min_interval:g} s between polls" if harvest.min_interval else ""
    out.write(f"{len(entries)} documents would be published ({time.perf_counter() - started:.1f} s{floor}); "
              f"dry run: nothing published, no state written\n")
    return 0


async def _states(settings: Settings, ids: Sequence[str]) -> tuple[dict[str, dict[str, str]], str]:
    url = settings.redis_url.get_secret_value() if settings.redis_url else None
    if url is None:
        url = EmbeddedRedis(settings.redis.data_dir, settings.redis.server).running_url()
    if url is None:
        return {}, " (no REDIS_URL and no running embedded Redis: state unknown)"
    redis: Redis = Redis.from_url(url, socket_timeout=settings.redis.timeout)
    try:
        return {sid: await read_state(redis, settings.keys.source_state(sid)) for sid in ids}, ""
    except Exception as exc:  # unreachable: the catalogue is still worth printing
        return {}, f" (Redis unreachable: {type(exc).__name__}: {exc}; state unknown)"
    finally:
        await redis.aclose()


def _row(source: Source, state: dict[str, str], now: float) -> tuple[str, ...]:
    failures = int(state.get("consecutive_failures") or 0)
    error = state.get("last_error", "") if failures else ""
    next_poll = state.get("next_poll")
    return (
        source.id, source.kind, "yes" if source.enabled else "no", _duration(source.interval),
        _ago(state.get("last_success"), now), (error[:60] + "…") if len(error) > 60 else error or "-",
        str(failures), f"in {_duration(max(0.0, float(next_poll) - now))}" if next_poll else "-",
        state.get("documents_published") or "0",
    )


def _ago(epoch: str | None, now: float) -> str:
    if not epoch:
        return "never"
    stamp = datetime.fromtimestamp(float(epoch), UTC).strftime("%Y-%m-%d %H:%M:%SZ")
    return f"{stamp} ({_duration(now - float(epoch))} ago)"


def _duration(seconds: float) -> str:
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size:
            return f"{seconds / size:.1f}".removesuffix(".0") + unit
    return f"{seconds:.0f}s"


def _table(out: TextIO, rows: Sequence[Sequence[str]]) -> None:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        out.write("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() + "\n")
