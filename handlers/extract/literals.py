"""Where fixed literal words occur in a text, found in one Aho–Corasick pass (C) rather than one scan per word.

The extractor looks for a few hundred literal words in every document: port aliases and the literals its
gazetteer patterns require, English and Russian number words, the gates of the event search, the cue words of
elided units. A regex alternation of them is tried at nearly every position (`re` backtracks), and a `str.find`
per word is a pass over the text per word; one automaton pass lists every occurrence of all of them at once.
"""

from __future__ import annotations

from collections.abc import Iterable

import ahocorasick


class Vocabulary:
    """A fixed set of literal words, compiled once into an automaton."""

    __slots__ = ("_automaton", "words")

    def __init__(self, words: Iterable[str]) -> None:
        self.words = frozenset(w for w in words if w)
        self._automaton = ahocorasick.Automaton()
        for w in sorted(self.words):
            self._automaton.add_word(w, w)
        self._automaton.make_automaton()

    def scan(self, text: str) -> Occurrences:
        """Every occurrence of every word in `text` (overlapping ones too)."""
        found: dict[str, list[int]] = {}
        for end, word in self._automaton.iter(text):
            found.setdefault(word, []).append(end - len(word) + 1)
        return Occurrences(self.words, found)


class Occurrences:
    """The start offsets of each word of a Vocabulary in one text, ascending."""

    __slots__ = ("_found", "words")

    def __init__(self, words: frozenset[str], found: dict[str, list[int]]) -> None:
        self.words = words  # the words that were looked for
        self._found = found

    def starts(self, word: str) -> list[int]:
        """Where `word` starts in the text; `word` must be one of the vocabulary's words."""
        if word not in self.words:
            raise KeyError(f"not in the vocabulary: {word!r}")
        return self._found.get(word, [])

    def among(self, words: frozenset[str]) -> list[tuple[str, list[int]]]:
        """The words of `words` that occur, with their starts (a walk over what was found, not over `words`)."""
        return [(w, starts) for w, starts in self._found.items() if w in words]

    def starts_in(self, word: str, text: str) -> list[int]:
        """Where `word` starts in `text`, when the scanned text was `text` with some characters replaced one for
        one (find_ports' plain spaces): the scan lists a superset there, each checked here."""
        return [i for i in self.starts(word) if text.startswith(word, i)]


def find_all(text: str, word: str) -> list[int]:
    """Every start of `word` in `text`, overlapping ones too (one `str.find` pass)."""
    found: list[int] = []
    i = text.find(word)
    while i >= 0:
        found.append(i)
        i = text.find(word, i + 1)
    return found
