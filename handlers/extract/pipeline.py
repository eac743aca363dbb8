"""extract(document): language → numbers → indicators → ports → periods → year-on-year → merge → flags."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cache

from handlers.extract import lexicon as lx
from handlers.extract import numwords, tables
from handlers.extract.attribution import SNAPSHOT, DocState, is_quarter, names_other_place, pick_period, pick_port
from handlers.extract.candidates import Candidate, merge_repeats
from handlers.extract.events import VOCABULARY as EVENT_VOCABULARY
from handlers.extract.events import find_events
from handlers.extract.indicators import Context, Reading, maybe_figure, read_number
from handlers.extract.language import detect_language
from handlers.extract.literals import Occurrences, Vocabulary, find_all
from handlers.extract.numbers import find_numbers, qualifier_of
from handlers.extract.periods import find_periods, scripts_of, since_day
from handlers.extract.plausibility import is_implausible
from handlers.extract.ports import find_ports, plain_spaces, shared_region
from handlers.extract.ports import vocabulary as port_vocabulary
from handlers.extract.relations import (
    BACK_HEAD,
    COMPARED,
    ELLIPSIS_GAP,
    ELLIPTIC_REACH,
    THEN_BEFORE,
    Read,
    back_cue,
    back_level,
    comparison_head,
    continued,
    drop_previous_levels,
    elided,
    elided_cue,
    elided_share,
    elliptic,
    inherit,
    paired_ports,
    parallel,
    to_level,
)
from handlers.extract.segment import clause_at, clause_bounds, in_list_item, split_sentences
from handlers.extract.spans import Number, Period, PortMention, Sentence
from handlers.extract.trie import fold_safe
from handlers.extract.yoy import attach_yoy, back_changes
from service.models import Document, Event, Observation
from service.vocabulary import INDICATORS

# Full-width digits and signs to ASCII, one character for one, so offsets stay valid.
_FULLWIDTH = str.maketrans("０１２３４５６７８９％", "0123456789%")
_WIDE = re.compile("[０-９％]")
# A full-width digit or percent sign, or a character outside trie.fold_safe's: most texts have none, and one
# scan for both then answers both questions (the translation keeps fold safety: ０-９％ and 0-9% are safe).
_UNUSUAL = re.compile(
    "[^\x00-\xff\u0400-\u045f\u2000-\u206f\u3000-\u303f\u4e00-\u9fff\uff00-\uff04\uff06-\uff0f\uff1a-\uffef]"
)
# Run on the lower-cased text, without IGNORECASE: a cheap gate before the period patterns.
_PERIOD_CUE = re.compile(
    r"20\d\d|first|second|half|quarter|month|year|earlier|as of|h[12]\b|q[1-4]|"
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|полугод|квартал|мес|январ|феврал|март|апрел|ма[йяе]|"
    r"июн|июл|август|сентябр|октябр|ноябр|декабр|году|ранее|состоянию|года|сутки|вчера|24 hours|yesterday|"
    r"年|月|季度|半年|昨|week|недел|上周|上一周|上个星期"
)
_MAX_QUOTE = 400
_ELIDED_WORDS = ("more", "of th", "others", "another", "a further", "ещё", "еще", "其中")  # gate for elided_cue
_SAME_PERIOD = re.compile(  # lower-cased text
    r"same (?:period|(?:\w+ )?months|quarter|half)|(?:тот|этот) же период|(?:те|эти) же (?:\w+ )?месяц|同期"
)
# "than in the same period", "чем за тот же период", "去年同期": a comparison, not a back-reference
_SAME_AS_COMPARISON = re.compile(r"(?:than|чем|比|较|与|年)[^.;,，。；]{0,12}$")


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
    lowered: str  # text.lower() (may differ in length from text, unlike `low`)
    fold: str = ""  # `low` when trie.fold_safe(text), else ""
    counts: tuple[int, list[Reading]] = (-1, [])  # the last sentence with figures and its readings ("N of them")
    words: Occurrences | None = None  # where the words of _vocabulary() occur
    scripts: str = "lcz"  # the scripts the text has (periods.scripts_of): context words are looked for in those
    cues: list[int] | None = None  # where the text has a word of _ELIDED_WORDS (found on first need)
    stated: dict[int, Period | None] = field(default_factory=dict)  # _stated_period, by sentence
    latest: dict[int, tuple[int, Period] | None] = field(default_factory=dict)  # _latest_stated, by sentence


def extract(document: Document) -> Extraction:
    """Every indicator figure and certification/regulation event in one document. Pure: no I/O."""
    text = document.text
    usual = text.isascii() or _UNUSUAL.search(text) is None  # isascii is O(1) for str
    if not usual and _WIDE.search(text):
        text = text.translate(_FULLWIDTH)
    language = detect_language(text, document.language)
    pub = document.published_at.date() if document.published_at else None
    sentences = split_sentences(text)
    lowered = low = text.lower()
    if len(low) != len(text):
        low = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
    scripts = scripts_of(text, 0, len(text))
    fold = low if len(lowered) == len(text) and (usual or fold_safe(text)) else ""
    words = _vocabulary().scan(plain_spaces(low))
    ports = find_ports(text, low, scripts + "l", fold, words)
    state = DocState(pub=pub, scripts=scripts)
    doc = _Doc(text, pub, ports, state, sentences, {}, low, lowered, fold, words=words, scripts=scripts)
    numbers = find_numbers(text, 0, len(text), language == "ru", scripts, False, words, lowered)
    by_sentence: dict[int, list[Number]] = {}
    starts = [s.start for s in sentences]
    for n in numbers:
        by_sentence.setdefault(bisect_right(starts, n.start) - 1, []).append(n)
    cands: list[Candidate] = []
    mentions = _mentions_by_sentence(doc.ports, starts)
    tabular = "|" in text or "\t" in text
    header: tables.Header | None = None  # the header of the table being read
    for i, sentence in enumerate(sentences):
        row = tabular and tables.is_row(text, sentence)
        header = header if row else None
        if i in by_sentence and not sentence.nav:
            found = _table_row(doc, i, header, language == "ru", mentions) if row else None
            if not found:
                new = _figures(doc, i, by_sentence[i], mentions.get(i, []), mentions.get(i + 1, []))
                if not new and doc.counts[0] == i:
                    _changes_of_previous(doc, i, cands)
                cands.extend(new)
            elif isinstance(found, tables.Header):
                header = found
            else:
                cands.extend(found)
        elif row and not sentence.nav:
            header = _fields_header(doc, i) or header  # a header of units has no number
        if row and header is not None and header.fields and header.at < i:
            # the rows of a table of ports so far are one statement about all of them ("两口岸" after it)
            first = doc.sentences[header.at + 1]
            rows = [m for j in range(header.at + 1, i + 1) for m in mentions.get(j, [])]
            doc.state.update(Sentence(first.start, sentence.end), rows, low)
        else:
            doc.state.update(sentence, mentions.get(i, []), low, _opens_section(sentences, i))
    merged = merge_repeats(cands)
    observations = [_observation(document, language, c) for c in merged]
    events = find_events(document, text, low, sentences, language, pub, words)
    return Extraction(observations, events)


def _opens_section(sentences: list[Sentence], i: int) -> bool:
    """Whether sentence i is a headline with body text right under it: a section heading (or the title)."""
    s = sentences[i]
    if not s.headline or s.nav or i + 1 >= len(sentences):
        return False
    return not sentences[i + 1].headline


def _changes_of_previous(doc: _Doc, i: int, cands: list[Candidate]) -> None:
    """A sentence of changes only that speaks of the one before ("The figures were down 2% and 1.4% respectively
    from a year earlier", «Это на 2,3% больше, чем годом ранее»): the changes go to its figures, in order, when
    their counts agree."""
    changes = back_changes(doc.low, doc.sentences[i], doc.counts[1])
    if not changes or i == 0:
        return
    prev = doc.sentences[i - 1]
    k = [j for j, c in enumerate(cands) if prev.start <= c.start < prev.end and not c.indicator.endswith("_pct")]
    if len(k) != len(changes) or any(cands[j].yoy_pct is not None for j in k):
        return
    for j, change in zip(k, changes, strict=True):
        cands[j] = replace(cands[j], yoy_pct=change)


@cache
def _vocabulary() -> Vocabulary:
    """Every literal word the steps look for, found in one scan per document (see literals.py)."""
    return Vocabulary([*port_vocabulary(), *numwords.EN_WORDS, *numwords.RU_WORDS, *EVENT_VOCABULARY, *_ELIDED_WORDS])


def _table_row(
    doc: _Doc, i: int, header: tables.Header | None, cyrillic: bool, mentions: dict[int, list[PortMention]]
) -> tables.Header | list[Candidate] | None:
    """A table's header row, the figures of a data row under it, or None (the line is read as text).

    The caption right above the header ("Основные показатели АО «НК «КТЖ»", "Alashankou port, 2024-2025") names
    what the rows are about: its best-ranked port is the rows' port unless a row names its own."""
    s = doc.sentences[i]
    columns = tables.header(doc.text, doc.low, s, doc.pub)
    if columns is not None:
        caption = sorted(mentions.get(i - 1, []), key=lambda m: m.priority)
        return tables.Header(columns, caption[0].port if caption else None)
    if header is None or not header.fields:
        fields_header = _fields_header(doc, i)
        if fields_header is not None:
            return fields_header
    if header is not None and header.fields:
        return _port_row(doc, i, header, cyrillic, mentions)
    figure = tables.read_row(doc.text, doc.low, s, header.columns, doc.pub, cyrillic) if header else None
    if figure is None or header is None:
        return None
    body = Sentence(s.start, s.end)  # a row has no final punctuation, but it is not a headline
    own = mentions.get(i, [])
    port = (header.port if not own else None) or pick_port(
        doc.low, own, figure.number.start, figure.label, body, doc.state, False, figure.indicator
    )
    direction = _direction(doc.low, figure.label, figure.indicator, doc.scripts)
    scope = _scope(doc.low, figure.label, figure.label[1], doc.scripts)
    quote = _quote(doc.text, s)
    # the earlier period columns are figures too (a year-ago level the row compares with)
    figures = [figure, *tables.earlier_columns(doc.text, s, header.columns, figure, cyrillic)]
    return [
        Candidate(
            port, f.indicator, f.value, "exactly", f.number.step, f.period, f.yoy_pct, direction, scope, quote,
            f.number.start,
        )
        for f in figures
    ]


def _fields_header(doc: _Doc, i: int) -> tables.Header | None:
    """The header of a table whose rows are ports ('| Crossing | Trains | y/y | Cargo, mln t |'), with the period
    the caption or the text before states."""
    fields = tables.fields(doc.text, doc.low, doc.sentences[i], doc.pub)
    if fields is None:
        return None
    own = tables.fields_period(fields)  # "| 口岸 | 2025年开行（列） | 同比 |": the header states it
    if own is not None:
        return tables.Header((), None, fields, own, i)
    carried = _carried_period(doc, i)
    return tables.Header((), None, fields, (carried.first, carried.last) if carried else None, i)


def _port_row(
    doc: _Doc, i: int, header: tables.Header, cyrillic: bool, mentions: dict[int, list[PortMention]]
) -> list[Candidate] | None:
    """The figures of a row whose label is a port ('| Dostyk – Alashankou | 3,218 | +4.1% | 11.9 |'): the first
    port the label names; a total row ('Итого', '合计') is the region the ports of the rows above make up. A row
    whose label is a period ('| 7月 | 598 | +7.2% | 62,140 |', '| July | …', '| Июль | …') gives that period's
    figures for the port the text is about."""
    s = doc.sentences[i]
    label = tables.label_of(doc.text, s)
    own = mentions.get(i, [])
    port = _row_port(label, own)
    period = header.period
    if port is None and tables.is_total(doc.low, label):
        ports = {
            p
            for j in range(header.at + 1, i)
            if (p := _row_port(tables.label_of(doc.text, doc.sentences[j]), mentions.get(j, [])))
        }
        port = shared_region(ports)
    elif port is None and (row_period := tables.label_period(doc.text, label, doc.pub)) is not None:
        if doc.pub is not None and row_period[0] > doc.pub:
            return None  # a month that has not begun: a plan
        period = row_period
        port = pick_port(doc.low, own, label[0], label, Sentence(s.start, s.end), doc.state)
    if port is None:
        return None
    quote = _quote(doc.text, s)
    return [
        Candidate(
            port,
            c.indicator,
            c.value,
            "exactly",
            c.number.step,
            period,
            c.yoy_pct,
            _direction(doc.low, c.field.span, c.indicator, doc.scripts),
            _scope(doc.low, c.field.span, c.field.span[1], doc.scripts),
            quote,
            c.number.start,
        )
        for c in tables.read_port_row(doc.text, s, header, cyrillic)
    ]


def _row_port(label: tuple[int, int], own: list[PortMention]) -> str | None:
    """The first port a row label names."""
    inside = [m for m in own if label[0] <= m.start < label[1]]
    return min(inside, key=lambda m: m.start).port if inside else None


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
            found = find_periods(doc.text, s.start, s.end, doc.pub, scripts_of(doc.text, s.start, s.end), doc.fold)
        doc.periods[i] = found
    return doc.periods[i]


def _carried_period(doc: _Doc, i: int) -> Period | None:
    """The first main period of the latest earlier sentence that states one.

    "за тот же период", "over the same period", "同期": the longest of the last few stated periods (the
    cumulative one the passage is about), not a month mentioned in between.
    """
    s = doc.sentences[i]
    latest = _latest_stated(doc, i)
    if latest is None or not _same_cue(doc, s.start, s.end):
        return latest[1] if latest else None
    seen: list[Period] = []
    while latest is not None and len(seen) < 3:
        seen.append(latest[1])
        latest = _latest_stated(doc, latest[0])
    # (one that contains the latest: a year named further back in a quote, "drove this route in 2005", is not it)
    around = [p for p in seen if p.first <= seen[0].first and seen[0].last <= p.last]
    return max(around, key=lambda p: p.last - p.first) if around else None


def _latest_stated(doc: _Doc, i: int) -> tuple[int, Period] | None:
    """The latest sentence before sentence i that states a period a figure can take, and that period. Cached by
    sentence, and a scan back stops at a sentence whose answer is known: a page of undated lines costs one look
    per line, not one per line for each figure."""
    found: tuple[int, Period] | None = None
    for j in range(i - 1, -1, -1):
        period = _stated_period(doc, j)
        if period is not None:
            found = (j, period)
            break
        if j in doc.latest:
            found = doc.latest[j]
            break
    doc.latest[i] = found
    return found


def _stated_period(doc: _Doc, j: int) -> Period | None:
    """The first main period of sentence j, unless that sentence's periods are not the text's (cached)."""
    if j not in doc.stated:
        main = [p for p in _periods(doc, j) if not p.comparison and p.relative == ""]
        if not main or any(_part(doc, j, p) for p in main) or _aside(doc, j):
            doc.stated[j] = None  # (and the rest of that sentence: "in October alone, the highest … this year")
        elif _forecast(doc, j) or (doc.pub is not None and main[0].first > doc.pub):
            doc.stated[j] = None  # "после завершения в 2027 году … должна вырасти": a plan's period, not reported
        else:
            doc.stated[j] = main[0]
    return doc.stated[j]


def _aside(doc: _Doc, j: int) -> bool:
    """'For comparison, in the first quarter of 2025 …', «Для сравнения, …», 「作为对比，…」: a sentence that opens as
    an aside; the period it names is not the one the text goes on about."""
    s = doc.sentences[j]
    return lx.has("aside", doc.low, s.start, min(s.end, s.start + 20), doc.scripts)


def _part(doc: _Doc, j: int, p: Period) -> bool:
    """'In October alone', «Только в октябре», 「其中10月份单月」: a part of the period the text reports, said of the
    figures of its own sentence only (the items after it are still about the whole period)."""
    s = doc.sentences[j]
    return lx.has("period_part", doc.low, max(s.start, p.start - 12), min(s.end, p.end + 8), doc.scripts)


def _average_over_period(low: str, indicator: str, start: int, end: int) -> bool:
    """'Throughout the year, … an average of 1,310 vehicles a day', «Среднесуточно … передавалось 43 поезда»:
    a daily rate averaged over the period the text is about (not "currently … 22 trains a day on average")."""
    if indicator not in SNAPSHOT or not lx.has("average", low, start, end):
        return False
    return not lx.has("present", low, start, end)


def _same_cue(doc: _Doc, start: int, end: int) -> bool:
    """Whether low[start:end] says "the same period" / "за тот же период" / "同期" as a back-reference."""
    m = _SAME_PERIOD.search(doc.low, start, end)
    return m is not None and not _SAME_AS_COMPARISON.search(doc.low, max(start - 16, m.start() - 16), m.start())


def _forecast(doc: _Doc, j: int) -> bool:
    s = doc.sentences[j]
    return lx.has("forecast", doc.low, s.start, s.end)


def _same_period(doc: _Doc, i: int, own: list[Period], clause: tuple[int, int]) -> tuple[date, date] | None:
    """'Alashankou saw 3,311 trains over the same six months, …, in March and April': a clause that points back
    to the period stated before takes it, not a period another clause of its sentence names."""
    if any(clause[0] <= p.start < clause[1] for p in own) or not _same_cue(doc, *clause):
        return None
    stated = [p for p in own if p.end <= clause[0] and p.relative == "" and not p.comparison]
    if stated:  # 「一季度，…出口新能源汽车1.07万辆，占同期出口汽车总量的38.6%」: the period of its own sentence
        return stated[-1].first, stated[-1].last
    carried = _carried_period(doc, i)
    return (carried.first, carried.last) if carried is not None else None


def _the_period(doc: _Doc, i: int, own: list[Period], clause: tuple[int, int]) -> tuple[date, date] | None:
    """'… averaged 0.61 hours in October, and 99.2 percent … were released during the period', «за отчетный
    период»: a clause that names no period of its own but "the period" means the one the text reports (the one
    it states most often before), not a month another clause names."""
    if any(clause[0] <= p.start < clause[1] for p in own) or not lx.has("the_period", doc.low, *clause, doc.scripts):
        return None
    counts: dict[tuple[date, date], int] = {}
    for j in range(i):
        for p in _periods(doc, j):
            if not p.comparison and p.relative == "" and (doc.pub is None or p.first <= doc.pub):
                counts[p.first, p.last] = counts.get((p.first, p.last), 0) + 1
    return max(counts, key=lambda k: counts[k], default=None)


def _has_cue(doc: _Doc, s: Sentence) -> bool:
    """Whether the sentence has a word that can stand for an elided unit noun (one find per word per text)."""
    if doc.cues is None:
        words = doc.words
        found = [k for w in _ELIDED_WORDS for k in (words.starts_in(w, doc.low) if words else find_all(doc.low, w))]
        doc.cues = sorted(found)
    k = bisect_left(doc.cues, s.start)
    return k < len(doc.cues) and doc.cues[k] < s.end


def _readings(doc: _Doc, i: int, numbers: list[Number], mentions: list[PortMention]) -> list[Read]:
    text = doc.text
    s = doc.sentences[i]
    cue = _has_cue(doc, s)
    if not any(n.kind != "num" or maybe_figure(n, text, s.end, doc.fold) for n in numbers) and not (
        cue and any(elided_cue(n, doc.low) for n in numbers)
    ):
        if len(numbers) <= 2 and 0 < i - doc.counts[0] <= ELLIPTIC_REACH:
            return _elliptic(doc, i, numbers)  # "– За январь и февраль – уже почти 71 тысяча."
        return []  # dates, years, ages: no number here has a unit or a percent sign
    bounds = clause_bounds(text, s)
    readings: list[Read] = []
    before = doc.counts[1] if doc.counts[0] == i - 1 else []
    for n in numbers:
        if readings and n.start < readings[-1][1].end:
            continue  # the minutes of "2 часа 40 минут": read with the hours before them
        clause = clause_at(bounds, n.start)
        reading = read_number(n, Context(text, clause, (s.start, s.end), doc.low, doc.fold, doc.scripts))
        reading = continued(reading, doc.low, clause, n.start, readings) or inherit(n, text, clause, readings)
        reading = reading or to_level(n, text, doc.low, clause, readings)
        if reading is None and cue:
            reading = elided(n, doc.low, [r for _, r, _ in readings] or before)
        if reading is None and n.kind == "pct":
            reading = _elided_share(doc, i, n, clause, [r for _, r, _ in readings], before)
        back = readings or 0 < i - doc.counts[0] <= ELLIPTIC_REACH
        if reading is None and n.kind == "num" and back and back_cue(doc.low, n.start):
            reading = _back_level(doc, i, n, clause, [r for _, r, _ in readings])
        if reading is None and readings and n.kind == "num":  # "…, while Horgos handled 4,100"
            anchored = any(clause[0] <= m.start < clause[1] for m in mentions) or _dated(doc, i, readings[-1][1].end, n)
            reading = parallel(n, doc.low, clause, [r for _, r, _ in readings], mentions) if anchored else None
        if reading is not None:
            readings.append((n, reading, clause))
    if readings:
        doc.counts = (i, [r for _, r, _ in readings])
    return readings


def _elliptic(doc: _Doc, i: int, numbers: list[Number]) -> list[Read]:
    """The reading of a sentence that is only a period and a bare number, continuing the count series of a
    sentence shortly before it (see relations.elliptic); another number may only be part of the period
    (「1—2月」)."""
    s = doc.sentences[i]
    n = numbers[-1]
    own = [p for p in _periods(doc, i) if not p.comparison and p.end <= n.start]
    if len(own) != 1 or any(not own[0].start <= m.start < own[0].end for m in numbers[:-1]):
        return []
    reading = elliptic(n, doc.low, (s.start, s.end), (own[0].start, own[0].end), doc.counts[1])
    if reading is None and back_cue(doc.low, n.start):  # «За тот же период прошлого года было 1 668.»
        reading = back_level(n, doc.text, doc.low, (s.start, own[0].start, own[0].end), s.end, doc.counts[1])
    if reading is None:
        return []
    doc.counts = (i, [reading])
    return [(n, reading, (s.start, s.end))]


def _year_earlier(doc: _Doc, periods: list[Period], start: int, pos: int) -> tuple[date, date] | None:
    """'A year earlier, …', «Годом ранее — …», 「去年同期为…」, 'In the same period last year, …': a sentence that
    opens with an earlier period of the same kind speaks of the period the text stated last, that many years
    before (else of the period as named); not a figure with a period of its own after it («Годом ранее … ниже, а
    в апреле нынешнего года — 38,9%»)."""
    before = [p for p in periods if p.end <= pos]
    first = before[0] if len(before) == 1 else None
    if first is None or not (first.relative == "prev_year" or first.comparison):
        return None
    if not BACK_HEAD.fullmatch(doc.low, start, first.start):
        return None  # (a comparison period there follows "the same period of")
    ref = doc.state.period
    years = 1 if first.relative == "prev_year" or ref is None else ref.first.year - first.first.year
    if ref is None or years < 1:
        return first.first, first.last
    return _shift_year(ref.first, years), _shift_year(ref.last, years)


def _back_level(doc: _Doc, i: int, n: Number, clause: tuple[int, int], earlier: list[Reading]) -> Reading | None:
    """'Last year it was 9 hours.', «Годом ранее — 9 часов.», '…，2023年为30万辆': the level, for the period that
    opens the sentence (or the clause, after a figure of the sentence), of the figure before it (see
    relations.back_level)."""
    lo = clause[0] if earlier else doc.sentences[i].start
    heads = [p for p in _periods(doc, i) if lo <= p.start and p.end <= n.start]
    if not heads:
        return None
    head = (lo, heads[0].start, heads[0].end)
    return back_level(n, doc.text, doc.low, head, clause[1], earlier or doc.counts[1])


def _dated(doc: _Doc, i: int, after: int, n: Number) -> bool:
    """Whether a period stated after the figure before (which ends at `after`) stands right before the number
    ('а с января по октябрь – 6 112', 'and in January–October, 6,112'): the clause is the period and the number
    alone, the figure's noun and verb are those of the count before it."""
    return any(
        after <= p.start and not p.comparison and ELLIPSIS_GAP.fullmatch(doc.low, p.end, n.start)
        for p in _periods(doc, i)
    )


def _elided_share(
    doc: _Doc, i: int, n: Number, clause: tuple[int, int], earlier: list[Reading], before: list[Reading]
) -> Reading | None:
    """A bare percentage continuing a share series: of this sentence, or of the one before when this sentence
    points back to it ("этот показатель", "this share", "该比例"); only in a clause that names a period."""
    s = doc.sentences[i]
    series = earlier or (before if lx.has("anaphor_figure", doc.low, s.start, s.end, doc.scripts) else [])
    if not series:
        return None
    dated = any(clause[0] <= p.start < clause[1] for p in _periods(doc, i))
    return elided_share(n, doc.low, clause, series, dated)


def _figures(
    doc: _Doc, i: int, numbers: list[Number], mentions: list[PortMention], after: list[PortMention] | None = None
) -> list[Candidate]:
    """The candidates of sentence i; periods and the carried context are computed only when needed.

    `after`: the port mentions of the next sentence (a speaker attribution after a quote names the port).
    """
    text = doc.text
    s = doc.sentences[i]
    readings = _readings(doc, i, numbers, mentions)
    figures = [(n, r, c) for n, r, c in readings if r.indicator != "change"]
    if not figures:
        return []
    _set_carry(doc, i)
    periods = _periods(doc, i)
    yoy = attach_yoy(text, doc.low, s, readings)
    figures = drop_previous_levels(text, figures, doc.lowered)
    elsewhere = not mentions and names_other_place(text, s, mentions, doc.low)
    in_order = paired_ports(doc.low, s, figures, mentions)
    speaker = _speaker_port(doc, i, after) if not mentions and after else None
    out: list[Candidate] = []
    series: dict[int, tuple[str, str]] = {}  # figure start → its direction and scope
    for k, (n, r, clause) in enumerate(figures):
        port = (
            in_order.get(n.start)
            or speaker
            or pick_port(doc.low, mentions, n.start, clause, s, doc.state, elsewhere, r.indicator)
        )
        compared = COMPARED.search(doc.low, max(clause[0], n.start - 40), n.start) is not None
        series[n.start] = _series(doc, figures[:k], (n, r, clause), series, s.start)
        own = _before_comparison(doc.low, periods, n.end, s.end)
        # "Since its launch, … 31,000 trips"; not "…612列，为开通以来单月最高水平" (a record, after the figure)
        cumulative = lx.has("cumulative", doc.low, s.start, clause[1], doc.scripts)
        average = _average_over_period(doc.low, r.indicator, s.start, clause[1])
        present = lx.has("present", doc.low, clause[0], clause[1], doc.scripts)
        period = (
            _compared_level(doc, periods, n.start, clause)
            or _then_period(doc, periods, n.start, clause)
            or _year_earlier(doc, periods, s.start, n.start)
            or _when_period(doc.low, own, clause)
            or _same_period(doc, i, own, clause)
            or _the_period(doc, i, own, clause)
            or pick_period(own, n.start, clause, r.indicator, doc.state, cumulative, compared, average, present)
        )
        if period is None and cumulative:
            period = since_day(text, s.start, n.start, doc.pub)
        period = _years_ago(doc.low, (n.end, clause[1]), period)
        period = _bulletin_period(doc, i, period)
        if period and doc.pub and period[0] > doc.pub:
            continue  # a period that has not begun: a plan or target, not a reported figure
        out.append(_candidate(doc, s, (n, r, clause), port, period, yoy.get(n.start), series[n.start]))
    return out


_GRACE = 45  # days: how long after a reporting period ends a bulletin about it is published


def _bulletin_period(doc: _Doc, i: int, period: tuple[date, date] | None) -> tuple[date, date] | None:
    """«• … с начала года проследовали 6 418 поездов» in a bulletin whose lead states «по итогам января - октября»:
    the year so far of a list item is the cumulative period the bulletin reports (one of the same year that ended
    shortly before publication); elsewhere (an interview, a quote) it runs to publication."""
    pub = doc.pub
    if pub is None or period != (date(pub.year, 1, 1), pub) or not in_list_item(doc.text, doc.sentences[i].start):
        return period
    for j in range(i - 1, -1, -1):
        for p in _periods(doc, j):
            if p.comparison or p.relative or p.first != period[0] or p.last >= pub:
                continue
            if (pub - p.last).days <= _GRACE and p.last.month != (p.last + timedelta(days=1)).month:
                return p.first, p.last
    return period


# "cut to 1.5 hours, compared with 3 hours in 2024": what follows such a cue in the clause is the comparison's
_COMPARISON_CUE = re.compile(
    r"compar(?:ed|es?) (?:with|to)|\bversus\b|\bvs\.?|\bagainst\b|\bthan\b|\b(?:up|down) from\b|"
    r"(?<![а-яё])(?:против|по сравнению с|чем|тогда как)(?![а-яё])|\bwhereas\b|相比|较|(?<![同环占])比"
)  # lower-cased text


# 「较2024年的7,620列和6,455列」: after the compared period only 的 and the levels before this one
_LEVELS_OF = re.compile(r"\s*的\s*(?:[\d,.]+\s*[^\d，。；,;、和及与]{0,3}\s*(?:和|、|及|与)\s*)*$")


def _compared_level(doc: _Doc, periods: list[Period], start: int, clause: tuple[int, int]) -> tuple[date, date] | None:
    """「较2024年的7,620列和6,455列均有所增长」: levels given as those of a compared period take that period."""
    before = [p for p in periods if p.comparison and clause[0] <= p.start and p.end <= start]
    if not before or not _LEVELS_OF.match(doc.low, before[-1].end, start):  # (`$` there is `start`)
        return None
    return before[-1].first, before[-1].last


def _then_period(doc: _Doc, periods: list[Period], start: int, clause: tuple[int, int]) -> tuple[date, date] | None:
    """The compared period a figure introduced by 'then' / 'тогда' refers back to ("…, чем годом ранее (тогда было
    51,7 тыс.)"): a year before the figure's own period when the compared one is "a year earlier"."""
    if not THEN_BEFORE.search(doc.low, max(clause[0], start - 24), start):
        return None
    before = [p for p in periods if p.comparison and p.end <= start]
    if not before:
        return None
    then = before[-1]
    if then.relative != "prev_year":
        return then.first, then.last
    refs = [p for p in periods if not p.comparison and p.relative == "" and p.end <= then.start]
    ref = refs[-1] if refs else doc.state.period
    if ref is None:
        return None
    return _shift_year(ref.first, 1), _shift_year(ref.last, 1)


def _before_comparison(low: str, periods: list[Period], end: int, stop: int) -> list[Period]:
    """The periods a figure may take: not one stated after a comparison cue that follows it (up to `stop`, the
    end of its sentence)."""
    cue = _COMPARISON_CUE.search(low, end, stop)
    if cue is None:
        return periods
    return [p for p in periods if p.start < cue.end() or p.comparison]


_WHEN = re.compile(r"(?:when|когда)\s")  # lower-cased text, at the start of a clause


def _when_period(low: str, periods: list[Period], clause: tuple[int, int]) -> tuple[date, date] | None:
    """'… twice as much as in 2024, when 29,300 TEU were recorded': the clause is about the period before it."""
    if not _WHEN.match(low, clause[0]):
        return None
    before = [p for p in periods if p.end <= clause[0] and clause[0] - p.end <= 3 and p.relative == ""]
    return (before[-1].first, before[-1].last) if before else None


_AGO = re.compile(r"ago|назад|年前")  # a cheap first look
_YEARS_AGO = re.compile(  # lower-cased text
    r"\b(a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2}) years? ago\b|"
    r"(?<![а-яё])(год|один год|два|три|четыре|пять|шесть|семь|восемь|девять|десять|\d{1,2}) (?:года?|лет) назад|"
    r"(?<![а-яё])(год) назад|"
    r"([一二两三四五六七八九十]|\d{1,2})年前"
)
_AGO_NUMBER = {
    "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "год": 1, "один год": 1, "два": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7,
    "восемь": 8, "девять": 9, "десять": 10, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
    "八": 8, "九": 9, "十": 10,
}  # fmt: skip


def _years_ago(low: str, after: tuple[int, int], period: tuple[date, date] | None) -> tuple[date, date] | None:
    """'compared with 19 percent two years ago', '19% пять лет назад': the period shifted back that many years.

    `after`: from the end of the figure to the end of its clause; no other number may stand in between.
    """
    cue = _AGO.search(low, *after) if period is not None else None
    m = _YEARS_AGO.search(low, max(after[0], cue.start() - 16), cue.end()) if cue is not None else None
    if m is None or period is None or _DIGIT.search(low, after[0], m.start()):
        return period
    word = next(g for g in m.groups() if g)
    years = int(word) if word.isdigit() else _AGO_NUMBER[word]
    return _shift_year(period[0], years), _shift_year(period[1], years)


def _shift_year(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


_DIGIT = re.compile(r"\d")
_QUOTE_END = re.compile(r"[”»\"」]\s*$")
# 「“……”吐尔尕特海关相关负责人说。」, '"…" said an official of Torugart customs.': who speaks, and where
_SPEAKER = re.compile(
    r"[^。！？.!?]{0,40}(?:说|表示|介绍|指出|称|说道|said|says|told|сообщил\w*|сказал\w*|отметил\w*|пояснил\w*)"
    r"[^。！？.!?]{0,40}[。！.!]?\s*$",
    re.IGNORECASE,
)


def _speaker_port(doc: _Doc, i: int, after: list[PortMention]) -> str | None:
    """The port named in a short attribution sentence right after a quoted sentence, if any."""
    s = doc.sentences[i]
    if i + 1 >= len(doc.sentences) or not _QUOTE_END.search(doc.text, s.start, s.end):
        return None
    nxt = doc.sentences[i + 1]
    if nxt.headline or nxt.end - nxt.start > 80 or not _SPEAKER.fullmatch(doc.text, nxt.start, nxt.end):
        return None
    named = {m.port for m in after if m.priority == 1}
    return named.pop() if len(named) == 1 else None


def _series(doc: _Doc, earlier: list[Read], read: Read, series: dict[int, tuple[str, str]], lo: int) -> tuple[str, str]:
    """Direction and scope; a comparison figure ('down from 98.9%') takes those of the figure it is compared with."""
    n, r, clause = read
    low = doc.low
    direction = _direction(low, clause, r.indicator, doc.scripts)
    scope = _scope(low, clause, n.start, doc.scripts)
    lo = max([lo, *(f[1].end for f in earlier)])
    head = comparison_head(low, n, lo, earlier, r.indicator)
    if head is None:
        return direction, scope
    head_direction, head_scope = series[head[0].start]
    own_words = head[2] != clause and direction != "total"  # "…, against 40% for imports": its own series
    return (direction if own_words else head_direction), (scope if scope == "company" else head_scope)


def _set_carry(doc: _Doc, i: int) -> None:
    cache: list[Period | None] = []

    def carried() -> Period | None:
        if not cache:
            cache.append(_carried_period(doc, i))
        return cache[0]

    doc.state.carry = carried
    doc.state.quarters = lambda: _stated_quarter(doc, i)


def _stated_quarter(doc: _Doc, i: int) -> Period | None:
    """The last calendar quarter an earlier sentence stated as a main period (what "in the quarter" means); not
    one stated after a comparison cue that follows a number ("the 1,214 trains compare with 1,144 in
    January–March 2025"; not "Compared with 2025, in January–March 2026 …")."""
    for j in range(i - 1, -1, -1):
        s = doc.sentences[j]
        if _aside(doc, j):
            continue
        first = _DIGIT.search(doc.low, s.start, s.end)
        for p in _before_comparison(doc.low, _periods(doc, j), first.end() if first else s.end, s.end):
            if not p.comparison and p.relative == "" and is_quarter(p):
                return p
    return None


def _candidate(
    doc: _Doc,
    s: Sentence,
    read: Read,
    port: str | None,
    period: tuple[date, date] | None,
    yoy: float | None,
    series: tuple[str, str],
) -> Candidate:
    n, r, _ = read
    qualifier = r.qualifier if r.qualifier != "exactly" else qualifier_of(doc.text, n, doc.fold)
    direction, scope = series
    return Candidate(
        port, r.indicator, r.value, qualifier, n.step, period, yoy, direction, scope, _quote(doc.text, s), n.start
    )


def _direction(low: str, clause: tuple[int, int], indicator: str, scripts: str = "lcz") -> str:
    if indicator == "vehicles_exported":
        return "total"
    out = lx.has("direction_out", low, *clause, scripts)
    inn = lx.has("direction_in", low, *clause, scripts)
    if out == inn:
        return "total"
    trade = indicator.startswith("trade_value")
    if out:
        return "export" if trade else "outbound"
    return "import" if trade else "inbound"


def _scope(low: str, clause: tuple[int, int], pos: int, scripts: str = "lcz") -> str:
    return "company" if lx.has("company", low, clause[0], pos, scripts) else "port"


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
