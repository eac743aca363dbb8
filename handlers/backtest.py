"""Backtest: the configured rules over given texts (or stored documents), in publication order.

Fresh state every run: the alert state lives under a prefix of its own in whatever Redis is at hand and
is deleted afterwards, so nothing of a running service is read or changed and nothing is left behind.
The same extractor and the same alert state machine as the live service decide, so what a backtest
prints is what the service would have sent, cool-downs and corroborations included; alerts that the
service would combine into one digest message are printed one per line.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from faststream.redis.parser.binary import BinaryMessageFormatV1
from redis.asyncio import Redis

from handlers.alerting import Alerting
from handlers.evaluate import event_alert
from handlers.extract import extract
from handlers.extract.textfile import read_text_document
from handlers.history import chronological
from service.errors import ConfigError
from service.models import Alert, Document
from service.settings import Settings
from service.streams import Keys


@dataclass(frozen=True)
class Replayed:
    path: str  # the text file, or the stream entry of a stored document
    alert: Alert

    def as_json(self) -> dict[str, Any]:
        ref = self.alert.primary
        return {
            "kind": self.alert.kind, "rule": self.alert.rule, "severity": self.alert.severity,
            "port": self.alert.port, "indicator": self.alert.indicator, "value": self.alert.value,
            "previous": self.alert.previous,
            "period_start": _iso(ref.period_start if ref else None),
            "period_end": _iso(ref.period_end if ref else None),
            "path": self.path, "title": self.alert.title,
        }


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _published(item: tuple[str, Document]) -> tuple[datetime | str, str]:
    doc = item[1]
    return (doc.published_at.isoformat() if doc.published_at else "", item[0])


async def backtest(documents: Iterable[tuple[str, Document]], redis: Redis, settings: Settings) -> list[Replayed]:
    """Every alert the rules would have raised for these documents, oldest document first."""
    keys = Keys(f"{{cw-backtest-{uuid.uuid4().hex[:12]}}}")
    alerting = Alerting(redis, keys, settings.rule_set, settings.alerts, ttl=3600)
    found: list[Replayed] = []
    seen: set[str] = set()  # an alert id is delivered once live (the same event in two texts, say)
    try:
        for path, doc in sorted(documents, key=_published):
            extraction = extract(doc)
            alerts = []
            for obs in sorted(extraction.observations, key=chronological):
                alerts += (await alerting.on_observation(obs)).alerts
            if settings.certification.enabled:
                alerts += [event_alert(e, settings.certification.severity) for e in extraction.events]
            found += [Replayed(path, a) for a in alerts if a.id not in seen]
            seen.update(a.id for a in alerts)
    finally:
        await _delete_prefix(redis, keys.prefix)
    return found


def corpus_documents(corpus: Path, since: date | None) -> list[tuple[str, Document]]:
    """The texts of CORPUS_DIR/texts/*.txt (or CORPUS_DIR/*.txt) published on or after `since`."""
    folder = corpus / "texts" if (corpus / "texts").is_dir() else corpus
    paths = sorted(folder.glob("*.txt"))
    if not paths:
        raise ConfigError([f'CORPUS_DIR = "{corpus}": no .txt files in it or in its texts/ folder'],
                          origin="the command line")
    docs = [(str(p), read_text_document(p)) for p in paths]
    return [d for d in docs if _on_or_after(d[1], since)]


def _on_or_after(doc: Document, since: date | None) -> bool:
    return since is None or (doc.published_at is not None and doc.published_at.date() >= since)


async def stored_documents(redis: Redis, keys: Keys, since: date | None) -> list[tuple[str, Document]]:
    """The documents on the documents stream (as FastStream wrote them) published on or after `since`."""
    rows: Any = await redis.xrange(keys.documents)
    docs = []
    for entry_id, fields in rows:
        try:
            body, _headers = BinaryMessageFormatV1.parse(fields.get(b"__data__", b""))
            doc = Document.model_validate_json(body)
        except ValueError:
            continue  # not a document FastStream wrote: skip it here, the extract stage reports it
        if _on_or_after(doc, since):
            docs.append((f"{keys.documents}#{entry_id.decode()}", doc))
    return docs


async def _delete_prefix(redis: Redis, prefix: str) -> None:
    batch: list[Any] = []
    async for key in redis.scan_iter(match=f"{prefix}*", count=500):
        batch.append(key)
        if len(batch) >= 500:
            await redis.delete(*batch)
            batch = []
    if batch:
        await redis.delete(*batch)
