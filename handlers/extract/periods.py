"""Period expressions (en/ru/zh) resolved to [first, last] dates against the publication date."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from handlers.extract import calendar_words as cw
from handlers.extract.spans import Period
from handlers.extract.trie import Folded, is_word, lower_pattern, needle, top_level_alternatives

Span = tuple[date, date]
Resolver = Callable[[re.Match[str], date | None], Span | None]

_EN_Y = r"(?:,?\s+(?:of\s+|in\s+)?(?:the\s+)?(?P<y>20\d\d|this year|last year|the year|the current year))?"
_RU_Y = r"(?:\s+(?P<y>20\d\d)\s*(?:-?го\s+)?(?:года|году|г\.|г\b)|\s+(?P<yr>текущего|этого|прошлого|нынешнего) года)?"
# «январь–сентябрь 2024»: after a range of months a bare year is the range's year
_RU_Y_BARE = (
    r"(?:\s+(?P<y>20\d\d)(?!\d)\s*(?:-?го\s+)?(?:года|году|г\.|г\b)?|"
    r"\s+(?P<yr>текущего|этого|прошлого|нынешнего) года)?"
)
_ZH_Y = r"(?:(?P<y>20\d\d)\s*年|(?P<yr>今年|去年|上年|本年))?"
_M = cw.EN_MONTH_RX
_RM = cw.RU_MONTH_RX
_N_EN = r"(?P<n>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven)"
_N_RU = (
    r"(?P<n>\d{1,2}|двух|тр[её]х|четыр[её]х|пяти|шести|семи|восьми|девяти|десяти|одиннадцати|"
    r"два|три|четыре|пять|шесть|семь|восемь|девять|десять|одиннадцать)"
)


_GRACE = 45  # days: a period may still be running when reported, but not far from its end


def _year(m: re.Match[str], pub: date | None, first_month: int = 1, last_month: int = 0) -> int | None:
    """An explicit or relative year; otherwise the latest year whose period had begun by publication
    (and, for a span of months, whose end is near: "the first half" written in February is last year's)."""
    groups = m.groupdict()
    raw = (groups.get("y") or groups.get("yr") or "").lower()
    if raw[:2] == "20" and raw[:4].isdigit():
        return int(raw[:4])
    if pub is None:
        return None
    if raw in ("last year", "прошлого", "去年", "上年"):
        return pub.year - 1
    if raw:
        return pub.year
    if date(pub.year, first_month, 1) > pub:
        return pub.year - 1
    if last_month and (cw.month_end(pub.year, last_month) - pub).days > _GRACE:
        return pub.year - 1
    return pub.year


def _months(first_month: int, last_month: int) -> Resolver:
    def resolve(m: re.Match[str], pub: date | None) -> Span | None:
        y = _year(m, pub, first_month, last_month if last_month > first_month else 0)
        return None if y is None else (date(y, first_month, 1), cw.month_end(y, last_month))

    return resolve


def _first_n(m: re.Match[str], pub: date | None) -> Span | None:
    n = cw.count(m.group("n"))
    return _months(1, n)(m, pub) if n and 1 <= n <= 12 else None


def _half(m: re.Match[str], pub: date | None) -> Span | None:
    h = cw.ordinal(m.group("h"))
    return _months(1, 6)(m, pub) if h == 1 else _months(7, 12)(m, pub) if h == 2 else None


def _quarter(m: re.Match[str], pub: date | None) -> Span | None:
    q = cw.ordinal(m.group("q"))
    return _months(3 * q - 2, 3 * q)(m, pub) if q and 1 <= q <= 4 else None


def _quarters_cumulative(m: re.Match[str], pub: date | None) -> Span | None:
    n = cw.count(m.group("n"))
    return _months(1, 3 * n)(m, pub) if n and 1 <= n <= 4 else None


def _range(m: re.Match[str], pub: date | None) -> Span | None:
    a, b = cw.month_number(m.group("m1")), cw.month_number(m.group("m2"))
    return _months(a, b)(m, pub) if a and b and a <= b else None


def _adjacent(m: re.Match[str], pub: date | None) -> Span | None:
    """«за январь и февраль»: two months joined by "and" make one span when they are consecutive."""
    a, b = cw.month_number(m.group("m1")), cw.month_number(m.group("m2"))
    return _months(a, b)(m, pub) if a and b and b == a + 1 else None


def _month(m: re.Match[str], pub: date | None) -> Span | None:
    a = cw.month_number(m.group("m"))
    return _months(a, a)(m, pub) if a else None


def _unnamed_quarter(m: re.Match[str], pub: date | None) -> Span | None:
    """'in the quarter', «за квартал», 「本季度」 with no number: the quarter just reported (the one that contains
    the day 45 days before publication); attribution prefers a quarter the text stated before."""
    if pub is None:
        return None
    day = date.fromordinal(pub.toordinal() - _GRACE)
    q = (day.month - 1) // 3 + 1
    return date(day.year, 3 * q - 2, 1), cw.month_end(day.year, 3 * q)


def _unnamed_month(m: re.Match[str], pub: date | None) -> Span | None:
    """'in the month', «за месяц», 「当月」 with no month named: the month just reported (the one that contains the
    day ten days before publication); attribution prefers a month the text stated."""
    if pub is None:
        return None
    day = date.fromordinal(pub.toordinal() - 10)
    return date(day.year, day.month, 1), cw.month_end(day.year, day.month)


def _whole_year(m: re.Match[str], pub: date | None) -> Span | None:
    """'Throughout the year', «за год», 「全年」 with no year named: the last year reported by publication;
    attribution prefers the year of the period the text is about."""
    return _months(1, 12)(m, pub)


def _past_day(m: re.Match[str], pub: date | None) -> Span | None:
    """«за минувшие сутки, 13 января», 'over the past 24 hours', 「昨日」: the day named, else the day before
    publication."""
    mo = cw.month_number(m.group("m")) if m.groupdict().get("m") else None
    if mo and pub is not None:
        y = pub.year if mo <= pub.month else pub.year - 1
        try:
            day = date(y, mo, int(m.group("d")))
        except ValueError:
            return None
        return day, day
    if pub is None:
        return None
    day = date.fromordinal(pub.toordinal() - 1)
    return day, day


def _days(m: re.Match[str], pub: date | None) -> Span | None:
    """'Nov 9–15', «с 9 по 15 января», 「2月2日—2月8日」: a run of days (a week's bulletin) in one or two months."""
    groups = m.groupdict()
    named = groups.get("m1") or groups.get("m") or ""
    first_month, last_month = cw.month_number(named), cw.month_number(groups.get("m2") or named)
    y = _year(m, pub, first_month or 1)
    if not first_month or not last_month or y is None:
        return None
    try:
        first, last = date(y, first_month, int(m.group("d1"))), date(y, last_month, int(m.group("d2")))
    except ValueError:
        return None
    return (first, last) if 0 < (last - first).days <= 31 else None


def _last_week(m: re.Match[str], pub: date | None) -> Span | None:
    """'Last week', «на прошлой неделе», 「上周」: Monday to Sunday of the week before publication."""
    if pub is None:
        return None
    monday = date.fromordinal(pub.toordinal() - pub.weekday() - 7)
    return monday, date.fromordinal(monday.toordinal() + 6)


def _full_year(m: re.Match[str], pub: date | None) -> Span | None:
    y = _year(m, pub)
    return None if y is None else (date(y, 1, 1), date(y, 12, 31))


def _last_year(m: re.Match[str], pub: date | None) -> Span | None:
    return None if pub is None else (date(pub.year - 1, 1, 1), date(pub.year - 1, 12, 31))


def _ytd(m: re.Match[str], pub: date | None) -> Span | None:
    """The year so far; "since the beginning of 2024" written in 2025 is that whole year."""
    y = (m.groupdict().get("y") or "")[:4]
    if y.isdigit() and (pub is None or int(y) < pub.year):
        return date(int(y), 1, 1), date(int(y), 12, 31)
    return None if pub is None else (date(pub.year, 1, 1), pub)


def _since_month(m: re.Match[str], pub: date | None) -> Span | None:
    """"Since January", «с января», 「1月以来」: from the first of that month to publication."""
    mo = cw.month_number(m.group("m"))
    y = _year(m, pub, mo or 1)
    if not mo or y is None or pub is None or date(y, mo, 1) > pub:
        return None
    return date(y, mo, 1), pub


def _prev_month(m: re.Match[str], pub: date | None) -> Span | None:
    if pub is None:
        return None
    y, mo = (pub.year, pub.month - 1) if pub.month > 1 else (pub.year - 1, 12)
    return date(y, mo, 1), cw.month_end(y, mo)


def _as_of(m: re.Match[str], pub: date | None) -> Span | None:
    mo = cw.month_number(m.group("m"))
    y = _year(m, pub, mo or 1)
    if not mo or y is None:
        return None
    try:
        day = date(y, mo, int(m.group("d")))
    except ValueError:
        return None
    return day, day


def _as_of_month_end(m: re.Match[str], pub: date | None) -> Span | None:
    mo = cw.month_number(m.group("m"))
    y = _year(m, pub, mo or 1)
    if not mo or y is None:
        return None
    end = cw.month_end(y, mo)
    return end, end


_I = re.IGNORECASE
PATTERNS: tuple[tuple[re.Pattern[str], Resolver, str], ...] = (
    (re.compile(rf"\b(?:the\s+)?first\s+{_N_EN}\s+months" + _EN_Y, _I), _first_n, ""),
    (re.compile(r"\b(?:the\s+)?first\s+(?P<n>two|three)\s+quarters" + _EN_Y, _I), _quarters_cumulative, ""),
    # "in nine months", "the nine-month turnover": the first N months of the year
    (re.compile(rf"\b(?:in|over|for|during)\s+(?:the\s+)?{_N_EN}\s+months\b" + _EN_Y, _I), _first_n, ""),
    (re.compile(rf"\b{_N_EN}-month\b" + _EN_Y, _I), _first_n, ""),
    (
        re.compile(r"\b(?:in|during|over|for)\s+the\s+quarter\b(?!\s+(?:end|to\b|through))|\bthe quarter(?:'s|’s)", _I),
        _unnamed_quarter,
        "quarter",
    ),
    (
        re.compile(
            r"\b(?:in|during|over|for|throughout)\s+the\s+month\b(?!\s+(?:of|before|after|to|ahead|earlier|since))|"
            r"\bthe month(?:'s|’s)",
            _I,
        ),
        _unnamed_month,
        "month",
    ),
    (
        re.compile(
            r"\b(?:throughout|during|over|for)\s+the\s+(?:(?:whole|full|entire)\s+)?year\b"
            r"(?!\s+(?:to|ago|earlier|before))",
            _I,
        ),
        _whole_year,
        "year",
    ),
    # "December was the busiest month": a month named as the subject of its clause
    (
        re.compile(
            rf"\b(?P<m>{_M})\s+(?:(?:alone|itself)\s+)?(?:was|saw|proved|became|marked|brought|accounted|set|turned)\b"
        ),
        _month,
        "",
    ),
    (
        re.compile(
            rf"\b(?i:over|in|during)\s+(?i:the)\s+(?i:past|last)\s+(?i:24\s+hours|day),?\s+(?P<m>{_M})\s+(?P<d>\d{{1,2}})"
        ),
        _past_day,
        "day",
    ),
    (
        re.compile(r"\b(?:(?:over|in|during)\s+the\s+(?:past|last)\s+(?:24\s+hours|day)|yesterday)\b", _I),
        _past_day,
        "day",
    ),
    (
        re.compile(
            rf"\b(?P<m>{_M})\.?\s+(?P<d1>\d{{1,2}})\s*(?:–|—|-|(?i:to|through))\s*(?P<d2>\d{{1,2}})\b(?![.,]?\d|\s*%)"
            r"(?:,?\s+(?P<y>20\d\d))?"
        ),
        _days,
        "",
    ),
    (
        re.compile(rf"\b(?P<d1>\d{{1,2}})\s*(?:–|—|-)\s*(?P<d2>\d{{1,2}})\s+(?P<m>{_M})\b(?:,?\s+(?P<y>20\d\d))?"),
        _days,
        "",
    ),
    (re.compile(r"\b(?:last|past|previous)\s+week\b", _I), _last_week, "week"),
    (re.compile(r"\b(?:the\s+)?(?P<h>first|second|1st|2nd)\s+half" + _EN_Y, _I), _half, ""),
    (re.compile(r"\b(?P<h>H[12]|[12]H)(?:\s+|-|/|'|’)?(?P<y>20\d\d)?\b"), _half, ""),
    (re.compile(r"\b(?:the\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter" + _EN_Y, _I), _quarter, ""),
    (re.compile(r"\bQ(?P<q>[1-4])(?:\s+|-|/|'|’)?(?P<y>20\d\d)?\b"), _quarter, ""),
    (
        re.compile(
            rf"\b(?:from\s+|between\s+)?(?P<m1>{_M})\.?(?:\s+20\d\d)?\s*(?:–|—|-|to|through|until|and)\s*"
            rf"(?P<m2>{_M})\b\.?" + _EN_Y
        ),
        _range,
        "",
    ),
    (
        re.compile(
            rf"\b(?i:in|during|for|of|over|last)\s+(?:the\s+month\s+of\s+)?(?P<m>{_M})\b(?!\s+\d{{1,2}}\b)"
            rf"(?!\.?\s*(?:–|—|-|to|through|until)\s*{_M})"  # "in January–July" is a range
            r"(?:,?\s+(?P<y>20\d\d|(?i:last year|this year)))?"  # "in October last year" is one month
        ),
        _month,
        "",
    ),
    (re.compile(rf"\b(?P<m>{_M})\s+(?P<y>20\d\d)\b"), _month, ""),
    (
        re.compile(
            rf"\b(?i:since)\s+(?:(?i:the\s+(?:beginning|start)\s+of)\s+)?(?P<m>{_M})\b(?!\s+\d{{1,2}}\b)"
            r"(?:,?\s+(?P<y>20\d\d))?"
        ),
        _since_month,
        "",
    ),
    (
        re.compile(
            r"\b(?:in|during|for|throughout|of|over)\s+(?:the\s+(?:whole|full|entire)\s+(?:year\s+)?(?:of\s+)?)?"
            r"(?P<y>20\d\d)\b(?![-–/]\d)",
            _I,
        ),
        _full_year,
        "",
    ),
    (
        re.compile(
            r"\b(?:so far this year|since the (?:beginning|start) of (?:the|this|(?P<y>20\d\d)) ?(?:year)?|"
            r"year[- ]to[- ]date|"
            r"this year)\b",
            _I,
        ),
        _ytd,
        "",
    ),
    (re.compile(r"\blast year\b", _I), _last_year, ""),
    (re.compile(r"\b(?:last month|a month ago)\b", _I), _prev_month, ""),
    (
        re.compile(r"\b(?:a month earlier|the previous month|the month before)\b", _I),
        _prev_month,
        "prev_month",
    ),
    (
        re.compile(r"\b(?:a year (?:earlier|ago|before)|the previous year|the year before)\b", _I),
        _last_year,
        "prev_year",
    ),
    (
        re.compile(
            rf"\b(?i:as of|as at|as of the end of)\s+(?P<m>{_M})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?"
            r"(?:,?\s+(?P<y>20\d\d))?"
        ),
        _as_of,
        "as_of",
    ),
    # Russian
    (re.compile(r"(?P<h>перв\w*|втор\w*|I{1,2}|[12])[\s-]*(?:-?м\s+)?полугоди\w*" + _RU_Y, _I), _half, ""),
    (
        re.compile(
            r"(?P<q>перв\w*|втор\w*|трет\w*|четв[её]рт\w*|I{1,3}|IV|[1-4])[\s-]*(?:-?м\s+)?квартал\w*" + _RU_Y, _I
        ),
        _quarter,
        "",
    ),
    (
        re.compile(
            r"(?:за|итогам|первые|первых|в течение)\s+(?:перв\w+\s+)?" + _N_RU + r"\s+(?:месяц\w*|мес\.)" + _RU_Y, _I
        ),
        _first_n,
        "",
    ),
    (re.compile(rf"(?:(?:в|за|с)\s+)?(?P<m1>{_RM})\s*(?:[–—-]|по)\s*(?P<m2>{_RM})" + _RU_Y_BARE, _I), _range, ""),
    (re.compile(rf"(?:(?:в|за)\s+)?(?P<m1>{_RM})\s+и\s+(?P<m2>{_RM})" + _RU_Y_BARE, _I), _adjacent, ""),
    (
        re.compile(r"(?<![а-яё])(?:за|в течение)\s+(?:(?:этот|отч[её]тный|прошедший)\s+)?квартал(?![а-яё])", _I),
        _unnamed_quarter,
        "quarter",
    ),
    (re.compile(rf"(?<![а-яё])(?P<m>{_RM})\s+(?:стал|оказал|выдал|принес|принёс)\w*", _I), _month, ""),
    (
        re.compile(
            r"(?<![а-яё])(?:за(?:\s+(?:этот|отч[её]тный|прошедший|минувший))?\s+месяц|в течение месяца)(?![а-яё])"
            r"(?!\s+(?:до|назад|спустя))",
            _I,
        ),
        _unnamed_month,
        "month",
    ),
    (
        re.compile(r"(?<![а-яё])(?:за|в течение)\s+(?:весь\s+)?года?(?![а-яё])(?!\s+(?:до|назад))", _I),
        _whole_year,
        "year",
    ),
    (
        re.compile(
            rf"(?<![а-яё])за\s+(?:прошедшие|минувшие|последние)\s+сутки,?\s+(?P<d>\d{{1,2}})\s+(?P<m>{_RM})", _I
        ),
        _past_day,
        "day",
    ),
    (re.compile(r"(?<![а-яё])(?:за\s+(?:прошедшие|минувшие|последние)\s+сутки|вчера)(?![а-яё])", _I), _past_day, "day"),
    (
        re.compile(rf"(?:с\s+)?(?P<d1>\d{{1,2}})\s*(?:[–—-]|по)\s*(?P<d2>\d{{1,2}})\s+(?P<m>{_RM})" + _RU_Y, _I),
        _days,
        "",
    ),
    (
        re.compile(r"(?<![а-яё])(?:на|за)\s+(?:прошл|прошедш|минувш|предыдущ)\w+\s+недел\w+", _I),
        _last_week,
        "week",
    ),
    (re.compile(rf"(?:в|за)\s+(?P<m>{_RM})" + _RU_Y, _I), _month, ""),
    (re.compile(rf"(?<![а-яё])с\s+(?:начала\s+)?(?P<m>{_RM})" + _RU_Y, _I), _since_month, ""),
    (
        # «за весь 2025 год», «а в 2023-м» (the year word left out after the ordinal ending)
        re.compile(
            r"(?:в|за|по итогам|на конец)\s+(?:весь\s+)?(?P<y>20\d\d)"
            r"(?:\s*(?:-?м\s+)?(?:году|год|года|г\.)|-м(?![а-яё]))",
            _I,
        ),
        _full_year,
        "",
    ),
    (
        re.compile(
            r"(?:с начала (?:(?P<y>20\d\d) |текущего |этого |нынешнего )?года|в этом году|в текущем году|"
            r"в нынешнем году)",
            _I,
        ),
        _ytd,
        "",
    ),
    (re.compile(r"(?:в прошлом году|за прошлый год|в минувшем году)", _I), _last_year, ""),
    (re.compile(r"(?:месяцем ранее|в предыдущем месяце)", _I), _prev_month, "prev_month"),
    (re.compile(r"(?:в прошлом месяце|за прошлый месяц|месяц назад)", _I), _prev_month, ""),
    (
        # «за аналогичный период прошлого года», «за тот же период прошлого года»: 去年同期
        re.compile(
            r"(?:годом ранее|год назад|годом раньше|"
            r"(?:за\s+)?(?:аналогичн\w+|тот же|этот же) период\w* (?:прошлого|предыдущего) года)",
            _I,
        ),
        _last_year,
        "prev_year",
    ),
    (re.compile(rf"по состоянию на\s+(?P<d>\d{{1,2}})\s+(?P<m>{_RM})" + _RU_Y, _I), _as_of, "as_of"),
    # Chinese
    (re.compile(_ZH_Y + r"(?P<m1>\d{1,2})\s*[—–\-－~～至到]\s*(?P<m2>\d{1,2})\s*月(?:份)?"), _range, ""),
    (
        re.compile(
            _ZH_Y
            + r"(?P<m1>[一二三四五六七八九十]{1,2})\s*[—–\-－~～至到]\s*(?P<m2>[一二三四五六七八九十]{1,3})\s*月(?:份)?"
        ),
        _range,
        "",
    ),
    (
        re.compile(
            _ZH_Y + r"(?P<m1>\d{1,2})\s*月\s*(?P<d1>\d{1,2})\s*日?\s*[—–\-－~～至到]\s*(?:(?P<m2>\d{1,2})\s*月\s*)?"
            r"(?P<d2>\d{1,2})\s*日"
        ),
        _days,
        "",
    ),
    (re.compile(r"上周(?![一二三四五六日天末])|上一周|上个星期"), _last_week, "week"),
    (re.compile(_ZH_Y + r"前(?P<n>\d{1,2}|十[一二]|[一二两三四五六七八九十])(?:个)?月"), _first_n, ""),
    (re.compile(_ZH_Y + r"前(?P<n>[二两三])(?:个)?季度"), _quarters_cumulative, ""),
    (re.compile(_ZH_Y + r"(?:第)?(?P<q>[一二三四1-4])季度"), _quarter, ""),
    (re.compile(_ZH_Y + r"(?P<h>上|下)半年"), _half, ""),
    (re.compile(r"本季度|该季度|当季|单季"), _unnamed_quarter, "quarter"),
    (re.compile(r"(?<![0-9年])全年"), _whole_year, "year"),
    (re.compile(r"当月|本月|该月"), _unnamed_month, "month"),
    (re.compile(r"昨日|昨天|过去24小时"), _past_day, "day"),
    (re.compile(_ZH_Y + r"(?P<m>\d{1,2})\s*月(?:份)?(?!\s*\d{1,2}\s*日|\d)"), _month, ""),
    (
        re.compile(r"(?P<y>20\d\d)\s*年(?:全年)?(?!\s*\d{1,2}\s*月|前|上半年|下半年|第?[一二三四1-4]季度|底|末|初|第\s*\d{1,3}\s*[期号])"),
        _full_year,
        "",
    ),
    (re.compile(_ZH_Y + r"(?P<m>\d{1,2})\s*月(?:份)?(?:以来|至今)"), _since_month, ""),
    (re.compile(r"今年以来|年初以来|今年(?!\d|前|上半年|下半年|第?[一二三四]季度)"), _ytd, ""),
    (re.compile(r"去年(?!同期)|上年(?!同期)"), _last_year, ""),
    (re.compile(r"上月|上个月"), _prev_month, ""),
    (re.compile(r"上年同期|去年同期"), _last_year, "prev_year"),
    (re.compile(r"截至(?:(?P<y>20\d\d)年)?(?P<m>\d{1,2})月(?P<d>\d{1,2})日"), _as_of, "as_of"),
    (re.compile(r"截至(?:(?P<y>20\d\d)年)?(?P<m>\d{1,2})月(?:底|末)"), _as_of_month_end, "as_of"),
    (re.compile(rf"\b(?:by|as of|as at) the end of (?P<m>{_M})(?:,?\s+(?P<y>20\d\d))?", _I), _as_of_month_end, "as_of"),
    (re.compile(rf"(?:на|по состоянию на) конец (?P<m>{_RM})" + _RU_Y, _I), _as_of_month_end, "as_of"),
)

_COMPARISON = Folded(
    re.compile(
        r"(?:same period|compar(?:ed|es?) (?:with|to)|than|versus|vs\.?|against|previous|"
        r"(?:as much|as many|as high) as|"
        r"аналогичн\w+ период\w*|"
        r"по сравнению с|чем|против|относительно|к уровню|уровн\w+|比|较|同比)\s*(?:(?:the|a|in|of|last|same|period|"
        r"за|в|с|периодом|the year)\s+){0,4}$",
        re.IGNORECASE,
    )
)
_ZH_COMPARISON_AFTER = re.compile(r"同期|(?:开通|开行|首发|成立|建成|投入运营)")
# "since its launch in 2016", "opened in 2012", "с момента запуска в 2016 году": a date of an event, not a period
_EVENT_DATE = Folded(
    re.compile(
        r"(?:\bsince|launch\w*|open\w*|establish\w*|found\w*|built|inaugurat\w*|started|запуск\w*|открыт\w*|"
        r"основан\w*|построен\w*|成立于|始于|开通于|自)\s*(?:(?:its|the|service|route|in|on|в|году)\s+){0,3}$",
        re.IGNORECASE,
    )
)


_RU_START = next(i for i, (rx, _, _) in enumerate(PATTERNS) if "полугоди" in rx.pattern)
_ZH_START = next(i for i, (rx, _, _) in enumerate(PATTERNS) if "月" in rx.pattern)
BY_SCRIPT = {"l": PATTERNS[:_RU_START], "c": PATTERNS[_RU_START:_ZH_START], "z": PATTERNS[_ZH_START:]}
_SCRIPTS = (("l", re.compile(r"[A-Za-z]")), ("c", re.compile(r"[А-Яа-яЁё]")), ("z", re.compile(r"[\u4e00-\u9fff]")))


_MONTHS_LOW = re.compile(
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|январ|феврал|март|апрел|ма[йяе]|июн|июл|август|сентябр|"
    r"октябр|ноябр|декабр"
)


def _gate(pattern: str) -> str | None:
    """What a sentence (lower-cased) must contain for the pattern to have a chance: a literal, or MONTH."""
    literal = needle(pattern)
    if literal is not None:
        return literal
    if cw.EN_MONTH_RX in pattern or cw.RU_MONTH_RX in pattern:
        return "MONTH"
    required = _LOOKAROUND.sub("", pattern.replace(_ZH_Y, ""))
    for ch in ("季度", "半年", "月", "年"):
        if ch in required:
            return ch
    return None


_LOOKAROUND = re.compile(r"\(\?<?!(?:[^()]|\([^()]*\))*\)")


_NEEDLES: dict[str, str | None] = {rx.pattern: _gate(rx.pattern) for rx, _, _ in PATTERNS}


def scripts_of(text: str, start: int, end: int) -> str:
    """Which of l(atin), c(yrillic), z(h) occur in text[start:end]."""
    if text.isascii():  # O(1) for str: nothing but Latin letters to look for
        return "l" if _SCRIPTS[0][1].search(text, start, end) else ""
    return "".join(name for name, rx in _SCRIPTS if rx.search(text, start, end))


# Patterns without one required literal, but where every alternative has one of these (in the lower-cased
# sentence): (start of the pattern, the literals). Checked at import: each entry names exactly one pattern.
_ANY_OF: tuple[tuple[str, tuple[str, ...]], ...] = (
    (r"\b(?P<h>H[12]|[12]H)", ("h1", "h2", "1h", "2h")),
    (r"\bQ(?P<q>[1-4])", ("q1", "q2", "q3", "q4")),
    (r"\b(?:in|during|for|throughout|of|over)\s+(?:the\s+(?:whole", ("20",)),
    (r"\b(?:so far this year|since the", ("year", "since the")),
    (r"\b(?:last month|a month ago)", ("month",)),
    (r"\b(?:a month earlier|the previous month", ("month",)),
    (r"\b(?:a year (?:earlier|ago|before)|the previous year", ("year",)),
    (r"(?:за|итогам|первые|первых|в течение)\s+", ("мес",)),
    (r"(?:в|за|по итогам|на конец)\s+(?:весь\s+)?(?P<y>20", ("20",)),
    (r"(?:с начала (?:(?P<y>20\d\d) |", ("год",)),
    (r"(?:в прошлом году|", ("год",)),
    (r"(?:месяцем ранее|", ("месяц",)),
    (r"(?:в прошлом месяце|", ("месяц",)),
    (r"(?:годом ранее|", ("год",)),  # (also «аналогичный период прошлого года»)
)
# Chinese patterns whose literal (月, 年, 季度) is in nearly every sentence: what else they need.
_RANGE_CHARS = ("—", "–", "-", "－", "~", "～", "至", "到")
_ALSO: tuple[tuple[str, tuple[str, ...]], ...] = (
    (_ZH_Y + r"(?P<m1>\d{1,2})\s*[—–\-－~～至到]", _RANGE_CHARS),
    (_ZH_Y + r"(?P<m1>[一二三四五六七八九十]{1,2})\s*[—–\-－~～至到]", _RANGE_CHARS),
    (_ZH_Y + r"(?P<m1>\d{1,2})\s*月\s*(?P<d1>", _RANGE_CHARS),
    (_ZH_Y + r"前(?P<n>\d{1,2}|", ("前",)),
    (_ZH_Y + r"前(?P<n>[二两三])", ("前",)),
    (r"(?P<y>20\d\d)\s*年(?:全年)?", ("20",)),
    (r"当月|本月|该月", ("当月", "本月", "该月")),
    (r"今年以来|年初以来|今年", ("今年", "年初以来")),
    (r"去年(?!同期)|上年(?!同期)", ("去年", "上年")),
    (r"上年同期|去年同期", ("同期",)),
)
Gate = tuple[tuple[str, ...], ...]  # each group: one of its literals must be in the sentence


def _entry(table: tuple[tuple[str, tuple[str, ...]], ...], pattern: str) -> tuple[str, ...] | None:
    found = [g for prefix, g in table if pattern.startswith(prefix)]
    return found[0] if found else None


assert all(sum(rx.pattern.startswith(p) for rx, _, _ in PATTERNS) == 1 for p, _ in _ANY_OF + _ALSO)
assert all(_NEEDLES[rx.pattern] is None for rx, _, _ in PATTERNS if _entry(_ANY_OF, rx.pattern))
assert all(_NEEDLES[rx.pattern] not in (None, "MONTH") for rx, _, _ in PATTERNS if _entry(_ALSO, rx.pattern))


def _gate_of(pattern: str) -> str | Gate:
    needle_ = _NEEDLES.get(pattern)
    if needle_ == "MONTH":
        return needle_
    groups: list[tuple[str, ...]] = [(needle_,)] if needle_ is not None else []
    groups += [g for g in (_entry(_ANY_OF, pattern), _entry(_ALSO, pattern)) if g is not None]
    return tuple(groups)


_Gated = tuple[re.Pattern[str], Resolver, str, str | Gate]
_GATED: dict[str, list[_Gated]] = {}


def _gated(scripts: str) -> list[_Gated]:
    """The patterns of these scripts with their gates (built once per script combination)."""
    found = _GATED.get(scripts)
    if found is None:
        found = [(rx, res, rel, _gate_of(rx.pattern)) for script in scripts for rx, res, rel in BY_SCRIPT[script]]
        _GATED[scripts] = found
    return found


def _passes(gate: Gate, low: str) -> bool:
    """Every group of the gate has one of its literals in `low` (loops: cheaper than any()/all() here)."""
    for group in gate:
        for literal in group:
            if literal in low:
                break
        else:
            return False
    return True


def _twin(rx: re.Pattern[str]) -> re.Pattern[str] | None:
    """The lower-cased twin of an IGNORECASE pattern (none when the pattern switches case-sensitivity inline)."""
    if not rx.flags & re.IGNORECASE or "(?-" in rx.pattern or "(?i" in rx.pattern:
        return None
    lowered = lower_pattern(rx.pattern).replace("(?p<", "(?P<").replace("(?p=", "(?P=")
    return re.compile(lowered, rx.flags & ~re.IGNORECASE)


def _unbounded(twin: re.Pattern[str] | None) -> tuple[re.Pattern[str], bool] | None:
    """The twin without a leading `\\b` (then checked in Python) when it has one and no top-level alternation:
    `\\b` first gives re no first character to skip text with, so the pattern is tried at every position."""
    if twin is None:
        return None
    rest = twin.pattern[2:]
    if not twin.pattern.startswith("\\b") or len(top_level_alternatives(rest)) != 1:
        return twin, False
    return re.compile(rest, twin.flags), True


_TWINS = {rx.pattern: _unbounded(_twin(rx)) for rx, _, _ in PATTERNS}


def _at_boundary(text: str, pos: int) -> bool:
    """What `\\b` at `pos` checks (it looks at text[pos - 1] even at the start of a searched range)."""
    return (pos < len(text) and is_word(text[pos])) != (pos > 0 and is_word(text[pos - 1]))


def _matches(rx: re.Pattern[str], text: str, fold: str, start: int, end: int) -> list[re.Match[str]]:
    """`rx.finditer(text, start, end)`; with `fold` (text.lower(), trie.fold_safe) the lower-cased twin finds
    where the matches are (no case folding per character) and each is re-matched on the original text."""
    found = _TWINS.get(rx.pattern) if fold else None
    if found is None:
        return list(rx.finditer(text, start, end))
    twin, bounded = found
    out: list[re.Match[str]] = []
    pos = start
    while True:
        t = twin.search(fold, pos, end)
        while bounded and t is not None and not _at_boundary(fold, t.start()):
            t = twin.search(fold, t.start() + 1, end)  # as `\\b…` would: look further on
        if t is None:
            return out
        m = rx.match(text, t.start(), end)
        if m is None or m.end() != t.end() or t.end() == t.start():  # cannot happen on fold-safe text (nor an
            return list(rx.finditer(text, start, end))  # empty match here); the plain scan then decides
        out.append(m)
        pos = t.end()


def find_periods(
    text: str, start: int, end: int, pub: date | None, scripts: str = "lcz", fold: str = ""
) -> list[Period]:
    """Period expressions in text[start:end], longest first where they overlap, in text order.

    `fold` is text.lower() when trie.fold_safe(text) (IGNORECASE patterns then run lower-cased), else "".
    """
    found: list[Period] = []
    low = text[start:end].lower()
    has_month: bool | None = None
    for rx, resolve, relative, gate in _gated(scripts):
        if isinstance(gate, str):  # "MONTH"
            if has_month is None:
                has_month = _MONTHS_LOW.search(low) is not None
            if not has_month:
                continue
        elif not _passes(gate, low):
            continue
        for m in _matches(rx, text, fold, start, end):
            span = resolve(m, pub)
            if span is None:
                continue
            comparison = bool(_COMPARISON.search(text, fold, max(start, m.start() - 30), m.start()))
            comparison = comparison or bool(_ZH_COMPARISON_AFTER.match(text, m.end()))
            comparison = comparison or bool(_EVENT_DATE.search(text, fold, max(start, m.start() - 30), m.start()))
            found.append(Period(m.start(), m.end(), span[0], span[1], comparison, relative))
    return _longest_first(found)


_SINCE_DAY = (
    re.compile(rf"\b(?i:since)\b[^.;]{{0,40}}?\b(?P<m>{_M})\.?\s+(?P<d>\d{{1,2}}),?\s+(?P<y>(?:19|20)\d\d)\b"),
    re.compile(
        rf"(?<![а-яё])(?:с момента|с)\s[^.;]{{0,40}}?(?P<d>\d{{1,2}})\s+(?P<m>{_RM})\s+(?P<y>(?:19|20)\d\d)", _I
    ),
    re.compile(r"自(?P<y>(?:19|20)\d\d)年(?P<m>\d{1,2})月(?P<d>\d{1,2})日"),
)


def since_day(text: str, start: int, end: int, pub: date | None) -> Span | None:
    """'Since its maiden run on November 28, 2013, … 31,000 trips', «с момента запуска 28 ноября 2013 года»,
    「自2013年11月28日首列开行以来」: a cumulative total from the day named to publication."""
    if pub is None:
        return None
    for rx in _SINCE_DAY:
        m = rx.search(text, start, end)
        if m is None:
            continue
        month = cw.month_number(m.group("m")) if not m.group("m").isdigit() else int(m.group("m"))
        try:
            day = date(int(m.group("y")), month or 0, int(m.group("d")))
        except ValueError:
            continue
        return (day, pub) if day < pub else None
    return None


def _longest_first(found: list[Period]) -> list[Period]:
    """Overlapping expressions: the longest wins ("In January-July" is a range, not "in January"); text order."""
    kept: list[Period] = []
    for p in sorted(found, key=lambda p: (-(p.end - p.start), p.start)):
        if all(p.end <= k.start or k.end <= p.start for k in kept):
            kept.append(p)
    kept.sort(key=lambda p: p.start)
    return kept
