"""Month, ordinal and count words for period expressions in en/ru/zh."""

from __future__ import annotations

import calendar
from datetime import date

from handlers.extract.numwords import EN_UNITS

EN_MONTHS: dict[str, int] = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
EN_MONTH_RX = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
)
RU_STEMS: tuple[tuple[str, int], ...] = (
    ("январ", 1),
    ("феврал", 2),
    ("март", 3),
    ("апрел", 4),
    ("ма", 5),
    ("июн", 6),
    ("июл", 7),
    ("август", 8),
    ("сентябр", 9),
    ("октябр", 10),
    ("ноябр", 11),
    ("декабр", 12),
)
RU_MONTH_RX = r"(?:(?:январ|феврал|март|апрел|июн|июл|август|сентябр|октябр|ноябр|декабр)[а-яё]{0,3}|ма[йяе])(?![а-яё])"
COUNTS: dict[str, int] = {
    # "the first eleven months": the English number words of numwords, not "a" (which is "a million" there)
    **{word: n for word, n in EN_UNITS.items() if 1 <= n <= 11 and word != "a"},
    "двух": 2,
    "трех": 3,
    "трёх": 3,
    "четырех": 4,
    "четырёх": 4,
    "пяти": 5,
    "шести": 6,
    "семи": 7,
    "восьми": 8,
    "девяти": 9,
    "десяти": 10,
    "одиннадцати": 11,
    "два": 2,
    "три": 3,
    "четыре": 4,
    "пять": 5,
    "шесть": 6,
    "семь": 7,
    "восемь": 8,
    "девять": 9,
    "десять": 10,
    "одиннадцать": 11,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
    "十一": 11,
    "十二": 12,
}
ORDINALS: dict[str, int] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
    "i": 1,
    "ii": 2,
    "iii": 3,
    "iv": 4,
    "перв": 1,
    "втор": 2,
    "трет": 3,
    "четв": 4,
    "上": 1,
    "下": 2,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
}


def count(word: str) -> int | None:
    w = word.lower()
    if w.isdigit():
        return int(w)
    return COUNTS.get(w)


def ordinal(word: str) -> int | None:
    w = word.lower()
    if len(w) == 2 and "h" in w:  # H1, 1H
        w = w.replace("h", "")
    if w.isdigit():
        return int(w)
    if w in ORDINALS:
        return ORDINALS[w]
    for key, value in ORDINALS.items():
        if len(key) >= 4 and w.startswith(key):
            return value
    return None


def month_number(word: str) -> int | None:
    w = word.lower().rstrip(".")
    if w.isdigit():
        n = int(w)
        return n if 1 <= n <= 12 else None
    if w in EN_MONTHS:
        return EN_MONTHS[w]
    if w in COUNTS and w[0] >= "\u4e00":
        return COUNTS[w] if 1 <= COUNTS[w] <= 12 else None
    if w[:3] in EN_MONTHS:
        return EN_MONTHS[w[:3]]
    for stem, n in RU_STEMS:
        if w.startswith(stem) and (stem != "ма" or len(w) <= 3):
            return n
    return None


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])
