"""Indicator wordings and tables of challenge4 (ind3): tables of ports whose header has an abbreviation with a
full stop or a Chinese count header ('开行列数'), ..."""

from __future__ import annotations

import pytest
from extract_helpers import run


def _found(text: str, published: str, lang: str) -> set[tuple[str | None, str, float]]:
    return {(o.port, o.indicator, o.value) for o in run(text, published, lang).observations}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "Итоги полугодия по переходам за I полугодие 2026 года:\n\n"
            "| Переход | Поездов | Груз, млн т | Изменение к I пол. 2025 г., % |\n|---|---|---|---|\n"
            "| Алтынколь | 4 210 | 10,4 | +3,1 |\n",
            "ru",
            {("altynkol", "trains_count", 4210.0), ("altynkol", "cargo_tonnes", 10_400_000.0)},
        ),
        (
            "上半年各口岸开行情况（2026年上半年）\n\n| 口岸 | 开行列数 | 同比增减 |\n|---|---|---|\n"
            "| 霍尔果斯 | 3,512 | +4.4% |\n",
            "zh",
            {("horgos", "trains_count", 3512.0)},
        ),
    ],
)
def test_table_of_ports_header_read_whole(text: str, lang: str, expected: set[tuple[str | None, str, float]]) -> None:
    assert expected <= _found(text, "2026-07-20", lang)


def test_full_stop_in_table_row_keeps_row_whole() -> None:
    from handlers.extract.segment import split_sentences

    text = "Intro text here.\n| Crossing | Trains | Change on avg. 2025 |\nNext sentence. And another."
    rows = [text[s.start : s.end] for s in split_sentences(text)]
    assert "| Crossing | Trains | Change on avg. 2025 |" in rows
    assert "Next sentence." in rows


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "Import declarations at the Alashankou rail port were cleared at a rate of 98.7 percent in May.",
            "en",
            {98.7},
        ),
        ("Customs at Horgos cleared 98.9 percent of road freight declarations in May.", "en", {98.9}),
        (
            "Customs at Horgos cleared 98.9 percent of road freight declarations in May. "
            "The rate was down from 99.5 percent in May last year.",
            "en",
            {98.9, 99.5},
        ),
        (
            "Уровень выпуска деклараций на посту Нур Жолы в мае составил 99,2%. "
            "Показатель вырос с 97,5% в мае прошлого года.",
            "ru",
            {99.2, 97.5},
        ),
        ("5月，霍尔果斯口岸进口货物放行率为99.2%。该比例去年同期为97.8%。", "zh", {99.2, 97.8}),
    ],
)
def test_clearance_rate_wordings_and_anaphor(text: str, lang: str, expected: set[float]) -> None:
    found = {o.value for o in run(text, "2026-06-10", lang).observations if o.indicator == "clearance_rate_pct"}
    assert found == expected


@pytest.mark.parametrize(
    "text",
    [
        "Horgos handled 1.2 million tonnes in May, the release rate improved. The rate of growth was 12 percent.",
        "Trade at Horgos grew in May. The rate was up from 8.5 percent in May last year.",
    ],
)
def test_rate_anaphor_needs_a_clearance_rate_before(text: str) -> None:
    assert not [o for o in run(text, "2026-06-10", "en").observations if o.indicator == "clearance_rate_pct"]


def test_month_last_year_is_one_month() -> None:
    from datetime import date

    from handlers.extract.periods import find_periods

    text = "The rate was up from 98.6 percent in October last year"
    found = [(p.first, p.last) for p in find_periods(text, 0, len(text), date(2025, 11, 4), "lcz")]
    assert found == [(date(2024, 10, 1), date(2024, 10, 31))]


