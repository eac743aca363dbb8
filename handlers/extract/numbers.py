"""Find numbers in en/ru/zh text: separators, decimal commas, scale words, words, percentages, qualifiers."""

from __future__ import annotations

import math
import re
from dataclasses import replace

from handlers.extract import numwords
from handlers.extract.literals import Occurrences
from handlers.extract.spans import Number
from handlers.extract.trie import Folded

_SPACES = "\u00a0\u2009\u202f "
# No look-behind here: a pattern that starts with a digit class lets `re` skip other text fast; what
# may stand before a number is checked in Python (_starts_token).
DIGITS = re.compile(
    r"[0-9](?:[0-9]{0,2}(?:[\u00a0\u2009\u202f ][0-9]{3})+(?![0-9]|[,.][0-9]{3})|[0-9]*)(?:[.,][0-9]+)*"
    r"(?![0-9/:])(?!-[0-9]{1,2}-[0-9])"
)
_BAD_BEFORE = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_./,:#№×*")
_SCALE = re.compile(
    r"(?:(m|k)(?![\w²³]))|"
    r"[ \u00a0\u2009\u202f]?(?:(thousand|million|mln|bn|billion|trillion)\b|"
    r"(тыс|млн|млрд|трлн)(?![а-яё])\.?|(тысяч[аиу]?|миллион(?:а|ов)?|миллиард(?:а|ов)?)(?![а-яё]))|"
    r"(万亿|亿|万|千)",
    re.IGNORECASE,
)
# What can stand right after a number for _SCALE / _PCT to match (IGNORECASE: "K" is the Kelvin sign too);
# checked in Python before running the regex.
_SCALE_FIRST = frozenset("mMkK\u212atTbBтТмМ万亿千 \u00a0\u2009\u202f")
_PCT_FIRST = frozenset("pPпП个%％")
# After a space, ASCII text can start a scale word only with these two letters (any case: for ASCII letters
# IGNORECASE is plain case), and a percent word only with "p" or "%"; other text is left to the regexes.
_SCALE_SPACES = frozenset(" \u00a0\u2009\u202f")  # the separator _SCALE allows before a scale word
_SCALE_ASCII_STARTS = frozenset({"th", "mi", "ml", "bn", "bi", "tr"})  # thousand, million, mln, bn, billion, trillion
_PCT_ASCII_STARTS = frozenset({"p", "%"})  # percent, per cent, pct, percentage points, p.p.; "%"


def _no_word_after_space(text: str, at: int, starts: frozenset[str], width: int) -> bool:
    """Whether the `width` characters at `at` are ASCII and (lower-cased) none of `starts`: no scale or percent
    word can begin there."""
    head = text[at : at + width]
    return head.isascii() and head.lower() not in starts
