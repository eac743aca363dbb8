"""One reader per source kind: fetch (conditionally) and turn the body into entries.

Adding a kind means writing its module and registering a `Reader` in `READERS`; the poll loop,
seen-store and source state in `watchers.base` stay as they are. A reader gets a `ReadContext`: the
process's `Fetcher` (shared client, per-host limit), the settings, and `unseen` (which of these keys
the seen-store does not know yet), so a listing page fetches only its new articles.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from service.errors import SourceError
from service.settings import SourcesSettings
from watchers.fetch import Fetcher, Validators
from watchers.rss import Entry, read_feed
from watchers.sources import Source

Unseen = Callable[[list[str]], Awaitable[list[str]]]


async def _all_unseen(keys: list[str]) -> list[str]:
    return keys


@dataclass(frozen=True)
class ReadContext:
    fetcher: Fetcher
    unseen: Unseen = _all_unseen

    @property
    def settings(self) -> SourcesSettings:
        return self.fetcher.settings


@dataclass(frozen=True)
class Harvest:
    """What one read of a source gave: entries newest first, or None when it was not modified.
    `min_interval`: the server's lower bound on the interval (Cache-Control max-age, RSS <ttl>)."""

    entries: list[Entry] | None
    validators: Validators
    min_interval: float | None = None
    listed: tuple[str, ...] | None = None  # every key the source lists now (None: the entries' keys)

    @property
    def present(self) -> set[str]:
        """Keys still listed by the source: their seen marks must be kept."""
        if self.listed is not None:
            return set(self.listed)
        return {e.key for e in self.entries or []}

    @property
    def not_modified(self) -> bool:
        return self.entries is None


Reader = Callable[[Source, ReadContext, Validators], Awaitable[Harvest]]


def floor(*seconds: float | None) -> float | None:
    """The largest of the given lower bounds, None when there is none."""
    known = [s for s in seconds if s]
    return max(known) if known else None


async def read_rss(source: Source, ctx: ReadContext, validators: Validators) -> Harvest:
    fetched = await ctx.fetcher.get(source.id, source.url, validators)
    if fetched.not_modified:
        return Harvest(None, fetched.validators, fetched.max_age)
    feed = await asyncio.to_thread(
        read_feed, source, fetched.body, max_entries=ctx.settings.max_entries, content_type=fetched.content_type
    )
    return Harvest(feed.entries, fetched.validators, floor(fetched.max_age, feed.ttl))


@functools.cache
def _readers() -> dict[str, Reader]:
    from watchers.html import read_html
    from watchers.json_api import read_json

    return {"rss": read_rss, "html": read_html, "json": read_json}


async def read_source(source: Source, ctx: ReadContext, validators: Validators | None = None) -> Harvest:
    """Read `source` once with its kind's reader. Raises SourceError when the read fails."""
    reader = _readers().get(source.kind)
    if reader is None:
        raise SourceError(source.id, f'no reader for kind "{source.kind}"')
    return await reader(source, ctx, validators or Validators())
