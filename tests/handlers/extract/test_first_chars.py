"""trie.first_chars reads what a match can start with; unknown constructs give None (never a wrong gate)."""

from __future__ import annotations

import pytest

from handlers.extract import lexicon as lx
from handlers.extract.trie import first_chars


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
