"""Indicators recognised from the words around a number, in each language, normalised to base units."""

from __future__ import annotations

import pytest
from extract_helpers import run

CASES = [
    ("en", "Alashankou handled 3,560 freight trains in the first half.", "trains_count", 3560),
    ("en", "Rail operators moved 1.5 million tonnes of cargo through Horgos.", "cargo_tonnes", 1_500_000),
    ("en", "Container throughput at Dostyk reached 410,000 TEU.", "containers_teu", 410_000),
    ("en", "Horgos exported 421,000 vehicles in 2024.", "vehicles_exported", 421_000),
    ("en", "About 25 freight trains cross at Khorgos per day.", "trains_per_day", 25),
    ("en", "Some 40 freight trains were waiting to cross at Dostyk.", "trains_in_queue", 40),
    ("en", "About 1,200 trucks were queuing at Nur Zholy.", "vehicles_in_queue", 1200),
    ("en", "Nur Zholy accepts up to 600 trucks a day.", "vehicles_per_day", 600),
    ("en", "Exports from Kazakhstan to China through all crossings were worth $1.2 billion.", "trade_value_usd", 1.2e9),
    ("en", "Horgos trade reached 30 billion yuan.", "trade_value_cny", 3e10),
    ("en", "The customs clearance rate at Horgos reached 99.2%.", "clearance_rate_pct", 99.2),
    ("en", "Clearance of a container train at Dostyk now takes up to two days.", "clearance_time_hours", 48),
    ("en", "At Horgos, new-energy vehicles accounted for 37% of vehicle exports.", "nev_share_pct", 37),
    (
        "en",
        "The number of freight trains passing through Horgos reached 3,456 in the first half.",
        "trains_count",
        3456,
    ),
    ("ru", "Через Достык проследовало 2 145 контейнерных поездов.", "trains_count", 2145),
    ("ru", "Через Хоргос прошло 1 200 составов.", "trains_count", 1200),
    ("ru", "Объём перевозок через Достык составил 18,3 млн тонн.", "cargo_tonnes", 18_300_000),
    ("ru", "Контейнерооборот Хоргоса составил 250 тыс. ДФЭ.", "containers_teu", 250_000),
    ("ru", "Через Хоргос экспортировано 15 тыс. автомобилей.", "vehicles_exported", 15_000),
    ("ru", "Через Алтынколь в сутки проходит 20 поездов.", "trains_per_day", 20),
    ("ru", "В очереди на «Нур Жолы» находились около 900 грузовых автомобилей.", "vehicles_in_queue", 900),
    ("ru", "Китайская сторона на Хоргосе принимает до 600 машин в сутки.", "vehicles_per_day", 600),
    ("ru", "Товарооборот через Хоргос составил 3,2 млрд долларов.", "trade_value_usd", 3.2e9),
    ("ru", "Среднее время оформления поезда на Алтынколе сократилось до 3,5 часа.", "clearance_time_hours", 3.5),
    ("ru", "Доля электромобилей в экспорте через Хоргос составила 40 процентов.", "nev_share_pct", 40),
    ("zh", "经霍尔果斯铁路口岸通行的中欧班列达6512列。", "trains_count", 6512),
    ("zh", "阿拉山口口岸完成过货量1012万吨。", "cargo_tonnes", 10_120_000),
    ("zh", "阿拉山口口岸集装箱吞吐量15.2万标箱。", "containers_teu", 152_000),
    ("zh", "霍尔果斯公路口岸共监管出口汽车46.3万辆。", "vehicles_exported", 463_000),
    ("zh", "阿拉山口口岸日均通行中欧班列22列。", "trains_per_day", 22),
    ("zh", "霍尔果斯口岸排队等待出境的货车约300辆。", "vehicles_in_queue", 300),
    ("zh", "霍尔果斯口岸日均验放货车两千辆。", "vehicles_per_day", 2000),
    ("zh", "阿拉山口口岸进出口贸易额达120.5亿元。", "trade_value_cny", 12_050_000_000),
    ("zh", "卡拉苏口岸进出口贸易额3.5亿美元。", "trade_value_usd", 350_000_000),
    ("zh", "霍尔果斯口岸通关率达99.5%。", "clearance_rate_pct", 99.5),
    ("zh", "霍尔果斯口岸班列平均通关时间压缩至3小时以内。", "clearance_time_hours", 3),
    ("zh", "霍尔果斯口岸货车通关时间压缩至30分钟。", "clearance_time_hours", 0.5),
    ("zh", "霍尔果斯口岸出口汽车中新能源汽车占比达31.5%。", "nev_share_pct", 31.5),
]


@pytest.mark.parametrize(("lang", "text", "indicator", "value"), CASES)
def test_indicator(lang: str, text: str, indicator: str, value: float) -> None:
    got = [(o.indicator, o.value) for o in run(text, lang=lang).observations]
    assert (indicator, pytest.approx(value)) in got, got


@pytest.mark.parametrize(
    ("text", "direction"),
    [
        ("The clearance rate for outbound freight at Horgos fell to 96.4%.", "outbound"),
        ("Kazakhstan's exports to China through all crossings were worth $1.2 billion.", "export"),
        ("阿拉山口口岸进出口贸易额达120.5亿元。", "total"),
    ],
)
def test_direction(text: str, direction: str) -> None:
    (obs,) = run(text).observations
    assert obs.direction == direction


def test_company_figure_has_company_scope() -> None:
    (obs,) = run("Near Horgos, our company has exported more than 1,500 commercial vehicles this year.").observations
    assert obs.scope == "company"


def test_previous_level_in_from_to_is_not_reported() -> None:
    got = [o.value for o in run("Customs clearance time at Khorgos was cut to 2 hours from 6 hours.").observations]
    assert got == [2]
    got = [o.value for o in run("霍尔果斯口岸通关时间由原来的2天压缩至1天。", lang="zh").observations]
    assert got == [24]


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("Через Хоргос за 9 мес. экспортировано 15 тыс. единиц автотехники.", "ru", 15_000),
        ("霍尔果斯口岸今年出口汽车1.2万台。", "zh", 12_000),
        ("Horgos exported 12,000 units of new energy vehicles in 2024.", "en", 12_000),
    ],
)
def test_vehicle_units(text: str, lang: str, value: float) -> None:
    (obs,) = run(text, lang=lang).observations
    assert (obs.indicator, obs.value) == ("vehicles_exported", value)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Через Алтынколь в сутки проходит 12 пар грузовых поездов.", "ru"),
        ("Some 12 pairs of freight trains cross Horgos daily.", "en"),
    ],
)
def test_pairs_of_trains(text: str, lang: str) -> None:
    (obs,) = run(text, lang=lang).observations
    assert (obs.indicator, obs.value) == ("trains_per_day", 24)


def test_breakdown_word_after_the_figure_does_not_hide_it() -> None:
    ex = run("Horgos exported 421,000 vehicles including many NEVs in 2024.", "2025-03-01")
    assert [(o.indicator, o.value) for o in ex.observations] == [("vehicles_exported", 421_000)]
