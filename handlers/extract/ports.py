"""The port gazetteer (data/ports.toml) and attribution of a figure to the port its clause is about."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

from handlers.extract import lexicon as lx
from handlers.extract.literals import Occurrences, find_all
from handlers.extract.spans import PortMention
from handlers.extract.trie import Folded, lower_pattern, needle, trie_regex
from service.vocabulary import PORTS

_EXCLUDE_BEFORE = Folded(
    re.compile(
        r"(?:opposite|across from|across the border from|bordering|напротив|对面的?|对岸的?)\s*"
        r"(?:(?:to|the|China's|China’s|Kazakhstan's|китайск\w+|казахстанск\w+|порта|станции|of)\s+){0,3}$",
        re.IGNORECASE,
    )
)
_EXCLUDE_AFTER = re.compile(r"\s*(?:对面|对岸)")
_PAIR = re.compile(r"[»\"”]?\s*[–—-]\s*[«\"“]?|\s*/\s*")
# "on the China-Kazakhstan border", "на казахстанско-китайской границе", "中哈边境": a border named as a place
_BORDER = re.compile(r"\bborder\b(?!\s+(?:crossings|checkpoints|ports))|границе\b|边境(?!口岸)")
_LOCATIVE_BEFORE = re.compile(r"(?:\b(?:on|along|at|near|by) the|\bна|位于|地处)\s*$")
_SENTENCE_END = re.compile(r"[.!?。！？\n]")


@dataclass(frozen=True, slots=True)
class Gazetteer:
    by_alias_script: list[tuple[str, str, str]]  # (lower-cased alias, port, script l/c/z): substring search
    patterns: list[tuple[re.Pattern[str], str | None, str]]  # regex entries: (regex, required literal, port)
    priority: dict[str, int]
    region: dict[str, str]
    pattern_scripts: list[str]  # per regex entry: the script of its required literal (l/c/z), "" without one
    side: dict[str, str]  # port → "kz" / "cn" when it lies on one side of the border
    aliases: dict[str, tuple[int, str, str]]  # each non-empty alias: (its index above, port, script)
    alias_set: frozenset[str]  # the keys of `aliases`, to pick them out of a literals.Occurrences
    hubs: frozenset[str] = frozenset()  # nodes where trains start or end (`hub` in ports.toml), not crossings


_SPACES = str.maketrans("\u00a0\u2009\u202f\t", "    ")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_CYR = re.compile(r"[а-яё]")


def _key(alias: str) -> str:
    return alias.lower().translate(_SPACES)


@cache
def gazetteer() -> Gazetteer:
    raw = tomllib.loads(resources.files("handlers.extract").joinpath("data/ports.toml").read_text("utf-8"))
    by_alias: dict[str, str] = {}
    patterns: list[tuple[re.Pattern[str], str | None, str]] = []
    priority: dict[str, int] = {}
    region: dict[str, str] = {}
    side: dict[str, str] = {}
    hubs: set[str] = set()
    for entry in raw["port"]:
        pid = str(entry["id"])
        if pid not in PORTS:
            raise ValueError(f"ports.toml: unknown port id {pid!r}")
        priority[pid] = int(entry.get("priority", 1))
        region[pid] = str(entry.get("region", pid))
        if "side" in entry:
            side[pid] = str(entry["side"])
        if entry.get("hub", False):
            hubs.add(pid)
        for alias in entry.get("aliases", []):
            for key in _inflection_keys(_key(str(alias))):
                by_alias.setdefault(key, pid)
        for pat in entry.get("patterns", []):
            patterns.append((re.compile(lower_pattern(str(pat))), needle(str(pat)), pid))
    listed = [(a, p, "z" if _CJK.search(a) else "c" if _CYR.search(a) else "l") for a, p in by_alias.items()]
    aliases = {a: (k, p, script) for k, (a, p, script) in enumerate(listed) if a}
    scripts = [_script(literal) for _, literal, _ in patterns]
    return Gazetteer(listed, patterns, priority, region, scripts, side, aliases, frozenset(aliases), frozenset(hubs))


# A Russian name ending in a soft sign, -й, -а or -я loses it in the oblique cases ("Сиань" → "из Сианя",
# "Кульма" → "через Кульму"): the stem is an alias too (it then takes the case ending, see `_bounded`).
_DROPPED_IN_CASES = "ьйая"


def _inflection_keys(key: str) -> list[str]:
    """The alias and, for a Russian name whose last letter drops in the oblique cases, its stem."""
    if len(key) >= 5 and key[-1] in _DROPPED_IN_CASES and _CYR.match(key, len(key) - 2):
        return [key, key[:-1]]
    return [key]


def _script(literal: str | None) -> str:
    if literal is None:
        return ""
    return "z" if _CJK.search(literal) else "c" if _CYR.search(literal) else "l"


def _bounded(low: str, start: int, end: int) -> int | None:
    """The end of an alias match at word boundaries (Russian aliases may take a case ending), or None."""
    if start > 0 and (low[start - 1].isalnum() or low[start - 1] == "-") and not _CJK.match(low, start):
        return None
    if _CJK.match(low, start):
        return end
    if end < len(low) and "а" <= low[end - 1] <= "я":
        tail = end
        while tail < len(low) and tail - end < 3 and ("а" <= low[tail] <= "я" or low[tail] == "ё"):
            tail += 1
        end = tail
    if end < len(low) and (low[end].isalnum() and not _CJK.match(low, end)):
        return None
    return end


def _pattern_hits(
    rx: re.Pattern[str], literal: str | None, low: str, occurrences: Occurrences | None = None
) -> set[tuple[int, int]]:
    """Matches of a gazetteer regex, searched only around occurrences of its required literal."""
    if literal is None:
        return {(m.start(), m.end()) for m in rx.finditer(low)}
    hits: set[tuple[int, int]] = set()
    for i in occurrences.starts(literal) if occurrences is not None else find_all(low, literal):
        for m in rx.finditer(low, max(0, i - 80), min(len(low), i + len(literal) + 160)):
            hits.add((m.start(), m.end()))
    return hits



def vocabulary() -> list[str]:
    """The literal words find_ports looks for: every alias, and the literal each gazetteer pattern requires."""
    gz = gazetteer()
    return [a for a, _, _ in gz.by_alias_script] + [literal for _, literal, _ in gz.patterns if literal]


def plain_spaces(low: str) -> str:
    """`low` with no-break and thin spaces and tabs as plain spaces (same offsets): what aliases are matched on."""
    if "\u00a0" in low or "\u2009" in low or "\u202f" in low or "\t" in low:
        return low.translate(_SPACES)
    return low


_Alias = tuple[int, str, str]  # (position in the gazetteer, lower-cased alias, port)
_SCANNERS: dict[str, tuple[re.Pattern[str], dict[str, list[_Alias]]]] = {}


def _alias_scanner(gz: Gazetteer, scripts: str) -> tuple[re.Pattern[str], dict[str, list[_Alias]]]:
    """One regex over the aliases of these scripts, to find where any alias starts (built once per script set),
    and the aliases by first character, to list every alias that starts there."""
    cached = _SCANNERS.get(scripts)
    if cached is None:
        aliases = [(k, a, p) for k, (a, p, script) in enumerate(gz.by_alias_script) if script in scripts and a]
        by_first: dict[str, list[_Alias]] = {}
        for alias in aliases:
            by_first.setdefault(alias[1][0], []).append(alias)
        cached = _SCANNERS[scripts] = (re.compile(trie_regex([a for _, a, _ in aliases], exact=True)), by_first)
    return cached


_Hit = tuple[int, int, int, str]  # (alias index, start, end, port)


def _alias_hits(gz: Gazetteer, low: str, scripts: str) -> list[_Hit]:
    """Every bounded occurrence of an alias of these scripts, by one regex finding where any alias starts."""
    scanner, by_first = _alias_scanner(gz, scripts)
    hits: list[_Hit] = []
    m = scanner.search(low)
    while m is not None:
        i = m.start()
        for k, alias, port in by_first[low[i]]:
            if low.startswith(alias, i):
                end = _bounded(low, i, i + len(alias))
                if end is not None:
                    hits.append((k, i, end, port))
        m = scanner.search(low, i + 1)
    return hits


def _listed_alias_hits(gz: Gazetteer, low: str, scripts: str, occurrences: Occurrences) -> list[_Hit]:
    """The same as _alias_hits, from the occurrences of every alias listed by one scan of `low`."""
    hits: list[_Hit] = []
    for alias, starts in occurrences.among(gz.alias_set):
        k, port, script = gz.aliases[alias]
        if script not in scripts:
            continue
        for i in starts:
            end = _bounded(low, i, i + len(alias))
            if end is not None:
                hits.append((k, i, end, port))
    return hits



def find_ports(
    text: str,
    low: str | None = None,
    scripts: str | None = None,
    fold: str = "",
    occurrences: Occurrences | None = None,
) -> list[PortMention]:
    """Every port mention in the text, except ones only used to locate something else ('opposite X').

    `low` is the text lower-cased with the same length (offsets stay valid); `fold` is `low` when
    trie.fold_safe(text) (IGNORECASE patterns then run lower-cased on it), else "". `occurrences`: where the
    words of `vocabulary()` occur in `plain_spaces(low)`, when the caller has scanned for them.
    """
    gz = gazetteer()
    if low is None or len(low) != len(text):
        low = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
    low = plain_spaces(low)
    found: list[tuple[int, int, str]] = []
    if scripts is None:
        scripts = "l" + ("c" if _CYR.search(low) else "") + ("z" if _CJK.search(low) else "")
    hits = _alias_hits(gz, low, scripts) if occurrences is None else _listed_alias_hits(gz, low, scripts, occurrences)
    hits.sort(key=lambda h: h[0])  # alias by alias, as one substring search per alias would list them
    found.extend((start, end, port) for _, start, end, port in hits)
    found.extend(_pattern_mentions(gz, low, scripts, occurrences))
    found.sort(key=lambda f: (f[0], -f[1]))
    out: list[PortMention] = []
    for start, end, port in found:
        if out and start < out[-1].end:
            continue
        if out and out[-1].priority == gz.priority[port] == 1 and _PAIR.fullmatch(text, out[-1].end, start):
            continue  # "Dostyk–Alashankou", "Достык – Алашанькоу": a crossing named by its pair; the first names it
            # (after an aggregate the dash opens a list of its ports: "пункты пропуска Синьцзяна — Алашанькоу и …")
        if _EXCLUDE_BEFORE.search(text, fold, max(0, start - 40), start) or _EXCLUDE_AFTER.match(text, end):
            continue
        out.append(PortMention(start, end, port, gz.priority[port]))
    return [m for k, m in enumerate(out) if not _locates_named_port(low, out, k) and not _foreign_national(low, m)]


_NATIONAL_NETWORK = "kazakhstan_rail"


def _foreign_national(low: str, m: PortMention) -> bool:
    """'the national railway network', «национальная сеть», 「全国铁路」: Kazakhstan's network (KTZ) in corridor copy,
    unless the last country the text names up to there is China (then it is China's: no corridor node)."""
    if m.port != _NATIONAL_NETWORK or not lx.NATIONAL.search(low, m.start, m.end):
        return False
    kz = max((c.start() for c in lx.HOME_KZ.finditer(low, 0, m.end)), default=-1)
    cn = max((c.start() for c in lx.HOME_CN.finditer(low, 0, m.start)), default=-1)
    return cn > kz


def _locates_named_port(low: str, mentions: list[PortMention], k: int) -> bool:
    """'Alashankou, one of the busiest ports on the China-Kazakhstan border, …': the border phrase only locates
    the port named before it in the sentence, so it is not a mention of the border as a whole."""
    m = mentions[k]
    if m.priority != 2 or not _BORDER.search(low, m.start, m.end):
        return False
    lead = low[m.start : m.start + 3]
    locative = lead.startswith("на ") or _LOCATIVE_BEFORE.search(low, max(0, m.start - 12), m.start) is not None
    if not locative:
        return False
    named = [p for p in mentions[:k] if p.priority == 1 and m.start - p.end <= 120]
    return any(_SENTENCE_END.search(low, p.end, m.start) is None for p in named)


def _pattern_mentions(
    gz: Gazetteer, low: str, scripts: str, occurrences: Occurrences | None = None
) -> list[tuple[int, int, str]]:
    found: list[tuple[int, int, str]] = []
    for (rx, literal, port), script in zip(gz.patterns, gz.pattern_scripts, strict=True):
        if script and script not in scripts:
            continue  # its literal is in a script the text does not have
        found.extend((start, end, port) for start, end in _pattern_hits(rx, literal, low, occurrences))
    return found


def region_of(port: str) -> str:
    return gazetteer().region.get(port, port)


def shared_region(ports: Iterable[str]) -> str | None:
    """The aggregate two or more different ports make up together ("the two ports", a table's total row), when
    they all lie in one region that is itself a port id (xinjiang, china_kazakhstan); else None."""
    distinct = set(ports)
    regions = {region_of(p) for p in distinct}
    if len(distinct) < 2 or len(regions) != 1:
        return None
    region = regions.pop()
    return region if region in PORTS else None


def is_hub(port: str) -> bool:
    """Whether the node is a hub where trains start or end (Xi'an), not a border crossing."""
    return port in gazetteer().hubs


def side_of(port: str) -> str:
    """'kz' or 'cn' for a node on one side of the border, '' for a crossing named on both."""
    return gazetteer().side.get(port, "")


def choose_port(
    mentions: list[PortMention], pos: int, clause: tuple[int, int], sentence: tuple[int, int]
) -> str | None:
    """The port a figure at `pos` is about: best-ranked in its clause, then in its sentence; nearest first."""
    for lo, hi in (clause, sentence):
        inside = [m for m in mentions if lo <= m.start < hi]
        if inside:
            return min(inside, key=lambda m: (m.priority, _distance(m, pos))).port
    return None


def _distance(m: PortMention, pos: int) -> int:
    # A mention before the figure is the usual subject; one after it ("... through Horgos") comes second.
    return pos - m.end if m.end <= pos else 10_000 + m.start - pos