SCALES: dict[str, float] = {
    "thousand": 1e3,
    "million": 1e6,
    "mln": 1e6,
    "bn": 1e9,
    "billion": 1e9,
    "trillion": 1e12,
    "тыс": 1e3,
    "млн": 1e6,
    "млрд": 1e9,
    "трлн": 1e12,
    "万": 1e4,
    "亿": 1e8,
    "千": 1e3,
    "万亿": 1e12,
}
_PCT = re.compile(
    r"\s?(?:(?P<pp>percentage points?|процентн\w* пункт\w*|п\.\s?п\.|个百分点)|"
    r"(?P<pct>%|％|percent\b|per cent\b|pct\b|процент\w*|проц\.))",
    re.IGNORECASE,
)
_DATES = re.compile(r"\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b")
_ZH_PCT = re.compile(r"百分之([\d.]+|[零一二两三四五六七八九十点]+)")
_QUAL_BEFORE = Folded(
    re.compile(
        r"(?<![A-Za-zА-Яа-яЁё])(?:(more than|over|above|exceed(?:ed|ing|s)?|in excess of|upwards of|surpass(?:ed|ing)?|"
        r"более чем|более|свыше|больше|превысил\w*|超过|超|逾|突破|多于)|"
        r"(nearly|almost|close to|почти|近|接近|将近)|"
        r"(about|around|approximately|roughly|some|an estimated|около|примерно|порядка|приблизительно|"
        r"ориентировочно|约|大约|左右|≈|(?<![\d~])~)|"  # "≈1,150 trucks", "~870" (not the range "3~5")
        r"(up to|as many as|as much as|within|до|в течение|в пределах|не более|不超过|最多)|"
        r"(less than|fewer than|under|below|менее|меньше|不到|不足|少于))\s*$",
        re.IGNORECASE,
    )
)
_QUAL_NAMES = ("more_than", "about", "about", "up_to", "less_than")
_QUAL_AFTER = re.compile(r"(多|余)|(以上)|(左右)|(以内|以下)")
_LEVEL_VERB = re.compile(
    r"(?:вырос\w*|возрос\w*|увеличил\w*|сократил\w*|снизил\w*|уменьшил\w*|упал\w*|достиг\w*|дошл\w*|"
    r"поднял\w*|опустил\w*|rose|risen|increased|grown|grew|fell|dropped|declined|climbed)\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)


def parse_digits(raw: str, cyrillic: bool, scaled: bool) -> tuple[float, float]:
    """Value and step of a digit string: '3,000' 3000, '22,2' 22.2 (Russian), '3.000' 3000, '2 145' 2145."""
    if raw.isdigit():  # plain digits (most numbers): what the general path below gives for them
        return float(raw), _int_step(raw)
    s = "".join(ch for ch in raw if ch not in _SPACES)
    if "," in s and "." in s:
        dec = "." if s.rfind(".") > s.rfind(",") else ","
        s = s.replace("," if dec == "." else ".", "").replace(dec, ".")
    elif "," in s:
        groups = s.split(",")
        thousands = all(len(g) == 3 for g in groups[1:]) and (len(groups) > 2 or not cyrillic)
        s = s.replace(",", "") if thousands else s.replace(",", ".")
    elif s.count(".") > 1 or (s.count(".") == 1 and len(s.split(".")[1]) == 3 and not scaled and s[0] != "0"):
        s = s.replace(".", "")
    value = float(s)
    frac = s.split(".")[1] if "." in s else ""
    step = 10.0 ** -len(frac) if frac else _int_step(s)
    return value, step


def _int_step(s: str) -> float:
    stripped = s.rstrip("0")
    return float(10 ** (len(s) - len(stripped))) if stripped else 1.0


def find_numbers(
    text: str,
    start: int,
    end: int,
    cyrillic: bool,
    scripts: str = "lcz",
    qualify: bool = True,
    occurrences: Occurrences | None = None,
    lowered: str = "",
) -> list[Number]:
    """Every number in text[start:end], left to right, without overlaps.

    `scripts` limits the number-word scans to the scripts the text has: l(atin), c(yrillic), z(h).
    `qualify=False` leaves qualifiers for later (`qualifier_of`, only for numbers that become figures).
    `occurrences`: where numwords.EN_WORDS and RU_WORDS occur in text.lower() (a whole text of unchanged length,
    start 0), when the caller has scanned for them: the word runs are then tried only there. `lowered`:
    text.lower(), when the caller has it.
    """
    found: list[Number] = []
    for m in DIGITS.finditer(text, start, end):
        if _starts_token(text, m.start()) and not _in_date(text, m.start(), m.end()):
            found.append(_digit_number(text, m, cyrillic, end))
    if "l" in scripts or "c" in scripts:
        low = lowered if lowered and start == 0 and end == len(text) else text[start:end].lower()
        found.extend(_word_numbers(text, low, start, end, scripts, occurrences))
    found.extend(_half_numbers(text, start, end))
    if "z" in scripts:
        for m in numwords.ZH_RUN.finditer(text, start, end):
            found.append(_zh_number(text, m, end))
        for m in _ZH_PCT.finditer(text, start, end):
            found.append(_zh_pct(text, m))
    found = [n for n in found if not math.isnan(n.value)]
    if qualify:
        found = [replace(n, qualifier=qualifier_of(text, n)) for n in found]
    found.sort(key=lambda n: (n.start, -n.end))
    out: list[Number] = []
    for n in found:
        if out and n.start < out[-1].end:
            continue
        out.append(n)
    return merge_ranges(text, merge_compounds(text, out))


_COMPOUND_GAP = re.compile(r"[\s\u00a0\u2009\u202f]*")


def merge_compounds(text: str, numbers: list[Number]) -> list[Number]:
    """'1 млн 512 тыс.', '2 million 300 thousand', '1亿2000万': a scaled whole number and a smaller scaled
    remainder right after it are one number (1,512,000)."""
    out: list[Number] = []
    for n in numbers:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.scaled
            and n.scaled
            and prev.kind == n.kind == "num"
            and prev.value % prev.step == 0
            and n.value < prev.step
            and _COMPOUND_GAP.fullmatch(text, prev.end, n.start)
        ):
            out[-1] = Number(prev.start, n.end, prev.value + n.value, "num", prev.qualifier, n.step, True)
            continue
        out.append(n)
    return out


