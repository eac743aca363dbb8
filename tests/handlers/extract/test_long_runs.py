"""A run of text far longer than any sentence, with no sentence end (a flattened table, a page of figures), is read
in pieces: every rule that looks across a figure's sentence then costs a bounded amount per figure (before, a
60 KB run of figures took a minute), and the figures of the run are all still read."""

from __future__ import annotations

from datetime import date

import pytest
from extract_helpers import run

from handlers.extract.segment import SENTENCE_MAX, split_sentences

_ITEMS = {
    "en": "Horgos handled {n} trains in 2025",
    "ru": "через Хоргос прошло {n} поездов в 2025 году",
    "zh": "2025年霍尔果斯口岸通行中欧班列{n}列",
}
_JOIN = {"en": ", ", "ru": ", ", "zh": "，"}


def _run_of(lang: str, count: int) -> tuple[str, list[int]]:
    values = [3000 + 7 * k for k in range(count)]  # (never year-like: 1903 would read as a year)
    return _JOIN[lang].join(_ITEMS[lang].format(n=v) for v in values), values


@pytest.mark.parametrize("lang", ["en", "ru", "zh"])
def test_a_run_longer_than_any_sentence_is_cut_at_clause_breaks(lang: str) -> None:
    text, _ = _run_of(lang, 400)
    assert len(text) > 4 * SENTENCE_MAX
    pieces = split_sentences(text)
    assert len(pieces) >= 4
    assert all(p.end - p.start <= SENTENCE_MAX for p in pieces)
    assert all(text[p.start : p.end].rstrip()[-1] in ",，" for p in pieces[:-1])  # cut after a clause break
    assert not any(p.headline for p in pieces)
    covered = "".join(text[p.start : p.end] for p in pieces)
    assert covered.replace(" ", "") == text.replace(" ", "")  # nothing lost between the pieces


@pytest.mark.parametrize("lang", ["en", "ru", "zh"])
def test_every_figure_of_a_long_run_is_still_read(lang: str) -> None:
    text, values = _run_of(lang, 200)
    ex = run(text + ("." if lang != "zh" else "。"), published="2026-02-01", lang=lang)
    found = sorted(int(o.value) for o in ex.observations if o.indicator == "trains_count" and o.port == "horgos")
    assert found == values


def test_a_long_prose_sentence_stays_one_sentence() -> None:
    clause = "the station handled more containers than a year earlier"
    text = ", and ".join([clause] * 16) + "."
    assert SENTENCE_MAX // 2 < len(text) <= SENTENCE_MAX
    assert [(s.start, s.end) for s in split_sentences(text)] == [(0, len(text))]


def test_a_page_of_undated_lines_looks_back_once_per_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """The period a figure carries from earlier sentences: the look back stops where an earlier line's answer is
    known (it scanned back over every line for each figure: 80,000 looks for 400 lines)."""
    from handlers.extract import pipeline

    looks = 0
    periods = pipeline._periods

    def counted(doc: object, i: int) -> object:
        nonlocal looks
        looks += 1
        return periods(doc, i)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "_periods", counted)
    lines = [f"Horgos handled {3000 + 7 * k} trains." for k in range(400)]
    ex = run("\n".join(["The ports reported these figures for 2025.", *lines]), published="2026-02-01")
    assert len(ex.observations) == 400
    assert {(o.period_start, o.period_end) for o in ex.observations} == {(date(2025, 1, 1), date(2025, 12, 31))}
    assert looks <= 4 * len(lines)


def test_repeats_are_looked_for_among_figures_of_the_same_port_and_indicator(monkeypatch: pytest.MonkeyPatch) -> None:
    """A figure is compared only with the earlier figures of its port, indicator and scope (it was compared with
    every earlier figure of the document)."""
    from handlers.extract.candidates import Candidate

    compared = 0
    same_flow = Candidate.same_flow

    def counted(self: Candidate, other: Candidate) -> bool:
        nonlocal compared
        compared += 1
        return same_flow(self, other)

    monkeypatch.setattr(Candidate, "same_flow", counted)
    ports = ["Horgos", "Alashankou", "Dostyk", "Altynkol"]
    units = ["handled {} trains", "handled {} tonnes of cargo", "handled {} TEU", "exported {} vehicles"]
    lines = [f"{p} {u.format(3000 + 7 * k)} in 2025." for k, (p, u) in enumerate((p, u) for p in ports for u in units)]
    ex = run("\n".join(lines * 10), published="2026-02-01")
    assert len(ex.observations) == len(lines)  # each repeated ten times, counted once
    assert compared <= 10 * len(lines)  # (each repeat meets its own figure only: 16 * 10, not 160 * 159 / 2)
