"""Texts that mention a port but carry no indicator; values that are not indicators."""

from __future__ import annotations

import pytest
from extract_helpers import run


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The center at Horgos welcomed about 12,000 visitors; shuttle buses ran on a 24-hour schedule.", "en"),
        ("The center at Horgos, opened in 2012, covers 5.28 square kilometres; 35 bands from six countries.", "en"),
        ("Horgos Port has implemented a 24-hour freight clearance system, working 7 days a week.", "en"),
        ("We provide 24-hour customs clearance services at Horgos.", "en"),
        ("A 25-year-old driver said the 670 km trip from Horgos took long. Call +7 (727) 123-45-67.", "en"),
        ("On May 27, 2025, at 15:46, trucks waited at Horgos.", "en"),
        ("霍尔果斯市成立于2014年，总面积1908平方公里，常住人口约10万人。", "zh"),
        ("霍尔果斯距离乌鲁木齐约670公里，今年夏季接待游客超过200万人次。", "zh"),
        ("Ранее пункт «Калжат» работал с 9:00 до 18:00 по будням.", "ru"),
        ("Население Жаркента составляет около 40 тысяч человек.", "ru"),
        ("Twelve pairs of passenger trains run between Almaty and Urumqi via Altynkol every week.", "en"),
        ("Horgos saw 1,000 more trains than last year.", "en"),
        ("The Horgos crossing cut clearance time by 2 hours.", "en"),
    ],
)
def test_no_indicator(text: str, lang: str) -> None:
    assert run(text, lang=lang).observations == []


def test_repeated_figure_counts_once() -> None:
    ex = run(
        "Horgos handled more than 3,000 freight trains in the first four months of 2026. "
        "The 3,000 freight trains at Horgos were a record.",
        "2026-05-01",
    )
    assert len(ex.observations) == 1


def test_rounded_headline_yields_to_exact_figure() -> None:
    ex = run(
        "Через Достык за девять месяцев прошло более 2,1 тыс. контейнерных поездов\n\n"
        "По итогам девяти месяцев 2025 года через станцию Достык проследовало 2 145 контейнерных поездов.",
        "2025-10-14",
        "ru",
    )
    assert [o.value for o in ex.observations] == [2145]


def test_implausible_value_is_flagged_not_dropped() -> None:
    ex = run("As of March 1, commercial vehicles exported through Horgos in 2024 exceeded 2 million.", "2024-03-02")
    ex2 = run("Horgos exported 2 million commercial vehicles in the first two months of 2024.", "2024-03-02")
    ex3 = run("Horgos exported 304,000 commercial vehicles in 2023.", "2024-03-02")
    assert [o.flags for o in ex2.observations] == [["implausible"]]
    assert [o.flags for o in ex3.observations] == [[]]
    assert all(o.flags == ["implausible"] for o in ex.observations)


def test_related_headlines_after_the_body_are_navigation() -> None:
    ex = run(
        "Horgos opens a new terminal\n\n"
        "The terminal at Horgos opened on Monday, officials said.\n"
        "Related news\n"
        "Horgos handled 5,000 freight trains in 2024\n"
        "Alashankou exported 2 million tonnes in 2024\n"
    )
    assert ex.observations == []


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Clearance of trucks at Horgos used to take 3 days but now takes 1 day.", "en", [24.0]),
        ("Раньше оформление на Хоргосе занимало 3 суток, а сейчас – 5 часов.", "ru", [5.0]),
        ("霍尔果斯口岸通关时间由原来的2天压缩至1天。", "zh", [24.0]),
    ],
)
def test_old_level_is_not_reported(text: str, lang: str, expected: list[float]) -> None:
    assert [o.value for o in run(text, lang=lang).observations] == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Each train at Horgos carries 1,500 tonnes of cargo.", "en"),
        ("The Khorgos Gateway dry port has a capacity of 540,000 TEU per year.", "en"),
        ("Пропускная способность сухого порта «Хоргос – Восточные ворота» составляет 540 тыс. ДФЭ в год.", "ru"),
        ("霍尔果斯口岸设计能力为年过货3000万吨。", "zh"),
        ("霍尔果斯口岸出入境车辆12万辆次。", "zh"),
        ("The company invested $1.5 billion in a new terminal at Horgos.", "en"),
    ],
)
def test_capacity_plans_loads_and_investments_are_not_figures(text: str, lang: str) -> None:
    assert run(text, lang=lang).observations == []


def test_national_figure_does_not_take_the_previous_port() -> None:
    ex = run("Horgos handled 3,000 trains. China's exports to Central Asia reached $50 billion in 2024.")
    assert {(o.port, o.indicator) for o in ex.observations} == {("horgos", "trains_count"), (None, "trade_value_usd")}


@pytest.mark.parametrize(
    ("text", "lang", "published"),
    [
        ("Ожидается, что в 2026 году грузооборот на Хоргосе достигнет 45 млн тонн.", "ru", "2026-03-12"),
        ("Horgos is expected to handle 10,000 trains in 2026.", "en", "2026-03-12"),
        ("预计2026年霍尔果斯口岸通行中欧班列将达到1万列。", "zh", "2026-03-12"),
        ("Horgos will handle 9,000 trains in 2027.", "en", "2026-03-12"),
    ],
)
def test_forecasts_are_not_figures(text: str, lang: str, published: str) -> None:
    assert run(text, published, lang).observations == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Exporters shipping trucks through Khorgos report queues of four to six weeks at certification bodies.", "en"),
        ("Утром 9 декабря на «Нур Жолы» было спокойно.", "ru"),
        ("Станция Алтынколь расположена напротив китайского порта Хоргос.", "ru"),
        ("The 21% YoY growth and 37% dedicated-train share reflect strong momentum at Horgos.", "en"),
        ("Over 60% of their exports are shipped via China-Europe trains through Horgos.", "en"),
    ],
)
def test_corpus_style_negatives(text: str, lang: str) -> None:
    assert run(text, lang=lang).observations == []


def test_a_short_list_of_figures_inside_the_body_is_not_navigation() -> None:
    ex = run(
        "Rail volumes in 2024\n\n"
        "The ports reported their results on Monday.\n"
        "Horgos: 7,762 freight trains\n"
        "Alashankou: 6,500 freight trains\n"
        "Officials said volumes would grow.\n",
        "2025-01-20",
    )
    assert {(o.port, o.value) for o in ex.observations} == {("horgos", 7762), ("alashankou", 6500)}


def test_commodity_within_the_total_is_not_the_port_volume() -> None:
    ex = run(
        "Horgos handled 38.6 million tonnes of cargo in 2024, including 1.2 million tonnes of grain.", "2025-02-01"
    )
    assert [o.value for o in ex.observations] == [38_600_000]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Стоимость перевозки контейнера через Хоргос снизилась и составила 7 800 долларов.", "ru"),
        ("На «Нур Жолы» за год оформлено 412 тыс. грузовых автомобилей.", "ru"),
        ("Freight rates via Horgos fell to USD 4,500 per container, while exports rose.", "en"),
    ],
)
def test_prices_and_trucks_processed_are_not_trade_or_exports(text: str, lang: str) -> None:
    assert run(text, lang=lang).observations == []