_WORD_RUNS = (
    ("l", numwords.EN_RUN, frozenset(numwords.EN_WORDS)),
    ("c", numwords.RU_RUN, frozenset(numwords.RU_WORDS)),
)


def _word_numbers(
    text: str, low: str, start: int, end: int, scripts: str, occurrences: Occurrences | None
) -> list[Number]:
    """English and Russian numbers in words ('two million', 'двух тысяч') in text[start:end] (`low`: lower-cased)."""
    if start != 0 or len(low) != len(text):
        occurrences = None  # its offsets are those of the whole text
    found: list[Number] = []
    for script, run, words in _WORD_RUNS:
        if script not in scripts:
            continue
        for m in run.finditer(low) if occurrences is None else _runs_at(run, low, occurrences, words):
            if _word_bounded(low, m.start(), m.end()):
                found.append(_word_number(text, m.start() + start, m.end() + start, end))
    return found


def _runs_at(run: re.Pattern[str], low: str, occurrences: Occurrences, words: frozenset[str]) -> list[re.Match[str]]:
    """`run.finditer(low)`, with the pattern tried only where one of its first words starts (nowhere else can it
    match): left to right, each search going on after the previous match, as finditer does."""
    out: list[re.Match[str]] = []
    pos = 0
    for i in sorted({i for _, starts in occurrences.among(words) for i in starts}):
        if i < pos:
            continue
        m = run.match(low, i)
        if m is not None:
            out.append(m)
            pos = m.end()
    return out


def _finish(text: str, start: int, end: int, value: float, step: float, limit: int, scaled: bool) -> Number:
    """Apply percent suffixes and qualifiers around a parsed value."""
    kind = "num"
    if end >= limit or (text[end] not in _PCT_FIRST and not text[end].isspace()):
        return Number(start, end, value, kind, "exactly", step, scaled)
    if text[end].isspace() and _no_word_after_space(text, end + 1, _PCT_ASCII_STARTS, 1):
        return Number(start, end, value, kind, "exactly", step, scaled)  # a space and no percent word
    m = _PCT.match(text, end, limit)
    if m:
        kind = "pct" if m.group("pct") else "pp"
        end = m.end()
    return Number(start, end, value, kind, "exactly", step, scaled)


def qualifier_of(text: str, n: Number, fold: str = "") -> str:
    """'more than', 'около', '超过' before the number, '多', '余', '以上' right after it; ranges stay ranges."""
    return n.qualifier if n.qualifier != "exactly" else _qualifier(text, n.start, n.end, len(text), fold)


def _qualifier(text: str, start: int, end: int, limit: int, fold: str = "") -> str:
    after = _QUAL_AFTER.match(text, end, limit)
    if after:
        return ("more_than", "more_than", "about", "up_to")[after.lastindex - 1 if after.lastindex else 0]
    m = _QUAL_BEFORE.search(text, fold, max(0, start - 24), start)
    if m and m.lastindex:
        if m.group(4) and _LEVEL_VERB.search(text, max(0, m.start() - 20), m.start()):
            return "exactly"  # "вырос до 22,2 млн тонн": rose to, not up to
        return _QUAL_NAMES[m.lastindex - 1]
    return "exactly"


