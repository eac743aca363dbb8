"""The `json` kind: an endpoint returning a list of items, and dotted paths to each item's fields.

Catalogue keys (dotted paths; a number indexes a list): ``items`` (to the list, e.g. ``"data.list"``;
``""`` when the body is the list), and within an item ``title_path``, ``link_path``, ``date_path``,
``text_path`` (may be HTML) and ``id_path`` (a stable item id; else the canonical link is the key).
Each defaults to the field's own name (``title``, ``link``, ``date``, ``text``, ``id``). They end in
``_path`` because ``title`` is already every source's human name in the catalogue. Dates may be ISO 8601, RFC 822, or
epoch seconds / milliseconds; an item without a usable date gets the fetch time and is logged so.
"""

from __future__ import annotations

import asyncio
import json
import logging
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from service.errors import SourceError
from service.models import Document, stable_id, utcnow
from watchers.charset import decode
from watchers.fetch import Validators
from watchers.kinds import Harvest, ReadContext
from watchers.rss import Entry
from watchers.sources import Source
from watchers.text import html_to_text, looks_like_html, tidy_lines
from watchers.urls import canonical_url

log = logging.getLogger("corridor_watch.watch")
FIELDS = ("title", "link", "date", "text", "id")


def pick(data: Any, path: str) -> Any:
    """The value at a dotted path ("data.list", "items.0.title"); None when any step is missing."""
    for step in (s for s in path.split(".") if s):
        if isinstance(data, dict):
            data = data.get(step)
        elif isinstance(data, list) and step.lstrip("-").isdigit() and -len(data) <= int(step) < len(data):
            data = data[int(step)]
        else:
            return None
    return data


def parse_date(value: Any) -> datetime | None:
    if isinstance(value, bool) or value is None or value == "":
        return None
    if isinstance(value, int | float) or (isinstance(value, str) and value.strip().isdigit()):
        number = float(value)
        try:
            return datetime.fromtimestamp(number / 1000 if number > 1e11 else number, UTC)
        except (OverflowError, OSError, ValueError):
            return None
    text = str(value).strip()
    for parse in (lambda t: datetime.fromisoformat(t.replace("Z", "+00:00")), parsedate_to_datetime):
        try:
            parsed = parse(text)
        except (TypeError, ValueError, IndexError):
            continue
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    return None


def parse_items(source: Source, body: bytes, content_type: str | None, *, max_entries: int,
                fetched_at: datetime | None = None) -> list[Entry]:
    """Entries of a JSON body, in the endpoint's order, at most `max_entries`."""
    try:
        data = json.loads(decode(body, content_type).text)
    except json.JSONDecodeError as exc:
        raise SourceError(source.id, f"not JSON: {exc}") from None
    path = str(source.options.get("items", ""))
    items = pick(data, path)
    if not isinstance(items, list):
        raise SourceError(source.id, f"items = {path!r}: not a list in the response")
    when = fetched_at or utcnow()
    entries = [e for e in (_entry(source, item, when) for item in items if isinstance(item, dict)) if e]
    undated = sum(1 for e in entries[:max_entries] if e.undated)
    if undated:
        log.info("[watch] %s: %d items without a usable date; published_at set to the fetch time",
                 source.id, undated)
    return entries[:max_entries]


def _field(source: Source, item: dict[str, Any], name: str) -> Any:
    path = source.options.get(f"{name}_path", name)
    return pick(item, str(path)) if path else None


def _entry(source: Source, item: dict[str, Any], fetched_at: datetime) -> Entry | None:
    title = " ".join(html_to_text(str(_field(source, item, "title") or "")).split())
    raw_text = str(_field(source, item, "text") or "")
    text = html_to_text(raw_text) if looks_like_html(raw_text) else tidy_lines(raw_text)
    if not title and not text:
        return None
    link = canonical_url(str(_field(source, item, "link") or ""), source.url)
    ident = str(_field(source, item, "id") or "").strip()
    key = ident or link or "hash:" + stable_id(title, text)
    published = parse_date(_field(source, item, "date"))
    text = text or title
    document = Document(
        id=Document.make_id(source.id, key), source_id=source.id, url=link or source.url, title=title,
        published_at=published or fetched_at, fetched_at=fetched_at, language=source.language or "en",
        text=text, content_hash=Document.hash_content(title, text),
    )
    return Entry(key, document, undated=published is None)


async def read_json(source: Source, ctx: ReadContext, validators: Validators) -> Harvest:
    fetched = await ctx.fetcher.get(source.id, source.url, validators)
    if fetched.not_modified:
        return Harvest(None, fetched.validators, fetched.max_age)
    entries = await asyncio.to_thread(parse_items, source, fetched.body, fetched.content_type,
                                      max_entries=ctx.settings.max_entries)
    return Harvest(entries, fetched.validators, fetched.max_age)
