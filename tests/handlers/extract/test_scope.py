"""Scope of a figure: regional, national and network totals, and which port a figure in prose belongs to."""

from __future__ import annotations

import pytest
from extract_helpers import only, run


def _port(text: str, indicator: str, value: float, lang: str, published: str = "2025-11-15") -> str | None:
    observations = run(text, published, lang).observations
    found = [o for o in observations if o.indicator == indicator and abs(o.value - value) < 1e-6 * value]
    assert len(found) == 1, [(o.indicator, o.value, o.port) for o in observations]
    return found[0].port


@pytest.mark.parametrize(
    ("text", "lang", "indicator", "value", "port"),
    [
        # an agency aside between slashes does not part the clause from its subject
        (
            "Урумчи, 10 октября /Синьхуа/ -- Товарооборот Синьцзян-Уйгурского автономного района /СУАР, "
            "Северо-Западный Китай/ за январь - сентябрь 2025 года составил 320,5 млрд юаней.",
            "ru",
            "trade_value_cny",
            320.5e9,
            "xinjiang",
        ),
        # the region's trade with the agency's locator in front of its name
        (
            "Foreign trade of northwest China's Xinjiang totaled 80.2 billion yuan in the first quarter of 2025.",
            "en",
            "trade_value_cny",
            80.2e9,
            "xinjiang",
        ),
        ("2025年前三季度，新疆维吾尔自治区外贸进出口总值3205.4亿元。", "zh", "trade_value_cny", 3205.4e8, "xinjiang"),
        # Kazakhstan as the trading partner is trade on the pair
        (
            "Alashankou handled 2,100 trains in the first half. Kazakhstan stayed Xinjiang's biggest trading "
            "partner, with trade worth 60.1 billion yuan in the same period.",
            "en",
            "trade_value_cny",
            60.1e9,
            "china_kazakhstan",
        ),
        (
            "Через Хоргос за полугодие прошло 3 100 поездов. Казахстан остаётся крупнейшим торговым партнёром СУАР, "
            "товарооборот за тот же период составил 60,1 млрд юаней.",
            "ru",
            "trade_value_cny",
            60.1e9,
            "china_kazakhstan",
        ),
        (
            "上半年霍尔果斯口岸通行班列3100列。哈萨克斯坦是新疆第一大贸易伙伴，同期贸易额达601亿元。",
            "zh",
            "trade_value_cny",
            60.1e9,
            "china_kazakhstan",
        ),
        # a hub named alone as where the counted trains start is their subject
        (
            "Alashankou handled 4,200 trains in January-September. Meanwhile, trains from Xi'an made 3,900 trips "
            "in January-September.",
            "en",
            "trains_count",
            3900,
            "xian",
        ),
        (
            "Через Алашанькоу за девять месяцев прошло 4 200 поездов. Между тем поезда «Чанъань» из Сианя "
            "/провинция Шэньси/ за девять месяцев совершили 3 900 рейсов.",
            "ru",
            "trains_count",
            3900,
            "xian",
        ),
        # the national network in a Kazakh text is KTZ's
        (
            "Astana, 10 October. In nine months, the national railway network carried 180.2 million tonnes of cargo.",
            "en",
            "cargo_tonnes",
            180.2e6,
            "kazakhstan_rail",
        ),
        (
            "Астана. Министр транспорта РК: за девять месяцев по национальной железнодорожной сети перевезено "
            "180,2 млн тонн грузов.",
            "ru",
            "cargo_tonnes",
            180.2e6,
            "kazakhstan_rail",
        ),
        (
            "哈萨克斯坦交通部通报，前三季度全国铁路网完成货物发送量1.8亿吨。",
            "zh",
            "cargo_tonnes",
            1.8e8,
            "kazakhstan_rail",
        ),
        # transit with no port named after a sentence on the national network
        (
            "Сетью КТЖ за девять месяцев перевезено 170 млн тонн грузов. Транзитные контейнерные перевозки составили "
            "900 тысяч ДФЭ.",
            "ru",
            "containers_teu",
            900_000,
            "kazakhstan_rail",
        ),
        (
            "KTZ carried 170 million tonnes of freight in nine months. Transit container traffic reached 900,000 TEU.",
            "en",
            "containers_teu",
            900_000,
            "kazakhstan_rail",
        ),
        # a port joined by a conjunction right before a bare count (verb and unit left out)
        (
            "Horgos handled 3,100 trains and Alashankou 2,800 in the first half of 2025.",
            "en",
            "trains_count",
            2800,
            "alashankou",
        ),
        (
            "Хоргос за первое полугодие принял 3 100 поездов, а Алашанькоу — 2 800 с начала года.",
            "ru",
            "trains_count",
            2800,
            "alashankou",
        ),
        # a partner country's customs is the source, not the other side of the trade
        (
            "Torugart handled 41,000 trucks in the first half of 2025. Kyrgyz customs valued goods moving through "
            "the port over the same period at $900 million.",
            "en",
            "trade_value_usd",
            900e6,
            "torugart",
        ),
        (
            "上半年吐尔尕特口岸验放货车4.1万辆。据吉尔吉斯斯坦海关统计同期经该口岸的贸易额为9亿美元。",
            "zh",
            "trade_value_usd",
            900e6,
            "torugart",
        ),
        (
            "Через Торугарт за полугодие прошло 41 тыс. грузовиков. По данным таможни Кыргызстана товарооборот через "
            "пункт пропуска за тот же период составил 900 млн долларов.",
            "ru",
            "trade_value_usd",
            900e6,
            "torugart",
        ),
        # ports named in a later "of which" clause do not take the total
        (
            "上半年全国中欧班列开行9000列，同比增长5%，其中经阿拉山口出入境的超过三成。",
            "zh",
            "trains_count",
            9000,
            "china_europe_rail",
        ),
        (
            "China-Europe freight trains made 9,000 trips in the first half, of which over 30 percent passed through "
            "Alashankou.",
            "en",
            "trains_count",
            9000,
            "china_europe_rail",
        ),
        (
            "Поезда Китай – Европа совершили 9 000 рейсов за первое полугодие, из них около трети прошли через "
            "Алашанькоу.",
            "ru",
            "trains_count",
            9000,
            "china_europe_rail",
        ),
        # the export value of goods through the port
        (
            "今年一季度，经霍尔果斯公路口岸出口汽车5.2万辆。按货值计算，一季度口岸出口汽车约12.5亿美元。",
            "zh",
            "trade_value_usd",
            1.25e9,
            "horgos",
        ),
        # the pair named in the Kazakh order
        ("据哈方统计，去年哈中双边贸易额为400亿美元。", "zh", "trade_value_usd", 40e9, "china_kazakhstan"),
        (
            "Китайско-казахстанский товарооборот в 2024 году составил 40 млрд долларов.",
            "ru",
            "trade_value_usd",
            40e9,
            "china_kazakhstan",
        ),
    ],
)
def test_scope_port(text: str, lang: str, indicator: str, value: float, port: str) -> None:
    assert _port(text, indicator, value, lang) == port


