"""Series ("respectively", the former / the latter, compared levels in order), parts by crossing, and port
anaphors (challenge7 round, helper ser)."""

from __future__ import annotations

import pytest
from extract_helpers import run

from service.models import Observation


def _by_value(text: str, lang: str, published: str = "2025-11-15") -> dict[float, Observation]:
    return {o.value: o for o in run(text, published, lang).observations}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Dostyk and Altynkol handled 5,902 and 5,410 trains respectively in January-October; the latter fell "
            "1.8 percent while the former rose 6.1 percent year on year.",
            "en",
        ),
        (
            "Через пункты пропуска Достык и Алтынколь в январе–октябре прошли соответственно 5 902 и 5 410 поездов;"
            " у второго снижение составило 1,8%, у первого — рост на 6,1%.",
            "ru",
        ),
        ("多斯特克、阿腾科里口岸1—10月分别通行班列5,902列和5,410列，后者同比下降1.8%，前者同比增长6.1%。", "zh"),
    ],
)
def test_former_and_latter_take_their_own_change(text: str, lang: str) -> None:
    got = _by_value(text, lang)
    assert (got[5902].port, got[5902].yoy_pct) == ("dostyk", 6.1)
    assert (got[5410].port, got[5410].yoy_pct) == ("altynkol", -1.8)


@pytest.mark.parametrize(
    ("text", "lang", "each"),
    [
        (
            "Dostyk and Altynkol handled 5,902 and 5,410 trains respectively, up 6 percent year on year in total.",
            "en",
            None,
        ),
        ("Dostyk and Altynkol handled 5,902 and 5,410 trains respectively, both up 6 percent year on year.", "en", 6.0),
        (
            "Через Достык и Алтынколь прошли соответственно 5 902 и 5 410 поездов, в сумме это на 6% больше, чем годом "
            "ранее.",
            "ru",
            None,
        ),
        ("多斯特克、阿腾科里口岸分别通行班列5,902列和5,410列，合计同比增长6%。", "zh", None),
        ("多斯特克、阿腾科里口岸分别通行班列5,902列和5,410列，同比均增长6%。", "zh", 6.0),
    ],
)
def test_one_change_after_a_respectively_series(text: str, lang: str, each: float | None) -> None:
    got = _by_value(text, lang)
    assert (got[5902].yoy_pct, got[5410].yoy_pct) == (each, each)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("阿拉山口、霍尔果斯铁路口岸上半年分别通行班列3,311列和4,120列，较去年同期的3,050列和3,880列均有增长。", "zh"),
        (
            "Alashankou and Horgos handled 3,311 and 4,120 trains respectively in the first half, compared with 3,050 "
            "and 3,880 trains a year earlier.",
            "en",
        ),
    ],
)
def test_compared_levels_of_a_series_take_its_ports_in_order(text: str, lang: str) -> None:
    got = _by_value(text, lang, "2025-07-15")
    assert [got[v].port for v in (3311, 4120, 3050, 3880)] == ["alashankou", "horgos", "alashankou", "horgos"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("1—9月，经新疆口岸出口汽车42.6万辆，其中经霍尔果斯公路口岸出口31.2万辆。", "zh"),
        ("В январе–сентябре через пункты пропуска СУАР экспортировано 426 тыс. автомобилей, из них через Хоргос – "
         "312 тыс. автомобилей.", "ru"),
        ("Xinjiang's ports exported 426,000 vehicles in January-September, of which 312,000 vehicles went through "
         "Horgos.", "en"),
    ],
)
def test_a_part_of_exports_by_crossing_is_that_crossings(text: str, lang: str) -> None:
    got = _by_value(text, lang)
    assert got[312000].port == "horgos" and got[312000].indicator == "vehicles_exported"
    assert got[426000].port == "xinjiang"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("1—9月，经新疆口岸出口汽车42.6万辆，其中新能源汽车9.8万辆。", "zh"),
        ("Xinjiang's ports exported 426,000 vehicles in January-September, of which 98,000 were electric.", "en"),
    ],
)
def test_a_part_of_exports_by_kind_stays_out(text: str, lang: str) -> None:
    assert 98000 not in _by_value(text, lang)


@pytest.mark.parametrize(
    "text",
    ["阿拉山口口岸：通行班列5,120列。其中9月份单月通行598列，环比增长3.1%。", "阿拉山口口岸：通行班列5,120列。其中9月单月通行598列。"],  # noqa: E501
)
def test_a_number_glued_to_a_month_is_no_count(text: str) -> None:
    got = _by_value(text, "zh")
    assert 9 not in got and got[598].port == "alashankou"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("据哈方统计，今年前三季度经哈中边境各口岸实现的进出口贸易额为251亿美元。", "zh"),
        (
            "По данным казахстанской стороны, товарооборот через пункты пропуска на китайско-казахстанской границе "
            "за девять месяцев составил 25,1 млрд долларов.",
            "ru",
        ),
    ],
)
def test_all_crossings_of_the_border_are_the_pair(text: str, lang: str) -> None:
    got = _by_value(text, lang)
    assert got[25.1e9].port == "china_kazakhstan"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "霍尔果斯公路口岸上半年出口商品车26万辆。一家车企在西安建设了新能源重卡基地。海关数据显示，上半年经该口岸出口的新能源重卡1.2万辆。",
            "zh",
        ),
        (
            "Horgos exported 260,000 vehicles in the first half. One carmaker built a truck plant in Xi'an. In the "
            "first half, 12,000 new-energy trucks were exported through this crossing.",
            "en",
        ),
    ],
)
def test_a_crossing_anaphor_skips_a_hub(text: str, lang: str) -> None:
    got = _by_value(text, lang, "2025-07-15")
    assert got[12000].port == "horgos"
