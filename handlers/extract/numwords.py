"""Numbers written as words: English and Russian cardinals, Chinese numerals."""

from __future__ import annotations

import re

from handlers.extract.trie import trie_regex

EN_UNITS: dict[str, int] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "a": 1,
}
# "two dozen trains" is 24 ("dozens of" is vague and stays unread: the run must end at a word boundary)
EN_SCALES: dict[str, int] = {"hundred": 100, "dozen": 12, "thousand": 1000, "million": 10**6, "billion": 10**9}

_RU_FORMS: dict[str, tuple[str, ...]] = {
    "1": ("один", "одна", "одно", "одного", "одной", "одну", "одним"),
    "2": ("два", "две", "двух", "двум", "двумя"),
    "3": ("три", "трех", "трёх", "трем", "трём", "тремя"),
    "4": ("четыре", "четырех", "четырёх", "четырем", "четырём"),
    "5": ("пять", "пяти"),
    "6": ("шесть", "шести"),
    "7": ("семь", "семи"),
    "8": ("восемь", "восьми"),
    "9": ("девять", "девяти"),
    "10": ("десять", "десяти"),
    "11": ("одиннадцать", "одиннадцати"),
    "12": ("двенадцать", "двенадцати"),
    "13": ("тринадцать", "тринадцати"),
    "14": ("четырнадцать", "четырнадцати"),
    "15": ("пятнадцать", "пятнадцати"),
    "16": ("шестнадцать", "шестнадцати"),
    "17": ("семнадцать", "семнадцати"),
    "18": ("восемнадцать", "восемнадцати"),
    "19": ("девятнадцать", "девятнадцати"),
    "20": ("двадцать", "двадцати"),
    "30": ("тридцать", "тридцати"),
    "40": ("сорок", "сорока"),
    "50": ("пятьдесят", "пятидесяти"),
    "60": ("шестьдесят", "шестидесяти"),
    "70": ("семьдесят", "семидесяти"),
    "80": ("восемьдесят", "восьмидесяти"),
    "90": ("девяносто", "девяноста"),
    "100": ("сто", "ста"),
    "200": ("двести", "двухсот"),
    "300": ("триста", "трехсот", "трёхсот"),
    "400": ("четыреста", "четырехсот", "четырёхсот"),
    "500": ("пятьсот", "пятисот"),
    "600": ("шестьсот", "шестисот"),
    "700": ("семьсот", "семисот"),
    "800": ("восемьсот", "восьмисот"),
    "900": ("девятьсот", "девятисот"),
    "1.5": ("полтора", "полторы", "полутора"),
}
# Collective numerals: "трое суток" (three days), "двое суток"; only with nouns like "сутки", so no clash
_RU_COLLECTIVE: dict[str, tuple[str, ...]] = {
    "2": ("двое",),
    "3": ("трое",),
    "4": ("четверо",),
    "5": ("пятеро",),
    "6": ("шестеро",),
    "7": ("семеро",),
}
RU_UNITS: dict[str, float] = {
    form: float(v) for table in (_RU_FORMS, _RU_COLLECTIVE) for v, forms in table.items() for form in forms
}
RU_SCALES: dict[str, int] = {
    **{f: 1000 for f in ("тысяча", "тысячи", "тысяч", "тысячу", "тысячам", "тысячами")},
    **{f: 10**6 for f in ("миллион", "миллиона", "миллионов", "миллионам")},
    **{f: 10**9 for f in ("миллиард", "миллиарда", "миллиардов")},
}

