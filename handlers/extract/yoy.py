"""Year-on-year: a change in percent attaches to the figure it qualifies."""

from __future__ import annotations

from handlers.extract.indicators import Context, is_mom
from handlers.extract.relations import Read
from handlers.extract.spans import Number, Sentence


def attach_yoy(text: str, low: str, s: Sentence, readings: list[Read]) -> dict[int, float]:
    """Each change in percent goes to the nearest figure before it (or the next one in its clause)."""
    out: dict[int, float] = {}
    for i, (n, r, clause) in enumerate(readings):
        if r.indicator != "change" or is_mom(n.end, Context(text, clause, (s.start, s.end), low), n.start):
            continue
        target = _yoy_target(readings, i, clause)
        if target is not None and target.start not in out:
            out[target.start] = r.value
    return out


def _yoy_target(readings: list[Read], i: int, clause: tuple[int, int]) -> Number | None:
    n = readings[i][0]
    for m, r, _ in reversed(readings[:i]):
        if r.indicator == "change":
            break
        if not r.indicator.endswith("_pct") and n.start - r.end <= 160:
            return m
        break
    for m, r, c in readings[i + 1 :]:
        if r.indicator != "change" and c == clause and not r.indicator.endswith("_pct"):
            return m
    return None
