"""Helpers for the extractor tests (a uniquely named module: tests directories are not packages)."""

from __future__ import annotations

from datetime import UTC, datetime

from handlers.extract import Extraction, extract
from service.models import Document, Observation


def make_doc(text: str, published: str | None = "2025-11-15", lang: str = "en") -> Document:
    pub = datetime.fromisoformat(published).replace(tzinfo=UTC) if published else None
    return Document(id="t", source_id="test", url="https://example.test/a", text=text, published_at=pub, language=lang)


def run(text: str, published: str | None = "2025-11-15", lang: str = "en") -> Extraction:
    return extract(make_doc(text, published, lang))


def only(ex: Extraction, indicator: str) -> Observation:
    found = [o for o in ex.observations if o.indicator == indicator]
    assert len(found) == 1, [(o.indicator, o.value, o.port) for o in ex.observations]
    return found[0]