def _scale(text: str, end: int, limit: int) -> tuple[float, int]:
    if end >= limit or text[end] not in _SCALE_FIRST:
        return 1.0, end
    if text[end] in _SCALE_SPACES and _no_word_after_space(text, end + 1, _SCALE_ASCII_STARTS, 2):
        return 1.0, end  # "3,000 trains": a space and no scale word (most numbers)
    m = _SCALE.match(text, end, limit)
    if not m:
        return 1.0, end
    word = next(g for g in m.groups() if g).lower()
    if word in ("m", "k"):
        return (1e6 if word == "m" else 1e3), m.end()  # "1.2m tonnes", "$5m", "16k trains"
    key = next((k for k in SCALES if word.startswith(k)), word[:3])
    factor = SCALES.get(key) or {"тыс": 1e3, "мил": 1e6}.get(word[:3], 1e9 if word.startswith("миллиард") else 1.0)
    if word.startswith("миллиард"):
        factor = 1e9
    return factor, m.end()


def _digit_number(text: str, m: re.Match[str], cyrillic: bool, limit: int) -> Number:
    factor, end = _scale(text, m.end(), limit)
    try:
        value, step = parse_digits(m.group(), cyrillic, factor != 1.0)
    except ValueError:
        value, step = math.nan, 1.0
    return _finish(text, m.start(), end, value * factor, step * factor, limit, factor != 1.0)


def _starts_token(text: str, pos: int) -> bool:
    """Not inside a code or word ("A320", "No.5", "COVID-19")."""
    if pos == 0:
        return True
    before = text[pos - 1]
    if before in _BAD_BEFORE:
        return False
    return not (before == "-" and pos > 1 and text[pos - 2].isalpha())


def _in_date(text: str, start: int, end: int) -> bool:
    raw = text[start:end]
    if raw.count(".") >= 2 and _DATES.fullmatch(raw):
        return True  # "12.11.2025"
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if before not in "-./" and after not in "-./":
        return False
    window_start = max(0, start - 10)
    return any(d.start() <= start - window_start < d.end() for d in _DATES.finditer(text[window_start : end + 6]))


def _word_bounded(low: str, start: int, end: int) -> bool:
    before = low[start - 1] if start > 0 else " "
    after = low[end] if end < len(low) else " "
    return not (before.isalpha() or before == "-") and not (after.isalpha() or after == "-")


def _word_number(text: str, start: int, stop: int, limit: int) -> Number:
    raw = text[start:stop]
    value = numwords.parse_ru_words(raw) if _is_cyr(raw) else numwords.parse_en_words(raw)
    if value is None:
        return Number(start, stop, math.nan)
    factor, end = _scale(text, stop, limit)
    whole = value.is_integer()
    if value * factor < 2 and whole:
        return Number(start, stop, math.nan)  # "one train", "одного поезда": an article, not a figure
    step = _int_step(str(int(value))) if whole else 10.0 ** -len(repr(value).partition(".")[2])
    return _finish(text, start, end, value * factor, step * factor, limit, True)


# "近千辆" (nearly a thousand), "上千列", "逾万辆": a bare 百/千/万 after an approximation word is one of it
_ZH_ROUND_BEFORE = frozenset("近上逾超约")
# "两成" is 20 %: 成 counts tenths; not in words where 成 starts another word ("一成不变", "三成本")
_ZH_TENTHS = re.compile(r"成(?![本功为员立交长熟绩果型品不])")


def _zh_number(text: str, m: re.Match[str], limit: int) -> Number:
    raw = m.group()
    value = numwords.parse_zh(raw)
    if value is None:
        return Number(m.start(), m.end(), math.nan)
    if 0 < value < 10 and _ZH_TENTHS.match(text, m.end()):
        return Number(m.start(), m.end() + 1, value * 10, "pct", "exactly", 10.0, True)
    if len(raw) == 1 and raw not in "两十":
        round_word = raw in "百千万" and m.start() > 0 and text[m.start() - 1] in _ZH_ROUND_BEFORE
        if not round_word:
            return Number(m.start(), m.end(), math.nan)
    return _finish(text, m.start(), m.end(), value, _int_step(str(int(value))), limit, True)


def _zh_pct(text: str, m: re.Match[str]) -> Number:
    raw = m.group(1)
    if raw[0].isdigit():
        value = float(raw)
    else:
        whole, _, frac = raw.partition("点")
        value = (numwords.parse_zh(whole) or 0.0) + (
            float("0." + "".join(str(numwords.ZH_DIGITS[c]) for c in frac)) if frac else 0.0
        )
    return Number(m.start(), m.end(), value, "pct")


