"""Year-on-year changes in en/ru/zh, attached to the figure they qualify."""

from __future__ import annotations

import pytest
from extract_helpers import only, run


@pytest.mark.parametrize(
    ("lang", "text", "yoy"),
    [
        ("en", "Horgos handled 3,000 freight trains in 2025, a 21% year-on-year increase.", 21.0),
        ("en", "Horgos handled 3,000 freight trains in 2025, up 16.3% year-on-year.", 16.3),
        ("en", "Horgos handled 3,000 freight trains in 2025, up 16.3%.", 16.3),
        ("en", "Horgos handled 3,000 freight trains in 2025, down 3.2% from a year earlier.", -3.2),
        ("en", "Horgos handled 3,000 freight trains in 2025, 18 percent fewer than a year earlier.", -18.0),
        ("en", "Horgos handled 3,000 freight trains in 2025, an increase of 9.1%.", 9.1),
        ("en", "Horgos handled 3,000 freight trains in 2025, a year-on-year decrease of 4%.", -4.0),
        ("ru", "В 2025 году через Хоргос прошло 3 000 поездов, рост на 7,5%.", 7.5),
        ("ru", "В 2025 году через Хоргос прошло 3 000 поездов, что на 6,8% больше, чем годом ранее.", 6.8),
        ("ru", "В 2025 году через Хоргос прошло 3 000 поездов, снижение на 2,1%.", -2.1),
        ("ru", "В 2025 году через Хоргос прошло 3 000 поездов, что на 12,5% меньше.", -12.5),
        ("ru", "Объем перевозок через Хоргос вырос до 22,2 млн тонн, что на 4,3% превышает показатель 2024 года.", 4.3),
        ("zh", "2025年霍尔果斯口岸通行中欧班列3000列，同比增长12.4%。", 12.4),
        ("zh", "2025年霍尔果斯口岸通行中欧班列3000列，同比下降3.2%。", -3.2),
        ("zh", "2025年霍尔果斯口岸通行中欧班列3000列，增长百分之二十一。", 21.0),
    ],
)
def test_yoy_forms(lang: str, text: str, yoy: float) -> None:
    ex = run(text, lang=lang)
    obs = ex.observations[0]
    assert obs.yoy_pct == pytest.approx(yoy)


def test_yoy_goes_to_the_figure_it_follows() -> None:
    ex = run(
        "In the first half of 2026, Alashankou handled 3,560 freight trains, up 3% year on year, "
        "while Horgos handled 4,120 trains, an increase of 9.1%.",
        "2026-07-10",
    )
    got = {o.port: o.yoy_pct for o in ex.observations}
    assert got == {"alashankou": 3.0, "horgos": 9.1}


def test_month_on_month_change_is_not_yoy() -> None:
    obs = only(
        run("В октябре через Достык прошло 220 поездов, что на 3,1% меньше, чем месяцем ранее.", lang="ru"),
        "trains_count",
    )
    assert obs.yoy_pct is None


def test_change_alone_is_not_an_observation() -> None:
    assert run("Khorgos Port boosted vehicle turnover efficiency by over 20%.").observations == []


@pytest.mark.parametrize(
    ("text", "lang", "yoy"),
    [
        ("За январь-сентябрь 2025 года через Достык перевезено 27,3 млн тонн грузов (+11%).", "ru", 11.0),
        ("Horgos handled 3,000 freight trains in 2025 (-3.2% y/y).", "en", -3.2),
    ],
)
def test_signed_change_in_brackets(text: str, lang: str, yoy: float) -> None:
    (obs,) = run(text, lang=lang).observations
    assert obs.yoy_pct == pytest.approx(yoy)
