"""Fixtures of the watcher tests: fixture feeds, a local feed server, settings and a publish recorder.

Redis comes from tests/conftest.py (`redis`, a real server, flushed before each test).
"""

from __future__ import annotations

import pytest

from service.models import Document
from service.settings import SourcesSettings
from service.streams import Keys


@pytest.fixture
def sources_settings() -> SourcesSettings:
    return SourcesSettings(timeout=5.0, backoff_max=2.0)


@pytest.fixture
def keys() -> Keys:
    return Keys("{cwtest}")


class Recorder:
    """A publish callable that keeps what it was given; `fail` makes it raise instead."""

    def __init__(self) -> None:
        self.documents: list[Document] = []
        self.fail = False

    async def __call__(self, document: Document) -> None:
        if self.fail:
            raise ConnectionError("broker unreachable")
        self.documents.append(document)


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()
