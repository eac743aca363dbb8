"""Tables in text: pipe- or tab-separated rows, in either of two orientations.

Rows are indicators, columns are periods:

    Показатель | 2024 | 2025 | Изменение
    Погрузка на сети, млн т | 290,1 | 296,4 | +2,2%

A header row says which column is which period (a year, "январь–сентябрь 2025", "2025年1-9月", "H1 2025"); a
data row's label carries the unit ("млн т", "тыс. ДФЭ", "million tonnes", "（万吨）"), since its cells are bare
numbers. The figure is the latest column that has begun by publication; a signed percentage in a column
without a period is its change on the year before when the two period columns are a year apart.

Rows are ports, columns are indicators:

    | Border crossing | Trains | Change y/y | Cargo, million t |
    | Dostyk – Alashankou | 3,218 | +4.1% | 11.9 |
    | Total | 7,123 | +8.1% | 25.3 |

The header cells carry the units (`fields`); a change column ("y/y", "Изменение …, %", "同比") is the
year-on-year change of the figure column before it. The period is the one the caption or the text before
states (the caller finds it); a total row ("Total", "Итого", "合计") is the aggregate the rows' ports add up to.
"""

from __future__ import annotations

import re
from datetime import date

from handlers.extract import lexicon as lx
from handlers.extract.calendar_words import EN_MONTH_RX, RU_MONTH_RX, month_end, month_number
from handlers.extract.indicators import label_indicator
from handlers.extract.numbers import SCALES, find_numbers
from handlers.extract.periods import find_periods, scripts_of
from handlers.extract.spans import Number, Sentence, value_type

_SEPARATOR = re.compile(r"\s*[|\t]\s*")
_BARE_YEAR = re.compile(r"(?<!\d)(?:FY\s?)?(20\d\d)(?!\d)(?:\s*(?:г\.?|гг\.?|год|year|年))?", re.IGNORECASE)
# Where a unit can start in a row label: after a comma, a slash or an opening parenthesis, or a scale word.
_UNIT_START = re.compile(r"[,(（/]\s*")
_LABEL_SCALE = re.compile(
    r"(тыс|млн|млрд|трлн)\.?\s*|(thousand|million|mln|mn|billion|bn|'000)\b\s*|(万亿|亿|万|千)", re.IGNORECASE
)
_LABEL_SCALES = {**SCALES, "mn": 1e6, "'000": 1e3}  # a label's scale words ("US$ mn", "('000 TEU)")
_DIGIT = re.compile(r"\d")
# a header cell that opens with a comparison: its period is what the change column compares with (lower-cased)
_VERSUS = re.compile(r"(?:к|vs\.?|versus|against|против|compared (?:with|to)|比|较|与)\s*(?=\S)")
_SIGN = re.compile(r"([+−–-])\s?$")


@value_type
class Column:
    first: date
    last: date
    versus: bool = False  # a change column headed by the period it compares with ("к I полугодию 2025", "vs H1 2025")


@value_type
class Field:
    """A column of a table whose rows are ports: the indicator its cells give (None: the change of the figure
    column before it), the factor to base units, and the header cell's span (its direction words)."""

    indicator: str | None
    factor: float
    span: tuple[int, int]
    period: tuple[date, date] | None = None  # the period the cell names with its unit ("2025年开行（列）")


@value_type
class Header:
    """A table's header row: the period of each column after the label, and the port its caption names; or,
    for rows that are ports, what each column gives (`fields`), the period stated before and the row's index."""

    columns: tuple[Column | None, ...]
    port: str | None = None
    fields: tuple[Field | None, ...] = ()
    period: tuple[date, date] | None = None
    at: int = -1


@value_type
class RowFigure:
    """The figure a table row gives for its latest period."""

    number: Number  # the cell's number (its offsets locate the figure in the text)
    indicator: str
    value: float
    period: tuple[date, date]
    yoy_pct: float | None
    label: tuple[int, int]


def is_row(text: str, s: Sentence) -> bool:
    """A line with at least two cell separators."""
    line = text[s.start : s.end]
    return line.count("|") >= 2 or line.count("\t") >= 2


def _cells(text: str, s: Sentence) -> list[tuple[int, int]]:
    """(start, end) of each non-empty cell of the row (a leading or trailing '|' makes no cell)."""
    out: list[tuple[int, int]] = []
    pos = s.start
    for m in _SEPARATOR.finditer(text, s.start, s.end):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < s.end:
        out.append((pos, s.end))
    return out


