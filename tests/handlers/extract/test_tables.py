"""Tables whose rows are ports, and figures paired with ports in one sentence (series logic in relations.py)."""

from __future__ import annotations

from datetime import date

import pytest
from extract_helpers import run

# -- tables whose rows are ports and whose header cells carry the units ------------------------------------------

_EN_TABLE = """Road crossings, January–September 2025:

| Checkpoint | Vehicles exported | Change y/y | Freight, thousand t |
|---|---|---|---|
| Horgos | 41,250 | -3.5% | 812.4 |
| Bakhty | 12,020 | +9.0% | 240.1 |
"""

_RU_TABLE = """Работа пунктов пропуска за девять месяцев 2025 года:

| Пункт пропуска | Грузовых автомобилей, ед. | Прирост, % | Перевезено грузов, тыс. тонн |
|---|---|---|---|
| Калжат | 8 705 | +12,3 | 1 204,6 |
| Бахты | 6 118 | -4,2 | 935,8 |
| Итого | 14 823 | +4,9 | 2 140,4 |
"""

_ZH_TABLE = """两口岸2024年运行情况如下表：

| 口岸 | 通行班列（列） | 同比 | 货运量（万吨） |
|---|---|---|---|
| 阿拉山口 | 6,512 | +3.1% | 2,604.5 |
| 霍尔果斯 | 7,020 | +5.4% | 2,911.0 |
| 合计 | 13,532 | +4.3% | 5,515.5 |
"""


def _rows(text: str, published: str, lang: str) -> set[tuple[str | None, str, float, date | None, float | None]]:
    ex = run(text, published, lang)
    return {(o.port, o.indicator, round(o.value, 3), o.period_start, o.yoy_pct) for o in ex.observations}


@pytest.mark.parametrize(
    ("text", "published", "lang", "expected"),
    [
        (
            _EN_TABLE,
            "2025-10-20",
            "en",
            {
                ("horgos", "vehicles_exported", 41250.0, date(2025, 1, 1), -3.5),
                ("horgos", "cargo_tonnes", 812400.0, date(2025, 1, 1), None),
                ("bakhty", "vehicles_exported", 12020.0, date(2025, 1, 1), 9.0),
                ("bakhty", "cargo_tonnes", 240100.0, date(2025, 1, 1), None),
            },
        ),
        (
            _RU_TABLE,
            "2025-10-20",
            "ru",
            {
                ("kalzhat", "cargo_tonnes", 1204600.0, date(2025, 1, 1), None),
                ("bakhty", "cargo_tonnes", 935800.0, date(2025, 1, 1), None),
                ("china_kazakhstan", "cargo_tonnes", 2140400.0, date(2025, 1, 1), None),
            },
        ),
        (
            _ZH_TABLE,
            "2025-01-10",
            "zh",
            {
                ("alashankou", "trains_count", 6512.0, date(2024, 1, 1), 3.1),
                ("alashankou", "cargo_tonnes", 26045000.0, date(2024, 1, 1), None),
                ("horgos", "trains_count", 7020.0, date(2024, 1, 1), 5.4),
                ("xinjiang", "trains_count", 13532.0, date(2024, 1, 1), 4.3),
                ("xinjiang", "cargo_tonnes", 55155000.0, date(2024, 1, 1), None),
            },
        ),
    ],
)
def test_table_rows_are_ports(
    text: str, published: str, lang: str, expected: set[tuple[str | None, str, float, date | None, float | None]]
) -> None:
    assert expected <= _rows(text, published, lang)


def test_table_total_of_ports_of_two_regions_takes_no_port() -> None:
    text = """Итоги за 2024 год:

| Переход | Поездов | Изменение, % |
|---|---|---|
| Достык | 3 100 | +2,0 |
| Хоргос | 3 900 | +5,0 |
| Итого | 7 000 | +3,6 |
"""
    rows = _rows(text, "2025-02-01", "ru")
    assert ("dostyk", "trains_count", 3100.0, date(2024, 1, 1), 2.0) in rows
    assert not any(v == 7000.0 and p is not None for p, _, v, _, _ in rows)


def test_table_of_words_only_is_no_header() -> None:
    text = """| Checkpoint | Status | Notes |
|---|---|---|
| Horgos | open | snow |
"""
    assert run(text, "2025-10-20", "en").observations == []


def test_period_column_table_still_read() -> None:
    text = """Основные показатели

Показатель | 2024 | 2025 | Изменение
Транзит, млн т | 27,2 | 29,6 | +8,8%
"""
    rows = _rows(text, "2026-01-20", "ru")
    assert (None, "cargo_tonnes", 29600000.0, date(2025, 1, 1), 8.8) in rows or any(
        i == "cargo_tonnes" and v == 29600000.0 and y == 8.8 for _, i, v, _, y in rows
    )


# -- numbers a table or text writes in Russian style -------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("За январь – сентябрь через Алтынколь перевезено 7 105,8 тыс. тонн грузов.", 7105800.0),
        ("За январь – сентябрь через Калжат перевезено 840 тысяч тонн грузов.", 840000.0),
        ("За десять месяцев терминал обработал 212,7 тысячи ДФЭ.", 212700.0),
    ],
)
def test_russian_grouped_decimals_and_full_scale_words(sentence: str, value: float) -> None:
    ex = run(sentence, "2025-11-15", "ru")
    assert [o.value for o in ex.observations] == [value]


