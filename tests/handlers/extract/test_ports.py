"""Port attribution: gazetteer aliases in three languages, clauses, aggregates, and no port at all."""

from __future__ import annotations

import pytest
from extract_helpers import run

from handlers.extract.ports import find_ports, gazetteer
from service.vocabulary import PORTS


def test_gazetteer_covers_every_port_id() -> None:
    assert set(gazetteer().priority) == set(PORTS)


@pytest.mark.parametrize(
    ("text", "port"),
    [
        ("Horgos", "horgos"),
        ("Khorgos", "horgos"),
        ("Khorgas", "horgos"),
        ("Хоргос", "horgos"),
        ("Хоргоса", "horgos"),
        ("霍尔果斯", "horgos"),
        ("Nur Zholy", "nur_zholy"),
        ("«Нур Жолы»", "nur_zholy"),
        ("Khorgos Gateway", "khorgos_gateway"),
        ("«Хоргос – Восточные ворота»", "khorgos_gateway"),
        ("Altynkol", "altynkol"),
        ("Алтынколе", "altynkol"),
        ("Zharkent", "zharkent"),
        ("Жаркент", "zharkent"),
        ("Alashankou", "alashankou"),
        ("Alataw Pass", "alashankou"),
        ("阿拉山口", "alashankou"),
        ("Dostyk", "dostyk"),
        ("Достыка", "dostyk"),
        ("Bakhty", "bakhty"),
        ("巴克图", "bakhty"),
        ("Kalzhat", "kalzhat"),
        ("都拉塔", "kalzhat"),
        ("Karasu", "karasu"),
        ("卡拉苏", "karasu"),
        ("Torugart", "torugart"),
        ("吐尔尕特", "torugart"),
        ("Irkeshtam", "irkeshtam"),
        ("Иркештам", "irkeshtam"),
        ("Xi'an", "xian"),
        ("西安", "xian"),
        ("Xinjiang's dual ports", "xinjiang"),
        ("新疆口岸", "xinjiang"),
        ("Kazakhstan–China border crossings", "china_kazakhstan"),
        ("China-Europe Railway Express", "china_europe_rail"),
        ("中欧班列", "china_europe_rail"),
        ("Middle Corridor", "titr"),
        ("ТМТМ", "titr"),
        ("KTZ", "kazakhstan_rail"),
        ("КТЖ", "kazakhstan_rail"),
    ],
)
def test_aliases(text: str, port: str) -> None:
    assert [m.port for m in find_ports(text)] == [port]


def test_several_ports_in_one_sentence_do_not_bleed() -> None:
    ex = run("In H1 2025, Dostyk handled 1,700 trains while Altynkol handled 1,500 trains.", "2025-07-15")
    assert {(o.port, o.value) for o in ex.observations} == {("dostyk", 1700), ("altynkol", 1500)}


def test_port_named_after_the_figure_in_its_clause() -> None:
    ex = run("Rail operators moved more than two million tonnes of cargo through Horgos in the first quarter.")
    assert [o.port for o in ex.observations] == ["horgos"]


def test_opposite_port_is_only_a_location() -> None:
    ex = run("At Dostyk, on the Kazakh side opposite Alashankou, container throughput reached 410,000 TEU.")
    assert [o.port for o in ex.observations] == ["dostyk"]


def test_port_carries_to_the_next_sentence() -> None:
    ex = run("Trains wait at Nur Zholy. The Chinese side accepts up to 600 trucks a day.")
    assert [o.port for o in ex.observations] == ["nur_zholy"]


def test_two_ports_together_are_the_region() -> None:
    ex = run(
        "Alashankou handled 3,560 trains and Horgos 4,120 trains. Together the two ports moved 28.7 million tonnes."
    )
    tonnes = [o for o in ex.observations if o.indicator == "cargo_tonnes"]
    assert [o.port for o in tonnes] == ["xinjiang"]


def test_named_port_beats_the_network_alias() -> None:
    ex = run("经霍尔果斯铁路口岸通行的中欧（中亚）班列达6512列。", lang="zh")
    assert [o.port for o in ex.observations] == ["horgos"]


def test_network_figure_without_port() -> None:
    ex = run("The China-Europe Railway Express made 19,000 trips in 2024, up 10 percent.")
    assert [(o.port, o.indicator) for o in ex.observations] == [("china_europe_rail", "trains_count")]


def test_no_port_when_text_is_about_something_else() -> None:
    ex = run("Перевозки между Казахстаном и Россией выросли до 71,6 млн тонн", lang="ru")
    assert all(o.port is None for o in ex.observations)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Horgos handled 3,000 trains. Urumqi International Land Port handled 1,200 trains in 2024.", "en"),
        ("Через Хоргос прошло 3 000 поездов. Через станцию Казанбасы прошло 500 поездов.", "ru"),
        ("霍尔果斯口岸通行班列3000列。乌鲁木齐国际陆港区开行班列1200列。", "zh"),
    ],
)
def test_a_place_outside_the_gazetteer_does_not_take_the_previous_port(text: str, lang: str) -> None:
    ports = [o.port for o in run(text, lang=lang).observations]
    assert ports == ["horgos", None]


def test_the_port_refers_back() -> None:
    ex = run("霍尔果斯口岸通行班列3000列。目前口岸日均通行班列22列。", lang="zh")
    assert [o.port for o in ex.observations] == ["horgos", "horgos"]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "In 2024, Alashankou and Horgos handled 3,560 and 4,120 trains respectively.",
            "en",
            [("alashankou", 3560), ("horgos", 4120)],
        ),
        (
            "В 2024 году через Достык и Алтынколь прошло соответственно 3 500 и 4 100 поездов.",
            "ru",
            [("dostyk", 3500), ("altynkol", 4100)],
        ),
        ("2024年，阿拉山口、霍尔果斯口岸分别通行班列3560列和4120列。", "zh", [("alashankou", 3560), ("horgos", 4120)]),
    ],
)
def test_respectively(text: str, lang: str, expected: list[tuple[str, float]]) -> None:
    assert [(o.port, o.value) for o in run(text, lang=lang).observations] == expected


def test_two_ports_listed_with_a_chinese_list_comma_are_the_region() -> None:
    ex = run(
        "今年1—8月，新疆阿拉山口、霍尔果斯两大铁路口岸累计通行中欧（中亚）班列11236列，同比增长7.3%。"
        "其中，阿拉山口口岸通行5816列，霍尔果斯口岸通行5420列。下一步，海关将推动口岸年通行量突破1.5万列。",
        "2025-09-05",
        "zh",
    )
    assert [(o.port, o.value) for o in ex.observations] == [
        ("xinjiang", 11236),
        ("alashankou", 5816),
        ("horgos", 5420),
    ]
