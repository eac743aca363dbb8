"""RSS / Atom entries into Documents, the way Home Assistant's feedreader reads feeds (STYLE point 5).

A malformed feed (`bozo`) is a warning and keeps what parsed; a malformed feed with no entries, or a
body that is no feed at all, is a `SourceError`. At most `max_entries` entries are taken, newest first.
"""

from __future__ import annotations

import calendar
import io
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import feedparser  # type: ignore[import-untyped]  # no stubs or py.typed upstream

from service.errors import SourceError
from service.models import Document, stable_id, utcnow
from watchers.charset import as_utf8_xml
from watchers.sources import Source
from watchers.text import html_to_text, looks_like_html, tidy_lines
from watchers.urls import canonical_url

log = logging.getLogger("corridor_watch.watch")


@dataclass(frozen=True)
class Entry:
    """A document and the key it is remembered by in the seen-store (GUID, else canonical link)."""

    key: str
    document: Document
    undated: bool = False  # no usable date: `published_at` is the fetch time


@dataclass(frozen=True)
class FeedResult:
    entries: list[Entry]
    ttl: float | None = None  # the feed's <ttl> in seconds: a lower bound on the polling interval


def parse_feed(
    source: Source,
    body: bytes,
    *,
    max_entries: int,
    content_type: str | None = None,
    fetched_at: datetime | None = None,
) -> list[Entry]:
    """Documents of a feed body, newest first, at most `max_entries`."""
    return read_feed(source, body, max_entries=max_entries, content_type=content_type,
                     fetched_at=fetched_at).entries


def read_feed(
    source: Source,
    body: bytes,
    *,
    max_entries: int,
    content_type: str | None = None,
    fetched_at: datetime | None = None,
) -> FeedResult:
    """Entries (newest first, at most `max_entries`) and the `<ttl>` of a feed body."""
    utf8, decoded = as_utf8_xml(body, content_type)
    if decoded.how == "sniffed":
        log.info("[watch] %s: no usable charset declared; sniffed %s", source.id, decoded.encoding)
    mime = (content_type or "application/xml").split(";")[0].strip() or "application/xml"
    # A file object, never raw bytes: feedparser would try bytes as a local file name first.
    feed: Any = feedparser.parse(io.BytesIO(utf8), response_headers={"content-type": f"{mime}; charset=utf-8"})
    raw = list(feed.entries)
    if feed.bozo:
        reason = _bozo_reason(feed)
        if not raw:
            raise SourceError(source.id, f"not a readable feed: {reason}")
        log.warning("[watch] %s: malformed feed (%s); keeping %d entries that parsed", source.id, reason, len(raw))
    elif not raw and not feed.version:
        raise SourceError(source.id, "not an RSS or Atom feed")
    feed_language = _language(feed.feed.get("language"))
    when = fetched_at or utcnow()
    entries = [_entry(source, item, feed_language, when) for item in _newest_first(raw)]
    kept = [entry for entry in entries if entry is not None][:max_entries]
    undated = sum(1 for e in kept if e.undated)
    if undated:
        log.info("[watch] %s: %d entr%s without a usable date; published_at set to the fetch time",
                 source.id, undated, "y" if undated == 1 else "ies")
    return FeedResult(kept, _ttl(feed.feed.get("ttl")))


def _ttl(value: Any) -> float | None:
    """RSS <ttl> is in minutes."""
    try:
        minutes = float(str(value).strip())
    except (TypeError, ValueError):
        return None
    return minutes * 60 if minutes > 0 else None


def _bozo_reason(feed: Any) -> str:
    exc = feed.get("bozo_exception")
    return f"{type(exc).__name__}: {exc}" if exc is not None else "unknown problem"


def _newest_first(items: list[Any]) -> list[Any]:
    """Dated entries newest first; undated ones after them, in feed order (sorting is stable)."""

    def stamp(item: Any) -> tuple[int, float]:
        parsed = item.get("published_parsed") or item.get("updated_parsed")
        return (1, float(calendar.timegm(parsed))) if parsed else (0, 0.0)

    return sorted(items, key=stamp, reverse=True)


def _entry(source: Source, item: Any, feed_language: str | None, fetched_at: datetime) -> Entry | None:
    title = _title(item)
    text = _text(item)
    if not title and not text:
        log.debug("[watch] %s: skipping an entry with neither title nor text", source.id)
        return None
    link = _canonical(item.get("link"))
    guid = str(item.get("id") or "").strip()
    key = guid or link or "hash:" + stable_id(title, text)
    url = link or (guid if guid.startswith(("http://", "https://")) else source.url)
    published = _published(item)
    if published is None:
        log.debug("[watch] %s: entry %s has no usable date; published_at = fetch time", source.id, key)
    text = text or title
    document = Document(
        id=Document.make_id(source.id, key),
        source_id=source.id,
        url=url,
        title=title,
        published_at=published or fetched_at,
        fetched_at=fetched_at,
        language=source.language or _entry_language(item) or feed_language or "en",
        text=text,
        content_hash=Document.hash_content(title, text),
    )
    return Entry(key, document, undated=published is None)


def _canonical(link: Any) -> str:
    return canonical_url(link) if isinstance(link, str) else ""


def _published(item: Any) -> datetime | None:
    for name in ("published_parsed", "updated_parsed"):
        parsed = item.get(name)
        if parsed:
            try:
                return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC)
            except (TypeError, ValueError, OverflowError):
                continue
    return None


def _title(item: Any) -> str:
    detail = item.get("title_detail") or {}
    value = str(item.get("title") or "")
    if detail.get("type", "text/html") != "text/plain" and looks_like_html(value):
        value = html_to_text(value)
    return " ".join(value.split())


def _text(item: Any) -> str:
    """Plain text of the fullest body: `content` (content:encoded, Atom content), else the summary."""
    details: list[Mapping[str, Any]] = [*item.get("content", []), item.get("summary_detail") or {}]
    for detail in details:
        value = str(detail.get("value") or "")
        if not value.strip():
            continue
        if detail.get("type") == "text/plain" or not looks_like_html(value):
            return tidy_lines(value)
        return html_to_text(value)
    return ""


def _entry_language(item: Any) -> str | None:
    for name in ("content", "summary_detail", "title_detail"):
        detail = item.get(name)
        if isinstance(detail, list):
            detail = detail[0] if detail else None
        if detail and detail.get("language"):
            return _language(detail.get("language"))
    return None


def _language(value: Any) -> str | None:
    """Primary subtag of a language tag: "en-US" -> "en"; None when there is none."""
    if not isinstance(value, str):
        return None
    primary = value.strip().replace("_", "-").split("-")[0].lower()
    return primary if 2 <= len(primary) <= 3 and primary.isalpha() else None
