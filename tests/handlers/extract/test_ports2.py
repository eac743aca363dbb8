"""Port anaphors and aggregates, subject sides, the KTZ network, queue/processing wording, and event quotes/kinds
(en/ru/zh). Sentences differ from bench/challenge3 on purpose: the rules, not the texts, are under test."""

from __future__ import annotations

from datetime import date

import pytest
from extract_helpers import run

from service.models import Observation


def _at(text: str, value: float, lang: str, published: str = "2025-11-15") -> list[Observation]:
    found = [o for o in run(text, published, lang).observations if abs(o.value - value) < 1e-6 * max(1.0, value)]
    assert found, [(o.indicator, o.value, o.port) for o in run(text, published, lang).observations]
    return found


# "the region" / "автономного района" / 全区: the region whose ports the text named
@pytest.mark.parametrize(
    ("text", "value", "lang"),
    [
        (
            "Alashankou handled 5,100 trains in January-September.\n\n"
            "The region's imports and exports totalled 310.5 billion yuan last year.",
            310.5e9,
            "en",
        ),
        (
            "Через Алашанькоу за январь – сентябрь прошло 5 100 поездов.\n\n"
            "Внешнеторговый оборот автономного района в прошлом году составил 310,5 млрд юаней.",
            310.5e9,
            "ru",
        ),
        ("今年1—9月，阿拉山口口岸通行班列5100列。\n\n去年全区外贸进出口总值3105亿元。", 310.5e9, "zh"),
    ],
)
def test_region_anaphor_is_the_named_ports_region(text: str, value: float, lang: str) -> None:
    assert {o.port for o in _at(text, value, lang)} == {"xinjiang"}


def test_region_anaphor_after_a_kazakh_checkpoint_is_not_xinjiang() -> None:
    text = "Nur Zholy cleared 41,000 trucks in January-September.\n\nThe region's exports reached 2.1 billion yuan."
    assert "xinjiang" not in {o.port for o in run(text).observations}


# "the two ports" when the ports were named in separate sentences before: their region
@pytest.mark.parametrize(
    ("text", "value", "lang", "port"),
    [
        (
            "Dostyk handled 3,200 trains in the first half.\n\nAltynkol handled 3,400 trains.\n\n"
            "In June the two crossings handled 1,150 trains together.",
            1150,
            "en",
            "china_kazakhstan",
        ),
        (
            "За полугодие через Достык прошло 3 200 поездов.\n\nЧерез Алтынколь прошло 3 400 поездов.\n\n"
            "В июне через оба перехода прошло 1 150 поездов.",
            1150,
            "ru",
            "china_kazakhstan",
        ),
        (
            "霍尔果斯铁路口岸全年通行班列7000列。\n\n阿拉山口口岸全年通行班列6500列。\n\n其中11月两口岸共通行班列1150列。",
            1150,
            "zh",
            "xinjiang",
        ),
    ],
)
def test_two_ports_named_apart_are_their_region(text: str, value: float, lang: str, port: str) -> None:
    assert {o.port for o in _at(text, value, lang)} == {port}


# A side as the subject ("The Chinese side accepts …") is the text's crossing, not a port named in passing
@pytest.mark.parametrize(
    ("text", "value", "lang"),
    [
        (
            "About 800 trucks were queuing at Nur Zholy on Monday.\n\n"
            "The Chinese side now accepts about 500 trucks per day, officials said, citing repairs on the Horgos side.",
            500,
            "en",
        ),
        (
            "У Нур Жолы в очереди стоят 800 грузовиков.\n\n"
            "Китайская сторона сейчас принимает около 500 машин в сутки, сообщили в комитете, ссылаясь на ремонт "
            "на стороне Хоргоса.",
            500,
            "ru",
        ),
    ],
)
def test_subject_side_is_the_texts_crossing(text: str, value: float, lang: str) -> None:
    assert {o.port for o in _at(text, value, lang)} == {"nur_zholy"}


