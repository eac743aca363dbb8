"""The port gazetteer (data/ports.toml) and attribution of a figure to the port its clause is about."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from handlers.extract.spans import PortMention
from service.vocabulary import PORTS

_EXCLUDE_BEFORE = re.compile(
    r"(?:opposite|across from|across the border from|bordering|напротив|对面的?|对岸的?)\s*"
    r"(?:(?:to|the|China's|China’s|Kazakhstan's|китайск\w+|казахстанск\w+|порта|станции|of)\s+){0,3}$",
    re.IGNORECASE,
)
_EXCLUDE_AFTER = re.compile(r"\s*(?:对面|对岸)")


@dataclass(frozen=True, slots=True)
class Gazetteer:
    pattern: re.Pattern[str]
    by_group: dict[str, str]
    priority: dict[str, int]
    region: dict[str, str]


def _alias_regex(alias: str) -> str:
    body = re.escape(alias).replace("\\ ", r"\s+")
    if re.search(r"[\u4e00-\u9fff]", alias):
        return body
    tail = r"[а-яё]{0,3}" if re.search(r"[а-яё]$", alias, re.IGNORECASE) else ""
    return rf"(?<![\w-]){body}{tail}(?![\w])"


@cache
def gazetteer() -> Gazetteer:
    raw = tomllib.loads(resources.files("handlers.extract").joinpath("data/ports.toml").read_text("utf-8"))
    parts: list[tuple[int, str, str]] = []
    by_group: dict[str, str] = {}
    priority: dict[str, int] = {}
    region: dict[str, str] = {}
    for i, entry in enumerate(raw["port"]):
        pid = str(entry["id"])
        if pid not in PORTS:
            raise ValueError(f"ports.toml: unknown port id {pid!r}")
        group = f"p{i}"
        by_group[group] = pid
        priority[pid] = int(entry.get("priority", 1))
        region[pid] = str(entry.get("region", pid))
        for alias in entry.get("aliases", []):
            parts.append((len(alias), group, _alias_regex(str(alias))))
        for pat in entry.get("patterns", []):
            parts.append((len(pat), group, f"(?:{pat})"))
    parts.sort(key=lambda p: -p[0])
    alternation = "|".join(f"(?P<{g}_{n}>{rx})" for n, (_, g, rx) in enumerate(parts))
    pattern = re.compile(alternation, re.IGNORECASE)
    return Gazetteer(pattern, by_group, priority, region)


def find_ports(text: str) -> list[PortMention]:
    """Every port mention in the text, except ones only used to locate something else ('opposite X')."""
    gz = gazetteer()
    out: list[PortMention] = []
    for m in gz.pattern.finditer(text):
        group = (m.lastgroup or "").split("_")[0]
        port = gz.by_group.get(group)
        if port is None:
            continue
        if _EXCLUDE_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            continue
        if _EXCLUDE_AFTER.match(text, m.end()):
            continue
        out.append(PortMention(m.start(), m.end(), port, gz.priority[port]))
    return out


def region_of(port: str) -> str:
    return gazetteer().region.get(port, port)


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
