"""One reader per source kind: fetch (conditionally) and turn the body into entries.

Adding a kind (html, json) means writing its module and registering a `Reader` in `READERS`; the
poll loop, seen-store and source state in `watchers.base` stay as they are.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import httpx

from service.errors import SourceError
from service.settings import SourcesSettings
from watchers.fetch import Validators, fetch
from watchers.rss import Entry, parse_feed
from watchers.sources import Source


@dataclass(frozen=True)
class Harvest:
    """What one read of a source gave: entries newest first, or None when it was not modified."""

    entries: list[Entry] | None
    validators: Validators

    @property
    def not_modified(self) -> bool:
        return self.entries is None


Reader = Callable[[Source, httpx.AsyncClient, SourcesSettings, Validators], Awaitable[Harvest]]


async def read_rss(
    source: Source, http: httpx.AsyncClient, settings: SourcesSettings, validators: Validators
) -> Harvest:
    fetched = await fetch(source.id, source.url, http=http, settings=settings, validators=validators)
    if fetched.not_modified:
        return Harvest(None, fetched.validators)
    entries = await asyncio.to_thread(
        parse_feed, source, fetched.body, max_entries=settings.max_entries, content_type=fetched.content_type
    )
    return Harvest(entries, fetched.validators)


def _not_implemented(kind: str) -> Reader:
    async def read(
        source: Source, http: httpx.AsyncClient, settings: SourcesSettings, validators: Validators
    ) -> Harvest:
        raise SourceError(source.id, f'kind "{kind}" is not implemented yet (only rss is)')

    return read


READERS: dict[str, Reader] = {
    "rss": read_rss,
    "html": _not_implemented("html"),
    "json": _not_implemented("json"),
}


async def read_source(
    source: Source,
    *,
    http: httpx.AsyncClient,
    settings: SourcesSettings,
    validators: Validators | None = None,
) -> Harvest:
    """Read `source` once with its kind's reader. Raises SourceError when the read fails."""
    reader = READERS.get(source.kind)
    if reader is None:
        raise SourceError(source.id, f'no reader for kind "{source.kind}"')
    return await reader(source, http, settings, validators or Validators())
