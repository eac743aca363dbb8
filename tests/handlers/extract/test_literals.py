"""One-pass literal scans (literals.py) give what a scan per word gives, and the steps that use them agree."""

from __future__ import annotations

import pytest

from handlers.extract.events import VOCABULARY as EVENT_VOCABULARY
from handlers.extract.literals import Vocabulary, find_all
from handlers.extract.numbers import find_numbers
from handlers.extract.numwords import EN_WORDS, RU_WORDS
from handlers.extract.ports import find_ports, plain_spaces
from handlers.extract.ports import vocabulary as port_vocabulary

TEXTS = [
    "Horgos handled three thousand trains; someone two freight trains ... eighteen, eighty-eight",
    "Через Хоргос и\u00a0Алтынколь прошли двенадцать тысяч поездов, с 1 марта — новые требования.",
    "霍尔果斯口岸今年以来通行中欧班列3000列，自2025年1月1日起实施新规。",
    "aaa aa a",  # overlapping occurrences
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_scan_lists_every_occurrence(text: str) -> None:
    words = ["a", "aa", "horgos", "хоргос", "霍尔果斯", "two", "eight", "с ", "新规", "absent"]
    found = Vocabulary(words).scan(text.lower())
    for w in words:
        assert found.starts(w) == find_all(text.lower(), w)


def test_unknown_word_is_an_error() -> None:
    with pytest.raises(KeyError):
        Vocabulary(["one"]).scan("one").starts("two")


def test_starts_in_checks_the_unscanned_text() -> None:
    low = "from\u00a0march from april"
    found = Vocabulary(["from "]).scan(plain_spaces(low))
    assert found.starts("from ") == [0, 11]
    assert found.starts_in("from ", low) == [11]


@pytest.mark.parametrize("text", TEXTS)
def test_steps_agree_with_and_without_a_scan(text: str) -> None:
    low = text.lower()
    found = Vocabulary([*port_vocabulary(), *EN_WORDS, *RU_WORDS, *EVENT_VOCABULARY]).scan(plain_spaces(low))
    assert find_ports(text, low, "lcz") == find_ports(text, low, "lcz", "", found)
    cyr = any("\u0400" <= ch <= "\u04ff" for ch in text)
    assert find_numbers(text, 0, len(text), cyr) == find_numbers(text, 0, len(text), cyr, occurrences=found)


def test_among_lists_only_the_words_asked_for_that_occur() -> None:
    found = Vocabulary(["one", "two", "three"]).scan("one, one and three")
    assert sorted(found.among(frozenset({"one", "two"}))) == [("one", [0, 5])]