def header(text: str, low: str, s: Sentence, pub: date | None) -> tuple[Column | None, ...] | None:
    """The period of each column after the label, when at least two columns are periods; else None.

    A column headed by a plan or forecast ("2026 (план)", "2026F", "目标") has no period: it is not read."""
    columns: list[Column | None] = []
    periods = 0
    for lo, hi in _cells(text, s)[1:]:
        versus = _VERSUS.match(low, lo, hi) is not None
        column = _period(text, lo, hi, pub, versus)
        periods += column is not None
        planned = lx.has("plan", low, lo, hi) or lx.has("forecast", low, lo, hi)
        if column is not None and versus:
            column = Column(column.first, column.last, versus=True)
        columns.append(None if planned else column)
    return tuple(columns) if periods >= 2 else None


def fields(text: str, low: str, s: Sentence, pub: date | None = None) -> tuple[Field | None, ...] | None:
    """What each column after the label gives, when the row heads a table whose rows are ports: at least one
    cell names a unit or counted noun ('Trains', 'Cargo, million t', 'Поездов, ед.', '货运量（万吨）') and no
    cell is a figure; a change cell ('Change y/y', 'Изменение к 1 полугодию 2024 г., %', '同比') is marked.
    A cell may name its period with its unit ('2025年开行（列）', 'Trains, 2025', 'Поездов в 2025 г.')."""
    out: list[Field | None] = []
    for lo, hi in _cells(text, s)[1:]:
        if lx.TABLE_CHANGE.search(low, lo, hi):
            out.append(Field(None, 1.0, (lo, hi)))
            continue
        period: tuple[date, date] | None = None
        if _DIGIT.search(text, lo, hi):
            column = _period(text, lo, hi, pub)
            if column is None:
                return None  # a data row
            period = (column.first, column.last)
        unit = _label_unit(text, low, (lo, hi)) or _whole_noun(low, (lo, hi))
        indicator, factor = (None, 1.0)
        if unit is not None:
            name, scale, unit_start, unit_end = unit
            indicator, factor = label_indicator(text, low, (lo, hi), name, unit_start, unit_end)
            factor *= scale
        if period is not None and indicator is None:
            return None  # a period header ("2025 | 2024"), or a data row of bare years
        out.append(Field(indicator, factor, (lo, hi), period) if indicator is not None else None)
    return tuple(out) if any(f is not None and f.indicator for f in out) else None


def fields_period(columns: tuple[Field | None, ...]) -> tuple[date, date] | None:
    """The one period the header's cells name with their units, if they name one and no other."""
    named = {f.period for f in columns if f is not None and f.period is not None}
    return named.pop() if len(named) == 1 else None


def _whole_noun(low: str, cell: tuple[int, int]) -> tuple[str, float, int, int] | None:
    """A header cell that is only a unit or counted noun ('Trucks', 'Trains', 'Поездов'): its unit, unscaled."""
    for rx in lx.UNIT_RES:
        u = rx.match(low, *cell)
        if u is not None and u.lastgroup and u.lastgroup != "units":
            return u.lastgroup, 1.0, u.start(u.lastgroup), u.end()
    noun = _noun_unit(low, cell)
    return (noun[0], 1.0, noun[1], noun[2]) if noun is not None else None


@value_type
class PortCell:
    """A figure of a row whose label is a port: the cell's number, what it gives and its change."""

    number: Number
    indicator: str
    value: float
    yoy_pct: float | None
    field: Field


def read_port_row(text: str, s: Sentence, header: Header, cyrillic: bool) -> list[PortCell]:
    """The figures of a data row under a header whose columns are indicators, with each figure's change from
    the change column right after it."""
    cells = _cells(text, s)[1:]
    out: list[PortCell] = []
    for k, (field, (lo, hi)) in enumerate(zip(header.fields, cells, strict=False)):
        if field is None or field.indicator is None:
            continue
        n = _single_number(text, lo, hi, cyrillic)
        if n is None or n.kind != "num":
            continue
        change: float | None = None
        after = header.fields[k + 1] if k + 1 < len(header.fields) else None
        if after is not None and after.indicator is None and k + 1 < len(cells):
            change = _signed(text, cells[k + 1], cyrillic)
        out.append(PortCell(n, field.indicator, n.value * field.factor, change, field))
    return out


def _single_number(text: str, lo: int, hi: int, cyrillic: bool) -> Number | None:
    numbers = find_numbers(text, lo, hi, cyrillic, scripts_of(text, lo, hi), qualify=False)
    return numbers[0] if len(numbers) == 1 else None


