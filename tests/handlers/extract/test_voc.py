"""Indicator vocabulary, tables whose rows are periods, and non-figures (challenge7 round, en/ru/zh)."""

from __future__ import annotations

import pytest
from extract_helpers import only, run


@pytest.mark.parametrize(
    ("text", "lang", "hours"),
    [
        ("At Bakhty, the customs stage now takes about 30 minutes for a pre-declared truck.", "en", 0.5),
        ("На Бахты таможенный этап теперь занимает около 30 минут.", "ru", 0.5),
        ("巴克图口岸海关环节用时压缩至30分钟。", "zh", 0.5),
        ("霍尔果斯站单列班列换装作业时间平均为4小时。", "zh", 4.0),
    ],
)
def test_customs_step_and_handling_time_is_clearance_time(text: str, lang: str, hours: float) -> None:
    assert only(run(text, lang=lang), "clearance_time_hours").value == pytest.approx(hours)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("At Alashankou, the share of promptly released declarations was 98.4 percent in the first five months.", "en"),
        ("Доля своевременно выпущенных деклараций на посту Алашанькоу за пять месяцев составила 98,4 проц.", "ru"),
        ("前5个月，阿拉山口口岸按时放行的报关单占比为98.4%。", "zh"),
    ],
)
def test_share_of_timely_released_declarations_is_clearance_rate(text: str, lang: str) -> None:
    assert only(run(text, lang=lang), "clearance_rate_pct").value == pytest.approx(98.4)


def test_trucks_in_line_are_a_queue() -> None:
    o = only(run("Kalzhat: ≈640 trucks in line to enter China this morning."), "vehicles_in_queue")
    assert (o.value, o.port, o.qualifier) == (640, "kalzhat", "about")


def test_in_line_with_is_no_queue() -> None:
    assert not run("Kalzhat cleared 640 trucks, in line with the plan.").observations


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Vehicle exports through Horgos keep rising. In the first quarter the port handled 9,800 "
            "new-energy trucks.",
            "en",
        ),
        (
            "Экспорт автомобилей через Хоргос растет. В первом квартале через пункт пропуска прошло 9 800 "
            "электрогрузовиков.",
            "ru",
        ),
        ("今年以来，霍尔果斯公路口岸出口汽车5.2万辆。一季度，该口岸监管新能源重卡9800辆。", "zh"),
    ],
)
def test_nev_trucks_counted_in_an_export_passage_are_exports(text: str, lang: str) -> None:
    found = [o for o in run(text, lang=lang).observations if o.value == 9800]
    assert [(o.indicator, o.port) for o in found] == [("vehicles_exported", "horgos")]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The haulier's fleet has 32 trucks; last year it added 6 new-energy trucks.", "en"),
        ("В парке перевозчика 32 машины, в прошлом году он купил 6 электрогрузовиков.", "ru"),
        ("他所在的车队共有32辆车，去年新添了6辆新能源重卡。", "zh"),
    ],
)
def test_a_fleets_nev_trucks_are_not_exports(text: str, lang: str) -> None:
    assert not run(text, lang=lang).observations


def test_exports_of_trucks_totalled_before_a_dash() -> None:
    text = "For the whole of 2024, exports of such trucks through Horgos totalled 41,300 — a record."
    o = only(run(text), "vehicles_exported")
    assert (o.value, o.port) == (41300, "horgos")


def test_vehicles_leaving_through_a_port_in_an_export_passage() -> None:
    text = (
        "В третьем квартале через переход вывезли 3 900 грузовиков и тягачей. "
        "Только в октябре через Бахты ушло 1 420 машин всех типов."
    )
    found = [o for o in run(text, lang="ru").observations if o.value == 1420]
    assert [(o.indicator, o.port) for o in found] == [("vehicles_exported", "bakhty")]


