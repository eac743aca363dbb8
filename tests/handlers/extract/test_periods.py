"""Period expressions resolved against the publication date."""

from __future__ import annotations

from datetime import date

import pytest

from handlers.extract.periods import find_periods


def _span(text: str, pub: str) -> tuple[str, str]:
    found = [p for p in find_periods(text, 0, len(text), date.fromisoformat(pub)) if not p.comparison]
    assert len(found) == 1, found
    return found[0].first.isoformat(), found[0].last.isoformat()


@pytest.mark.parametrize(
    ("text", "pub", "first", "last"),
    [
        ("in the first four months of 2026", "2026-05-02", "2026-01-01", "2026-04-30"),
        ("over the first 11 months of this year", "2025-12-10", "2025-01-01", "2025-11-30"),
        ("from January to October this year", "2025-12-10", "2025-01-01", "2025-10-31"),
        ("January–October", "2025-12-10", "2025-01-01", "2025-10-31"),
        ("Jan–Apr 2026", "2026-05-10", "2026-01-01", "2026-04-30"),
        ("H1 2025", "2025-08-01", "2025-01-01", "2025-06-30"),
        ("in the first half", "2025-07-08", "2025-01-01", "2025-06-30"),
        ("in the first half of 2024", "2025-07-08", "2024-01-01", "2024-06-30"),
        ("in the first half", "2026-02-10", "2025-01-01", "2025-06-30"),
        ("上半年", "2026-03-01", "2025-01-01", "2025-06-30"),
        ("今年上半年", "2026-03-01", "2026-01-01", "2026-06-30"),
        ("Q1", "2025-04-20", "2025-01-01", "2025-03-31"),
        ("in the first quarter of 2026", "2026-04-20", "2026-01-01", "2026-03-31"),
        ("the first three quarters", "2025-10-20", "2025-01-01", "2025-09-30"),
        ("in 2024", "2025-06-14", "2024-01-01", "2024-12-31"),
        ("in October", "2026-11-05", "2026-10-01", "2026-10-31"),
        ("in October", "2026-03-05", "2025-10-01", "2025-10-31"),
        ("in October 2026", "2026-11-05", "2026-10-01", "2026-10-31"),
        ("this year", "2025-05-20", "2025-01-01", "2025-05-20"),
        ("last year", "2025-05-20", "2024-01-01", "2024-12-31"),
        ("last month", "2025-05-20", "2025-04-01", "2025-04-30"),
        ("в прошлом месяце", "2025-05-20", "2025-04-01", "2025-04-30"),
        ("上月", "2025-05-20", "2025-04-01", "2025-04-30"),
        ("в первом полугодии 2025 года", "2025-07-25", "2025-01-01", "2025-06-30"),
        ("за девять месяцев", "2025-10-14", "2025-01-01", "2025-09-30"),
        ("по итогам девяти месяцев 2025 года", "2025-10-14", "2025-01-01", "2025-09-30"),
        ("в январе–апреле", "2026-05-06", "2026-01-01", "2026-04-30"),
        ("в январе–апреле 2026 года", "2026-05-06", "2026-01-01", "2026-04-30"),
        ("с января по октябрь", "2025-11-06", "2025-01-01", "2025-10-31"),
        ("в I квартале", "2025-04-20", "2025-01-01", "2025-03-31"),
        ("в 2024 году", "2025-04-20", "2024-01-01", "2024-12-31"),
        ("в октябре", "2025-11-01", "2025-10-01", "2025-10-31"),
        ("с начала года", "2025-04-20", "2025-01-01", "2025-04-20"),
        ("с начала 2024 года", "2025-04-20", "2024-01-01", "2024-12-31"),
        ("since the beginning of the year", "2025-04-20", "2025-01-01", "2025-04-20"),
        ("一至十月", "2025-11-20", "2025-01-01", "2025-10-31"),
        ("1—10月", "2025-11-12", "2025-01-01", "2025-10-31"),
        ("今年1-10月", "2025-11-12", "2025-01-01", "2025-10-31"),
        ("前10月", "2025-11-12", "2025-01-01", "2025-10-31"),
        ("前三季度", "2025-10-20", "2025-01-01", "2025-09-30"),
        ("上半年", "2025-07-08", "2025-01-01", "2025-06-30"),
        ("一季度", "2025-04-08", "2025-01-01", "2025-03-31"),
        ("2025年", "2026-01-15", "2025-01-01", "2025-12-31"),
        ("10月份", "2025-11-15", "2025-10-01", "2025-10-31"),
        ("今年", "2025-11-15", "2025-01-01", "2025-11-15"),
        ("去年", "2025-11-15", "2024-01-01", "2024-12-31"),
    ],
)
def test_period_forms(text: str, pub: str, first: str, last: str) -> None:
    assert _span(text, pub) == (first, last)


@pytest.mark.parametrize(
    "text",
    [
        "compared to the same period in 2025",
        "чем за аналогичный период прошлого года",
        "较去年同期",
        "since its launch in 2016",
    ],
)
def test_comparison_and_event_dates_are_not_the_figures_period(text: str) -> None:
    assert all(p.comparison for p in find_periods(text, 0, len(text), date(2026, 5, 1)))


def test_dates_are_not_periods() -> None:
    text = "自2026年3月1日起 and on May 27, 2025"
    assert find_periods(text, 0, len(text), date(2026, 2, 1)) == []


def test_relative_month_is_marked() -> None:
    text = "a month earlier"
    (p,) = find_periods(text, 0, len(text), date(2026, 11, 5))
    assert p.relative == "prev_month"


def test_month_earlier_resolves_against_the_sentence_period() -> None:
    from extract_helpers import run

    ex = run(
        "The customs clearance rate at the Khorgos crossing fell to 96.4% in October 2026, down from 98.9% in "
        "September. Average clearance time for trucks rose to 7.5 hours, compared with about 4 hours a month earlier.",
        "2026-11-05",
    )
    got = {(o.indicator, o.value): (str(o.period_start), str(o.period_end)) for o in ex.observations}
    assert got == {
        ("clearance_rate_pct", 96.4): ("2026-10-01", "2026-10-31"),
        ("clearance_rate_pct", 98.9): ("2026-09-01", "2026-09-30"),
        ("clearance_time_hours", 7.5): ("2026-10-01", "2026-10-31"),
        ("clearance_time_hours", 4.0): ("2026-09-01", "2026-09-30"),
    }


def test_as_of_date_ends_a_year_to_date_period() -> None:
    from extract_helpers import run

    ex = run(
        "As of March 1, the number of commercial vehicles exported through the Horgos Highway Port in 2024 "
        "had exceeded 2 million vehicles.",
        "2024-03-02",
    )
    (obs,) = ex.observations
    assert (str(obs.period_start), str(obs.period_end)) == ("2024-01-01", "2024-03-01")
