"""A figure said of the present ("now", «в настоящее время», 目前) takes no period carried from earlier sentences."""

from __future__ import annotations

from datetime import date

import pytest
from extract_helpers import run

# (text, language, value, the period it must have: None when it is a state at the time of writing)
Case = tuple[str, str, float, tuple[str, str] | None]

PRESENT: list[Case] = [
    (
        "In the first nine months of 2025, Bakhty handled 310,000 tonnes of cargo. "
        "Clearing a loaded truck at Bakhty currently takes about four hours.",
        "en", 4.0, None,
    ),
    (
        "Over January–September 2025 Irkeshtam handled 210,000 tonnes. "
        "Right now customs clearance of a truck at Irkeshtam takes 3.5 hours on average.",
        "en", 3.5, None,
    ),
    (
        "За девять месяцев 2025 года через Бахты прошло 310 тыс. тонн грузов. "
        "Таможенное оформление грузовика на Бахты в настоящее время занимает около четырёх часов.",
        "ru", 4.0, None,
    ),
    (
        "2025年前三季度，巴克图口岸完成货运量31万吨。目前巴克图口岸货车平均通关时间为4小时。",
        "zh", 4.0, None,
    ),
    # guards: without a word of the present the passage's period still dates the figure, and a period of the
    # figure's own clause wins over the present word
    (
        "In the first nine months of 2025, Bakhty handled 310,000 tonnes of cargo. "
        "Clearing a loaded truck at Bakhty took about four hours on average.",
        "en", 4.0, ("2025-01-01", "2025-09-30"),
    ),
    (
        "2025年前三季度，巴克图口岸完成货运量31万吨。目前，10月份巴克图口岸货车平均通关时间为4小时。",
        "zh", 4.0, ("2025-10-01", "2025-10-31"),
    ),
]


@pytest.mark.parametrize("case", PRESENT, ids=[f"{c[1]}-{i}" for i, c in enumerate(PRESENT)])
def test_present_time_takes_no_carried_period(case: Case) -> None:
    text, lang, value, want = case
    found = [o for o in run(text, "2025-11-20", lang).observations if o.value == value]
    assert [o.indicator for o in found] == ["clearance_time_hours"]
    expected = (date.fromisoformat(want[0]), date.fromisoformat(want[1])) if want else (None, None)
    assert (found[0].period_start, found[0].period_end) == expected
