"""Port attribution and the gazetteer (bench/challenge2 causes, in other words and other ports).

Inflected and variant names, aggregates named with their ports or as a country pair, places outside the
gazetteer as a figure's subject, "the Kazakh side", a destination after "на"/"to", "along the route".
"""

from __future__ import annotations

import pytest
from extract_helpers import run

RU, ZH, EN = "ru", "zh", "en"


def _port_of(text: str, lang: str, value: float, published: str = "2025-11-15") -> str | None:
    found = [o for o in run(text, published, lang).observations if o.value == pytest.approx(value, rel=1e-4)]
    assert len(found) == 1, [(o.indicator, o.value, o.port) for o in run(text, published, lang).observations]
    return found[0].port


# --- gazetteer: oblique cases of Russian names ending in -ь/-й/-а/-я, multi-word names, other spellings ---
@pytest.mark.parametrize(
    ("text", "lang", "value", "port"),
    [
        ("Из Сианя за март отправлено 410 контейнерных поездов.", RU, 410, "xian"),
        ("Через Кульму за месяц прошло 12 тыс. тонн грузов.", RU, 12_000, "karasu"),
        ("По Транскаспийскому маршруту за полугодие перевезено 2,1 млн тонн грузов.", RU, 2_100_000, "titr"),
        ("На терминале Хоргоса – Восточных ворот за май переработано 31 тыс. ДФЭ.", RU, 31_000, "khorgos_gateway"),
        ("霍尔果斯-东大门无水港1至6月处理集装箱12.5万标箱。", ZH, 125_000, "khorgos_gateway"),
        ("努尔饶里口岸日均放行货车约700辆。", ZH, 700, "nur_zholy"),
        ("Xinjiang's two rail gateways handled 8,100 freight trains in the first half.", EN, 8100, "xinjiang"),
    ],
)
def test_names_in_other_forms(text: str, lang: str, value: float, port: str) -> None:
    assert _port_of(text, lang, value) == port


# --- aggregates: a region with its ports in apposition, a region before a period, a country pair ---
@pytest.mark.parametrize(
    ("text", "lang", "value", "port"),
    [
        (
            "За девять месяцев через пункты пропуска Синьцзяна — Хоргос и Алашанькоу — прошло 11 200 поездов.",
            RU,
            11_200,
            "xinjiang",
        ),
        ("新疆前三季度口岸通行中欧班列12100列。", ZH, 12_100, "xinjiang"),
        ("Товарооборот Китая и Казахстана за полугодие составил $21,4 млрд.", RU, 21.4e9, "china_kazakhstan"),
        ("За 2025 год торговля Казахстана с Китаем составила $44 млрд.", RU, 44e9, "china_kazakhstan"),
        ("今年上半年，哈萨克斯坦与中国贸易额达150亿美元。", ZH, 15e9, "china_kazakhstan"),
        ("Sino-Kazakh trade reached $20 billion in the first half of 2025.", EN, 20e9, "china_kazakhstan"),
        ("Kazakhstan’s trade turnover with China reached $43.8 billion in 2024.", EN, 43.8e9, "china_kazakhstan"),
        ("За полугодие через железнодорожные пункты пропуска СУАР прошло 8 000 поездов.", RU, 8000, "xinjiang"),
        ("За 2025 год по маршрутам Китай – Европа прошло 17 000 поездов.", RU, 17_000, "china_europe_rail"),
    ],
)
def test_aggregates(text: str, lang: str, value: float, port: str) -> None:
    assert _port_of(text, lang, value) == port


# --- a place outside the gazetteer as the subject: no carried port, and not the network either ---
@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("Horgos handled 3,000 trains in the first half. Meanwhile, Zhengzhou ran 900 China-Europe trips.", EN, 900),
        ("霍尔果斯口岸上半年通行班列4000列。中欧班列（郑州）同期开行900列。", ZH, 900),
        ("阿拉山口口岸上半年通行班列3000列。陆海新通道班列同期发送货物20万标箱。", ZH, 200_000),
        (
            "Через Хоргос за полугодие прошло 3 000 поездов. Из Чунцина за тот же период отправлено 800 поездов.",
            RU,
            800,
        ),
        ("Torugart handled 400,000 tonnes in 2024. Kyrgyzstan-China trade reached $19 billion in 2024.", EN, 19e9),
        (
            "Через Торугарт прошло 400 тыс. тонн грузов. Товарооборот Таджикистана и Китая составил $3,1 млрд.",
            RU,
            3.1e9,
        ),
        ("吐尔尕特口岸货运量40万吨。同期，中国与乌兹别克斯坦贸易额为98亿美元。", ZH, 9.8e9),
        (
            "Через Хоргос в мае вывезено 40 тыс. автомобилей. За пять месяцев в целом по стране экспортировано "
            "7 300 автомобилей.",
            RU,
            7300,
        ),
    ],
)
def test_other_subject_takes_no_port(text: str, lang: str, value: float) -> None:
    assert _port_of(text, lang, value, "2025-07-15") is None


