"""The en/ru/zh lexicons compiled once into the regexes the extractor uses."""

from __future__ import annotations

import re
from types import ModuleType

from handlers.extract import lexicon_en, lexicon_ru, lexicon_zh
from handlers.extract.trie import Folded, first_chars, is_word, lower_pattern, presence_parts

_LANGS: tuple[ModuleType, ...] = (lexicon_en, lexicon_ru, lexicon_zh)
UNIT_CLASSES = tuple(lexicon_en.UNITS)


def _units(mod: ModuleType, spaced: bool) -> tuple[re.Pattern[str], frozenset[str] | None]:
    """The unit pattern (optional spaces, then filler words and a unit noun) and what can follow the spaces."""
    groups = "|".join(f"(?P<{name}>{rx})" for name, rx in mod.UNITS.items())
    rest = rf"(?:(?:{mod.FILLER})[\s-]+){{0,7}}?(?:{groups})" if spaced else rf"(?:{mod.FILLER})?(?:{groups})"
    firsts = first_chars(rest)
    if firsts is not None and any(ch.isspace() for ch in firsts):
        firsts = None  # the gate below looks past the spaces
    return re.compile(rf"\s*{rest}"), firsts


_UNITS = (_units(lexicon_zh, spaced=False), _units(lexicon_en, spaced=True), _units(lexicon_ru, spaced=True))
UNIT_RES: tuple[re.Pattern[str], ...] = tuple(rx for rx, _ in _UNITS)


def units_at(text: str, pos: int, limit: int) -> list[re.Pattern[str]]:
    """The patterns of UNIT_RES (in order) that can match at `pos` within `limit`: after the spaces each starts
    with a known set of characters (the Chinese one with a unit character, the Russian one with a Cyrillic or
    capital letter), so a number followed by an English word is not tried against them."""
    end = pos
    while end < limit and text[end].isspace():  # what `\s*` takes (str.isspace is re's \s for str)
        end += 1
    after = text[end] if end < limit else ""
    found = _UNITS_AFTER.get(after)
    if found is None:
        found = _UNITS_AFTER[after] = [rx for rx, firsts in _UNITS if firsts is None or (after and after in firsts)]
    return found


_UNITS_AFTER: dict[str, list[re.Pattern[str]]] = {}  # units_at by the character after the spaces (built as met)
_SUBJECT_UNITS = ("train", "tonne", "teu", "vehicle")


def _subject_units(mod: ModuleType) -> re.Pattern[str]:
    groups = "|".join(f"(?P<{name}>{mod.UNITS[name]})" for name in _SUBJECT_UNITS)
    if mod is lexicon_zh:
        return re.compile(groups)
    # "Trains on the … border totalled 30,000": a sentence-initial subject noun is capitalised in English
    return re.compile(rf"(?<![\w-])(?:{groups})", re.IGNORECASE if mod is lexicon_en else 0)


