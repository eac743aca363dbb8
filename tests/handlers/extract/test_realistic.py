"""Longer news-style texts (written for these tests): boilerplate, breakdowns, plans, comparisons."""

from __future__ import annotations

from datetime import date

import pytest
from extract_helpers import run

XINHUA = """China-Europe freight train trips via Alashankou exceed 6,000

URUMQI, Nov. 8 (Xinhua) -- A total of 6,052 China-Europe freight trains had passed through the Alashankou port \
as of Nov. 7 this year, up 3.4 percent year on year, according to the China Railway Urumqi Group Co., Ltd.
The trains carried more than 6.5 million tonnes of goods, the company said.
Currently, the port handles about 20 China-Europe freight trains daily on average.
Since the first China-Europe freight train passed through Alashankou in 2011, the port has handled more than \
50,000 trains in total.
The local customs launched a "smart port" project, investing 300 million yuan, which cut the average clearance \
time for trains by 30 percent.
Related stories:
Xinjiang's foreign trade hits record high in first 10 months
"""

KAZINFORM = """Грузооборот через «Хоргос – Восточные ворота» вырос на 18%

За девять месяцев 2025 года через сухой порт «Хоргос – Восточные ворота» переработано 245 тыс. ДФЭ, что на 18% \
больше, чем за аналогичный период прошлого года.
Всего с начала года через погранпереходы Алтынколь и Достык проследовало 12,4 тыс. контейнерных поездов.
Пропускная способность сухого порта составляет 540 тыс. ДФЭ в год. В 2026 году планируется увеличить ее до 1 млн ДФЭ.
"""

RAILFREIGHT = """Middle Corridor volumes doubled in 2025

Container traffic on the Trans-Caspian International Transport Route (TITR) doubled in 2025, with 56,500 TEU \
transported, compared with 27,000 TEU a year earlier, KTZ reported on Monday.
In total, 4.5 million tonnes of cargo were carried along the Middle Corridor last year, up 62 percent. KTZ plans to \
raise the route's capacity to 10 million tonnes by 2027.
Meanwhile, at the Dostyk-Alashankou crossing, 2,345 trains were handled in the fourth quarter, a 4 percent decrease \
year-on-year.
The company has invested $1.5 billion in new rolling stock.
"""


def _facts(text: str, pub: str, lang: str) -> dict[tuple[str | None, str, float], tuple[object, ...]]:
    return {
        (o.port, o.indicator, o.value): (o.period_start, o.period_end, o.yoy_pct)
        for o in run(text, pub, lang).observations
    }


def test_xinhua_style() -> None:
    got = _facts(XINHUA, "2025-11-08", "en")
    assert got[("alashankou", "trains_count", 6052)] == (date(2025, 1, 1), date(2025, 11, 7), 3.4)
    assert ("alashankou", "cargo_tonnes", 6_500_000) in got
    assert got[("alashankou", "trains_per_day", 20)] == (None, None, None)
    assert got[("alashankou", "trains_count", 50_000)] == (None, None, None)  # cumulative since 2011
    assert not any(k[1].startswith("trade_value") for k in got)  # an investment is not trade
    assert len(got) == 4


def test_kazinform_style() -> None:
    got = _facts(KAZINFORM, "2025-10-16", "ru")
    assert got[("khorgos_gateway", "containers_teu", 245_000)] == (date(2025, 1, 1), date(2025, 9, 30), 18.0)
    assert ("china_kazakhstan", "trains_count", 12_400) in got  # two crossings together
    assert len(got) == 2  # capacity and plans are not reported figures


def test_railfreight_style() -> None:
    got = _facts(RAILFREIGHT, "2026-02-03", "en")
    assert got[("titr", "containers_teu", 56_500)][:2] == (date(2025, 1, 1), date(2025, 12, 31))
    assert got[("titr", "containers_teu", 27_000)][:2] == (date(2024, 1, 1), date(2024, 12, 31))
    assert got[("titr", "cargo_tonnes", 4_500_000)] == (date(2025, 1, 1), date(2025, 12, 31), 62.0)
    assert got[("dostyk", "trains_count", 2345)] == (date(2025, 10, 1), date(2025, 12, 31), -4.0)
    assert len(got) == 4


@pytest.mark.parametrize(
    ("text", "lang", "yoy"),
    [
        ("2025年霍尔果斯口岸出口汽车10万辆，增长1.2倍。", "zh", 120.0),
        ("В 2025 году через Хоргос экспортировано 10 тыс. автомобилей, рост в 1,5 раза.", "ru", 50.0),
    ],
)
def test_ratio_changes(text: str, lang: str, yoy: float) -> None:
    (obs,) = run(text, lang=lang).observations
    assert obs.yoy_pct == pytest.approx(yoy)


def test_chinese_breakdown_share_and_round_the_clock() -> None:
    ex = run(
        "一季度，经霍尔果斯公路口岸出口汽车9.8万辆，同比增长32.6%，货值56.7亿元。其中，新能源汽车2.1万辆，占比21.4%。"
        "海关实行“7×24小时”预约通关，出口车辆平均通关时间压缩至30分钟以内。",
        "2025-04-10",
        "zh",
    )
    got = {(o.indicator, o.value) for o in ex.observations}
    assert got == {
        ("vehicles_exported", 98_000),
        ("trade_value_cny", 5_670_000_000),
        ("nev_share_pct", 21.4),
        ("clearance_time_hours", 0.5),
    }
