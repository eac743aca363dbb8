"""Port attribution, tables and region/scope phrases (challenge5 group "attr"), in en/ru/zh."""

from __future__ import annotations

import pytest
from extract_helpers import only, run

# A table of ports whose header cell names the period with the unit ("2025年开行（列）", "Trains in 2025"); its rows
# may be any gazetteer node, a hub (Xi'an) as well as a crossing.
_TABLES = [
    (
        "en",
        "Border rail traffic.\n\n| Crossing | Trains in 2025 | Change |\n|---|---|---|\n"
        "| Dostyk | 7,104 | +3.0% |\n| Xi'an | 5,903 | +1.2% |\n",
        {("dostyk", 7104.0, 3.0), ("xian", 5903.0, 1.2)},
        "trains_count",
    ),
    (
        "ru",
        "Итоги года.\n\n| Пункт пропуска | Поездов за 2025 г., ед. | Изменение, % |\n|---|---|---|\n"
        "| Алтынколь | 8 120 | +4,4 |\n| Сиань | 5 230 | -1,5 |\n",
        {("altynkol", 8120.0, 4.4), ("xian", 5230.0, -1.5)},
        "trains_count",
    ),
    (
        "zh",
        "口岸情况如下。\n\n| 口岸 | 2024年过货（万吨） | 同比 |\n|---|---|---|\n"
        "| 阿拉山口 | 1,702 | +3.3% |\n| 霍尔果斯 | 3,110 | -0.8% |\n",
        {("alashankou", 17020000.0, 3.3), ("horgos", 31100000.0, -0.8)},
        "cargo_tonnes",
    ),
]


@pytest.mark.parametrize(("lang", "text", "expected", "indicator"), _TABLES)
def test_table_header_with_period_and_unit(
    lang: str, text: str, expected: set[tuple[str, float, float]], indicator: str
) -> None:
    ex = run(text, lang=lang)
    got = {(o.port, o.value, o.yoy_pct) for o in ex.observations if o.indicator == indicator}
    assert got == expected
    assert all(o.period_start is not None for o in ex.observations)


def test_period_header_is_not_a_ports_header() -> None:
    text = "Итоги.\n\n| Пункт пропуска | 2024 | 2025 |\n|---|---|---|\n| Алтынколь | 8 120 | 8 400 |\n"
    assert run(text, lang="ru").observations == []


# Figures whose subject phrase is a region, a pair or a network as a whole
_SCOPES = [
    ("zh", "今年上半年，中哈之间的公路口岸合计过货612万吨，同比增长7.2%。", "cargo_tonnes", "china_kazakhstan"),
    (
        "en",
        "In the first half, the China-Kazakhstan rail crossings together handled 14.6 million tonnes, up 3.9%.",
        "cargo_tonnes",
        "china_kazakhstan",
    ),
    (
        "ru",
        "За первое полугодие через китайско-казахстанские железнодорожные пункты пропуска перевезено 14,6 млн тонн.",
        "cargo_tonnes",
        "china_kazakhstan",
    ),
    (
        "en",
        "Across Xinjiang, vehicle exports in the first quarter exceeded 121,000 units.",
        "vehicles_exported",
        "xinjiang",
    ),
    (
        "ru",
        "В целом по СУАР за первый квартал экспортировано более 121 тыс. автомобилей.",
        "vehicles_exported",
        "xinjiang",
    ),
    ("zh", "一季度全疆出口汽车12.1万辆。", "vehicles_exported", "xinjiang"),
    (
        "en",
        "Across the whole China-Europe network, 9,820 trains ran in January-June.",
        "trains_count",
        "china_europe_rail",
    ),
    (
        "ru",
        "По всей сети «Китай – Европа» за январь–июнь отправлено 9 820 поездов.",
        "trains_count",
        "china_europe_rail",
    ),
    # Xinjiang's trade with Kazakhstan is trade on the China–Kazakhstan pair
    ("zh", "前三季度新疆与哈萨克斯坦进出口981.2亿元，增长5.1%。", "trade_value_cny", "china_kazakhstan"),
    (
        "en",
        "In January-September, Xinjiang's trade with Kazakhstan reached 98.12 billion yuan.",
        "trade_value_cny",
        "china_kazakhstan",
    ),
    (
        "ru",
        "За январь–сентябрь товарооборот СУАР с Казахстаном составил 98,12 млрд юаней.",
        "trade_value_cny",
        "china_kazakhstan",
    ),
]


@pytest.mark.parametrize(("lang", "text", "indicator", "port"), _SCOPES)
def test_region_pair_and_network_phrases(lang: str, text: str, indicator: str, port: str) -> None:
    assert only(run(text, lang=lang), indicator).port == port


