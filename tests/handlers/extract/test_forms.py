"""Number forms (spoken decimals, dozens, halves, compound scales, 近千, 两成) and indicator vocabulary
(clearance time and rate wording, queues, per-day counts, vehicle exports) in en/ru/zh."""

from __future__ import annotations

import pytest
from extract_helpers import only, run


@pytest.mark.parametrize(
    ("text", "lang", "indicator", "value"),
    [
        # spoken decimals and dozens
        (
            "Ninety-eight point three percent of export declarations were cleared at Horgos in May.",
            "en",
            "clearance_rate_pct",
            98.3,
        ),
        ("Nearly three dozen trucks were queuing at Bakhty on Tuesday.", "en", "vehicles_in_queue", 36),
        # compound scales: a whole million and a remainder in thousands
        ("В 2024 году через Алашанькоу прошло 2 млн 150 тыс. тонн грузов.", "ru", "cargo_tonnes", 2_150_000),
        ("In 2024, Alashankou handled 1 million 240 thousand tonnes of cargo.", "en", "cargo_tonnes", 1_240_000),
        ("2024年阿拉山口口岸货运量1亿3000万吨。", "zh", "cargo_tonnes", 130_000_000),
        # a bare 千 after an approximation word; tenths (成) as a percentage
        ("霍尔果斯公路口岸近千辆货车排队等待出境。", "zh", "vehicles_in_queue", 1000),
        ("2025年霍尔果斯口岸出口汽车中，新能源汽车占比近三成。", "zh", "nev_share_pct", 30),
    ],
)
def test_number_forms(text: str, lang: str, indicator: str, value: float) -> None:
    assert only(run(text, lang=lang), indicator).value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "lang", "hours"),
    [
        ("Customs clearance of a truck at Horgos takes half a day on average.", "en", 12),
        ("Clearance of an eastbound train at Altynkol took a day and a half in December.", "en", 36),
        ("Clearing a block train at Horgos now takes one and a half hours.", "en", 1.5),
        ("Clearance of a truck at Bakhty takes two hours and a half.", "en", 2.5),
        ("Оформление одного поезда на станции Алтынколь занимает полсуток.", "ru", 12),
        ("На оформление одной фуры в Хоргосе уходит около получаса.", "ru", 0.5),
        ("Таможенное оформление поезда на Достыке занимало трое суток.", "ru", 72),
        ("Оформление грузовика в Хоргосе занимает полтора часа.", "ru", 1.5),
        ("Досмотр поезда на Алтынколе длится два с половиной часа.", "ru", 2.5),
        ("霍尔果斯口岸货车通关时间压缩至半个小时。", "zh", 0.5),
        ("阿拉山口口岸班列通关时间为一天半。", "zh", 36),
        ("阿拉山口口岸单列班列通关时间为两个半小时。", "zh", 2.5),
        ("巴克图口岸货车通关时间由3小时缩短至一个半小时。", "zh", 1.5),
        ("巴克图口岸货车平均通关时间仅需半天。", "zh", 12),
    ],
)
def test_time_spans_in_hours(text: str, lang: str, hours: float) -> None:
    assert only(run(text, lang=lang), "clearance_time_hours").value == pytest.approx(hours)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Dozens of trucks crossed the border at Horgos.", "en"),  # vague: no value
        ("The Horgos office is open for half a day on Saturdays.", "en"),  # working hours, not clearance
        ("В полдень на Хоргосе открылся новый терминал.", "ru"),  # полдень is noon
        ("霍尔果斯口岸上半年工作一成不变。", "zh"),
        ("В делегацию вошли трое сотрудников таможни Хоргоса.", "ru"),
    ],
)
def test_number_forms_negative(text: str, lang: str) -> None:
    assert run(text, lang=lang).observations == []