EN_WORDS: tuple[str, ...] = tuple(w for w in [*EN_UNITS, *EN_SCALES] if w != "a")  # where an EN_RUN can start
RU_WORDS: tuple[str, ...] = (*RU_UNITS, *RU_SCALES)  # where a RU_RUN can start
_EN_WORDS = trie_regex(list(EN_WORDS))
_RU_WORDS = trie_regex(list(RU_WORDS))
# Run on lower-cased text; word boundaries are checked by the caller (a trie keeps the scan fast).
_EN_DIGIT_WORDS = "|".join(w for w, v in EN_UNITS.items() if v <= 9 and w != "a")
# "ninety-nine point six", "one and a half": a spoken decimal and a half after the cardinal
EN_RUN = re.compile(
    rf"{_EN_WORDS}(?:[\s-]+(?:and\s+)?{_EN_WORDS})*"
    rf"(?:\s+point(?:\s+(?:{_EN_DIGIT_WORDS}))+\b|\s+and\s+a\s+half\b)?"
)
RU_RUN = re.compile(rf"{_RU_WORDS}(?:\s+{_RU_WORDS})*(?:\s+с\s+половиной)?")  # "два с половиной" is 2.5

ZH_DIGITS: dict[str, int] = {
    "零": 0,
    "〇": 0,
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
}
ZH_SMALL: dict[str, int] = {"十": 10, "百": 100, "千": 1000}
ZH_BIG: dict[str, int] = {"万": 10**4, "亿": 10**8}
ZH_RUN = re.compile(r"[零〇一二两三四五六七八九十百千万亿]+")


def parse_words(words: list[str], units: dict[str, float], scales: dict[str, int]) -> float | None:
    """Cardinal words to a value: 'two million' → 2e6, 'двух тысяч' → 2000; None if not a number."""
    total = 0.0
    current = 0.0
    seen = False
    for raw in words:
        w = raw.lower()
        if w in units:
            current += units[w]
            seen = True
        elif not seen:
            return None
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in scales:
            total += (current or 1) * scales[w]
            current = 0
        elif w != "and":
            return None
    return total + current if seen else None


_EN_SPLIT = re.compile(r"[\s-]+")
_EN_FLOAT_UNITS = {k: float(v) for k, v in EN_UNITS.items()}  # built once, not per call
_EN_ADDING_SCALES = {k: v for k, v in EN_SCALES.items() if k != "hundred"}


def parse_en_words(text: str) -> float | None:
    """'two million' → 2e6, 'ninety-nine point six' → 99.6, 'one and a half' → 1.5; None if not a number."""
    words = [w.lower() for w in _EN_SPLIT.split(text.strip()) if w]
    if words == ["a"]:
        return None
    if words[-1] != "half" and "point" not in words:  # the common case: a plain cardinal
        return parse_words(words, _EN_FLOAT_UNITS, _EN_ADDING_SCALES)
    half = words[-3:] == ["and", "a", "half"]
    if half:
        words = words[:-3]
    whole, _, decimals = " ".join(words).partition(" point ")
    value = parse_words(whole.split(), _EN_FLOAT_UNITS, _EN_ADDING_SCALES)
    if value is None:
        return None
    if decimals:
        value += float("0." + "".join(str(EN_UNITS[w]) for w in decimals.split()))
    return value + 0.5 if half else value


def parse_ru_words(text: str) -> float | None:
    """'двух тысяч' → 2000, 'трое' → 3, 'два с половиной' → 2.5; None if not a number."""
    words = text.split()
    half = words[-2:] == ["с", "половиной"]
    value = parse_words(words[:-2] if half else words, RU_UNITS, RU_SCALES)
    return value + 0.5 if half and value is not None else value


def parse_zh(text: str) -> float | None:
    """Chinese numerals: 三千 → 3000, 一万二千 → 12000, 两 → 2, 十二 → 12."""
    total = 0
    section = 0
    digit = -1
    for ch in text:
        if ch in ZH_DIGITS:
            digit = ZH_DIGITS[ch]
        elif ch in ZH_SMALL:
            section += (1 if digit < 0 else digit) * ZH_SMALL[ch]
            digit = -1
        elif ch in ZH_BIG:
            section += max(digit, 0)
            total = (total + section) * ZH_BIG[ch] if ZH_BIG[ch] > total + section else total + section * ZH_BIG[ch]
            section = 0
            digit = -1
        else:
            return None
    return float(total + section + max(digit, 0))
