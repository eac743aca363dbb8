"""Attribute accuracy on matched figures: year-on-year wordings and periods (en/ru/zh)."""

from __future__ import annotations

import pytest
from extract_helpers import only, run


@pytest.mark.parametrize(
    ("text", "lang", "indicator", "yoy"),
    [
        # a change noun, what it is measured against, a dash or colon
        ("В 2025 году Алтынколь принял 3,4 млн тонн, прирост к предыдущему году — 4,2%.", "ru", "cargo_tonnes", 4.2),
        ("Dostyk handled 2.8 million tonnes in 2025, growth on the previous year: 3.1%.", "en", "cargo_tonnes", 3.1),
        # a gerund of gaining
        ("Достык в 2025 году нарастил показатель до 5 120 поездов, прибавив 4,4%.", "ru", "trains_count", 4.4),
        ("Dostyk handled 5,120 trains in 2025, adding 4.4 percent.", "en", "trains_count", 4.4),
        # a change stated before the new level
        ("В 2025 году перевозки через Иркештам выросли на 5,1% — до 218 тыс. тонн.", "ru", "cargo_tonnes", 5.1),
        ("2025年，霍尔果斯口岸货运量同比增长12%，达到3100万吨。", "zh", "cargo_tonnes", 12.0),
        # a multiple compared with a year earlier
        ("В 2025 году Хоргос принял 8,2 млн тонн — в 1,5 раза больше, чем годом ранее.", "ru", "cargo_tonnes", 50.0),
        ("Horgos handled 8.2 million tonnes in 2025, 1.5 times more than a year earlier.", "en", "cargo_tonnes", 50.0),
        ("2025年，巴克图口岸进口货物8.6万吨，同比翻了一番。", "zh", "cargo_tonnes", 100.0),
        # "is N percent more than": a change even after "is"
        ("Dostyk handled 9,000 trains in 2024, which is 14% more than the year before.", "en", "trains_count", 14.0),
    ],
)
def test_yoy_wordings(text: str, lang: str, indicator: str, yoy: float) -> None:
    assert only(run(text, "2026-02-10", lang), indicator).yoy_pct == yoy


def test_multiple_between_places_is_no_change() -> None:
    ex = run("Dostyk handled 9,000 trains in 2025, 2 times more than Altynkol.", "2026-02-10")
    assert only(ex, "trains_count").yoy_pct is None


def test_currency_equivalent_shares_the_change() -> None:
    ex = run(
        "Trade via Horgos in 2025 stood at 30.5 billion yuan ($4.25 billion), up 7.3 percent year on year.",
        "2026-02-10",
    )
    assert only(ex, "trade_value_cny").yoy_pct == 7.3
    assert only(ex, "trade_value_usd").yoy_pct == 7.3


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "In January, Dostyk handled 1,410 trains and 152,000 TEU. The figures were up 3 percent and 5.5 percent "
            "respectively from a year earlier.",
            "en",
            {"trains_count": 3.0, "containers_teu": 5.5},
        ),
        (
            "В январе 2026 года через Алтынколь прошло 1 120 поездов. Это на 4,6% больше, чем годом ранее.",
            "ru",
            {"trains_count": 4.6},
        ),
        (
            "In 2025 Altynkol handled 12,100 trains. According to the railway, this is 9 percent more than in 2024.",
            "en",
            {"trains_count": 9.0},
        ),
    ],
)
def test_changes_in_the_next_sentence(text: str, lang: str, expected: dict[str, float]) -> None:
    ex = run(text, "2026-02-10", lang)
    assert {ind: only(ex, ind).yoy_pct for ind in expected} == expected


@pytest.mark.parametrize(
    "text",
    [
        # two figures, one change: which one it is about is not clear
        "In January, Dostyk handled 1,410 trains and 152,000 TEU. This is 3 percent more than a year earlier.",
        # compared with another place, not with a year earlier
        "In January 2026 Dostyk handled 1,410 trains. This is 3 percent more than Altynkol.",
    ],
)
def test_next_sentence_change_not_attached(text: str) -> None:
    ex = run(text, "2026-02-10")
    assert all(o.yoy_pct is None for o in ex.observations)