def test_english_abbreviated_tonnes() -> None:
    ex = run("In January–June, Dostyk handled 9.4 million t of cargo.", "2025-07-15", "en")
    assert [(o.indicator, o.value) for o in ex.observations] == [("cargo_tonnes", 9400000.0)]


# -- figures paired with ports in one sentence -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        (
            "In September, 655 trains crossed at Alashankou and 731 at Horgos.",
            "en",
            {("alashankou", 655.0), ("horgos", 731.0)},
        ),
        (
            "В сентябре через Достык прошло 512 поездов и 480 через Алтынколь.",
            "ru",
            {("dostyk", 512.0), ("altynkol", 480.0)},
        ),
    ],
)
def test_bare_count_takes_the_port_after_it(sentence: str, lang: str, expected: set[tuple[str, float]]) -> None:
    ex = run(sentence, "2025-10-15", lang)
    assert {(o.port, o.value) for o in ex.observations if o.indicator == "trains_count"} == expected


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        (
            "Horgos handled 7,020 trains, while the Bakhty and Kalzhat road ports in the east handled "
            "52,000 tonnes and 31,500 tonnes of cargo respectively.",
            "en",
            {("bakhty", 52000.0), ("kalzhat", 31500.0)},
        ),
        (
            "Через Хоргос прошло 7 020 поездов, а автомобильные пункты Бахты и Калжат на востоке региона "
            "обработали 52 тыс. и 31,5 тыс. тонн грузов соответственно.",
            "ru",
            {("bakhty", 52000.0), ("kalzhat", 31500.0)},
        ),
        (
            "9月，霍尔果斯口岸通行班列702列，巴克图和都拉塔口岸分别完成货运量5.2万吨和3.15万吨。",
            "zh",
            {("bakhty", 52000.0), ("kalzhat", 31500.0)},
        ),
    ],
)
def test_respectively_run_after_another_figure(sentence: str, lang: str, expected: set[tuple[str, float]]) -> None:
    ex = run(sentence, "2025-10-15", lang)
    assert {(o.port, o.value) for o in ex.observations if o.indicator == "cargo_tonnes"} == expected


def test_series_member_after_a_dash() -> None:
    ex = run(
        "За январь – август через Достык перевезено 9,1 млн тонн грузов, а через Алтынколь – 6 400 тысяч тонн.",
        "2025-09-15",
        "ru",
    )
    assert {(o.port, o.value) for o in ex.observations} == {("dostyk", 9100000.0), ("altynkol", 6400000.0)}


@pytest.mark.parametrize(
    ("text", "lang", "value", "start"),
    [
        (
            "В 2024 году через Достык проследовало 7 310 поездов, а с января по сентябрь этого года – 5 840.",
            "ru",
            5840.0,
            date(2025, 1, 1),
        ),
        (
            "Alashankou handled 6,900 trains in 2024, and in January–September this year, 5,120.",
            "en",
            5120.0,
            date(2025, 1, 1),
        ),
    ],
)
def test_bare_count_after_a_period_continues_the_series(text: str, lang: str, value: float, start: date) -> None:
    ex = run(text, "2025-10-15", lang)
    found = [o for o in ex.observations if o.value == value]
    assert [(o.indicator, o.period_start) for o in found] == [("trains_count", start)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Alashankou handled 6,900 trains in 2024, and on peak days in April it handled 150 to 160.",
        "Ожидаем, что по итогам года через оба перехода пройдёт не менее 12 тысяч поездов.",
    ],
)
def test_no_series_member(sentence: str) -> None:
    lang = "ru" if "Ожидаем" in sentence else "en"
    ex = run(sentence, "2025-10-15", lang)
    assert all(o.value not in (155.0, 12000.0) for o in ex.observations)


def test_compared_level_is_not_a_member_of_this_periods_series() -> None:
    """'up from 600 at the same time last year' is last year's level (kept, as the gold convention does for
    compared levels), never a second figure for September of this year."""
    ex = run("In September, 655 trains crossed at Alashankou, up from 600 at the same time last year.", "2025-10-15")
    assert [o.period_start.year for o in ex.observations if o.value == 600.0 and o.period_start] in ([], [2024])


@pytest.mark.parametrize(
    ("text", "lang", "value", "port"),
    [
        (_ZH_TABLE + "\n其中，12月当月两口岸共通行班列1,140列。\n", "zh", 1140.0, "xinjiang"),
        (
            _RU_TABLE + "\nВ сентябре через оба перехода прошло 1 650 грузовых автомобилей в сутки.\n",
            "ru",
            1650.0,
            "china_kazakhstan",
        ),
    ],
)
def test_aggregate_after_a_table_of_ports(text: str, lang: str, value: float, port: str) -> None:
    ex = run(text, "2025-10-20" if lang == "ru" else "2025-01-10", lang)
    assert [o.port for o in ex.observations if o.value == value] == [port]
