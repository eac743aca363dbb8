"""Month ranges written with a preposition, "since <month>", counts in a parallel series, train "trips" after a
train sentence, and a comparison's period (each failed before its fix)."""

from __future__ import annotations

from datetime import date

import pytest
from extract_helpers import run

from handlers.extract.periods import find_periods


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("In January-July, the port handled 4,512 trains.", date(2026, 1, 1), date(2026, 7, 31)),
        ("During February–May, exports rose.", date(2026, 2, 1), date(2026, 5, 31)),
        ("Since January, the port has handled 1.9 million tonnes.", date(2026, 1, 1), date(2026, 8, 10)),
        ("since the start of March 2025 the line", date(2025, 3, 1), date(2026, 8, 10)),
        ("С января через станцию прошло 900 поездов.", date(2026, 1, 1), date(2026, 8, 10)),
        ("С февраля по май 2026 года", date(2026, 2, 1), date(2026, 5, 31)),
        ("今年3月以来，口岸通行班列", date(2026, 3, 1), date(2026, 8, 10)),
    ],
)
def test_period_spans(text: str, first: date, last: date) -> None:
    found = find_periods(text, 0, len(text), date(2026, 8, 10), "lcz")
    assert [(p.first, p.last) for p in found] == [(first, last)]


def test_since_a_later_month_is_last_years() -> None:
    text = "Since December, the port has handled 300 trains."
    found = find_periods(text, 0, len(text), date(2026, 8, 10), "l")
    assert [(p.first, p.last) for p in found] == [(date(2025, 12, 1), date(2026, 8, 10))]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Alashankou handled 3,960 trains in 2025, while Horgos handled 4,100.",
            {("alashankou", 3960), ("horgos", 4100)},
        ),
        (
            "ru",
            "Через Достык прошло 12,4 млн тонн грузов, а через Алтынколь – 9,8 млн.",
            {("dostyk", 12_400_000), ("altynkol", 9_800_000)},
        ),
    ],
)
def test_bare_count_in_a_parallel_clause_continues_the_series(
    lang: str, text: str, expected: set[tuple[str, float]]
) -> None:
    ex = run(text, lang=lang)
    assert {(o.port, round(o.value)) for o in ex.observations} == expected


@pytest.mark.parametrize(
    "text",
    [
        "Horgos handled 4,100 trains in 2025, up from 3,900.",  # a comparison, not a second figure
        "Horgos handled 4,100 trains in 2025; the yard has 24.",  # no port in the clause
        "Horgos handled 4,100 trains in 2025, while Altynkol opened in 2012.",  # a year
        "Horgos handled 4,100 trains in 2025, while Altynkol has 3.",  # not a comparable magnitude
    ],
)
def test_stray_bare_numbers_stay_out(text: str) -> None:
    assert [o.value for o in run(text).observations] == [4100]


def test_trips_after_a_train_sentence_are_trains() -> None:
    text = (
        "Horgos handled 4,512 China-Europe freight trains in the first half of 2025. "
        "Alashankou recorded 3,960 trips over the same period."
    )
    found = {(o.port, o.indicator, o.value) for o in run(text).observations}
    assert ("alashankou", "trains_count", 3960) in found


def test_trips_without_trains_in_view_are_not_trains() -> None:
    text = "Tourism is booming at Horgos. Visitors made 3,960 trips to the duty-free zone in 2025."
    assert run(text).observations == []


def test_period_after_a_comparison_belongs_to_the_comparison() -> None:
    text = "The average clearance time at Horgos has been cut to 1.5 hours, compared with 3 hours in 2024."
    periods = {o.value: (o.period_start, o.period_end) for o in run(text, published="2026-08-10").observations}
    assert periods[1.5] != (date(2024, 1, 1), date(2024, 12, 31))
    assert periods[3.0] == (date(2024, 1, 1), date(2024, 12, 31))
