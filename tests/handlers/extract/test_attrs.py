"""Attribute accuracy on matched figures: year-on-year wordings and periods (en/ru/zh)."""

from __future__ import annotations

import pytest
from extract_helpers import only, run


@pytest.mark.parametrize(
    ("text", "lang", "indicator", "yoy"),
    [
        # a change noun, what it is measured against, a dash or colon
        ("В 2025 году Алтынколь принял 3,4 млн тонн, прирост к предыдущему году — 4,2%.", "ru", "cargo_tonnes", 4.2),
        ("Dostyk handled 2.8 million tonnes in 2025, growth on the previous year: 3.1%.", "en", "cargo_tonnes", 3.1),
        # a gerund of gaining
        ("Достык в 2025 году нарастил показатель до 5 120 поездов, прибавив 4,4%.", "ru", "trains_count", 4.4),
        ("Dostyk handled 5,120 trains in 2025, adding 4.4 percent.", "en", "trains_count", 4.4),
        # a change stated before the new level
        ("В 2025 году перевозки через Иркештам выросли на 5,1% — до 218 тыс. тонн.", "ru", "cargo_tonnes", 5.1),
        ("2025年，霍尔果斯口岸货运量同比增长12%，达到3100万吨。", "zh", "cargo_tonnes", 12.0),
        # a multiple compared with a year earlier
        ("В 2025 году Хоргос принял 8,2 млн тонн — в 1,5 раза больше, чем годом ранее.", "ru", "cargo_tonnes", 50.0),
        ("Horgos handled 8.2 million tonnes in 2025, 1.5 times more than a year earlier.", "en", "cargo_tonnes", 50.0),
        ("2025年，巴克图口岸进口货物8.6万吨，同比翻了一番。", "zh", "cargo_tonnes", 100.0),
        # "is N percent more than": a change even after "is"
        ("Dostyk handled 9,000 trains in 2024, which is 14% more than the year before.", "en", "trains_count", 14.0),
    ],
)
def test_yoy_wordings(text: str, lang: str, indicator: str, yoy: float) -> None:
    assert only(run(text, "2026-02-10", lang), indicator).yoy_pct == yoy


def test_multiple_between_places_is_no_change() -> None:
    ex = run("Dostyk handled 9,000 trains in 2025, 2 times more than Altynkol.", "2026-02-10")
    assert only(ex, "trains_count").yoy_pct is None


def test_currency_equivalent_shares_the_change() -> None:
    ex = run(
        "Trade via Horgos in 2025 stood at 30.5 billion yuan ($4.25 billion), up 7.3 percent year on year.",
        "2026-02-10",
    )
    assert only(ex, "trade_value_cny").yoy_pct == 7.3
    assert only(ex, "trade_value_usd").yoy_pct == 7.3


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "In January, Dostyk handled 1,410 trains and 152,000 TEU. The figures were up 3 percent and 5.5 percent "
            "respectively from a year earlier.",
            "en",
            {"trains_count": 3.0, "containers_teu": 5.5},
        ),
        (
            "В январе 2026 года через Алтынколь прошло 1 120 поездов. Это на 4,6% больше, чем годом ранее.",
            "ru",
            {"trains_count": 4.6},
        ),
        (
            "In 2025 Altynkol handled 12,100 trains. According to the railway, this is 9 percent more than in 2024.",
            "en",
            {"trains_count": 9.0},
        ),
    ],
)
def test_changes_in_the_next_sentence(text: str, lang: str, expected: dict[str, float]) -> None:
    ex = run(text, "2026-02-10", lang)
    assert {ind: only(ex, ind).yoy_pct for ind in expected} == expected


@pytest.mark.parametrize(
    "text",
    [
        # two figures, one change: which one it is about is not clear
        "In January, Dostyk handled 1,410 trains and 152,000 TEU. This is 3 percent more than a year earlier.",
        # compared with another place, not with a year earlier
        "In January 2026 Dostyk handled 1,410 trains. This is 3 percent more than Altynkol.",
    ],
)
def test_next_sentence_change_not_attached(text: str) -> None:
    ex = run(text, "2026-02-10")
    assert all(o.yoy_pct is None for o in ex.observations)


