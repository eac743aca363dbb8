"""A figure on its way to becoming an Observation, and the in-document merge of repeated figures."""

from __future__ import annotations

from dataclasses import field, replace
from datetime import date

from handlers.extract.spans import value_type


@value_type
class Candidate:
    port: str | None
    indicator: str
    value: float
    qualifier: str
    step: float
    period: tuple[date, date] | None
    yoy_pct: float | None
    direction: str
    scope: str
    quote: str
    start: int
    flags: tuple[str, ...] = field(default=())

    @property
    def key(self) -> tuple[str | None, str, str]:
        return (self.port, self.indicator, self.scope)

    def same_flow(self, other: Candidate) -> bool:
        """Same port, indicator and scope; directions agree or one of them is unstated (total)."""
        return self.key == other.key and (
            self.direction == other.direction or "total" in (self.direction, other.direction)
        )


def _same_value(a: Candidate, b: Candidate) -> bool:
    return abs(a.value - b.value) <= 1e-6 * max(abs(a.value), abs(b.value), 1.0)


def _rounded_of(approx: Candidate, exact: Candidate) -> bool:
    """'more than 2.1 thousand' is the rounded form of 2,145 (within one step of its last digit)."""
    if approx.qualifier == "exactly" or exact.qualifier != "exactly":
        return False
    if approx.period and exact.period and approx.period[0] != exact.period[0]:
        return False  # same start: "2025年…突破8000列" (the year) and "今年…达8012列" (to date) agree
    return abs(approx.value - exact.value) <= max(approx.step, abs(exact.value) * 0.005)


def _richness(c: Candidate) -> int:
    return (c.period is not None) + (c.yoy_pct is not None)


def _combine(keep: Candidate, other: Candidate) -> Candidate:
    """One candidate for a repeated figure; the quote comes from the mention that says most about it."""
    quote = other.quote if _richness(other) > _richness(keep) else keep.quote
    return replace(
        keep,
        quote=quote,
        direction=keep.direction if keep.direction != "total" else other.direction,
        period=keep.period or other.period,
        yoy_pct=keep.yoy_pct if keep.yoy_pct is not None else other.yoy_pct,
        start=min(keep.start, other.start),
    )


def merge_repeats(cands: list[Candidate]) -> list[Candidate]:
    """Repeated figures in one document count once; a rounded headline figure yields to the exact one.

    Each figure is compared only with the earlier ones of its key (a merge keeps the key), in their order."""
    out: list[Candidate] = []
    by_key: dict[tuple[str | None, str, str], list[int]] = {}  # where in `out` each key's figures are, in order
    for c in cands:
        for i in by_key.get(c.key, ()):
            k = out[i]
            if not k.same_flow(c):
                continue
            if _same_value(k, c):
                out[i] = _combine(k, c)
                break
            if _rounded_of(k, c):
                out[i] = _combine(c, k)
                break
            if _rounded_of(c, k):
                out[i] = _combine(k, c)
                break
        else:
            by_key.setdefault(c.key, []).append(len(out))
            out.append(c)
    return out