# A dash between two months and a source aside end no clause: the trade word before them still qualifies the figure
_CLAUSES = [
    (
        "ru",
        "Товарооборот Казахстана с Китаем за январь – июнь 2025 года, по данным Бюро нацстатистики, составил 14,2 млрд "
        "долларов США.",
    ),
    (
        "en",
        "Trade between Kazakhstan and China in January – June, according to the statistics bureau, "
        "reached $14.2 billion.",
    ),
]


@pytest.mark.parametrize(("lang", "text"), _CLAUSES)
def test_month_range_and_source_aside_keep_the_clause(lang: str, text: str) -> None:
    obs = only(run(text, lang=lang), "trade_value_usd")
    assert (obs.port, obs.value) == ("china_kazakhstan", 14.2e9)


# A town named as a landmark ("the nearest town, Zharkent") is not what "the station" points back to
_LANDMARKS = [
    (
        "en",
        "Altynkol is growing fast. The nearest town, Zharkent, has 45,000 people. "
        "In 2025 the station handled 9,010 trains.",
    ),
    (
        "ru",
        "Алтынколь растет. Ближайший город, Жаркент, насчитывает 45 тысяч жителей. "
        "В 2025 году станция обработала 9 010 поездов.",
    ),
]


@pytest.mark.parametrize(("lang", "text"), _LANDMARKS)
def test_landmark_town_is_not_the_subject(lang: str, text: str) -> None:
    assert only(run(text, lang=lang), "trains_count").port == "altynkol"


# A port named after the figure only as "the X side" or in a reason clause is not the figure's port
_ASIDES = [
    (
        "en",
        "Trucks queue at Bakhty. The Chinese side of the crossing accepts no more than 310 trucks per day, an official "
        "said, blaming a shortage of inspectors on the Horgos side.",
    ),
    (
        "ru",
        "Очередь у Бахты растет. Принимают не более 310 машин в сутки, сообщили в ведомстве, ссылаясь на нехватку "
        "инспекторов на Хоргосе.",
    ),
    ("zh", "巴克图口岸车辆排队。中方目前每天最多接收310辆货车，主要由于霍尔果斯一侧人手紧张。"),
]


@pytest.mark.parametrize(("lang", "text"), _ASIDES)
def test_trailing_side_or_reason_is_not_the_port(lang: str, text: str) -> None:
    assert only(run(text, lang=lang), "vehicles_per_day").port == "bakhty"


def test_port_named_as_subject_of_its_clause_stays() -> None:
    text = "Trucks queue at Bakhty. On the Horgos side, 420 trucks a day are cleared."
    assert only(run(text), "vehicles_per_day").port == "horgos"


# Capacities and expectations are not reported figures
_NOT_FIGURES = [
    ("en", "Work at Altynkol goes on. A new grain terminal there has storage for 60,000 tonnes."),
    ("en", "Work at Altynkol goes on. KTZ foresees 12 million tonnes through the station by 2030."),
    ("ru", "На Алтынколе построят зерновой терминал с емкостью хранения на 60 тыс. тонн."),
    ("ru", "В Алматы рассчитывают, что к 2030 году транзит через Достык вырастет до 30 млн тонн."),
    ("zh", "阿拉山口口岸新建粮食仓库，可储存5万吨粮食。"),
    ("zh", "当地期待阿拉山口口岸过货达到3000万吨。"),
]


@pytest.mark.parametrize(("lang", "text"), _NOT_FIGURES)
def test_capacity_and_expectation_are_not_figures(lang: str, text: str) -> None:
    assert run(text, lang=lang).observations == []


# A landmark port named before the figure's clause gives way to the port the sentence names outright
_LEADING_LANDMARKS = [
    ("en", "Kalzhat, some 300 km south of Horgos, handled 120 trucks a day in May."),
    ("ru", "Калжат, расположенный южнее Хоргоса, в мае пропускал 120 машин в сутки."),
    ("zh", "都拉塔口岸位于霍尔果斯以南，5月日均通行货车120辆。"),
]


@pytest.mark.parametrize(("lang", "text"), _LEADING_LANDMARKS)
def test_landmark_before_the_clause_gives_way(lang: str, text: str) -> None:
    assert only(run(text, lang=lang), "vehicles_per_day").port == "kalzhat"


def test_ranking_within_xinjiang_is_not_xinjiang() -> None:
    text = "霍尔果斯口岸发展迅速。该口岸过货量位居全疆首位，达3000万吨。"
    assert only(run(text, lang="zh"), "cargo_tonnes").port == "horgos"
