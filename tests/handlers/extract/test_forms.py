"""Number forms (spoken decimals, dozens, halves, compound scales, 近千, 两成) and indicator vocabulary
(clearance time and rate wording, queues, per-day counts, vehicle exports) in en/ru/zh."""

from __future__ import annotations

import pytest
from extract_helpers import only, run


@pytest.mark.parametrize(
    ("text", "lang", "indicator", "value"),
    [
        # spoken decimals and dozens
        ("Ninety-eight point three percent of export declarations were cleared at Horgos in May.", "en",
         "clearance_rate_pct", 98.3),
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