@pytest.mark.parametrize(
    ("text", "lang", "hours"),
    [
        ("For an average truck, the time at the border at Horgos is now below three hours.", "en", 3),
        ("The time needed to process one container train at Altynkol has fallen to 90 minutes.", "en", 1.5),
        ("Border crossing time at Bakhty averaged 4 hours in May.", "en", 4),
        ("Время нахождения грузовика на границе в Хоргосе сократилось до трёх часов.", "ru", 3),
        ("霍尔果斯口岸处理一辆出口货车的时间缩短至40分钟。", "zh", 40 / 60),
        ("巴克图口岸货车通行时间缩短至2小时。", "zh", 2),
    ],
)
def test_clearance_time_wording(text: str, lang: str, hours: float) -> None:
    assert only(run(text, lang=lang), "clearance_time_hours").value == pytest.approx(hours, abs=1e-4)


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("Уровень автоматического оформления импортных деклараций на Достыке в 2025 году составил 97,4%.", "ru", 97.4),
        (
            "Доля деклараций, выпущенных таможней Хоргоса в течение четырёх часов, за девять месяцев составила 96,1%.",
            "ru",
            96.1,
        ),
        ("The share of export declarations released within four hours at Horgos reached 95.2% in March.", "en", 95.2),
        ("今年以来，霍尔果斯海关报关单当日放行比例达98.7%。", "zh", 98.7),
    ],
)
def test_clearance_rate_wording(text: str, lang: str, value: float) -> None:
    assert only(run(text, lang=lang), "clearance_rate_pct").value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "lang", "indicator", "value"),
    [
        # a waiting clause after the figure's one describes the same trains or trucks
        (
            "About forty trains were standing at Altynkol on Friday, waiting to be handed over to China.",
            "en",
            "trains_in_queue",
            40,
        ),
        (
            "На площадке в Жаркенте стоят 450 грузовиков, ожидая въезда в пункт пропуска.",
            "ru",
            "vehicles_in_queue",
            450,
        ),
        ("巴克图口岸外停放货车300辆，等待入境查验。", "zh", "vehicles_in_queue", 300),
        ("在霍尔果斯公路口岸等候出境的货车约800辆。", "zh", "vehicles_in_queue", 800),
        # the series moved to a new level: the later figure keeps the queue
        ("霍尔果斯站一度积压待交接列车40列，目前已降至15列。", "zh", "trains_in_queue", 15),
        (
            "At the peak 80 trains were waiting at Altynkol, but the number has since fallen to 25 trains.",
            "en",
            "trains_in_queue",
            25,
        ),
        (
            "На подъезде к Достыку в пиковый момент скопилось 90 поездов, сейчас их число сократилось до 40 поездов.",
            "ru",
            "trains_in_queue",
            40,
        ),
        # a one-day period stated for the sentence makes its counts daily rates
        (
            "За прошедшие сутки, 3 марта, через «Калжат» оформлено 210 грузовых автомобилей.",
            "ru",
            "vehicles_per_day",
            210,
        ),
        ("Over the past 24 hours, Bakhty cleared 240 trucks heading for China.", "en", "vehicles_per_day", 240),
        ("过去24小时，巴克图口岸共验放货车310辆。", "zh", "vehicles_per_day", 310),
        # departures of trains
        ("Xi'an now runs about 12 Chang'an train departures a day.", "en", "trains_per_day", 12),
    ],
)
def test_queue_and_daily_wording(text: str, lang: str, indicator: str, value: float) -> None:
    assert only(run(text, lang=lang), indicator).value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        (
            "Car exports through Alashankou rose in 2025. November was the top month, with 31,200 vehicles "
            "crossing into Kazakhstan.",
            "en",
            31_200,
        ),
        (
            "Экспорт легковых автомобилей через Хоргос вырос. В марте 18 500 машин пересекли границу с Казахстаном.",
            "ru",
            18_500,
        ),
    ],
)
def test_vehicles_exported_in_an_export_passage(text: str, lang: str, value: float) -> None:
    assert only(run(text, lang=lang), "vehicles_exported").value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # trucks crossing a border are traffic, even in a passage about vehicle exports
        ("Car exports through Horgos rose in 2025. In December 9,000 trucks were crossing into Kazakhstan.", "en"),
        # vehicles crossing without an export passage
        ("In December 9,000 vehicles were crossing into Kazakhstan at Horgos.", "en"),
        # parking capacity and sales are not exports
        ("Horgos runs 14 export inspection lanes and has parking space for some 5,000 vehicles.", "en"),
        ("За четыре месяца в Казахстане реализовано 5 300 новых электромобилей из Хоргоса.", "ru"),
        # a schedule that is followed or changed is not a plan; a plan is
        ("霍尔果斯站计划开行班列40列。", "zh"),
    ],
)
def test_vocabulary_negative(text: str, lang: str) -> None:
    assert [o.indicator for o in run(text, lang=lang).observations if o.indicator != "clearance_time_hours"] == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "В марте через Алашанькоу экспортировано 12,1 тыс. автомобилей, доля электромобилей составила 33,5%. "
            "Годом ранее этот показатель был ниже, а в феврале нынешнего года — 30,2%.",
            "ru",
        ),
        ("Доля электромобилей в экспорте через Алашанькоу в марте составила 33,5%, а в феврале — 30,2%.", "ru"),
        ("3月阿拉山口口岸出口汽车中新能源汽车占比33.5%，2月为30.2%。", "zh"),
    ],
)
def test_elided_share_continues_the_series(text: str, lang: str) -> None:
    shares = [o for o in run(text, published="2026-04-20", lang=lang).observations if o.indicator == "nev_share_pct"]
    assert sorted((o.value, str(o.period_start)) for o in shares) == [(30.2, "2026-02-01"), (33.5, "2026-03-01")]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Доля электромобилей в экспорте через Алашанькоу в марте составила 33,5%, а рост экспорта в феврале — 12%.",
            "ru",
        ),
        ("Analysts expect the share of NEVs in Alashankou exports to pass 45 percent this year.", "en"),
    ],
)
def test_share_negative(text: str, lang: str) -> None:
    values = [o.value for o in run(text, published="2026-04-20", lang=lang).observations]
    assert 12 not in values and 45 not in values


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("По оценке таможни, в 2026 году экспорт автомобилей через Алашанькоу может вырасти до 150 тыс. единиц.", "ru"),
        ("Customs said car exports through Alashankou could reach 150,000 vehicles in 2026.", "en"),
        ("海关表示，2026年阿拉山口口岸汽车出口可能达到15万辆。", "zh"),
    ],
)
def test_could_reach_is_a_forecast(text: str, lang: str) -> None:
    assert run(text, published="2026-01-20", lang=lang).observations == []
