"""Indicator wording and non-figures: subjects split from their figure, compound durations, compared levels,
trips of people, recollections, capacities and forecasts (en/ru/zh)."""

from __future__ import annotations

import pytest
from extract_helpers import only, run


def _found(text: str, lang: str, published: str = "2026-03-10") -> set[tuple[str | None, str, float]]:
    return {(o.port, o.indicator, round(o.value, 2)) for o in run(text, published, lang).observations}


@pytest.mark.parametrize(
    ("lang", "text", "hours"),
    [
        # the subject stands before an inserted clause or a dash-enclosed list
        ("en", "At Khorgos, the full procedure — scanning, paperwork, release — takes about three hours.", 3.0),
        ("en", "The average time needed to handle a truck at Kalzhat, from entry to exit, was 1.6 hours.", 1.6),
        ("ru", "Досмотр грузовика на Калжате, по словам таможенников, длится в среднем 2,5 часа.", 2.5),
        ("zh", "巴克图口岸货车通关，经过优化流程后，平均用时1.8小时。", 1.8),
        # vocabulary
        ("en", "Border processing of a truck at Bakhty now takes around 5 hours.", 5.0),
        ("ru", "На Бахты время совершения таможенных операций сократилось до 35 минут.", 0.58),
        ("ru", "На Достыке время пограничных и таможенных операций составило 3 часа.", 3.0),
    ],
)
def test_clearance_subject_and_wording(lang: str, text: str, hours: float) -> None:
    assert round(only(run(text, lang=lang), "clearance_time_hours").value, 2) == hours


@pytest.mark.parametrize(
    ("lang", "text", "hours"),
    [
        ("en", "Clearance at Dostyk now takes 3 hours 20 minutes.", 3.33),
        ("en", "Clearance at Dostyk now takes 1 day and 6 hours.", 30.0),
        ("ru", "Оформление поезда на Достыке занимает 3 часа 30 минут.", 3.5),
        ("zh", "阿拉山口口岸班列通关时间压缩至1小时15分钟。", 1.25),
    ],
)
def test_compound_duration_is_one_value(lang: str, text: str, hours: float) -> None:
    assert round(only(run(text, lang=lang), "clearance_time_hours").value, 2) == hours


def test_compared_compound_duration_takes_the_clause_of_comparison() -> None:
    text = (
        "За первый квартал 2026 года время оформления поезда на Достыке сократилось до 3 часов 10 минут, тогда как "
        "в первом квартале прошлого года оно составляло 5 часов 45 минут."
    )
    found = {(round(o.value, 2), str(o.period_start)) for o in run(text, "2026-04-10", "ru").observations}
    assert found == {(3.17, "2026-01-01"), (5.75, "2025-01-01")}


@pytest.mark.parametrize(
    ("lang", "text", "indicator", "value"),
    [
        ("en", "At Altynkol, 41 trains were standing on approach to the station.", "trains_in_queue", 41),
        ("ru", "У Калжата в очереди на выезд находились 125 автомашин.", "vehicles_in_queue", 125),
        (
            "ru",
            "На Калжате доля деклараций на товары, выпущенных в установленный срок, составила 98,4%.",
            "clearance_rate_pct",
            98.4,
        ),
        (
            "ru",
            "Стоимость экспортированных через Хоргос автомобилей оценивается в 3,4 млрд юаней.",
            "trade_value_cny",
            3.4e9,
        ),
    ],
)
def test_queue_rate_and_value_wording(lang: str, text: str, indicator: str, value: float) -> None:
    assert only(run(text, lang=lang), indicator).value == pytest.approx(value)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Customs clearance of a train that left Xi'an four days earlier began at Khorgos this morning."),
        ("en", "Forwarders can book a clearance slot at Horgos online two weeks ahead."),
        ("ru", "Досмотр прибывшего пять дней назад поезда на Достыке завершён."),
        ("en", '"We run clearance lines at Horgos around the clock, and book trains two days ahead," he said.'),
        ("en", "At Horgos, trucks can clear customs on arrival, with a maximum wait of 12 hours."),
    ],
)
def test_time_references_and_capabilities_are_not_clearance_times(lang: str, text: str) -> None:
    assert [o for o in run(text, lang=lang).observations if o.indicator == "clearance_time_hours"] == []