def _signed(text: str, cell: tuple[int, int], cyrillic: bool) -> float | None:
    """A change cell's signed percentage ('+4.1%', '−2,3', '+11,6' under a '%' header)."""
    n = _single_number(text, *cell, cyrillic)
    if n is None or n.kind == "pp":
        return None
    sign = _SIGN.search(text, cell[0], n.start)
    return -n.value if sign and sign.group(1) != "+" else n.value


def is_total(low: str, label: tuple[int, int]) -> bool:
    """A row label that sums the rows above ('Total', 'Итого', '合计')."""
    return lx.TABLE_TOTAL.match(low, *label) is not None


def label_of(text: str, s: Sentence) -> tuple[int, int]:
    """The first cell of a row."""
    cells = _cells(text, s)
    return cells[0] if cells else (s.start, s.start)


def label_period(text: str, label: tuple[int, int], pub: date | None) -> tuple[date, date] | None:
    """The period a row label is, when it is only a period ('7月', 'July', 'Июль 2025', 'Q3 2025'): a table
    whose rows are periods and whose columns are indicators. A label with other words ('Погрузка за июль') is not."""
    lo, hi = label
    found = [p for p in find_periods(text, lo, hi, pub, scripts_of(text, lo, hi)) if not p.comparison]
    if not found:
        return _month_label(text, label, pub)
    p = found[0]
    rest = text[lo : p.start] + text[p.end : hi]
    if len(_LETTER.findall(rest)) > 3:  # ("2025 г.", "Q3" keep a letter or two beside the period)
        return None
    return p.first, p.last


_LETTER = re.compile(r"[^\W\d_]")
# a bare month name as a row label ("July", "Июль", "Jul 2025"): in running text a month needs a preposition
_MONTH_LABEL = re.compile(
    rf"\s*({EN_MONTH_RX}|{RU_MONTH_RX})\.?(?:\s+(20\d\d)(?:\s*(?:г\.?|года?))?)?\s*", re.IGNORECASE
)


def _month_label(text: str, label: tuple[int, int], pub: date | None) -> tuple[date, date] | None:
    """A label that is a month's name alone: that month of the year it names, else the latest that had begun by
    publication."""
    m = _MONTH_LABEL.fullmatch(text, *label)
    month = month_number(m.group(1)) if m else None
    if m is None or month is None:
        return None
    if m.group(2):
        year = int(m.group(2))
    elif pub is not None:
        year = pub.year if month <= pub.month else pub.year - 1
    else:
        return None
    return date(year, month, 1), month_end(year, month)


def _period(text: str, lo: int, hi: int, pub: date | None, compared: bool = False) -> Column | None:
    """The period a header cell names; `compared`: the cell names the base of a comparison ("vs Q3 2025")."""
    m = _BARE_YEAR.search(text, lo, hi)  # "2025", "2025 г.", "FY2025", "2026 (план)"
    year = int(m.group(1)) if m else None
    found = [p for p in find_periods(text, lo, hi, pub, scripts_of(text, lo, hi)) if compared or not p.comparison]
    if found:
        first, last = found[0].first, found[0].last
        if year is not None and first.year == last.year != year:  # "январь–сентябрь 2024": the cell's year
            first, last = _in_year(first, year), _in_year(last, year)
        return Column(first, last)
    if m is None or year is None or _DIGIT.search(text, lo, m.start()) or _DIGIT.search(text, m.end(), hi):
        return None
    return Column(date(year, 1, 1), date(year, 12, 31))


def _in_year(day: date, year: int) -> date:
    try:
        return day.replace(year=year)
    except ValueError:  # 29 February
        return day.replace(year=year, day=28)


def read_row(
    text: str, low: str, s: Sentence, columns: tuple[Column | None, ...], pub: date | None, cyrillic: bool
) -> RowFigure | None:
    """The figure of a data row under `columns`, or None when its label names no unit."""
    cells = _cells(text, s)
    if len(cells) < 2:
        return None
    label = cells[0]
    if lx.has("plan", low, *label) or lx.has("forecast", low, *label):
        return None
    unit = _label_unit(text, low, label)
    if unit is None:
        return None
    name, scale, unit_start, unit_end = unit
    indicator, factor = label_indicator(text, low, label, name, unit_start, unit_end)
    if indicator is None:
        return None
    values: list[tuple[Column, Number]] = []
    change: float | None = None
    versus: Column | None = None  # the period the change column names as its base
    for column, (lo, hi) in zip(columns, cells[1:], strict=False):
        numbers = find_numbers(text, lo, hi, cyrillic, scripts_of(text, lo, hi), qualify=False)
        if len(numbers) != 1:
            continue
        n = numbers[0]
        if column is not None and not column.versus and n.kind == "num":
            values.append((column, n))
        elif (column is None or column.versus) and n.kind == "pct":
            sign = _SIGN.search(text, lo, n.start)
            change = -n.value if sign and sign.group(1) != "+" else n.value
            versus = column
    begun = [(c, n) for c, n in values if pub is None or c.first <= pub]
    if not begun:
        return None
    column, n = max(begun, key=lambda v: v[0].last)
    period = (column.first, column.last)
    yoy = _yoy([*values, (versus, n)] if versus is not None else values, column, change)
    return RowFigure(n, indicator, n.value * scale * factor, period, yoy, label)


