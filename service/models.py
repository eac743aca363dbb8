"""Messages that cross a stage boundary (DESIGN section 3): JSON on the wire, pydantic in code."""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Language = str  # "en" | "ru" | "zh" | anything else a detector returns
Qualifier = Literal["about", "more_than", "less_than", "up_to", "range", "exactly"]
Direction = Literal["total", "outbound", "export", "inbound", "import"]
Scope = Literal["port", "company"]
Severity = Literal["info", "warning", "critical"]
AlertKind = Literal[
    "firing", "revision", "resolved", "corroboration", "reminder", "event", "needs_review", "source_stale"
]


def utcnow() -> datetime:
    return datetime.now(UTC)


def stable_id(*parts: object, length: int = 16) -> str:
    """A short, stable hash of the parts: the same inputs give the same id in every process."""
    raw = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:length]


class _Message(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class Document(_Message):
    id: str
    source_id: str
    url: str
    title: str = ""
    published_at: datetime | None = None
    fetched_at: datetime = Field(default_factory=utcnow)
    language: Language = "en"
    text: str
    content_hash: str = ""
    # 0 when first published; n for the n-th changed body of the same entry (same `id`, new
    # `content_hash`, so the extract stage's done-marker `id:content_hash` differs and it is redone).
    revision: int = 0

    @staticmethod
    def make_id(source_id: str, key: str) -> str:
        """`key` is the entry's GUID or canonical URL."""
        return stable_id(source_id, key)

    @staticmethod
    def hash_content(title: str, text: str) -> str:
        return stable_id(title, text, length=32)


class Observation(_Message):
    type: Literal["observation"] = "observation"
    id: str
    document_id: str
    source_id: str
    url: str
    port: str | None
    indicator: str
    value: float
    unit: str
    period_start: date | None = None
    period_end: date | None = None
    yoy_pct: float | None = None
    qualifier: Qualifier = "exactly"
    direction: Direction = "total"
    scope: Scope = "port"
    quote: str = ""
    language: Language = "en"
    published_at: datetime | None = None
    flags: list[str] = Field(default_factory=list)

    @staticmethod
    def make_id(
        port: str | None,
        indicator: str,
        direction: str,
        scope: str,
        period_start: date | None,
        period_end: date | None,
        value: float,
    ) -> str:
        """The identity of a fact: the same figure in two documents gets the same id."""
        return stable_id(port, indicator, direction, scope, period_start, period_end, f"{value:.6g}")

    @property
    def fact_key(self) -> str:
        """Port, indicator, direction, scope and period, without the value: a revision shares it."""
        return stable_id(self.port, self.indicator, self.direction, self.scope, self.period_start, self.period_end)


class Event(_Message):
    type: Literal["event"] = "event"
    kind: str  # "certification" | "regulation" | "policy"
    regime: str | None = None
    summary: str
    effective_date: date | None = None
    quote: str
    document_id: str = ""
    url: str = ""
    source_id: str = ""
    language: Language = "en"
    published_at: datetime | None = None

    @property
    def id(self) -> str:
        return stable_id(self.kind, self.regime, self.effective_date, self.quote)


class Findings(_Message):
    """What the extract stage publishes on the observations stream: one document's figures and events,
    oldest period first, so the evaluate stage sees a document whole (one digest per document)."""

    document_id: str
    source_id: str
    url: str
    observations: list[Observation] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)

    @property
    def id(self) -> str:
        return stable_id(self.document_id, *(o.id for o in self.observations), *(e.id for e in self.events))


class ObservationRef(_Message):
    """The part of an observation an alert carries, with its source link."""

    observation_id: str
    document_id: str
    source_id: str
    url: str
    quote: str
    language: Language
    value: float
    unit: str
    period_start: date | None = None
    period_end: date | None = None
    published_at: datetime | None = None

    @classmethod
    def of_event(cls, event: Event) -> ObservationRef:
        return cls(observation_id=event.id, document_id=event.document_id, source_id=event.source_id,
                   url=event.url, quote=event.quote, language=event.language, value=0.0, unit="",
                   published_at=event.published_at)

    @classmethod
    def of(cls, obs: Observation) -> ObservationRef:
        return cls(
            observation_id=obs.id,
            document_id=obs.document_id,
            source_id=obs.source_id,
            url=obs.url,
            quote=obs.quote,
            language=obs.language,
            value=obs.value,
            unit=obs.unit,
            period_start=obs.period_start,
            period_end=obs.period_end,
            published_at=obs.published_at,
        )


class Alert(_Message):
    id: str
    kind: AlertKind
    rule: str
    severity: Severity
    port: str | None
    indicator: str
    value: float | None
    unit: str = ""
    previous: float | None = None
    previous_period_start: date | None = None
    previous_period_end: date | None = None
    threshold: float | None = None
    delta: float | None = None
    title: str
    observations: list[ObservationRef] = Field(default_factory=list)
    refers_to: str | None = None  # the alert a revision or resolution follows up
    route: str | None = None  # "ops" for alerts about the service itself (source health)
    digest: list[Alert] = Field(default_factory=list)  # several alerts from one document, sent as one
    created_at: datetime = Field(default_factory=utcnow)

    @property
    def primary(self) -> ObservationRef | None:
        return self.observations[0] if self.observations else None


class DeadLetter(_Message):
    """An entry a stage gave up on: the original body, where it came from and why."""

    id: str
    stage: str
    stream: str
    entry_id: str
    body: str  # the payload as text, for people reading `dlq list`
    raw: dict[str, str] = Field(default_factory=dict)  # the entry's fields, base64: replayed verbatim
    error: str
    deliveries: int
    dead_at: datetime = Field(default_factory=utcnow)