def test_our_side_is_the_crossing_named_on_both_sides() -> None:
    text = (
        "霍尔果斯公路口岸今年出口汽车30万辆。\n\n努尔卓里口岸方面排队车辆一度达到1500辆。\n\n"
        "截至目前，我方一侧等待入场的货车约有180辆。"
    )
    assert {o.port for o in _at(text, 180, "zh")} == {"horgos"}


def test_nur_zholy_chinese_transliteration() -> None:
    text = "受系统升级影响，哈方努尔饶勒口岸排队待入境车辆一度达到1900辆。"
    assert {o.port for o in _at(text, 1900, "zh")} == {"nur_zholy"}


def test_all_xinjiang_ports() -> None:
    text = "霍尔果斯口岸前2个月通行班列1100列。\n\n前2个月，全疆口岸进出口货物整体放行率达98.9%。"
    assert {o.port for o in _at(text, 98.9, "zh", "2026-03-10")} == {"xinjiang"}


# Transit across Kazakhstan and its "national carrier": the KTZ network
@pytest.mark.parametrize(
    ("text", "value", "lang"),
    [
        (
            "Alashankou handled 500 trains in May.\n\n"
            "Transit container traffic through Kazakhstan rose to 150,000 TEU in January-May.",
            150_000,
            "en",
        ),
        (
            "Dostyk handled 3,000 trains in January-September.\n\n"
            "The national rail carrier moved 12.5 million tonnes of transit cargo in the period.",
            12.5e6,
            "en",
        ),
        (
            "Через Достык за девять месяцев прошло 3 000 поездов.\n\n"
            "Транзит контейнеров через Казахстан за этот период составил 150 тыс. ДФЭ.",
            150_000,
            "ru",
        ),
        (
            "Через Достык за девять месяцев прошло 3 000 поездов.\n\n"
            "За этот период национальный перевозчик перевёз 12,5 млн тонн транзитных грузов.",
            12.5e6,
            "ru",
        ),
        ("今年1—5月，阿拉山口口岸通行班列500列。\n\n同期过境哈萨克斯坦的集装箱运量达15万标箱。", 150_000, "zh"),
    ],
)
def test_transit_via_kazakhstan_is_the_ktz_network(text: str, value: float, lang: str) -> None:
    assert {o.port for o in _at(text, value, lang)} == {"kazakhstan_rail"}


# "between January and July" is a span of time, not a pair of countries; "left Xi'an" is where a train came from
@pytest.mark.parametrize(
    "text",
    [
        "Khorgos Gateway opened in 2015 on the Kazakh side.\n\n"
        "The dry port handled 180,000 TEU between January and July.",
        "Khorgos Gateway works around the clock. A train that left Xi'an five days ago is being unloaded.\n\n"
        "The dry port handled 180,000 TEU in January-July.",
        "Khorgos Gateway works around the clock. Services from Chongqing, Chengdu and Xi'an arrive daily.\n\n"
        "The dry port handled 180,000 TEU in January-July.",
    ],
)
def test_dry_port_anaphor_survives_months_and_origins(text: str) -> None:
    assert {o.port for o in _at(text, 180_000, "en")} == {"khorgos_gateway"}


def test_trade_between_two_countries_still_takes_no_port() -> None:
    text = "Khorgos Gateway opened in 2015.\n\nTrade between China and Kazakhstan reached $30 billion in 2024."
    assert "khorgos_gateway" not in {o.port for o in run(text).observations}


# Queue and processing wording
@pytest.mark.parametrize(
    ("text", "value", "lang", "indicator"),
    [
        ("On Monday, 45 trains were standing on approach to Dostyk.", 45, "en", "trains_in_queue"),
        ("В понедельник на подходе к Алтынколю находились 38 поездов.", 38, "ru", "trains_in_queue"),
        ("Border processing of a container train at Altynkol now takes about 6 hours.", 6, "en",
         "clearance_time_hours"),
        ("Пограничная обработка контейнерного поезда на Достыке занимает около 8 часов.", 8, "ru",
         "clearance_time_hours"),
    ],
)  # fmt: skip
def test_queue_and_processing_wording(text: str, value: float, lang: str, indicator: str) -> None:
    assert {o.indicator for o in _at(text, value, lang)} == {indicator}