# Time spans with a half (the unit stays after the number, so the indicator step reads it as usual):
# "half a day", "полчаса", "получаса", "半天" are 0.5 of the unit; "a day and a half", "一天半", "一个半小时" start
# with a bare "a" / "一" that is 1 here (the half after the unit is added by the indicator step).
# Each pattern is tried only where its cue word stands (found with str.find: a whole-text regex scan without a
# literal start costs more than the rest of the number scan).
_HALF_AT = {  # the half itself is the number, right before the unit
    "half": re.compile(r"half\s+an?(?=\s+(?:hour|day|week|minute)s?\b)", re.IGNORECASE),
    "пол": re.compile(r"полу?(?=час|сут|дн[яеюё]|минут|недел)", re.IGNORECASE),
    "半": re.compile(r"半(?=个?(?:小时|天|工作日|分钟|周|星期))"),
}
_ONE_BEFORE = {  # the 'a' of 'a day and a half', the 一 of '一天半' / '一个半小时', ending where the half starts
    "half": re.compile(r"(?<![\w-])(an?|one)\s+(?:hour|day|week|minute)\s+and\s+a\s+$", re.IGNORECASE),
    "半": re.compile(r"(?<![0-9一二两三四五六七八九十百千万])(一)(?:个|个?(?:小时|天|工作日|周|星期))$"),
}
_NO_WORD_BEFORE = frozenset(
    "abcdefghijklmnopqrstuvwxyzабвгдеёжзийклмнопрстуфхцчшщъыьэюя个0123456789一二两三四五六七八九十"
)


def _half_numbers(text: str, start: int, end: int) -> list[Number]:
    """'half a day' (0.5), 'получаса' (0.5), '半天' (0.5); the 'a' of 'a day and a half' and the 一 of '一天半' (1)."""
    out: list[Number] = []
    for cue in ("half", "Half", "пол", "Пол", "半"):
        key = cue.lower()
        k = text.find(cue, start, end)
        while k >= 0:
            if k == 0 or text[k - 1].lower() not in _NO_WORD_BEFORE:
                m = _HALF_AT[key].match(text, k, end)
                if m:
                    out.append(Number(k, m.end(), 0.5, "num", "exactly", 0.1, True))
            one = _ONE_BEFORE.get(key)
            m = one.search(text, max(start, k - 30), k) if one else None
            if m:
                out.append(Number(m.start(1), m.end(1), 1.0, "num", "exactly", 0.1, True))
            k = text.find(cue, k + 1, end)
    return out


def _is_cyr(s: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in s)


_RANGE_SEP = re.compile(r"\s*(?:[-–—~～]|to|до|至|到)\s*$", re.IGNORECASE)
_CHANGE_FROM = re.compile(
    r"(?:rose|rising|increas\w*|grew|growing|jump\w*|fell|falling|decreas\w*|dropp?\w*|declin\w*|"
    r"up|down|вырос\w*|вырас\w*|увелич\w*|вырост\w*|сократ\w*|снизи\w*|снижен\w*|уменьш\w*|从|由)"
    r"[^.;]{0,20}?(?:from|с|от|从|由)?\s*$",
    re.IGNORECASE,
)


def merge_ranges(text: str, numbers: list[Number]) -> list[Number]:
    """'4,000–5,000', 'from 40 to 50', 'от 40 до 50', '4000至5000' → one number (the midpoint), qualifier range."""
    out: list[Number] = []
    for n in numbers:
        prev = out[-1] if out else None
        if prev and prev.kind == n.kind and _RANGE_SEP.fullmatch(text, prev.end, n.start):
            low = prev.value
            if not prev.scaled and n.scaled and low < n.value / 10:
                low *= n.value / max(_unscaled(n), 1e-9)
            if _CHANGE_FROM.search(text, max(0, prev.start - 30), prev.start):
                out[-1] = n  # "rose from 3,000 to 4,000": the new level is the figure
                continue
            if 0 < low < n.value:
                out[-1] = Number(prev.start, n.end, (low + n.value) / 2, n.kind, "range", n.step, n.scaled)
                continue
        out.append(n)
    return out


def _unscaled(n: Number) -> float:
    for factor in (1e12, 1e9, 1e8, 1e6, 1e4, 1e3):
        if n.scaled and n.value >= factor and n.step >= factor / 1000:
            return n.value / factor
    return n.value
