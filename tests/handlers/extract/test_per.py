"""Periods: parts of a reported period, a bulletin's year so far, 'the period', weeks, 'the month', asides."""

from __future__ import annotations

from datetime import date

import pytest
from extract_helpers import run

Case = tuple[str, str, str, float, tuple[str, str] | None]


def _period(text: str, published: str, lang: str, value: float) -> tuple[date | None, date | None]:
    found = [o for o in run(text, published, lang).observations if o.value == value]
    assert len(found) == 1, [(o.indicator, o.value, o.port) for o in run(text, published, lang).observations]
    return found[0].period_start, found[0].period_end


def _check(case: Case) -> None:
    text, published, lang, value, want = case
    got = _period(text, published, lang, value)
    expected = (date.fromisoformat(want[0]), date.fromisoformat(want[1])) if want else (None, None)
    assert got == expected


# A part of the period ("In September alone", «Только в сентябре», 「其中9月份单月」) is said of its own sentence:
# the items after it still belong to the cumulative period the text opened with.
PARTS: list[Case] = [
    (
        "Port statistics, January–September 2025.\n\nIn January–September, Dostyk handled 5,120 trains. "
        "In September alone, 590 trains crossed at Dostyk.\n\nAltynkol handled 4,310 trains, up 3 percent.",
        "2025-10-20", "en", 4310, ("2025-01-01", "2025-09-30"),
    ),
    (
        "В январе - сентябре через Достык прошли 5 120 поездов. Только в сентябре через Достык прошли 590 поездов."
        "\n\n• Алтынколь - 4 310 поездов, рост на 3 проц.",
        "2025-10-20", "ru", 4310, ("2025-01-01", "2025-09-30"),
    ),
    (
        "2025年1—9月，多斯特克口岸通行班列5,120列。其中9月份单月通行590列。\n\n"
        "● 阿腾科里口岸：通行班列4,310列，同比增长3%。",
        "2025-10-20", "zh", 4310, ("2025-01-01", "2025-09-30"),
    ),
]

# An issue number ("2025年第9期") is not a year.
ISSUE: list[Case] = [
    (
        "乌鲁木齐海关统计快讯（2025年第9期）\n\n据统计，2025年1—9月，口岸运行平稳。\n\n"
        "● 多斯特克、阿腾科里两大口岸合计通行班列9,430列，约占全国同期开行总量的六成。",
        "2025-10-20", "zh", 9430, ("2025-01-01", "2025-09-30"),
    ),
]

# The year so far in a bulletin's list item, under a lead that states the cumulative period just ended.
BULLETIN: list[Case] = [
    (
        "The customs office released its bulletin for January–September 2025.\n\n"
        "• Since the start of the year, 5,120 trains crossed at Dostyk.",
        "2025-10-20", "en", 5120, ("2025-01-01", "2025-09-30"),
    ),
    (
        "Таможня опубликовала бюллетень по итогам января - сентября 2025 года.\n\n"
        "• С начала года через Достык проследовали 5 120 поездов.",
        "2025-10-20", "ru", 5120, ("2025-01-01", "2025-09-30"),
    ),
    (
        "海关发布2025年1—9月口岸运行快讯。\n\n● 今年以来，多斯特克口岸通行班列5,120列。",
        "2025-10-20", "zh", 5120, ("2025-01-01", "2025-09-30"),
    ),
    # not a list item: the year so far runs to publication
    (
        "The customs office released its bulletin for January–September 2025. "
        "Since the start of the year, 5,120 trains crossed at Dostyk, the director said.",
        "2025-10-20", "en", 5120, ("2025-01-01", "2025-10-20"),
    ),
]

# "during the period", «за отчетный период», 报告期内: the text's period, not a month another clause names.
THE_PERIOD: list[Case] = [
    (
        "In January–September, Dostyk handled 5,120 trains. Clearance averaged 2 hours in September, and "
        "97.5 percent of declarations at Dostyk were released on the same day during the period.",
        "2025-10-20", "en", 97.5, ("2025-01-01", "2025-09-30"),
    ),
    (
        "В январе - сентябре через Достык прошли 5 120 поездов. В сентябре через Достык прошли 590 поездов, а "
        "грузопоток через Достык за отчетный период составил 12,4 млн тонн.",
        "2025-10-20", "ru", 12400000, ("2025-01-01", "2025-09-30"),
    ),
]

