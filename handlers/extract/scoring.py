"""Score extraction against gold (DESIGN section 8): matching, P/R/F1, attribute accuracy, events."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from service.models import Event, Observation


@dataclass(frozen=True, slots=True)
class GoldItem:
    file: str
    port: str | None
    indicator: str
    value: float
    period: str | None
    yoy_pct: float | None
    quote: str
    optional: bool


@dataclass(frozen=True, slots=True)
class GoldEvent:
    file: str
    kind: str
    regime: str | None
    quote: str


@dataclass(frozen=True, slots=True)
class GoldDoc:
    file: str
    items: list[GoldItem]
    events: list[GoldEvent]


def load_gold(path: Path) -> dict[str, GoldDoc]:
    docs: dict[str, GoldDoc] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        raw: dict[str, Any] = json.loads(line)
        name = str(raw["file"])
        items = [_gold_item(name, it) for it in raw.get("indicators", [])]
        events = [
            GoldEvent(name, str(e.get("kind", "")), e.get("regime"), str(e.get("quote", "")))
            for e in raw.get("events", [])
        ]
        docs[name] = GoldDoc(name, items, events)
    return docs


def _gold_item(name: str, it: dict[str, Any]) -> GoldItem:
    yoy = it.get("yoy_pct")
    return GoldItem(
        name,
        it.get("port"),
        str(it["indicator"]),
        float(it["value"]),
        it.get("period"),
        None if yoy is None else float(yoy),
        str(it.get("quote", "")),
        bool(it.get("optional", False)),
    )


def value_matches(indicator: str, gold: float, got: float) -> bool:
    if indicator.endswith("_pct"):
        return abs(gold - got) <= 0.05 + 1e-9
    return abs(gold - got) <= 0.005 * abs(gold) + 1e-9


def scored(observations: Iterable[Observation]) -> list[Observation]:
    """Observations without a port, or with scope company, are not scored."""
    return [o for o in observations if o.port is not None and o.scope != "company"]


@dataclass(slots=True)
class DocResult:
    file: str
    pairs: list[tuple[GoldItem, Observation]] = field(default_factory=list)
    misses: list[GoldItem] = field(default_factory=list)
    false_alarms: list[Observation] = field(default_factory=list)


def match_document(file: str, gold: list[GoldItem], observations: list[Observation]) -> DocResult:
    """Each gold item matches at most one observation: required items first, then optional ones."""
    free = scored(observations)
    result = DocResult(file)
    for item in sorted(gold, key=lambda g: g.optional):
        best = _best(item, free)
        if best is None:
            if not item.optional:
                result.misses.append(item)
            continue
        free.remove(best)
        if not item.optional:
            result.pairs.append((item, best))
    result.false_alarms = free
    return result


def _best(item: GoldItem, free: list[Observation]) -> Observation | None:
    fits = [
        o
        for o in free
        if o.indicator == item.indicator and o.port == item.port and value_matches(item.indicator, item.value, o.value)
    ]
    return min(fits, key=lambda o: abs(o.value - item.value), default=None)


def period_of(o: Observation) -> str | None:
    if o.period_start is None or o.period_end is None:
        return None
    return f"{o.period_start.isoformat()}/{o.period_end.isoformat()}"


def period_correct(item: GoldItem, o: Observation) -> bool | None:
    """None when the gold has no period (not scored)."""
    return None if item.period is None else period_of(o) == item.period


def yoy_correct(item: GoldItem, o: Observation) -> bool:
    if item.yoy_pct is None or o.yoy_pct is None:
        return item.yoy_pct is None and o.yoy_pct is None
    return abs(item.yoy_pct - o.yoy_pct) <= 0.05 + 1e-9


def _norm(s: str) -> str:
    return " ".join(s.split()).strip(" .。")


def match_events(gold: list[GoldEvent], events: list[Event]) -> tuple[int, list[Event], list[GoldEvent]]:
    """Events match when kinds agree and one quote contains the other. Returns tp, false alarms, misses."""
    free = list(events)
    misses: list[GoldEvent] = []
    tp = 0
    for g in gold:
        gq = _norm(g.quote)
        hit = next((e for e in free if e.kind == g.kind and (gq in _norm(e.quote) or _norm(e.quote) in gq)), None)
        if hit is None:
            misses.append(g)
        else:
            free.remove(hit)
            tp += 1
    return tp, free, misses


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else (1.0 if fn == 0 else 0.0)
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1
