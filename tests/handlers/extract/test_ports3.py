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


# Events: a date before "the Board … adopted" is the adoption date; "only with an EAC certificate" in a text on
# one numbered regulation is that regulation's change; the body sentence with the title's date is quoted.
ADOPTION_WITH_SUBJECT = [
    (
        "On 3 June 2026 the Council of the Eurasian Economic Commission approved amendments to TR CU 018/2011. "
        "The amendments take effect on 1 January 2027.",
        "en",
        "2027-01-01",
    ),
    (
        "3 июня 2026 года Совет Евразийской экономической комиссии утвердил изменения в ТР ТС 018/2011. "
        "Изменения вступают в силу 1 января 2027 года.",
        "ru",
        "2027-01-01",
    ),
    (
        "2026年6月3日，欧亚经济委员会理事会通过决议，修订TR CU 018/2011技术法规。修订内容自2027年1月1日起生效。",
        "zh",
        "2027-01-01",
    ),
]


@pytest.mark.parametrize(("text", "lang", "effective"), ADOPTION_WITH_SUBJECT)
def test_adoption_date_with_the_deciding_body_between(text: str, lang: str, effective: str) -> None:
    events = run(text, published="2026-06-20", lang=lang).events
    assert [e.effective_date.isoformat() if e.effective_date else None for e in events] == [effective]


MARK_OF_THE_REGULATION = [
    (
        "The amendments to TR CU 004/2011 enter into force on 1 April 2027.\n\nFrom then on, lamps may only be sold "
        "with an EAC certificate of conformity.",
        "en",
    ),
    (
        "Изменения в ТР ТС 004/2011 вступают в силу 1 апреля 2027 года.\n\nЭксперт по сертификации EAC отметил, что "
        "большинство сертификатов придётся переоформить в переходный период.",
        "ru",
    ),
    (
        "TR CU 004/2011修订内容自2027年4月1日起生效。\n\n一位EAC认证机构负责人说，大量证书将在过渡期内面临换证。",
        "zh",
    ),
]


@pytest.mark.parametrize(("text", "lang"), MARK_OF_THE_REGULATION)
def test_eac_certificates_of_the_one_regulation_are_one_event(text: str, lang: str) -> None:
    events = run(text, published="2026-10-01", lang=lang).events
    assert [e.regime for e in events] == ["TR CU 004/2011"]


def test_title_date_picks_the_change_quoted() -> None:
    text = (
        "Что изменится для импортёров после 1 июля 2027 года\n\n"
        "Изменения в ТР ТС 032/2013 вступили в силу 1 января 2027 года, однако предусмотрен переходный период. "
        "Переходный период для сертификатов, выданных по прежней редакции ТР ТС 032/2013, завершается 1 июля "
        "2027 года."
    )
    events = run(text, published="2026-11-01", lang="ru").events
    assert [(e.kind, str(e.effective_date)) for e in events] == [("certification", "2027-07-01")]


# A list of "figure + unit + at PORT" items: each figure is the port after it
UNIT_LIST = [
    (
        "In April, freight reached 2.41 million tonnes at Dostyk, 1.36 million tonnes at Altynkol and "
        "208,000 tonnes at the Bakhty checkpoint in Tacheng.",
        "en",
        {2410000.0: "dostyk", 1360000.0: "altynkol", 208000.0: "bakhty"},
    ),
    (
        "В апреле перевалка составила 2,41 млн тонн через Достык, 1,36 млн тонн через Алтынколь и 208 тыс. тонн "
        "через Бахты.",
        "ru",
        {2410000.0: "dostyk", 1360000.0: "altynkol", 208000.0: "bakhty"},
    ),
]


@pytest.mark.parametrize(("text", "lang", "ports"), UNIT_LIST)
def test_unit_list_port_after_each_figure(text: str, lang: str, ports: dict[float, str]) -> None:
    found = {o.value: o.port for o in run(text, published="2026-05-20", lang=lang).observations}
    assert found == ports


# "через «X» — порядка N" / "at X — roughly N": an approximator after the dash keeps the port with its figure
def test_dash_with_approximator_continues_the_series() -> None:
    text = (
        "Среднесуточно через «Достык» передавалось около 18 поездов, через «Алтынколь» — 21, "
        "через «Хоргос» — примерно 9."
    )
    found = {o.value: o.port for o in run(text, lang="ru").observations}
    assert found == {18.0: "dostyk", 21.0: "altynkol", 9.0: "horgos"}


# "из них 45 приходится на X", "of which 45 are at X": a part of the figure before, at the port after it
PART_AT_PORT = [
    (
        "На подходах к Достыку и Алтынколю стоят около 90 поездов, из них примерно 52 приходится на Алтынколь.",
        "ru",
    ),
    ("Some 90 trains are waiting near Dostyk and Altynkol, of which about 52 are at Altynkol.", "en"),
]


@pytest.mark.parametrize(("text", "lang"), PART_AT_PORT)
def test_part_of_a_figure_at_the_port_after(text: str, lang: str) -> None:
    found = {o.value: o.port for o in run(text, lang=lang).observations}
    assert found.get(52.0) == "altynkol"
