"""Indicator vocabulary, number and comparison forms, and non-figures (challenge5 causes), in en/ru/zh."""

from __future__ import annotations

import pytest
from extract_helpers import only, run


def _found(text: str, lang: str, published: str = "2025-11-15") -> list[tuple[str, float, str | None]]:
    return [(o.indicator, o.value, o.port) for o in run(text, published, lang).observations]


# The time to process / handle a train or truck is the clearance time ("N hours M minutes" is one value).
CLEARANCE_TIME = [
    ("en", "Today the time to handle one truck at Nur Zholy is 2 hours 15 minutes.", "nur_zholy", 2.25),
    ("en", "The average time to process a freight train at Dostyk is now 5 hours 20 minutes.", "dostyk", 5 + 1 / 3),
    ("ru", "Сейчас на обработку одного контейнерного поезда на Достыке уходит 4 часа 30 минут.", "dostyk", 4.5),
    ("ru", "На обработку грузовика на Нур Жолы теперь требуется 2 часа.", "nur_zholy", 2.0),
]


@pytest.mark.parametrize(("lang", "text", "port", "hours"), CLEARANCE_TIME)
def test_time_to_process_is_clearance_time(lang: str, text: str, port: str, hours: float) -> None:
    obs = only(run(text, "2025-11-15", lang), "clearance_time_hours")
    assert (obs.port, round(obs.value, 4)) == (port, round(hours, 4))


# "the 1,214 trains compare with 1,144 in …": the compared level is a figure of the compared period.
def test_compare_with_gives_the_compared_figure() -> None:
    text = (
        "Altynkol handled 2,100 trains in January–June 2025. "
        "At Altynkol, the 2,100 trains compare with 1,930 in January–June 2024."
    )
    found = [(o.value, str(o.period_start), str(o.period_end)) for o in run(text, "2025-08-01").observations]
    assert (1930.0, "2024-01-01", "2024-06-30") in found
    assert (2100.0, "2025-01-01", "2025-06-30") in found


def test_in_the_quarter_skips_a_compared_quarter() -> None:
    text = (
        "Dostyk handled 1,500 trains in January–March 2025. "
        "At Dostyk, the 1,500 trains compare with 1,400 in January–March 2024. "
        "The average processing time for a train at Dostyk was cut to 4 hours in the quarter."
    )
    obs = only(run(text, "2025-04-20"), "clearance_time_hours")
    assert (str(obs.period_start), str(obs.period_end)) == ("2025-01-01", "2025-03-31")


# A share whose subject stands before a dash-enclosed list ("NEVs – mostly …, but … – made up 27.3 per cent").
NEV_SHARE = [
    (
        "en",
        "Horgos exported 40,000 vehicles in 2024. Electric models – chiefly battery tractor units, but increasingly "
        "plug-in hybrid pickups, vans and city buses – made up 31.5 per cent of that total.",
        31.5,
    ),
    (
        "zh",
        "2024年霍尔果斯口岸出口汽车4万辆。新能源车型——主要是纯电动牵引车，也有越来越多的插电混合动力皮卡、厢式货车、"
        "城市客车和各类专用车辆——占31.5%。",
        31.5,
    ),
]


@pytest.mark.parametrize(("lang", "text", "share"), NEV_SHARE)
def test_nev_share_subject_before_list(lang: str, text: str, share: float) -> None:
    assert only(run(text, "2025-02-01", lang), "nev_share_pct").value == share


# Declarations released without inspection: their share is the clearance rate.
CLEARANCE_RATE = [
    ("en", "In September, 97.4% of transit declarations at the Bakhty post were released without inspection.", 97.4),
    ("ru", "В сентябре 97,4% транзитных деклараций на посту «Бахты» выпущены без таможенного досмотра.", 97.4),
    ("ru", "В сентябре 96,1% деклараций на таможенном посту «Бахты» были оформлены в течение часа.", 96.1),
    ("zh", "9月，阿拉山口口岸97.4%的报关单无需查验即放行。", 97.4),
]


@pytest.mark.parametrize(("lang", "text", "rate"), CLEARANCE_RATE)
def test_declarations_released_is_clearance_rate(lang: str, text: str, rate: float) -> None:
    assert only(run(text, "2025-10-20", lang), "clearance_rate_pct").value == rate


# A dash between two months is a range, not a clause break: the trade word before it stays in the clause.
MONTH_DASH = [
    ("ru", "Стоимость экспорта автомобилей через Хоргос за январь – июнь достигла 9,12 млрд юаней.", "trade_value_cny"),
    ("en", "Vehicle exports through Horgos in January – June reached 1.3 billion dollars.", "trade_value_usd"),
]


@pytest.mark.parametrize(("lang", "text", "indicator"), MONTH_DASH)
def test_month_range_dash_keeps_the_clause(lang: str, text: str, indicator: str) -> None:
    obs = only(run(text, "2025-08-01", lang), indicator)
    assert (str(obs.period_start), str(obs.period_end)) == ("2025-01-01", "2025-06-30")


