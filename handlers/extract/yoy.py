"""Year-on-year: a change in percent attaches to the figure it qualifies."""

from __future__ import annotations

import re
from itertools import pairwise

from handlers.extract import lexicon as lx
from handlers.extract.indicators import Context, Reading, is_mom
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
        members = _series_change(low, s, readings, i)
        if members is not None:  # a change said of one member of a series, of each, or of its total
            for m in members:
                out.setdefault(m.start, r.value)
            continue
        target = _new_level(text, readings, i) or _yoy_target(readings, i, clause)
        if target is not None and target.start < clause[0] and _own_subject(text, low, n, clause):
            continue  # "…458 billion yuan, while trade with Kazakhstan alone rose by 9%": another quantity's change
        if target is not None and target.start not in out:
            out[target.start] = r.value
    _doubled(low, s, readings, out)
    _share_with_equivalent(text, readings, out)
    return out


_NEW_LEVEL_GAP = 16  # characters between a change and the new level it leads to ("% — до ", "%，达到")


def _new_level(text: str, readings: list[Read], i: int) -> Number | None:
    """'fell 6.3% to 412,000 tonnes', «снизился на 6,3% — до 412 тыс. тонн», 「增长1.5倍，达到300万吨」: a change
    stated before the level takes that level, even across a clause break and when a figure stands before it."""
    if i + 1 >= len(readings):
        return None
    m, r, _ = readings[i + 1]
    end = readings[i][1].end
    if r.indicator == "change" or r.indicator.endswith("_pct") or m.start - end > _NEW_LEVEL_GAP:
        return None
    return m if lx.NEW_LEVEL_BEFORE.search(text, end, m.start) else None


# "12.4万吨，同比翻了一番", "3,000 trains, doubling on a year earlier"; not "…, while NEV exports doubled"
_DOUBLED_GAP = 24


def _doubled(low: str, s: Sentence, readings: list[Read], out: dict[int, float]) -> None:
    """'同比翻了一番', 'doubled year on year', «удвоился по сравнению с прошлым годом»: +100% for the figure
    before (or else the next one), when the sentence compares with a year earlier."""
    part = low[s.start : s.end]
    if "翻" not in part and "doubl" not in part and "дво" not in part:
        return
    for d in lx.DOUBLED.finditer(low, s.start, s.end):
        if not lx.YOY_EXPLICIT.search(low, s.start, s.end) and not _YEAR.search(low, s.start, s.end):
            return
        levels = [(m, r) for m, r, _ in readings if r.indicator != "change" and not r.indicator.endswith("_pct")]
        before = [(m, r) for m, r in levels if r.end <= d.start()]
        if before and d.start() - before[-1][1].end <= _DOUBLED_GAP:
            target: Number | None = before[-1][0]
        else:  # "doubled to 3,000 trains"
            target = next((m for m, _ in levels if 0 <= m.start - d.end() <= _DOUBLED_GAP), None)
        if target is not None and target.start not in out:
            out[target.start] = 100.0


_BRACKET_OPEN = re.compile(r"\s*[(（]\s*(?:about|around|около|约|≈|~)?\s*(?:US\s?)?[$¥€₸]?\s*", re.IGNORECASE)


def _share_with_equivalent(text: str, readings: list[Read], out: dict[int, float]) -> None:
    """'14.86 billion yuan ($2.07 billion), up 11.2%': a value and its currency equivalent in brackets share
    one change, wherever it was attached."""
    for (a, ra, _), (b, rb, _) in pairwise(readings):
        if not (ra.indicator.startswith("trade_value") and rb.indicator.startswith("trade_value")):
            continue
        if not _BRACKET_OPEN.fullmatch(text, ra.end, b.start):
            continue
        change = out.get(a.start, out.get(b.start))
        if change is not None:
            out.setdefault(a.start, change)
            out.setdefault(b.start, change)


# "According to the association, this is …", «По данным КТЖ, это …», 「据统计，这…」: who says it, then the sentence
_YEAR = re.compile(r"(?<!\d)20\d\d(?!\d)")  # "this is 9 percent more than in 2024"
_SOURCE_LEAD = re.compile(r"(?:according to|по данным|по информации|по словам|据)[^,，.。]{0,60}[,，]\s*")


def back_changes(low: str, s: Sentence, readings: list[Reading]) -> list[float]:
    """The changes of a sentence with no figure of its own that speaks of the sentence before: 'The figures were
    down 2% and 1.4% respectively from a year earlier', «Это на 2,3% больше, чем годом ранее», 「分别同比下降…」.
    Empty when the sentence is not such a back-reference."""
    if not readings or any(r.indicator != "change" for r in readings):
        return []
    if len(readings) >= 2 and not RESPECTIVELY.search(low, s.start, s.end):
        return []
    lead = _SOURCE_LEAD.match(low, s.start)
    back = lx.BACK_REFERENCE.match(low, lead.end() if lead else s.start)
    if not back and not RESPECTIVELY.search(low, s.start, s.end):
        return []
    if not lx.YOY_EXPLICIT.search(low, s.start, s.end) and not _YEAR.search(low, s.start, s.end):
        return []  # "This is 5% more than at Horgos": not a change over time
    return [r.value for r in readings]


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
        if j - i >= 2 and not _ordinals(low, readings[i - 1][1].end if i else s.start, readings[j - 1][0].start):
            levels = [k for k in range(i) if readings[k][1].indicator != "change"][-(j - i) :]
            if len(levels) == j - i and not any(readings[k][1].indicator.endswith("_pct") for k in levels):
                for k, c in zip(levels, range(i, j), strict=True):
                    out[readings[k][0].start] = readings[c][1].value
                paired.update(range(i, j))
        i = max(j, i + 1)
    return paired


def _series_change(low: str, s: Sentence, readings: list[Read], i: int) -> list[Number] | None:
    """The members of the series right before change i that it is said of, or None when it follows no series.

    "…handled 6,214 and 5,387 trains respectively; the former grew 8.4%, while the latter slipped 2.1%" («у
    первого … у второго», 「前者……后者」): the first or the last member. Right after a "respectively" series, a single
    change is said of each member only with "both", «оба», 「均增长」; otherwise it is the pair's total («соответственно
    6 418 и 5 307 поездов, совокупно это на 4,7% больше»), not any member's (an empty list)."""
    series: list[Number] = []
    kind = ""
    for m, r, _ in reversed(readings[:i]):
        if r.indicator == "change" and not series:
            continue  # "the former grew 8.4% while the latter slipped 2.1%": the change before is the former's
        if r.indicator == "change" or r.indicator.endswith("_pct") or kind not in ("", r.indicator):
            break
        kind = r.indicator
        series.insert(0, m)
    if len(series) < 2:
        return None
    lo = readings[i - 1][1].end
    n = readings[i][0]
    former, latter = lx.has("former", low, lo, n.start), lx.has("latter", low, lo, n.start)
    if former != latter:  # (the changes of "the latter fell 1.8% while the former rose 6.1%" are not in order)
        return [series[0]] if former else [series[-1]]
    if readings[i - 1][0] is not series[-1] or not RESPECTIVELY.search(low, s.start, n.start):
        return None
    return series if lx.has("each", low, lo, n.end) else []


def _ordinals(low: str, lo: int, hi: int) -> bool:
    """Whether low[lo:hi] says which member of a series a change is of ("the former", «у второго», 「后者」)."""
    return lx.has("former", low, lo, hi) or lx.has("latter", low, lo, hi)


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