@pytest.mark.parametrize(
    ("lang", "text", "values"),
    [
        (
            "ru",
            "Доля машин на новых источниках энергии – электромобилей и гибридов – в экспорте через Хоргос "
            "достигла 41,2% против 30% годом ранее.",
            {41.2, 30.0},
        ),
        (
            "en",
            "At Horgos, the share of new-energy vehicles — battery-electric, plug-in and fuel-cell — rose to 44.5%.",
            {44.5},
        ),
    ],
)
def test_nev_share_named_before_a_dash_list(lang: str, text: str, values: set[float]) -> None:
    found = {o.value for o in run(text, lang=lang).observations if o.indicator == "nev_share_pct"}
    assert found == values


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        (
            "ru",
            "За март через Хоргос экспортировано 31,2 тыс. автомобилей, что на 8% больше, чем годом ранее "
            "(тогда было 28,9 тыс.).",
            28900,
        ),
        (
            "en",
            "Horgos exported 31,200 vehicles in March, 8% more than a year earlier, when it was 28,900.",
            28900,
        ),
    ],
)
def test_compared_level_takes_the_compared_period(lang: str, text: str, value: float) -> None:
    found = {(o.value, str(o.period_start)) for o in run(text, "2026-04-10", lang).observations}
    assert (value, "2025-03-01") in found


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Khorgos Customs said 2,140 vehicles, such as tractors and electric buses, were exported last month."),
        ("ru", "По данным таможни, 2 140 машин, в том числе тракторы и электробусы, экспортированы через Хоргос."),
        ("zh", "霍尔果斯海关表示，上月2140辆车辆，包括拖拉机和电动客车，经该口岸出口。"),
    ],
)
def test_export_verb_after_an_inserted_list(lang: str, text: str) -> None:
    assert only(run(text, lang=lang), "vehicles_exported").value == 2140


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        (
            "en",
            "Vehicle exports through Horgos keep rising. For comparison, the port shipped 212,400 vehicles in 2024.",
            212400,
        ),
        (
            "ru",
            "Экспорт автомобилей через Хоргос растёт. Для сравнения, в 2024 году порт отгрузил 212,4 тыс. машин.",
            212400,
        ),
        ("zh", "霍尔果斯口岸汽车出口持续增长。作为对比，2024年该口岸发运车辆21.24万辆。", 212400),
    ],
)
def test_vehicles_shipped_in_a_passage_about_vehicle_exports(lang: str, text: str, value: float) -> None:
    assert only(run(text, lang=lang), "vehicles_exported").value == value


def test_national_ranking_does_not_stop_the_port_carrying() -> None:
    text = "阿拉山口口岸今年前8个月通行班列4200列。回望去年，口岸全年通行班列6120列，位居全国铁路口岸前列。"
    assert ("alashankou", "trains_count", 6120) in _found(text, "zh")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a driver's trips are not trains, even in a text about trains
        ("ru", "Через Достык идут поезда. Водитель из Оша рассказывает, что за год сделал 22 рейса в Урумчи."),
        ("en", "Trains queue at Horgos. One truck driver says he made 18 trips to Kashgar this year."),
        ("zh", "阿拉山口口岸班列增多。火车司机老王说，他每个月要值乘12趟。"),
        # recollections
        ("en", '"There were years with 25 trains a month at Alashankou," she recalled.'),
        ("ru", "«Бывали годы, когда через Достык шло по 25 поездов в месяц», – вспоминает он."),
        ("zh", "有的年份，阿拉山口口岸一个月只有25列班列。"),
        # a capacity carries over a dash to the next member of its series
        ("ru", "Проектная мощность терминала на Алтынколе – 8 млн тонн в год, на первом этапе – 5 млн тонн."),
        # future tense
        ("ru", "По оценкам экспертов, к 2030 году через Калжат будут перевозиться до 3 млн тонн грузов."),
        ("en", "By 2030 the Bakhty crossing will carry about 4 million tonnes of cargo."),
        ("zh", "随着新线投用，巴克图口岸过货量将增至400万吨。"),
    ],
)
def test_not_figures(lang: str, text: str) -> None:
    assert run(text, lang=lang).observations == []


def test_all_of_xinjiang_ports_is_the_region() -> None:
    obs = only(run("1至3月，全疆各口岸货物整体放行率为98.6%。", "2026-04-10", "zh"), "clearance_rate_pct")
    assert (obs.port, obs.value) == ("xinjiang", 98.6)
