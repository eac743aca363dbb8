"""Year-on-year: a change in percent attaches to the figure it qualifies."""

from __future__ import annotations

import re
from itertools import pairwise

from handlers.extract import lexicon as lx
from handlers.extract.indicators import Context, is_mom
from handlers.extract.relations import RESPECTIVELY, Read
from handlers.extract.spans import Number, Sentence


def attach_yoy(text: str, low: str, s: Sentence, readings: list[Read]) -> dict[int, float]:
    """Each change in percent goes to the nearest figure before it (or the next one in its clause)."""
    out: dict[int, float] = {}
    paired = _respectively(low, s, readings, out)
    for i, (n, r, clause) in enumerate(readings):
        if r.indicator != "change" or i in paired:
            continue
        if is_mom(n.end, Context(text, clause, (s.start, s.end), low), n.start):
            continue
        target = _yoy_target(readings, i, clause)
        if target is not None and target.start < clause[0] and _own_subject(text, low, n, clause):
            continue  # "…458 billion yuan, while trade with Kazakhstan alone rose by 9%": another quantity's change
        if target is not None and target.start not in out:
            out[target.start] = r.value
    return out


_CONTRAST_BEFORE = re.compile(r"(?:\bwhile|\bwhereas|тогда как|而|但)\s*$")  # lower-cased text
_CONTRAST_START = re.compile(r"(?:while|whereas|тогда как|而|但)(?:\s+|(?=[\u4e00-\u9fff]))")
_WORD = re.compile(r"\w+")


def _own_subject(text: str, low: str, n: Number, clause: tuple[int, int]) -> bool:
    """A change in a contrastive clause ('while X rose by 9%', 'тогда как X вырос', '而X增长') with its own subject."""
    start = clause[0]
    lead = _CONTRAST_START.match(low, start)
    if lead is not None:
        start = lead.end()
    elif not _CONTRAST_BEFORE.search(low, max(0, start - 12), start):
        return False
    verb = lx.CHANGE_BEFORE.search(text, "", max(start, n.start - 40), n.start)
    head = text[start : verb.start() if verb else n.start]
    return len(_WORD.findall(head)) >= 1


def _respectively(low: str, s: Sentence, readings: list[Read], out: dict[int, float]) -> set[int]:
    """'同比分别增长3%和5%', 'up 3% and 5% respectively': the k changes go to the k figures before them, in order.

    Fills `out` and returns the indices of the changes it paired."""
    runs = any(a[1].indicator == b[1].indicator == "change" for a, b in pairwise(readings))
    if not runs or not RESPECTIVELY.search(low, s.start, s.end):
        return set()
    paired: set[int] = set()
    i = 0
    while i < len(readings):
        j = i
        while j < len(readings) and readings[j][1].indicator == "change":
            j += 1
        if j - i >= 2:
            levels = [k for k in range(i) if readings[k][1].indicator != "change"][-(j - i) :]
            if len(levels) == j - i and not any(readings[k][1].indicator.endswith("_pct") for k in levels):
                for k, c in zip(levels, range(i, j), strict=True):
                    out[readings[k][0].start] = readings[c][1].value
                paired.update(range(i, j))
        i = max(j, i + 1)
    return paired


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