# An answer that is only a period and a number continues the count series of the sentences before.
ELLIPTIC = [
    (
        "ru",
        "– Каким был прошлый год?\n– В прошлом году станция Алтынколь приняла 9 200 поездов.\n– А этот год?\n"
        "– За январь и февраль – уже около 1,6 тысячи.",
    ),
    (
        "en",
        "Q: How was last year?\nA: Last year the Altynkol station received 9,200 trains.\nQ: And this year?\n"
        "A: For January and February, already about 1,600.",
    ),
    ("zh", "问：去年怎么样？\n答：去年阿腾科里站接收班列9200列。\n问：今年呢？\n答：1—2月，已接近1600。"),
]


@pytest.mark.parametrize(("lang", "text"), ELLIPTIC)
def test_elliptic_answer_continues_the_series(lang: str, text: str) -> None:
    found = [
        (o.indicator, o.value, o.port, str(o.period_start), str(o.period_end))
        for o in run(text, "2026-03-10", lang).observations
    ]
    assert ("trains_count", 1600.0, "altynkol", "2026-01-01", "2026-02-28") in found


ELLIPTIC_NOT = [
    ("en", "Last year the Altynkol station received 9,200 trains.\nIn 2012 the station opened."),
    ("ru", "В прошлом году станция Алтынколь приняла 9 200 поездов.\nЗа январь и февраль – 40 лет."),
]


@pytest.mark.parametrize(("lang", "text"), ELLIPTIC_NOT)
def test_no_elliptic_without_a_bare_count(lang: str, text: str) -> None:
    assert [o.value for o in run(text, "2026-03-10", lang).observations] == [9200.0]


# A recollection word in an earlier clause does not hide a figure its own clause dates to one moment.
def test_at_one_point_queue_after_a_vague_clause() -> None:
    text = "去年四季度，有一段时间多斯特克站换装跟不上，一度有11列班列在站内等待交接。"
    assert only(run(text, "2026-03-01", "zh"), "trains_in_queue").value == 11


def test_vague_recollection_still_not_a_figure() -> None:
    assert run("有一段时间，阿拉山口每月有30列班列。", "2026-03-01", "zh").observations == []


# A distributive day word makes vehicles "queuing to clear" a daily flow, not a standing queue.
DAILY_QUEUE = [
    ("zh", "旺季每天约900辆货车在阿拉山口口岸排队办理出境手续。"),
    ("en", "In the busy season, each day about 900 trucks queue at Alashankou to clear export formalities."),
]


@pytest.mark.parametrize(("lang", "text"), DAILY_QUEUE)
def test_daily_count_queuing_to_clear_is_per_day(lang: str, text: str) -> None:
    assert only(run(text, "2025-11-15", lang), "vehicles_per_day").value == 900


def test_queue_on_some_days_stays_a_queue() -> None:
    text = "В сентябре очередь на въезд в пункт пропуска Бахты в отдельные дни превышала 700 автомобилей."
    assert only(run(text, "2025-10-20", "ru"), "vehicles_in_queue").value == 700


# A count on some days / on peak days is a daily figure, not a period count.
PEAK_DAYS = [
    ("ru", "В ноябре станция Алтынколь в среднем передавала 21 поезд в сутки, в отдельные дни – до 29 составов."),
    ("en", "In November Altynkol handed over 21 trains a day on average; on peak days the station passed 29 trains."),
    ("zh", "11月阿腾科里站日均交接班列21列，个别日子交接29列。"),
]


@pytest.mark.parametrize(("lang", "text"), PEAK_DAYS)
def test_count_on_some_days_is_per_day(lang: str, text: str) -> None:
    found = _found(text, lang)
    assert ("trains_per_day", 29.0, "altynkol") in found
    assert not any(ind == "trains_count" for ind, _, _ in found)


# Capacities: "can meet the needs of", "enough for", «позволяют принимать».
CAPACITY = [
    ("zh", "新增到发线6条，可满足日均25列以上班列的作业需求。"),
    ("en", "The six new tracks at Alashankou are enough for more than 25 trains a day."),
    ("ru", "Шесть новых путей на Достыке позволяют принимать более 25 поездов в сутки."),
    ("ru", "Новых путей на Достыке достаточно для 25 поездов в сутки."),
]


@pytest.mark.parametrize(("lang", "text"), CAPACITY)
def test_capacity_is_not_a_figure(lang: str, text: str) -> None:
    assert run(text, "2025-11-15", lang).observations == []


# A comma inside quoted speech parts clauses: the per-day word is the second figure's only.
QUOTED_SPEECH = [
    ("zh", "今年上半年，霍尔果斯口岸通行班列3620列。“3620列，意味着平均每天有20列班列从这里进出境。”"),
    ("ru", "За полугодие через Достык прошло 3620 поездов. «3620 поездов, то есть в среднем 20 поездов в сутки»."),
]


@pytest.mark.parametrize(("lang", "text"), QUOTED_SPEECH)
def test_quoted_total_is_not_per_day(lang: str, text: str) -> None:
    per_day = [o.value for o in run(text, "2025-07-10", lang).observations if o.indicator == "trains_per_day"]
    assert 3620 not in per_day


# Round-the-clock service is not a clearance time; a duration of 24 hours is.
def test_round_the_clock_is_not_clearance_time() -> None:
    assert run("下半年，霍尔果斯口岸将实行24小时预约通关。", "2025-07-10", "zh").observations == []


def test_twenty_four_hours_duration_stays() -> None:
    assert only(run("霍尔果斯口岸通关时间约24小时。", "2025-07-10", "zh"), "clearance_time_hours").value == 24
