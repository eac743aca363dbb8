"""trie.first_chars reads what a match can start with; unknown constructs give None (never a wrong gate)."""

from __future__ import annotations

import re

import pytest

from handlers.extract import lexicon as lx
from handlers.extract.trie import first_chars, is_word, presence_parts


@pytest.mark.parametrize(
    ("pattern", "chars"),
    [
        ("abc|de", set("ad")),
        ("(?:x|y)?z", set("xyz")),
        ("(?<![а-яё])(?:лет|года?)", set("лг")),
        ("[0-3]q", set("0123")),
        (r"\bover", set("o")),
        ("a*b", set("ab")),
    ],
)
def test_known_first_characters(pattern: str, chars: set[str]) -> None:
    assert first_chars(pattern) == frozenset(chars)


@pytest.mark.parametrize("pattern", [r"\w+", r"\s*a", ".x", "[^a]", "a?", ""])
def test_unknown_or_empty_is_none(pattern: str) -> None:
    assert first_chars(pattern) is None


@pytest.mark.parametrize(
    ("text", "pos"),
    [("3,000 trains", 5), ("3000列", 4), ("2 145 поездов", 5), ("5 (about) TEU", 1), ("12 Alashankou trains", 2),
     ("7", 1), ("7   ", 1), ("40 млн т", 2)],
)  # fmt: skip
def test_units_at_keeps_every_pattern_that_can_match(text: str, pos: int) -> None:
    kept = lx.units_at(text, pos, len(text))
    assert [rx for rx in lx.UNIT_RES if rx.match(text, pos, len(text))] == [
        rx for rx in kept if rx.match(text, pos, len(text))
    ]


def _present(pattern: str, text: str, start: int, end: int) -> bool:
    for rx, boundary in presence_parts(pattern):
        m = rx.search(text, start, end)
        while m is not None:
            pos = m.start()
            if not boundary or is_word(text[pos]) != (pos > 0 and is_word(text[pos - 1])):
                return True
            m = rx.search(text, pos + 1, end)
    return False


@pytest.mark.parametrize(
    "pattern",
    [r"\b(?:our|the) (?:company|firm)\b|\bcompany (?:has|had)\b", r"(?:a|b)?c|\bd", r"(?:x|(?:y|z)w)q\b|(?<!k)m",
     r"\bfrom|(?:compared (?:with|to)|vs\.?)", r"(?P<n>\d+) (?:t|kg)", r"(?:ab|a)(?:c|bc)$"],
)  # fmt: skip
def test_presence_parts_find_what_the_pattern_finds(pattern: str) -> None:
    rx = re.compile(pattern)
    texts = ["the company has 3 t", "xq yq ywq km m", "from vs. compared to", "abc abbc", "_dd cd a-c", "12 kg"]
    for text in texts:
        for start in range(len(text) + 1):
            for end in range(start, len(text) + 1):
                assert _present(pattern, text, start, end) == (rx.search(text, start, end) is not None)