@pytest.mark.parametrize(
    ("text", "published", "lang", "indicator", "period"),
    [
        # "the same N months" in the figure's clause: the period stated before, not another clause's months
        (
            "In the first half of 2025, Horgos handled 4,010 trains. Dostyk saw 2,950 trains over the same six "
            "months, a drop blamed on repairs in May and June.",
            "2025-07-20",
            "en",
            "dostyk",
            ("2025-01-01", "2025-06-30"),
        ),
        # an unnumbered quarter after the text stated one
        (
            "In the first quarter of 2025, Horgos handled 1,880 trains. Since the start of the year it cleared "
            "9,000 trucks. Altynkol received 1,210 trains in the quarter.",
            "2025-06-20",
            "en",
            "altynkol",
            ("2025-01-01", "2025-03-31"),
        ),
        (
            "В первом квартале 2025 года через Хоргос прошло 1 880 поездов. С начала года оформлено 9 000 грузовиков. "
            "Через Алтынколь за квартал прошло 1 210 поездов.",
            "2025-06-20",
            "ru",
            "altynkol",
            ("2025-01-01", "2025-03-31"),
        ),
        # "in nine months", "the nine-month volume": the first months of the year
        ("Horgos handled 18.2 million tonnes of cargo in nine months.", "2025-10-20", "en", "horgos",
         ("2025-01-01", "2025-09-30")),
        ("Customs put the eight-month volume at Horgos at 15.1 million tonnes.", "2025-09-20", "en", "horgos",
         ("2025-01-01", "2025-08-31")),
        # a month as the subject of its clause
        ("In 2025 Horgos exported 410,000 vehicles. November was the peak, with 41,200 vehicles exported via Horgos.",
         "2026-01-20", "en", "horgos_nov", ("2025-11-01", "2025-11-30")),
        # a daily average over the year the passage is about
        ("In 2025 Horgos exported 410,000 vehicles. Throughout the year, the port cleared an average of 1,120 "
         "vehicles a day.", "2026-01-20", "en", "per_day", ("2025-01-01", "2025-12-31")),
        ("В 2025 году через Достык прошло 16 100 поездов. Среднесуточно станция передавала 44 поезда.",
         "2026-01-20", "ru", "per_day", ("2025-01-01", "2025-12-31")),
        # a past day of a daily bulletin
        ("За минувшие сутки через «Калжат» оформлено 112 грузовиков.", "2026-02-03", "ru", "per_day",
         ("2026-02-02", "2026-02-02")),
        ("За прошедшие сутки, 1 февраля, через «Нур Жолы» оформлено 540 грузовых автомобилей.", "2026-02-03", "ru",
         "per_day", ("2026-02-01", "2026-02-01")),
        # a month at the start of a sentence applies to all its clauses, also after a record "since opening"
        ("去年11月，霍尔果斯口岸通行班列560列，为开通以来单月最高水平。", "2026-01-20", "zh", "horgos",
         ("2025-11-01", "2025-11-30")),
        # a range of months followed by a bare year
        ("За январь–август 2024 через Достык прошло 11 200 поездов.", "2025-11-20", "ru", "dostyk",
         ("2024-01-01", "2024-08-31")),
        # 「全年」 takes the year the sentence names
        ("2024年12月，霍尔果斯口岸通行班列700列。全年通行班列7800列。", "2026-01-20", "zh", "horgos_year",
         ("2024-01-01", "2024-12-31")),
    ],
)
def test_periods(text: str, published: str, lang: str, indicator: str, period: tuple[str, str]) -> None:
    ex = run(text, published, lang)
    picks = {
        "dostyk": lambda o: o.port == "dostyk",
        "altynkol": lambda o: o.port == "altynkol",
        "horgos": lambda o: o.port == "horgos",
        "horgos_nov": lambda o: o.value == 41200,
        "horgos_year": lambda o: o.value == 7800,
        "per_day": lambda o: o.indicator.endswith("_per_day"),
    }
    found = [o for o in ex.observations if picks[indicator](o)]
    assert len(found) == 1, [(o.port, o.indicator, o.value) for o in ex.observations]
    got = (found[0].period_start, found[0].period_end)
    assert tuple(d.isoformat() if d else None for d in got) == period