@pytest.mark.parametrize(
    ("text", "lang", "indicator", "value"),
    [
        (
            "Vehicle exports via Alashankou are booming. Some 12,300 vehicles left China through Alashankou in May.",
            "en",
            "vehicles_exported",
            12300.0,
        ),
        (
            "Экспорт автомобилей через Хоргос растёт. В мае 5,2 тыс. машин покинули Китай через Хоргос.",
            "ru",
            "vehicles_exported",
            5200.0,
        ),
        (
            "Some 41,200 finished vehicles were shipped abroad through Alashankou in May.",
            "en",
            "vehicles_exported",
            41200.0,
        ),
        (
            "Exports through Alashankou were worth US$1.2 billion in May at current prices.",
            "en",
            "trade_value_usd",
            1.2e9,
        ),
        (
            "Экспорт через Достык в текущих ценах за полугодие составил 2,1 млрд долларов.",
            "ru",
            "trade_value_usd",
            2.1e9,
        ),
        (
            "Стоимость ввезенной через Достык техники за полугодие составила 2,4 млрд долларов.",
            "ru",
            "trade_value_usd",
            2.4e9,
        ),
        ("霍尔果斯口岸出口汽车货值按出口价格计算达39亿美元。", "zh", "trade_value_usd", 3.9e9),
    ],
)
def test_exported_vehicles_and_their_value(text: str, lang: str, indicator: str, value: float) -> None:
    found = {(o.indicator, o.value) for o in run(text, "2026-06-10", lang).observations}
    assert (indicator, value) in found


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Alashankou export prices for steel reached US$620 per tonne in May.", "en"),
        ("Стоимость перевозки контейнера через Достык в мае составила 3,1 тыс. долларов.", "ru"),
    ],
)
def test_prices_stay_out_of_trade(text: str, lang: str) -> None:
    assert not [o for o in run(text, "2026-06-10", lang).observations if o.indicator.startswith("trade_value")]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "Среднесуточная передача вагонов на переходе Алтынколь составила 31 поезд, на Достыке — 27 поездов.",
            "ru",
            {("altynkol", "trains_per_day", 31.0), ("dostyk", "trains_per_day", 27.0)},
        ),
        (
            "Alashankou handled 18 trains a day in the quarter, Horgos — about 21 trains.",
            "en",
            {("alashankou", "trains_per_day", 18.0), ("horgos", "trains_per_day", 21.0)},
        ),
        (
            "В мае ежедневно через пункт Нур Жолы проходило до 900 грузовиков, а очереди на въезд росли.",
            "ru",
            {("nur_zholy", "vehicles_per_day", 900.0)},
        ),
        (
            "巴克图口岸每天仅能通关约300辆货车，是造成车辆积压的原因之一。",
            "zh",
            {("bakhty", "vehicles_per_day", 300.0)},
        ),
        ("霍尔果斯站目前有9列班列在站待发出境。", "zh", {("horgos", "trains_in_queue", 9.0)}),
        (
            "Через Хоргос за квартал прошло 1 200 поездов, на Алтынколе — 900 поездов.",
            "ru",
            {("horgos", "trains_count", 1200.0), ("altynkol", "trains_count", 900.0)},
        ),
    ],
)
def test_daily_rates_and_queues(text: str, lang: str, expected: set[tuple[str | None, str, float]]) -> None:
    assert _found(text, "2026-06-10", lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "In May Alashankou handled 40 trains a day, Horgos — around 35.",
            "en",
            {("alashankou", "trains_per_day", 40.0), ("horgos", "trains_per_day", 35.0)},
        ),
        (
            "В мае среднесуточно через «Нур Жолы» оформлялось около 650 грузовиков, через «Бахты» — примерно 140.",
            "ru",
            {("nur_zholy", "vehicles_per_day", 650.0), ("bakhty", "vehicles_per_day", 140.0)},
        ),
    ],
)
def test_dash_for_the_verb_with_an_approximation(
    text: str, lang: str, expected: set[tuple[str | None, str, float]]
) -> None:
    assert _found(text, "2026-06-10", lang) == expected
