"""extract(document): language → numbers → indicators → ports → periods → year-on-year → merge → flags."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date

from handlers.extract import lexicon as lx
from handlers.extract.attribution import DocState, names_other_place, pick_period, pick_port
from handlers.extract.candidates import Candidate, merge_repeats
from handlers.extract.events import find_events
from handlers.extract.indicators import Context, Reading, is_mom, maybe_figure, read_number, time_in_hours
from handlers.extract.language import detect_language
from handlers.extract.numbers import find_numbers, qualifier_of
from handlers.extract.periods import find_periods, scripts_of
from handlers.extract.plausibility import is_implausible
from handlers.extract.ports import find_ports
from handlers.extract.segment import clause_at, clause_bounds, split_sentences
from handlers.extract.spans import Number, Period, PortMention, Sentence
from service.models import Document, Event, Observation
from service.vocabulary import INDICATORS

# Full-width digits and signs to ASCII, one character for one, so offsets stay valid.
_FULLWIDTH = str.maketrans("０１２３４５６７８９％", "0123456789%")
_WIDE = re.compile("[０-９％]")
# Run on the lower-cased text, without IGNORECASE: a cheap gate before the period patterns.
_PERIOD_CUE = re.compile(
    r"20\d\d|first|second|half|quarter|month|year|earlier|as of|h[12]\b|q[1-4]|"
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|полугод|квартал|мес|январ|феврал|март|апрел|ма[йяе]|"
    r"июн|июл|август|сентябр|октябр|ноябр|декабр|году|ранее|состоянию|года|年|月|季度|半年"
)
_MAX_QUOTE = 400
_Read = tuple[Number, Reading, tuple[int, int]]


@dataclass(frozen=True, slots=True)
class Extraction:
    observations: list[Observation]
    events: list[Event]


@dataclass(slots=True)
class _Doc:
    text: str
    pub: date | None
    ports: list[PortMention]
    state: DocState
    sentences: list[Sentence]
    periods: dict[int, list[Period]]
    low: str


def extract(document: Document) -> Extraction:
    """Every indicator figure and certification/regulation event in one document. Pure: no I/O."""
    text = document.text
    if _WIDE.search(text):
        text = text.translate(_FULLWIDTH)
    language = detect_language(text, document.language)
    pub = document.published_at.date() if document.published_at else None
    sentences = split_sentences(text)
    low = text.lower()
    if len(low) != len(text):
        low = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
    scripts = scripts_of(text, 0, len(text))
    doc = _Doc(text, pub, find_ports(text, low, scripts + "l"), DocState(pub=pub), sentences, {}, low)
    numbers = find_numbers(text, 0, len(text), language == "ru", scripts, qualify=False)
    by_sentence: dict[int, list[Number]] = {}
    starts = [s.start for s in sentences]
    for n in numbers:
        by_sentence.setdefault(bisect_right(starts, n.start) - 1, []).append(n)
    cands: list[Candidate] = []
    mentions = _mentions_by_sentence(doc.ports, starts)
    for i, sentence in enumerate(sentences):
        if i in by_sentence and not sentence.nav:
            cands.extend(_figures(doc, i, by_sentence[i], mentions.get(i, [])))
        doc.state.update(sentence, mentions.get(i, []))
    merged = merge_repeats(cands)
    observations = [_observation(document, language, c) for c in merged]
    events = find_events(document, text, low, sentences, language, pub)
    return Extraction(observations, events)


def _mentions_by_sentence(ports: list[PortMention], starts: list[int]) -> dict[int, list[PortMention]]:
    out: dict[int, list[PortMention]] = {}
    for m in ports:
        out.setdefault(bisect_right(starts, m.start) - 1, []).append(m)
    return out


def _periods(doc: _Doc, i: int) -> list[Period]:
    """Period expressions of sentence i (computed once, only for sentences that need them)."""
    if i not in doc.periods:
        s = doc.sentences[i]
        found: list[Period] = []
        if _PERIOD_CUE.search(doc.low, s.start, s.end):
            found = find_periods(doc.text, s.start, s.end, doc.pub, scripts_of(doc.text, s.start, s.end))
        doc.periods[i] = found
    return doc.periods[i]


def _carried_period(doc: _Doc, i: int) -> Period | None:
    """The first main period of the latest earlier sentence that states one."""
    for j in range(i - 1, -1, -1):
        main = [p for p in _periods(doc, j) if not p.comparison and p.relative == ""]
        if main:
            return main[0]
    return None


def _readings(doc: _Doc, s: Sentence, numbers: list[Number]) -> list[_Read]:
    text = doc.text
    if not any(n.kind != "num" or maybe_figure(n, text, s.end) for n in numbers):
        return []  # dates, years, ages: no number here has a unit or a percent sign
    bounds = clause_bounds(text, s)
    readings: list[_Read] = []
    for n in numbers:
        clause = clause_at(bounds, n.start)
        reading = read_number(n, Context(text, clause, (s.start, s.end), doc.low))
        reading = reading or _inherit(n, text, clause, readings)
        if reading is not None:
            readings.append((n, reading, clause))
    return readings


def _figures(doc: _Doc, i: int, numbers: list[Number], mentions: list[PortMention]) -> list[Candidate]:
    """The candidates of sentence i; periods and the carried context are computed only when needed."""
    text = doc.text
    s = doc.sentences[i]
    readings = _readings(doc, s, numbers)
    figures = [(n, r, c) for n, r, c in readings if r.indicator != "change"]
    if not figures:
        return []
    cache: list[Period | None] = []

    def carried() -> Period | None:
        if not cache:
            cache.append(_carried_period(doc, i))
        return cache[0]

    doc.state.carry = carried
    periods = _periods(doc, i)
    yoy = _attach_yoy(text, doc.low, s, readings)
    figures = _drop_previous_levels(text, figures)
    cumulative = lx.has("cumulative", doc.low, s.start, s.end)
    out: list[Candidate] = []
    quote = _quote(text, s)
    elsewhere = not mentions and names_other_place(text, s, mentions)
    in_order = _respectively(doc.low, s, figures, mentions)
    for n, r, clause in figures:
        port = in_order.get(n.start) or pick_port(doc.low, mentions, n.start, clause, s, doc.state, elsewhere)
        compared = _COMPARED.search(doc.low, max(clause[0], n.start - 40), n.start) is not None
        period = pick_period(periods, n.start, clause, r.indicator, doc.state, cumulative, compared)
        if period and doc.pub and period[0] > doc.pub:
            continue  # a period that has not begun: a plan or target, not a reported figure
        out.append(
            Candidate(
                port,
                r.indicator,
                r.value,
                r.qualifier if r.qualifier != "exactly" else qualifier_of(text, n),
                n.step,
                period,
                yoy.get(n.start),
                _direction(doc.low, clause, r.indicator),
                _scope(doc.low, clause, n.start),
                quote,
                n.start,
            )
        )
    return out


_RESPECTIVELY = re.compile(r"respectively|соответственно|分别")


def _respectively(low: str, s: Sentence, figures: list[_Read], mentions: list[PortMention]) -> dict[int, str]:
    """'Alashankou and Horgos handled 3,560 and 4,120 trains respectively': ports and figures pair in order."""
    if not _RESPECTIVELY.search(low, s.start, s.end):
        return {}
    ports = list(dict.fromkeys(m.port for m in mentions if m.priority == 1))
    indicators = {r.indicator for _, r, _ in figures}
    if len(indicators) != 1 or len(ports) != len(figures) or len(ports) < 2:
        return {}
    return {n.start: port for (n, _, _), port in zip(figures, ports, strict=True)}


_FROM_BEFORE = re.compile(
    r"(?:\bfrom|由|从|\bс)\s*(?:原来的|此前的|the previous|an earlier|a previous)?\s*$", re.IGNORECASE
)


def _drop_previous_levels(text: str, figures: list[_Read]) -> list[_Read]:
    """'cut from 6 hours to 2 hours', '由原来的2天压缩至1天': the old level is not the news."""
    out: list[_Read] = []
    for i, (n, r, clause) in enumerate(figures):
        others = [f for j, f in enumerate(figures) if j != i and f[1].indicator == r.indicator and f[2] == clause]
        if others and _FROM_BEFORE.search(text, max(clause[0], n.start - 12), n.start):
            continue
        prev_end = max((f[1].end for f in figures[:i] if f[2] == clause), default=clause[0])
        same = [f for j, f in enumerate(figures) if j != i and f[1].indicator == r.indicator]
        if same and lx.has("previous", text.lower(), max(clause[0], prev_end), n.start):
            continue  # "used to take 3 days", "原来的2天": the old level
        out.append((n, r, clause))
    return out


_COMPARED = re.compile(
    r"(?:compared (?:with|to)|versus|vs\.?|against|\bfrom|против|по сравнению с|тогда как|чем|相比|较|比)"
)  # searched in the lower-cased text before a figure
_COMPARE_START = re.compile(
    r"(?:(?:down|up) from|compared (?:with|to)|versus|against|from|(?:but |and )?now|тогда как|против|"
    r"по сравнению с|а сейчас|сейчас|теперь|而|较|现在|目前)\b",
    re.IGNORECASE,
)


def _inherit(
    n: Number, text: str, clause: tuple[int, int], done: list[tuple[Number, Reading, tuple[int, int]]]
) -> Reading | None:
    """'fell to 96.4%, down from 98.9%': the second figure is the same indicator as the first."""
    levels = [r for _, r, _ in done if r.indicator != "change"]
    if not levels or not _COMPARE_START.search(text, max(0, clause[0] - 12, n.start - 30), n.start):
        return None
    prev = levels[-1]
    if n.kind == "pct" and prev.indicator.endswith("_pct"):
        return Reading(prev.indicator, n.value, n.end, n.qualifier)
    hours = time_in_hours(n, text, clause[1]) if prev.indicator == "clearance_time_hours" else None
    if n.kind == "num" and hours is not None:
        return Reading(prev.indicator, hours, n.end, n.qualifier)
    return None


def _attach_yoy(text: str, low: str, s: Sentence, readings: list[_Read]) -> dict[int, float]:
    """Each change in percent goes to the nearest figure before it (or the next one in its clause)."""
    out: dict[int, float] = {}
    for i, (n, r, clause) in enumerate(readings):
        if r.indicator != "change" or is_mom(n.end, Context(text, clause, (s.start, s.end), low), n.start):
            continue
        target = _yoy_target(readings, i, clause)
        if target is not None and target.start not in out:
            out[target.start] = r.value
    return out


def _yoy_target(readings: list[_Read], i: int, clause: tuple[int, int]) -> Number | None:
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


def _direction(low: str, clause: tuple[int, int], indicator: str) -> str:
    if indicator == "vehicles_exported":
        return "total"
    out = lx.has("direction_out", low, *clause)
    inn = lx.has("direction_in", low, *clause)
    if out == inn:
        return "total"
    trade = indicator.startswith("trade_value")
    if out:
        return "export" if trade else "outbound"
    return "import" if trade else "inbound"


def _scope(low: str, clause: tuple[int, int], pos: int) -> str:
    return "company" if lx.has("company", low, clause[0], pos) else "port"


def _quote(text: str, s: Sentence) -> str:
    quote = " ".join(text[s.start : s.end].split())
    return quote if len(quote) <= _MAX_QUOTE else quote[: _MAX_QUOTE - 1] + "…"


def _observation(document: Document, language: str, c: Candidate) -> Observation:
    start, end = c.period if c.period else (None, None)
    flags = ["implausible"] if is_implausible(c.port, c.indicator, c.value, c.period) else []
    value = round(c.value, 6)
    return Observation(
        id=Observation.make_id(c.port, c.indicator, c.direction, c.scope, start, end, value),
        document_id=document.id,
        source_id=document.source_id,
        url=document.url,
        port=c.port,
        indicator=c.indicator,
        value=value,
        unit=INDICATORS[c.indicator],
        period_start=start,
        period_end=end,
        yoy_pct=c.yoy_pct,
        qualifier=c.qualifier,
        direction=c.direction,
        scope=c.scope,
        quote=c.quote,
        language=language,
        published_at=document.published_at,
        flags=flags,
    )