@pytest.mark.parametrize(
    ("text", "published", "lang"),
    [
        # currently, not over a period: a daily average stays a snapshot
        ("In 2025 Horgos exported 410,000 vehicles. Currently the port clears an average of 1,120 vehicles a day.",
         "2026-01-20", "en"),
        ("2025年霍尔果斯口岸出口汽车41万辆。目前口岸日均验放出口商品车1200辆。", "2026-01-20", "zh"),
    ],
)
def test_present_daily_average_has_no_period(text: str, published: str, lang: str) -> None:
    per_day = [o for o in run(text, published, lang).observations if o.indicator.endswith("_per_day")]
    assert len(per_day) == 1 and per_day[0].period_start is None


def test_forecast_period_is_not_carried() -> None:
    text = (
        "В I квартале 2026 года через «Бахты» перевезено 486 тыс. тонн. После реконструкции в 2027 году пропускная "
        "способность должна вырасти до 1 000 автомобилей в сутки. Через «Калжат» прошло 95 тыс. тонн."
    )
    ex = run(text, "2026-04-22", "ru")
    kalzhat = [o for o in ex.observations if o.port == "kalzhat"]
    assert len(kalzhat) == 1 and kalzhat[0].period_end is not None and kalzhat[0].period_end.year == 2026


def test_generic_port_word_after_a_time_word_is_the_named_port() -> None:
    ex = run("阿拉山口口岸2025年通行班列6500列。据统计，全年口岸进出口货运量2100万吨。", "2026-01-20", "zh")
    assert only(ex, "cargo_tonnes").port == "alashankou"


@pytest.mark.parametrize(
    ("text", "lang", "period"),
    [
        ("Since its first run on March 18, 2016, the Horgos train has completed more than 20,000 trips.", "en",
         ("2016-03-18", "2026-03-05")),
        ("С момента запуска 18 марта 2016 года через Хоргос прошло более 20 000 поездов.", "ru",
         ("2016-03-18", "2026-03-05")),
        ("自2016年3月18日首列开行以来，霍尔果斯口岸累计通行班列2万列。", "zh", ("2016-03-18", "2026-03-05")),
        # no day named: a cumulative total has no period
        ("霍尔果斯口岸开通以来累计通行班列2万列。", "zh", (None, None)),
    ],
)
def test_cumulative_since_a_day(text: str, lang: str, period: tuple[str | None, str | None]) -> None:
    o = only(run(text, "2026-03-05", lang), "trains_count")
    got = (o.period_start, o.period_end)
    assert tuple(d.isoformat() if d else None for d in got) == period


@pytest.mark.parametrize(
    ("text", "lang", "yoy"),
    [
        ("Dostyk handled 4,000 trains in 2025, doubling on a year earlier.", "en", 100.0),
        ("В 2025 году Достык принял 4 000 поездов, удвоив показатель прошлого года.", "ru", 100.0),
        # another quantity doubled, far from the figure
        ("Horgos handled 3,000 trains last year, while exports of electric cars through the port doubled.", "en", None),
    ],
)
def test_doubled(text: str, lang: str, yoy: float | None) -> None:
    assert only(run(text, "2026-01-20", lang), "trains_count").yoy_pct == yoy


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("Horgos handled 300 trains in the quarter ending June.", "trains_count"),  # not the quarter just reported
        ("Yesterday, customs said Horgos handled 1.2 million tonnes.", "cargo_tonnes"),  # a day dates daily figures
    ],
)
def test_no_period_from_unnamed_words(text: str, indicator: str) -> None:
    assert only(run(text, "2025-11-10"), indicator).period_start is None