def earlier_columns(
    text: str, s: Sentence, columns: tuple[Column | None, ...], latest: RowFigure, cyrillic: bool
) -> list[RowFigure]:
    """The row's figures for its other period columns ("| Export value (US$ bn) | 2.31 | 2.87 |": H1 2025's 2.31),
    read with the latest figure's indicator and factor; they carry no change (the change column is the latest's)."""
    factor = latest.value / latest.number.value if latest.number.value else 0.0
    out: list[RowFigure] = []
    for column, (lo, hi) in zip(columns, _cells(text, s)[1:], strict=False):
        if column is None or column.versus or lo <= latest.number.start < hi or latest.period[0] <= column.first:
            continue
        n = _single_number(text, lo, hi, cyrillic) if factor else None
        if n is not None and n.kind == "num":
            period = (column.first, column.last)
            out.append(RowFigure(n, latest.indicator, n.value * factor, period, None, latest.label))
    return out


def _label_unit(text: str, low: str, label: tuple[int, int]) -> tuple[str, float, int, int] | None:
    """The unit a row label names after a comma, slash or parenthesis ('млн т', '(万吨)', "('000 TEU)"): its class,
    scale and span. A bare count ('ед.', 'units', '台') or a scale alone counts the noun the label names
    ('Передано поездов, ед.', 'Trains handled, thousand')."""
    for start in _UNIT_START.finditer(text, *label):
        pos, scale = start.end(), 1.0
        m = _LABEL_SCALE.match(text, pos, label[1])
        if m is not None:
            word = next(g for g in m.groups() if g).lower()
            scale = _LABEL_SCALES[word]
            pos = m.end()
        for rx in lx.units_at(text, pos, label[1]):
            u = rx.match(text, pos, label[1])
            if u is not None and u.lastgroup and u.lastgroup != "units":
                return u.lastgroup, scale * _scale_after(text, u.end(), label[1]), pos, u.end()
        noun = _noun_unit(low, (label[0], start.start()))
        if noun is not None:
            return noun[0], scale, noun[1], noun[2]
    # no unit after a comma or bracket: the noun the label counts ("Average export vehicles per day")
    noun = _noun_unit(low, label) if _UNIT_START.search(text, *label) is None else None
    return (noun[0], 1.0, noun[1], noun[2]) if noun is not None else None


def _scale_after(text: str, pos: int, end: int) -> float:
    """A scale word right after a currency in a label ("US$ bn", "USD million"): its factor, else 1."""
    m = _LABEL_SCALE.match(text, pos + (text[pos : pos + 1] == " "), end)
    if m is None:
        return 1.0
    word = next(g for g in m.groups() if g).lower()
    return _LABEL_SCALES[word]


def _noun_unit(low: str, span: tuple[int, int]) -> tuple[str, int, int] | None:
    """The last count noun (trains, tonnes, TEU, vehicles) in span of the lower-cased text: what the label
    counts ('Поездов, ед.' is capitalised as a header)."""
    last: tuple[str, int, int] | None = None
    for rx in lx.SUBJECT_UNIT_RES:
        for m in rx.finditer(low, *span):
            if m.lastgroup and (last is None or m.start() > last[1]):
                last = (m.lastgroup, m.start(), m.end())
    return last


def _yoy(values: list[tuple[Column, Number]], latest: Column, change: float | None) -> float | None:
    """The change column is the latest period's change on the year before when the other column is that year."""
    others = [c for c, _ in values if c != latest]
    if change is None or len(values) != 2 or len(others) != 1:
        return None
    other = others[0]
    year_before = _in_year(other.first, other.first.year + 1) == latest.first
    return change if year_before and _in_year(other.last, other.last.year + 1) == latest.last else None
