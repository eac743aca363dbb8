from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from handlers.extract import Extraction, extract
from service.models import Document, Observation

Run = Callable[..., Extraction]


def make_doc(text: str, published: str | None = "2025-11-15", lang: str = "en") -> Document:
    pub = datetime.fromisoformat(published).replace(tzinfo=UTC) if published else None
    return Document(id="t", source_id="test", url="https://example.test/a", text=text, published_at=pub, language=lang)


@pytest.fixture
def run() -> Run:
    def _run(text: str, published: str | None = "2025-11-15", lang: str = "en") -> Extraction:
        return extract(make_doc(text, published, lang))

    return _run


def only(ex: Extraction, indicator: str) -> Observation:
    found = [o for o in ex.observations if o.indicator == indicator]
    assert len(found) == 1, [(o.indicator, o.value, o.port) for o in ex.observations]
    return found[0]
