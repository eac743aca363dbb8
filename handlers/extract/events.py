"""Certification, regulation and policy events (stub, filled in later)."""

from __future__ import annotations

from datetime import date

from handlers.extract.spans import Sentence
from service.models import Document, Event


def find_events(
    document: Document, text: str, sentences: list[Sentence], language: str, pub: date | None
) -> list[Event]:
    return []