# Events: the effective date, not the adoption date or dateline, picks the quote; a certificate named as what
# a new requirement conditions is a regulation; a headline makes no second event
@pytest.mark.parametrize(
    ("text", "lang", "quote_start"),
    [
        (
            "Совет ЕЭК 3 марта 2026 года утвердил изменения в ТР ТС 010/2011 «О безопасности машин и оборудования».\n\n"
            "Изменения вступают в силу с 1 сентября 2026 года.",
            "ru",
            "Изменения вступают",
        ),
        (
            "MOSCOW, March 3 (Reuters) -- The Eurasian Economic Commission amended TR CU 004/2011 on low-voltage "
            "equipment.\n\nThe amendments take effect on September 1, 2026.",
            "en",
            "The amendments take effect",
        ),
        (
            "新华社北京3月3日电 欧亚经济委员会发布决议，对《关于低压设备安全》技术法规（TR CU 004/2011）进行修订。\n\n"
            "根据决议，修订案自2026年9月1日起生效。",
            "zh",
            "根据决议",
        ),
    ],
)
def test_event_quotes_the_entry_into_force(text: str, lang: str, quote_start: str) -> None:
    events = run(text, "2026-03-20", lang).events
    assert len(events) == 1
    assert events[0].effective_date == date(2026, 9, 1)
    assert events[0].quote.startswith(quote_start)
    assert events[0].kind == "regulation"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Under the amendments to TR CU 018/2011, which take effect on September 1, 2026, electric buses will need "
            "a test report on battery safety before a vehicle type approval can be issued.",
            "en",
        ),
        (
            "С 1 сентября 2026 года по изменениям в ТР ТС 018/2011 до выдачи ОТТС на электробусы потребуется "
            "протокол испытаний батареи.",
            "ru",
        ),
        (
            "自2026年9月1日起，根据修订后的技术法规（TR CU 018/2011），"
            "电动客车在签发车辆型式批准前须提交电池安全试验报告。",
            "zh",
        ),
    ],
)
def test_approval_as_condition_of_a_requirement_is_a_regulation(text: str, lang: str) -> None:
    events = run(text, "2026-03-20", lang).events
    assert [e.kind for e in events] == ["regulation"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Importers face March 2027 deadline as EAEU ends transition period\n\n"
            "The transition period for certificates issued under the old edition of TR CU 010/2011 ends on "
            "March 1, 2027.",
            "en",
        ),
        (
            "Импортёрам осталось полгода: с 1 марта 2027 года в ЕАЭС заканчивается переходный период\n\n"
            "С 1 марта 2027 года заканчивается переходный период для сертификатов по старой редакции ТР ТС 010/2011.",
            "ru",
        ),
        (
            "出口企业注意：自2027年3月1日起欧亚经济联盟过渡期结束\n\n"
            "根据欧亚经济委员会决定，依据旧版TR CU 010/2011签发的合格证书，过渡期将于2027年3月1日结束。",
            "zh",
        ),
    ],
)
def test_headline_makes_no_second_event(text: str, lang: str) -> None:
    events = run(text, "2026-09-20", lang).events
    assert len(events) == 1
    assert events[0].regime == "TR CU 010/2011"


# A firm's own share of a flow ("X itself dispatched …") is a company figure, not the route's or port's total
@pytest.mark.parametrize(
    ("text", "value", "lang"),
    [
        ("On the Middle Corridor, KTZ Express itself dispatched 12,000 TEU in January-June.", 12_000, "en"),
        ("По Среднему коридору за январь – июнь компания сама отправила 12 тыс. ДФЭ.", 12_000, "ru"),
        ("今年上半年，跨里海国际运输路线上公司自身发送集装箱1.2万标箱。", 12_000, "zh"),
    ],
)
def test_firms_own_figure_is_company_scope(text: str, value: float, lang: str) -> None:
    assert {o.scope for o in _at(text, value, lang, "2025-07-15")} == {"company"}