# --- "the Kazakh side" / "the Chinese side": the last port named on that side ---
@pytest.mark.parametrize(
    ("text", "lang", "value", "port"),
    [
        (
            "В очереди к пункту пропуска «Нур Жолы» стоят 800 грузовиков. Китайская сторона (пункт пропуска Хоргос) "
            "принимает до 500 машин в сутки. Время оформления одного грузовика на казахстанской стороне "
            "составляет 35 минут.",
            RU,
            35 / 60,
            "nur_zholy",
        ),
        (
            "About 700 trucks were queuing at Nur Zholy on Monday. The Chinese side, Horgos, accepts around 500 "
            "trucks a day. On the Kazakh side, clearance of one truck takes 40 minutes.",
            EN,
            40 / 60,
            "nur_zholy",
        ),
        (
            "Dostyk handed over 15 trains a day to China in May. Alashankou and Horgos were both busy. "
            "On the Chinese side, clearance of a train takes about 3 hours.",
            EN,
            3,
            "alashankou",
        ),
        (
            "努尔饶里口岸排队货车约800辆。中方霍尔果斯口岸日均接收货车500辆。哈方一侧单车通关时间约40分钟。",
            ZH,
            40 / 60,
            "nur_zholy",
        ),
    ],
)
def test_side_of_the_border(text: str, lang: str, value: float, port: str) -> None:
    assert _port_of(text, lang, value) == port


# --- a destination after "на"/"to"/"向" is weaker than the station the sentence points back to ---
@pytest.mark.parametrize(
    ("text", "lang", "value", "port"),
    [
        (
            "На подходах к Достыку стоят 90 поездов. Сейчас станция передаёт на Алашанькоу 15 поездов в сутки.",
            RU,
            15,
            "dostyk",
        ),
        (
            "Some 90 trains are waiting near Dostyk. The station now hands over 15 trains a day to Alashankou.",
            EN,
            15,
            "dostyk",
        ),
        ("多斯特克站前方积压列车90列。目前该站每天向阿拉山口交接列车15列。", ZH, 15, "dostyk"),
        # a place named as where services come from does not become what the text is about
        (
            "Сухой порт «Хоргос – Восточные ворота» за полугодие переработал 200 тыс. ДФЭ. Контейнеры поступают "
            "поездами из Алтынколя. Сегодня порт обрабатывает до 10 поездов в сутки.",
            RU,
            10,
            "khorgos_gateway",
        ),
    ],
)
def test_destination_is_not_the_subject(text: str, lang: str, value: float, port: str) -> None:
    assert _port_of(text, lang, value) == port


# --- "along the route": the route the text named last ---
@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        (
            "Cargo on the Middle Corridor reached 4 million tons in 2025. Container traffic on the route grew to "
            "70,000 TEU.",
            EN,
            70_000,
        ),
        (
            "По ТМТМ в 2025 году перевезено 4,5 млн тонн. Контейнерные перевозки по маршруту выросли до 70 тыс. ДФЭ.",
            RU,
            70_000,
        ),
        ("2025年跨里海国际运输路线货运量达450万吨。该线路集装箱运输量为7万标箱。", ZH, 70_000),
    ],
)
def test_route_anaphor(text: str, lang: str, value: float) -> None:
    assert _port_of(text, lang, value, "2026-02-01") == "titr"


# --- negatives: what must not change ---
@pytest.mark.parametrize(
    ("text", "lang", "value", "port"),
    [
        # a city named as the source (customs office, dateline) is not the figure's subject
        (
            "Horgos port handled 3,000 trains in the first half. Urumqi Customs said the port handled 4.1 million "
            "tonnes of cargo.",
            EN,
            4_100_000,
            "horgos",
        ),
        ("URUMQI, July 10 (Xinhua) -- Horgos handled 3,906 trains in the first half of 2025.", EN, 3906, "horgos"),
        ("霍尔果斯口岸上半年货运量1800万吨。据乌鲁木齐海关统计，口岸通行班列3900列。", ZH, 3900, "horgos"),
        # a country as a destination of exports is not a trade pair
        ("Horgos exported 20,000 cars in May. Car exports to Uzbekistan reached 5,000 vehicles.", EN, 5000, "horgos"),
        # without a pointer back to a station, the port named after "из"/"from" is the figure's
        ("Exports from Horgos reached 30,000 vehicles in May.", EN, 30_000, "horgos"),
        # a pair of crossings named with a dash is still the first of them
        ("Через переход Достык – Алашанькоу за месяц прошло 1 300 поездов.", RU, 1300, "dostyk"),
    ],
)
def test_unchanged(text: str, lang: str, value: float, port: str) -> None:
    assert _port_of(text, lang, value, "2025-07-15") == port
