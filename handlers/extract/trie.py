"""Build a fast regex from many literal words: a trie, so each text position tries only a few branches."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

_SPACE = r"[\s\-–—]"


def trie_regex(words: list[str], *, exact: bool = False) -> str:
    """An alternation equivalent to `words` (longest match first). Spaces and hyphens match each other,
    unless `exact`: then every character matches only itself."""
    root: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _emit(root, re.escape if exact else _char)


def _emit(node: dict[str, dict], char: Callable[[str], str]) -> str:  # type: ignore[type-arg]
    ends = "" in node
    branches = [(char(ch) + _emit(child, char)) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if ends else body


def _char(ch: str) -> str:
    return _SPACE if ch in " -–—" else re.escape(ch)


_LITERAL = re.compile(r"[A-Za-zА-Яа-яЁё\u4e00-\u9fff]")


def needle(pattern: str) -> str | None:
    """The longest literal run at the top level of a regex (lower-cased): text without it cannot match."""
    runs: list[str] = []
    current = ""
    depth = 0
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        nxt = pattern[i + 1] if i + 1 < len(pattern) else ""
        if ch == "\\":
            runs.append(current)
            current = ""
            i += 2
            continue
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        if depth == 0 and _LITERAL.match(ch) and nxt not in "?*{":
            current += ch
        else:
            runs.append(current)
            current = ""
        if ch == "|" and depth == 0:
            return None  # a top-level alternation has no single required literal
        i += 1
    runs.append(current)
    best = max(runs, key=len)
    return best.lower() if len(best) >= 3 or (len(best) == 2 and best[0] >= "\u4e00") else None


def lower_pattern(pattern: str) -> str:
    """Lower-case a regex's literals (escapes such as \\S or \\W keep their case): for use on lower-cased text."""
    out: list[str] = []
    i = 0
    while i < len(pattern):
        if pattern[i] == "\\" and i + 1 < len(pattern):
            out.append(pattern[i : i + 2])
            i += 2
            continue
        out.append(pattern[i].lower())
        i += 1
    return "".join(out)


