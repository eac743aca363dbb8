"""A figure given as the comparison of another ('down from X', 'против X', '较上月的X') is the same series:
it takes the head figure's direction and scope (and port), so the two can be paired."""

from __future__ import annotations

import pytest
from extract_helpers import run

CASES = [
    (
        "en",
        "The customs clearance rate for outbound freight at the Khorgos crossing fell to 96.4% in October 2025, "
        "down from 98.9% in September.",
        "clearance_rate_pct",
        "outbound",
    ),
    (
        "en",
        "Inbound clearance at Alashankou took 6 hours in October 2025, compared with 9 hours a month earlier.",
        "clearance_time_hours",
        "inbound",
    ),
    (
        "en",
        "The clearance rate for imports at Horgos rose to 97.5% in October 2025, up from 95.1% in September.",
        "clearance_rate_pct",
        "inbound",
    ),
    (
        "ru",
        "Уровень оформления экспортных грузов на Хоргосе в октябре 2025 года составил 96,4%, против 98,9% в сентябре.",
        "clearance_rate_pct",
        "outbound",
    ),
    (
        "ru",
        "Время оформления импортных поездов на Достыке в октябре 2025 года составило 6 часов, "
        "по сравнению с 9 часами в сентябре.",
        "clearance_time_hours",
        "inbound",
    ),
    (
        "zh",
        "2025年10月，霍尔果斯口岸出境货物通关率为96.4%，较上月的98.9%下降2.5个百分点。",
        "clearance_rate_pct",
        "outbound",
    ),
    (
        "zh",
        "2025年10月，阿拉山口口岸入境班列平均通关时间为6小时，上月为9小时。",
        "clearance_time_hours",
        "inbound",
    ),
]


@pytest.mark.parametrize(("lang", "text", "indicator", "direction"), CASES)
def test_comparison_takes_head_series(lang: str, text: str, indicator: str, direction: str) -> None:
    found = [o for o in run(text, lang=lang).observations if o.indicator == indicator]
    assert len(found) == 2, [(o.indicator, o.value, o.direction) for o in found]
    assert {(o.direction, o.scope, o.port) for o in found} == {(direction, "port", found[0].port)}, [
        (o.value, o.direction, o.scope, o.port) for o in found
    ]
    assert found[0].value != found[1].value


def test_company_scope_is_inherited() -> None:
    text = "Our company sent 120 freight trains through Horgos in October 2025, up from 90 trains in September."
    found = [o for o in run(text).observations]
    assert [o.scope for o in found] == ["company", "company"], [(o.value, o.scope) for o in found]


def test_own_direction_words_win() -> None:
    text = (
        "In October 2025 the clearance rate at Horgos was 96.4% for exports, "
        "against 91.0% for imports in the same month."
    )
    got = {o.value: o.direction for o in run(text).observations if o.indicator == "clearance_rate_pct"}
    assert got == {96.4: "outbound", 91.0: "inbound"}, got


def test_unrelated_later_figure_keeps_its_own_direction() -> None:
    text = "Horgos handled 3,560 outbound freight trains in 2024, and 1,200 trains came from Alashankou in 2024."
    got = {o.value: o.direction for o in run(text).observations if o.indicator == "trains_count"}
    assert got.get(1200) == "total", got
