"""Port attribution: ports named in passing (landmark, counterpart, road) and as where traffic comes from."""

from __future__ import annotations

import pytest
from extract_helpers import only, run

# A port named as origin ("arriving from", «прибывающие с», 「来自」) does not take the figure from the text's port
ORIGIN = [
    (
        "Dostyk station handled 1,540 trains in March.\n\nA train arriving from Alashankou now clears in about "
        "four hours on average.",
        "en",
        "clearance_time_hours",
        "dostyk",
    ),
    (
        "Через станцию Алтынколь в марте прошло 1 540 поездов.\n\nВремя обработки поезда, прибывающего с "
        "Хоргоса, сократилось до четырёх часов.",
        "ru",
        "clearance_time_hours",
        "altynkol",
    ),
    (
        "霍尔果斯铁路口岸3月通行中欧班列1540列。\n\n来自阿腾科里的班列平均通关时间压缩至4小时。",
        "zh",
        "clearance_time_hours",
        "horgos",
    ),
]


@pytest.mark.parametrize(("text", "lang", "indicator", "port"), ORIGIN)
def test_origin_port_is_not_the_figures(text: str, lang: str, indicator: str, port: str) -> None:
    assert only(run(text, lang=lang), indicator).port == port


# A port named in passing ("near X", "with the Chinese station X", "the X bypass") does not become the subject
# that "the checkpoint" / «станция» points back to
PASSING = [
    (
        "Queue grows at Kalzhat\n\nTraffic at Kalzhat, a road checkpoint close to Nur Zholy, slowed on Monday.\n\n"
        "About 900 trucks were waiting to leave for China on Tuesday, the committee said.",
        "en",
        "vehicles_in_queue",
        "kalzhat",
    ),
    (
        "Dostyk sets a record\n\nDostyk station now works to a single timetable together with Alashankou.\n\n"
        "The station handles about 19 trains a day, officials said.",
        "en",
        "trains_per_day",
        "dostyk",
    ),
    (
        "Через Достык прошло больше поездов\n\nСтанция Достык перешла на единый график с китайской станцией "
        "Алашанькоу.\n\nСейчас станция ежесуточно принимает в среднем 19 поездов.",
        "ru",
        "trains_per_day",
        "dostyk",
    ),
    (
        "Trucks wait at Nur Zholy\n\nNur Zholy reported a long line on Monday. Drivers on the Khorgos highway "
        "said traffic barely moved.\n\nThe checkpoint processed 480 vehicles a day, the committee said.",
        "en",
        "vehicles_per_day",
        "nur_zholy",
    ),
]


@pytest.mark.parametrize(("text", "lang", "indicator", "port"), PASSING)
def test_port_in_passing_keeps_the_subject(text: str, lang: str, indicator: str, port: str) -> None:
    assert only(run(text, lang=lang), indicator).port == port


# Negative: a port named as the subject still takes over
def test_port_named_as_subject_takes_over() -> None:
    text = (
        "Dostyk sets a record\n\nDostyk station handled 1,540 trains in March.\n\n"
        "At Altynkol, the station handles about 19 trains a day, officials said."
    )
    assert only(run(text), "trains_per_day").port == "altynkol"


# A port named after a country as where traffic goes ("towards Kazakhstan's Nur Zholy", 「驶向哈萨克斯坦…口岸」)
def test_destination_after_country_name_keeps_the_subject() -> None:
    text = (
        "阿拉山口海关：通关效率持续提升\n\n开春以来，阿拉山口铁路口岸班列不断，满载货物的班列驶向哈萨克斯坦多斯特克站。\n\n"
        "记者：口岸的通关形势怎么样？\n\n李明：1—2月放行率是98.7%。"
    )
    assert only(run(text, lang="zh"), "clearance_rate_pct").port == "alashankou"


# "the two countries" / «двух стран» / 两国 is the pair the text named: not Kazakhstan–China in a Kyrgyzstan story
OTHER_PAIR = [
    (
        "Kyrgyzstan and China discussed the Irkeshtam road.\n\nLast year trade between the two countries reached "
        "about $19.1 billion.",
        "en",
    ),
    (
        "Узбекистан и КНР обсудили новую железную дорогу.\n\nВ прошлом году двусторонний товарооборот "
        "составил 13,8 млрд долларов.",
        "ru",
    ),
    ("吉尔吉斯斯坦与中国讨论了伊尔克什坦口岸公路。\n\n去年两国贸易额达到191亿美元。", "zh"),
]


@pytest.mark.parametrize(("text", "lang"), OTHER_PAIR)
def test_two_countries_of_another_pair(text: str, lang: str) -> None:
    ports = [o.port for o in run(text, lang=lang).observations if o.indicator.startswith("trade_value")]
    assert "china_kazakhstan" not in ports


KZ_PAIR = [
    (
        "Kazakhstan and China discussed the Nur Zholy checkpoint.\n\nLast year trade between the two countries "
        "reached about $43.8 billion.",
        "en",
    ),
    ("哈萨克斯坦与中国讨论了口岸建设。\n\n去年两国贸易额达到438亿美元。", "zh"),
]


@pytest.mark.parametrize(("text", "lang"), KZ_PAIR)
def test_two_countries_of_kazakhstan_and_china(text: str, lang: str) -> None:
    assert only(run(text, lang=lang), "trade_value_usd").port == "china_kazakhstan"