# Characters for which IGNORECASE matching and `str.lower()` agree (ASCII, Latin-1, basic Cyrillic, CJK,
# punctuation and full-width forms). Outside them (ſ, ı, İ, Greek final sigma, ᲀ …) re's case folding differs.
_FOLD_UNSAFE = re.compile("[^\x00-\xff\u0400-\u045f\u2000-\u206f\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def fold_safe(text: str) -> bool:
    """Whether an IGNORECASE pattern may be replaced by its lower-cased twin on `text.lower()`."""
    return text.isascii() or _FOLD_UNSAFE.search(text) is None  # isascii: O(1) for str


class Folded:
    """An IGNORECASE pattern and its lower-cased twin (about 3x faster: no case folding per character).

    `search(text, low, …)` uses the twin on `low` (text.lower(), same offsets) when `low` is given — only
    for texts where `fold_safe` holds — and the original pattern on `text` otherwise.
    """

    __slots__ = ("pattern", "rx", "twin")

    def __init__(self, rx: re.Pattern[str]) -> None:
        self.rx = rx
        self.pattern = rx.pattern
        self.twin = re.compile(lower_pattern(rx.pattern), rx.flags & ~re.IGNORECASE)

    def search(self, text: str, low: str, start: int, end: int) -> re.Match[str] | None:
        return self.twin.search(low, start, end) if low else self.rx.search(text, start, end)


# What a match can start with, read from the parsed pattern (re's own parser: the same reading `re` compiles).
# Only plain constructs are understood; anything else (\w, \s, ., negated classes, backreferences …) makes the
# answer "unknown", which callers treat as "may start anywhere": a gate built on it can only skip work that
# could not have matched.
try:
    from re import _constants as _sre  # type: ignore[attr-defined]
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - a Python without these private modules: no gates
    _sre = _sre_parse = None

_Firsts = tuple[set[str] | None, bool]  # (possible first characters or None for unknown, can match empty)


def first_chars(pattern: str) -> frozenset[str] | None:
    """The characters a non-empty match of `pattern` (no flags) can start with; None when that is not known
    (or the pattern can match the empty string)."""
    if _sre_parse is None:
        return None
    try:
        chars, nullable = _sequence(list(_sre_parse.parse(pattern)))
    except Exception:  # an unexpected parse tree: unknown
        return None
    return None if chars is None or nullable else frozenset(chars)


def _sequence(items: list[tuple[object, Any]]) -> _Firsts:
    out: set[str] = set()
    for op, av in items:
        chars, nullable = _item(op, av)
        if chars is None:
            return None, False
        out |= chars
        if not nullable:
            return out, False
    return out, True


def _item(op: object, av: Any) -> _Firsts:  # one branch per construct of re's parse tree
    if op is _sre.LITERAL:
        return {chr(av)}, False
    if op is _sre.IN:
        chars: set[str] = set()
        for item_op, item_av in av:
            if item_op is _sre.LITERAL:
                chars.add(chr(item_av))
            elif item_op is _sre.RANGE and item_av[1] - item_av[0] < 4096:
                chars.update(chr(c) for c in range(item_av[0], item_av[1] + 1))
            else:
                return None, False  # a category (\w, \s), a negation, a wide range: unknown
        return chars, False
    if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
        return set(), True  # zero-width: the next item starts the match
    if op is _sre.SUBPATTERN:
        return _sequence(list(av[-1]))
    if op is _sre.BRANCH:
        chars = set()
        nullable = False
        for alternative in av[1]:
            alt_chars, alt_nullable = _sequence(list(alternative))
            if alt_chars is None:
                return None, False
            chars |= alt_chars
            nullable = nullable or alt_nullable
        return chars, nullable
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", None)):
        low, _, body = av
        body_chars, body_nullable = _sequence(list(body))
        return (None, False) if body_chars is None else (body_chars, body_nullable or low == 0)
    return None, False


# Presence: whether a pattern matches anywhere in a range, searched as alternations `re` can skip text with.
# re computes a first-character set (and then skips text that cannot start a match) only when a pattern starts
# with a literal, a class, or a group or alternation of literals; `\\bword|(?:a|b) c|…` gets none and is tried
# at every position. For a yes/no answer the alternatives can be searched apart: a leading group distributes
# (`(?:A|B)tail` matches where `Atail|Btail` does), a leading `\\b` is checked in Python where the rest matches.

_NOT_LITERAL = frozenset("()[]\\.^$|*+?{")
# Named groups, inline flags, comments: `(?` other than (?: (?= (?! (?<= (?<!
_UNSPLITTABLE = re.compile(r"\(\?(?![:=!]|<[=!])")


def _structure(pattern: str) -> Iterator[tuple[int, str, int]]:
    """(index, character, group depth after it) for each character of a regex outside escapes and classes."""
    depth = 0
    in_class = False
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        else:
            depth += (ch == "(") - (ch == ")")
            yield i, ch, depth
        i += 1


def top_level_alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a regex (split at `|` outside groups and classes)."""
    cuts = [i for i, ch, depth in _structure(pattern) if ch == "|" and depth == 0]
    return [pattern[a + 1 : b] for a, b in zip([-1, *cuts], [*cuts, len(pattern)], strict=True)]


def _distributed(alternative: str) -> list[str]:
    """`(?:A|B)tail` as `Atail`, `Btail` (the same matches, from the same positions), recursively while an
    alternative starts with such a group; anything else as it is."""
    if not alternative.startswith("(?:"):
        return [alternative]
    close = _closing(alternative)
    tail = alternative[close + 1 :]
    if close < 0 or tail[:1] in ("?", "*", "+", "{"):
        return [alternative]  # a repeated or optional group does not distribute
    return [d for a in top_level_alternatives(alternative[3:close]) for d in _distributed(a + tail)]


def _closing(pattern: str) -> int:
    """The index of the `)` closing the group that opens `pattern`, or -1."""
    return next((i for i, ch, depth in _structure(pattern) if ch == ")" and depth == 0), -1)


def _flat(pattern: str, bounded: bool = False) -> list[tuple[str, bool]]:
    """The pattern's alternatives with leading groups distributed, each with whether a `\\b` stood before it."""
    out: list[tuple[str, bool]] = []
    for alternative in top_level_alternatives(pattern):
        at_boundary = bounded or alternative.startswith("\\b")
        if alternative.startswith("\\b"):
            alternative = alternative[2:]
        distributed = _distributed(alternative)
        if distributed == [alternative]:
            out.append((alternative, at_boundary))
        else:
            out.extend(part for d in distributed for part in _flat(d, at_boundary))
    return out


def presence_parts(pattern: str, flags: int = 0) -> list[tuple[re.Pattern[str], bool]]:
    """Patterns that together match where `pattern` does, each with whether a word boundary must stand at the
    match start: the alternatives that start with a literal character in one alternation (per boundary need),
    each other alternative on its own. A pattern that does not split cleanly (a named group repeated by the
    distribution, inline flags) stays whole."""
    if _UNSPLITTABLE.search(pattern):
        return [(re.compile(pattern, flags), False)]
    flat = _flat(pattern)
    parts: list[tuple[re.Pattern[str], bool]] = []
    try:
        for boundary in (True, False):
            group = [a for a, b in flat if b == boundary]
            literal = [a for a in group if a and a[0] not in _NOT_LITERAL]
            if literal:
                parts.append((re.compile("(?:" + "|".join(literal) + ")", flags), boundary))
            parts.extend((re.compile(a, flags), boundary) for a in group if not a or a[0] in _NOT_LITERAL)
    except re.error:
        return [(re.compile(pattern, flags), False)]
    return parts


def is_word(ch: str) -> bool:
    """What `\\b` in a str pattern counts as a word character (presence_parts leave that check to the caller)."""
    return ch.isalnum() or ch == "_"