SUBJECT_UNIT_RES: tuple[re.Pattern[str], ...] = (
    re.compile(r"(?P<train>班列|列车|列数|开行量)|(?P<tonne>货运量|过货量|吞吐量|运量)|(?P<vehicle>车辆|汽车)"),
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
NEW_LEVEL_BEFORE = _join("NEW_LEVEL_BEFORE")
BACK_REFERENCE = _join("BACK_REFERENCE")  # matched at a sentence start
DOUBLED = _join("DOUBLED")


def _lower_join(role: str) -> re.Pattern[str]:
    """One pattern of the role's words in all three languages, searched in the lower-cased text."""
    return re.compile(lower_pattern("|".join(f"(?:{getattr(mod, role)})" for mod in _LANGS)))


OTHER_PLACE = _lower_join("OTHER_PLACE")
PARTNER = _lower_join("PARTNER")
SIDE = {"kz": _lower_join("SIDE_KZ"), "cn": _lower_join("SIDE_CN")}
SIDE_OURS = _lower_join("SIDE_OURS")  # the speaker's side: opposite the side named before it
ROUTE_ANAPHOR = _lower_join("ROUTE_ANAPHOR")
REGION_ANAPHOR = _lower_join("REGION_ANAPHOR")
ROUTE_END = _lower_join("ROUTE_END")  # searched in the few characters before a port mention
HUB_ORIGIN = _lower_join("HUB_ORIGIN")  # before a hub's mention: where the counted traffic starts
DESTINATION_AFTER = _lower_join("DESTINATION_AFTER")  # matched right after a mention: the route's other end
GENERIC_PAIR = _lower_join("GENERIC_PAIR")  # lower-cased text of a china_kazakhstan mention
KAZAKHSTAN = _lower_join("KAZAKHSTAN")  # lower-cased text
NATIONAL = _lower_join("NATIONAL")  # lower-cased text of a network mention: "the national network"
HOME_KZ = _lower_join("HOME_KZ")  # lower-cased text: a name of Kazakhstan or its institutions
HOME_CN = _lower_join("HOME_CN")  # lower-cased text: a name of China or its institutions
TRANSIT = _lower_join("TRANSIT")  # lower-cased text: transit traffic
PARTS_AFTER = _lower_join("PARTS_AFTER")  # lower-cased text, after a figure: a clause naming its parts
IN_PASSING_BEFORE = _lower_join("IN_PASSING_BEFORE")  # before a port mention: a landmark or counterpart
IN_PASSING_AFTER = _lower_join("IN_PASSING_AFTER")  # right after a port mention: a road or outskirts
TABLE_CHANGE = _lower_join("TABLE_CHANGE")  # lower-cased text
TABLE_TOTAL = _lower_join("TABLE_TOTAL")  # lower-cased text
YOY_EXPLICIT = re.compile(
    r"year[- ]on[- ]year|year[- ]over[- ]year|\byoy\b|y/y|a year (?:earlier|ago|before)|same period|"
    r"previous year|last year|годом ранее|аналогичн\w+ период\w*|прошл\w+ год\w*|в годовом|同比|同期|上年|去年",
    re.IGNORECASE,
)
AFTER_UNIT_QUAL = re.compile(r"\s*(?:(以上|or more|and more|plus)|(左右)|(以内|以下|or less|or fewer))", re.IGNORECASE)
HALF_AFTER_UNIT = re.compile("|".join(f"(?:{mod.HALF_AFTER_UNIT})" for mod in _LANGS))
# the minutes of "2 hours 40 minutes" / "2 часа 40 минут" / "2小时40分钟" (or the hours after days)
SMALLER_TIME_UNIT = re.compile(
    r"\s*(?:and\s+|и\s+)?(?P<n>[0-9]{1,2})\s*(?:"
    + "|".join(f"(?P<{unit}>{'|'.join(mod.UNITS[unit] for mod in _LANGS)})" for unit in ("hour", "minute"))
    + ")",
    re.IGNORECASE,
)
AFTER_UNIT_PER_HOUR = re.compile(r"\s*(?:в час|per hour|an hour|every hour|每小时)", re.IGNORECASE)
AFTER_TIME_EXCLUDE = re.compile(
    r"[\s-]*(?:a day|a week|per day|per week|в сутки|в неделю|в день|each day|every day|of (?:work|operation)|"
    # a point in time, not a duration: "left Xi'an four days earlier", "two weeks ahead", "3天前"
    r"ahead|in advance|earlier|later|ago|before\b|назад|ранее|спустя|заранее|вперёд|前|之前|以前|之后|以后)",
    re.IGNORECASE,
)


def _per_language(fragments: list[str]) -> tuple[tuple[re.Pattern[str], bool, str], ...]:
    """Each language's pattern (en, ru, zh fragments) on its own, as trie.presence_parts (patterns re can skip
    text with, and whether a word boundary is checked in Python), with the script each part needs.

    Searched separately, the Russian and Chinese patterns keep their literal prefixes (re skips text that
    cannot start them) instead of being tried at every position with the English `\\b…`.
    """
    return tuple(
        (rx, boundary, _script_needed(rx.pattern))
        for fragment in fragments
        for rx, boundary in presence_parts(lower_pattern(fragment))
    )


_CYRILLIC_LOWER = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")


def _script_needed(pattern: str) -> str:
    """ "z" when every match starts with a CJK ideograph, "c" when with a (lower-case) Russian letter, else "":
    a text without that script cannot match (periods.scripts_of names the scripts a text has)."""
    chars = first_chars(pattern)
    if not chars:
        return ""
    if all("\u4e00" <= ch <= "\u9fff" for ch in chars):
        return "z"
    return "c" if chars <= _CYRILLIC_LOWER else ""


_PER_LANGUAGE = {role: _per_language([mod.CONTEXT[role] for mod in _LANGS]) for role in lexicon_en.CONTEXT}
# Two roles outside CONTEXT: "the two ports together" (a figure for a region), and nationwide or
# country-level wording (no port is carried over to it).
_PER_LANGUAGE["aggregate"] = _per_language([mod.AGGREGATE for mod in _LANGS])
_PER_LANGUAGE["no_carry"] = _per_language([mod.NO_CARRY for mod in _LANGS])


def has(role: str, low: str, start: int, end: int, scripts: str = "lcz") -> bool:
    """Whether low[start:end] (the lower-cased text) has a word of this role in any language.

    Same as `CONTEXT[role].search(low, start, end) is not None` (`\\b` there also looks at low[start - 1]);
    roles "aggregate" and "no_carry" are the languages' AGGREGATE and NO_CARRY patterns. `scripts`: those the
    whole text has (periods.scripts_of); a language whose words start in a script the text lacks is skipped.
    """
    for rx, boundary, needed in _PER_LANGUAGE[role]:
        if needed and needed not in scripts:
            continue  # the text has no letter this language's words can start with
        m = rx.search(low, start, end)
        if m is None:
            continue
        if not boundary:
            return True
        while m is not None:  # the `\\b` the part was searched without
            pos = m.start()
            if is_word(low[pos]) != (pos > 0 and is_word(low[pos - 1])):
                return True
            m = rx.search(low, pos + 1, end)
    return False