# Weeks: a run of days, and "last week" (Monday to Sunday before publication) in its own sentence.
WEEKS: list[Case] = [
    (
        "Weekly digest. From the Dostyk station: Jan 12–18 the station handed over 148 trains to China.",
        "2026-01-20", "en", 148, ("2026-01-12", "2026-01-18"),
    ),
    (
        "За неделю (с 12 по 18 января) через Достык передано 148 поездов.",
        "2026-01-20", "ru", 148, ("2026-01-12", "2026-01-18"),
    ),
    (
        "1月12日—18日，阿拉山口口岸通行班列148列。",
        "2026-01-20", "zh", 148, ("2026-01-12", "2026-01-18"),
    ),
    (
        "Last week the Kalzhat crossing let through about 240 trucks a day on average.",
        "2026-03-10", "en", 240, ("2026-03-02", "2026-03-08"),
    ),
    (
        "На прошлой неделе Калжат пропускал в среднем 240 грузовиков в сутки.",
        "2026-03-10", "ru", 240, ("2026-03-02", "2026-03-08"),
    ),
    (
        "上周巴克图口岸日均验放货车240辆。",
        "2026-03-10", "zh", 240, ("2026-03-02", "2026-03-08"),
    ),
    # a queue compared with "last Monday" is not last week
    ("巴克图口岸排队货车约240辆，比上周一多了几十辆。", "2026-03-10", "zh", 240, None),
]

# "in the month", «за месяц», 当月 with no month named: the month just reported.
MONTH: list[Case] = [
    (
        "Altynkol handled 7,600 trains in 2025. The pace has held: in the month, 640 trains crossed at Altynkol.",
        "2026-02-06", "en", 640, ("2026-01-01", "2026-01-31"),
    ),
    (
        "В 2025 году Алтынколь передал 7 600 поездов. Темп сохраняется: за месяц через Алтынколь передано 640 поездов.",
        "2026-02-06", "ru", 640, ("2026-01-01", "2026-01-31"),
    ),
    (
        "2025年阿拉山口口岸通行班列7,600列。当月阿拉山口口岸通行班列640列。",
        "2026-02-06", "zh", 640, ("2026-01-01", "2026-01-31"),
    ),
]

# An aside for comparison does not set the quarter "the quarter" means.
ASIDE: list[Case] = [
    (
        "Dostyk handled 1,510 trains in the first quarter of 2026. For comparison, in the first quarter of 2025 "
        "the station handled 1,380 trains. The quarter's container traffic at Dostyk reached 96,000 TEU.",
        "2026-04-15", "en", 96000, ("2026-01-01", "2026-03-31"),
    ),
    (
        "В первом квартале 2026 года Достык принял 1 510 поездов. Для сравнения, в первом квартале 2025 года "
        "станция приняла 1 380 поездов. За квартал контейнерные перевозки через Достык составили 96 000 ДФЭ.",
        "2026-04-15", "ru", 96000, ("2026-01-01", "2026-03-31"),
    ),
]


# Levels given as those of a compared period take that period.
COMPARED: list[Case] = [
    ("2025年多斯特克口岸通行班列7,194列，较2024年的6,870列有所增长。",
     "2026-02-10", "zh", 6870, ("2024-01-01", "2024-12-31")),
    ("2025年多斯特克口岸通行班列7,194列，较2024年增长4.7%。",
     "2026-02-10", "zh", 7194, ("2025-01-01", "2025-12-31")),
]


@pytest.mark.parametrize("case", COMPARED + PARTS + ISSUE + BULLETIN + THE_PERIOD + WEEKS + MONTH + ASIDE)
def test_period(case: Case) -> None:
    _check(case)
