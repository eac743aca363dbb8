"""Read a corpus text file (optional header block: `source:`, `published:`, `lang:`) into a Document."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path

from service.models import Document

_HEADER = re.compile(r"^(source|published|lang|title):\s*(.*?)\s*$")


def parse_header(raw: str) -> tuple[dict[str, str], str]:
    """Header fields and the body. A header is leading `key: value` lines ended by a blank line."""
    lines = raw.split("\n")
    fields: dict[str, str] = {}
    for i, line in enumerate(lines):
        if not line.strip():
            return (fields, "\n".join(lines[i + 1 :])) if fields else ({}, raw)
        m = _HEADER.match(line.strip())
        if not m:
            return {}, raw
        fields[m.group(1)] = m.group(2)
    return {}, raw


def _published(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        day = date.fromisoformat(value[:10])
    except ValueError:
        return None
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def read_text_document(path: Path) -> Document:
    raw = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
    fields, body = parse_header(raw)
    source = fields.get("source", "")
    url = source if re.match(r"https?://", source) else path.resolve().as_uri()
    title = next((line.strip() for line in body.split("\n") if line.strip()), "")
    return Document(
        id=Document.make_id("file", str(path)),
        source_id="file",
        url=url,
        title=fields.get("title", title[:200]),
        published_at=_published(fields.get("published")),
        language=fields.get("lang", "en"),
        text=body,
        content_hash=Document.hash_content(title, body),
    )