def test_units_of_machinery_per_day_are_vehicles() -> None:
    text = "Ежедневно на терминале пункта пропуска Калжат оформляется порядка 210 единиц техники."
    o = only(run(text, lang="ru"), "vehicles_per_day")
    assert (o.value, o.port) == (210, "kalzhat")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Bilateral China–Kazakhstan trade reached $41.2 billion last year, up from $39.9 billion in 2023.", "en"),
        ("China–Kazakhstan trade hit $41.2 billion in 2024, compared with $39.9 billion in 2023.", "en"),
    ],
)
def test_compared_trade_value_is_the_same_series(text: str, lang: str) -> None:
    values = sorted(o.value for o in run(text, published="2025-03-01", lang=lang).observations)
    assert values == [39.9e9, 41.2e9]


def test_a_week_word_before_the_generic_port_is_no_place_name() -> None:
    text = "各位早上好。\n\n巴克图口岸\n▪️ 本周口岸日均验放货车410辆。\n▪️ 小编在现场看到。"
    o = only(run(text, lang="zh"), "vehicles_per_day")
    assert (o.value, o.port) == (410, "bakhty")


def test_region_named_before_an_enumeration_comma() -> None:
    text = "阿拉山口口岸通行班列5,452列。全区口岸进口、出口整体通关时间分别为19.5小时和1.1小时。"
    found = sorted((o.value, o.port) for o in run(text, lang="zh").observations if o.unit == "hours")
    assert found == [(1.1, "xinjiang"), (19.5, "xinjiang")]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Monthly handovers at Dostyk:\n\n| Month | Trains handed over | y/y | Containers (TEU) |\n"
            "|---|---|---|---|\n| July | 498 | +3.1% | 41,200 |\n| August | 512 | -0.4% | 42,900 |\n",
            "en",
        ),
        (
            "Передача поездов на Достыке по месяцам:\n\n| Месяц | Передано поездов | Изменение, % | Контейнеры, ДФЭ |\n"
            "|---|---|---|---|\n| Июль | 498 | +3,1 | 41 200 |\n| Август | 512 | -0,4 | 42 900 |\n",
            "ru",
        ),
        (
            "多斯特克站各月交接情况如下：\n\n| 月份 | 交接班列（列） | 班列同比 | 集装箱（标箱） |\n"
            "|---|---|---|---|\n| 7月 | 498 | +3.1% | 41,200 |\n| 8月 | 512 | -0.4% | 42,900 |\n",
            "zh",
        ),
    ],
)
def test_table_rows_are_months(text: str, lang: str) -> None:
    got = sorted(
        (o.indicator, o.value, o.port, str(o.period_start), o.yoy_pct) for o in run(text, lang=lang).observations
    )
    assert got == [
        ("containers_teu", 41200, "dostyk", "2025-07-01", None),
        ("containers_teu", 42900, "dostyk", "2025-08-01", None),
        ("trains_count", 498, "dostyk", "2025-07-01", 3.1),
        ("trains_count", 512, "dostyk", "2025-08-01", -0.4),
    ]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Dostyk's new track is laid with heavy rail for 27 tonne axleloads.", "en"),
        ("Пути станции Достык уложены под нагрузку на ось 27 тонн.", "ru"),
        ("阿拉山口站新线按轴重27吨标准建设。", "zh"),
        ("После реконструкции перерабатывающая способность станции Достык вырастет с 20 до 28 млн тонн в год.", "ru"),
    ],
)
def test_axle_loads_and_capacities_are_not_cargo(text: str, lang: str) -> None:
    assert not run(text, lang=lang).observations


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Horgos Customs held a briefing. Drivers complain about waits at Nur Zholy. The queue on the Kazakh "
            "side is not ours to count. On our side, we processed an average of 640 trucks a day. The road port "
            "also released 9,100 vehicles for export this year.",
            "en",
        ),
        (
            "Таможня Хоргоса провела брифинг. Водители жалуются на ожидание у Нур Жолы. Очередь на казахстанской "
            "стороне мы не считаем. С нашей стороны в среднем оформлялось 640 грузовиков в сутки. С начала года "
            "на экспорт выпущено 9 100 автомобилей.",
            "ru",
        ),
    ],
)
def test_our_side_is_opposite_the_side_named_before(text: str, lang: str) -> None:
    found = {o.value: o.port for o in run(text, lang=lang).observations}
    assert found == {640: "horgos", 9100: "horgos"}
