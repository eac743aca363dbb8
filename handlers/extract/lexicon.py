"""The en/ru/zh lexicons compiled once into the regexes the extractor uses."""

from __future__ import annotations

import re
from types import ModuleType

from handlers.extract import lexicon_en, lexicon_ru, lexicon_zh
from handlers.extract.trie import Folded, lower_pattern

_LANGS: tuple[ModuleType, ...] = (lexicon_en, lexicon_ru, lexicon_zh)
UNIT_CLASSES = tuple(lexicon_en.UNITS)


def _units(mod: ModuleType, spaced: bool) -> re.Pattern[str]:
    groups = "|".join(f"(?P<{name}>{rx})" for name, rx in mod.UNITS.items())
    if spaced:
        return re.compile(rf"\s*(?:(?:{mod.FILLER})[\s-]+){{0,7}}?(?:{groups})")
    return re.compile(rf"\s*(?:{mod.FILLER})?(?:{groups})")


UNIT_RES: tuple[re.Pattern[str], ...] = (
    _units(lexicon_zh, spaced=False),
    _units(lexicon_en, spaced=True),
    _units(lexicon_ru, spaced=True),
)
_SUBJECT_UNITS = ("train", "tonne", "teu", "vehicle")


def _subject_units(mod: ModuleType) -> re.Pattern[str]:
    groups = "|".join(f"(?P<{name}>{mod.UNITS[name]})" for name in _SUBJECT_UNITS)
    if mod is lexicon_zh:
        return re.compile(groups)
    # "Trains on the … border totalled 30,000": a sentence-initial subject noun is capitalised in English
    return re.compile(rf"(?<![\w-])(?:{groups})", re.IGNORECASE if mod is lexicon_en else 0)


SUBJECT_UNIT_RES: tuple[re.Pattern[str], ...] = (
    re.compile(r"(?P<train>班列|列车)|(?P<tonne>货运量|过货量|吞吐量|运量)|(?P<vehicle>车辆|汽车)"),
    _subject_units(lexicon_en),
    _subject_units(lexicon_ru),
)
CURRENCY_BEFORE: dict[str, re.Pattern[str]] = {
    name: re.compile(rf"{rx}\s?$") for name, rx in lexicon_en.CURRENCY_BEFORE.items()
}


def _join(role: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{getattr(mod, role)})" for mod in _LANGS), re.IGNORECASE)


# Context words are searched in the lower-cased text (faster than IGNORECASE over whole sentences).
CONTEXT: dict[str, re.Pattern[str]] = {
    role: re.compile(lower_pattern("|".join(f"(?:{mod.CONTEXT[role]})" for mod in _LANGS)))
    for role in lexicon_en.CONTEXT
}
CHANGE_BEFORE = Folded(_join("CHANGE_BEFORE"))
CHANGE_AFTER = re.compile("|".join(f"(?:{mod.CHANGE_AFTER})" for mod in _LANGS), re.IGNORECASE)
NEGATIVE = _join("NEGATIVE")
MOM = _join("MOM")
NEGATIVE_AFTER = re.compile(
    r"\s*(?:year[- ]on[- ]year\s+|y/y\s+|同比)?(?:" + "|".join(f"(?:{mod.NEGATIVE})" for mod in _LANGS) + ")",
    re.IGNORECASE,
)
LEVEL_BEFORE = Folded(_join("LEVEL_BEFORE"))
AGGREGATE = re.compile(lower_pattern("|".join(f"(?:{mod.AGGREGATE})" for mod in _LANGS)))  # lower-cased text
NO_CARRY = re.compile(lower_pattern("|".join(f"(?:{mod.NO_CARRY})" for mod in _LANGS)))  # lower-cased text


def _lower_join(role: str) -> re.Pattern[str]:
    """One pattern of the role's words in all three languages, searched in the lower-cased text."""
    return re.compile(lower_pattern("|".join(f"(?:{getattr(mod, role)})" for mod in _LANGS)))


OTHER_PLACE = _lower_join("OTHER_PLACE")
PARTNER = _lower_join("PARTNER")
SIDE = {"kz": _lower_join("SIDE_KZ"), "cn": _lower_join("SIDE_CN")}
ROUTE_ANAPHOR = _lower_join("ROUTE_ANAPHOR")
REGION_ANAPHOR = _lower_join("REGION_ANAPHOR")
ROUTE_END = _lower_join("ROUTE_END")  # searched in the few characters before a port mention
YOY_EXPLICIT = re.compile(
    r"year[- ]on[- ]year|year[- ]over[- ]year|\byoy\b|y/y|a year (?:earlier|ago|before)|same period|"
    r"previous year|last year|годом ранее|аналогичн\w+ период\w*|прошл\w+ год\w*|в годовом|同比|同期|上年|去年",
    re.IGNORECASE,
)
AFTER_UNIT_QUAL = re.compile(r"\s*(?:(以上|or more|and more|plus)|(左右)|(以内|以下|or less|or fewer))", re.IGNORECASE)
HALF_AFTER_UNIT = re.compile("|".join(f"(?:{mod.HALF_AFTER_UNIT})" for mod in _LANGS))
AFTER_UNIT_PER_HOUR = re.compile(r"\s*(?:в час|per hour|an hour|every hour|每小时)", re.IGNORECASE)
AFTER_TIME_EXCLUDE = re.compile(
    r"[\s-]*(?:a day|a week|per day|per week|в сутки|в неделю|в день|each day|every day|of (?:work|operation))",
    re.IGNORECASE,
)


def _without_leading_boundary(pattern: str) -> str | None:
    """`X` when the pattern is `\\b` followed by X that has no top-level alternation, else None."""
    if not pattern.startswith("\\b("):
        return None
    depth = 0
    in_class = False
    i = 2
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            return None
        i += 1
    return pattern[2:]


def _per_language(role: str) -> tuple[tuple[re.Pattern[str], bool], ...]:
    """The role's pattern of each language on its own, and whether a word boundary is checked in Python.

    Searched separately, the Russian and Chinese patterns keep their literal prefixes (re skips text that
    cannot start them) instead of being tried at every position with the English `\\b…`; and a leading `\\b` is
    checked only where the rest matches. Same answer as one search of the combined pattern.
    """
    out: list[tuple[re.Pattern[str], bool]] = []
    for mod in _LANGS:
        pattern = lower_pattern(f"(?:{mod.CONTEXT[role]})")
        inner = _without_leading_boundary(lower_pattern(mod.CONTEXT[role]))
        out.append((re.compile(inner), True) if inner is not None else (re.compile(pattern), False))
    return tuple(out)


_PER_LANGUAGE = {role: _per_language(role) for role in lexicon_en.CONTEXT}


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"  # what `\\b` in a str pattern counts as a word character


def has(role: str, low: str, start: int, end: int) -> bool:
    """Whether low[start:end] (the lower-cased text) has a word of this role in any language.

    Same as `CONTEXT[role].search(low, start, end) is not None` (`\\b` there also looks at low[start - 1]).
    """
    for rx, boundary in _PER_LANGUAGE[role]:
        m = rx.search(low, start, end)
        if m is None:
            continue
        if not boundary:
            return True
        while m is not None:
            pos = m.start()
            if _is_word(low[pos]) != (pos > 0 and _is_word(low[pos - 1])):
                return True
            m = rx.search(low, pos + 1, end)
    return False