@pytest.mark.parametrize(
    ("text", "lang", "indicator", "value"),
    [
        # the national network in a Chinese text is China's: no corridor node
        (
            "China State Railway Group said the national railway network carried 3.9 billion tonnes in nine months.",
            "en",
            "cargo_tonnes",
            3.9e9,
        ),
        ("国铁集团数据显示，前三季度全国铁路完成货物发送量39亿吨。", "zh", "cargo_tonnes", 3.9e9),
        # a country's exports of one kind of goods are national, not the carried port's
        (
            "Horgos exported 52,000 vehicles in the first half. China's total car exports reached 2.9 million "
            "units in the same period.",
            "en",
            "vehicles_exported",
            2.9e6,
        ),
        ("上半年霍尔果斯口岸出口汽车5.2万辆。同期中国汽车出口290万辆。", "zh", "vehicles_exported", 2.9e6),
        (
            "Через Хоргос за полугодие экспортировано 52 тыс. автомобилей. Общий экспорт автомобилей из Китая за "
            "тот же период составил 2,9 млн единиц.",
            "ru",
            "vehicles_exported",
            2.9e6,
        ),
    ],
)
def test_national_figure_has_no_port(text: str, lang: str, indicator: str, value: float) -> None:
    assert _port(text, indicator, value, lang) is None


def test_agency_end_mark_is_no_headline() -> None:
    """'… таких поездов. -0-': the last sentence keeps the carried port (a headline would not)."""
    text = (
        "Поезда «Чанъань» из Сианя за девять месяцев совершили 3 900 рейсов.\n"
        "С момента запуска было отправлено свыше 25 тыс. таких поездов. -0-\n"
    )
    assert _port(text, "trains_count", 25_000, "ru") == "xian"


def test_hub_in_a_list_of_origins_stays_a_route_end() -> None:
    """'services from Xi'an, Chongqing and Yiwu' in a story on a dry port: the port keeps its figure."""
    text = (
        "Khorgos Gateway handled 120,000 TEU in the first half of 2025. Growth came from new services from Xi'an, "
        "Chongqing and Yiwu, which brought 30,000 TEU over the same period."
    )
    assert _port(text, "containers_teu", 30_000, "en") != "xian"


def test_same_period_in_its_own_sentence() -> None:
    """「一季度，…，占同期出口汽车总量的40.1%」: the period its own sentence names, not an earlier one."""
    text = (
        "2024年，霍尔果斯公路口岸出口汽车30万辆。一季度，霍尔果斯公路口岸出口新能源汽车1.2万辆，"
        "占同期出口汽车总量的40.1%。"
    )
    share = only(run(text, "2025-04-20", "zh"), "nev_share_pct")
    assert (str(share.period_start), str(share.period_end)) == ("2025-01-01", "2025-03-31")
