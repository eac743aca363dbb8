"""Comparison levels (a level for an earlier period stated with a pronoun or left-out noun), changes "from X to
Y" (the new level in X's unit), and numbers that are not figures (capacities at once, a capacity reached after a
change, a vehicle's weight class, differences and week-on-week changes, a peak after a daily rate)."""

from __future__ import annotations

import pytest
from extract_helpers import only, run

# A sentence that opens with an earlier period and gives its level with a pronoun, a level verb or a dash.
YEAR_2024 = ("2024-01-01", "2024-12-31")
SEPT_2024 = ("2024-09-01", "2024-09-30")
Q3_2024 = ("2024-07-01", "2024-09-30")
BACK_LEVELS = [
    (
        "en",
        "The average clearance time for a truck at Nur Zholy is now 3 hours. A year earlier it stood at 5 hours.",
        ("clearance_time_hours", 5.0, YEAR_2024),
    ),
    (
        "en",
        "Average release time for a train at Alashankou is currently 4.5 hours. In 2024 it was 7 hours.",
        ("clearance_time_hours", 7.0, YEAR_2024),
    ),
    (
        "ru",
        "Среднее время оформления поезда на Алтынколе сейчас 5,5 часа. В прошлом году было 8 часов.",
        ("clearance_time_hours", 8.0, YEAR_2024),
    ),
    (
        "ru",
        "Среднее время досмотра фуры на Бахты сейчас 2 часа. Годом ранее — 4 часа.",
        ("clearance_time_hours", 4.0, YEAR_2024),
    ),
    ("zh", "阿拉山口口岸班列平均通关时间为5.5小时。去年同期为8小时。", ("clearance_time_hours", 8.0, YEAR_2024)),
    ("zh", "巴克图口岸货车平均通关时间为2小时。上年为4小时。", ("clearance_time_hours", 4.0, YEAR_2024)),
    (
        "en",
        "In September 2025, 2,300 vehicles were exported through Alashankou. A year earlier it was 1,700.",
        ("vehicles_exported", 1700.0, SEPT_2024),
    ),
    (
        "ru",
        "В сентябре 2025 года через Алашанькоу экспортировано 2 300 автомобилей. Годом ранее — около 1 700.",
        ("vehicles_exported", 1700.0, SEPT_2024),
    ),
    ("zh", "2025年9月，经阿拉山口口岸通行班列640列。去年同期为590列。", ("trains_count", 590.0, SEPT_2024)),
    (
        "en",
        "In the third quarter of 2025, 1,430 trains crossed at Dostyk. In the same period last year, it was 1,250.",
        ("trains_count", 1250.0, Q3_2024),
    ),
    (
        "ru",
        "В третьем квартале 2025 года через Достык прошло 1 430 поездов. За тот же период прошлого года было 1 250.",
        ("trains_count", 1250.0, Q3_2024),
    ),
    ("zh", "2025年三季度经阿拉山口通行班列1430列。去年同期，该数字为1250列。", ("trains_count", 1250.0, Q3_2024)),
]


@pytest.mark.parametrize(("lang", "text", "expected"), BACK_LEVELS)
def test_earlier_level_with_a_pronoun_continues_the_figure_before(
    lang: str, text: str, expected: tuple[str, float, tuple[str, str]]
) -> None:
    indicator, value, period = expected
    found = [o for o in run(text, "2025-10-20", lang).observations if o.indicator == indicator]
    assert value in [o.value for o in found], [(o.indicator, o.value) for o in found]
    earlier = next(o for o in found if o.value == value)
    assert earlier.port is not None and earlier.yoy_pct is None
    assert (str(earlier.period_start), str(earlier.period_end)) == period


# A clause of the same sentence: another period and the level, the noun left out.
CLAUSE_LEVELS = [
    (
        "ru",
        "За весь 2024 год через Нур Жолы было вывезено около 380 тыс. автомобилей, а в 2022-м — чуть больше 250 тысяч.",
    ),
    ("en", "In 2024 about 380,000 vehicles were exported through Nur Zholy, and in 2022 just over 250,000."),
    ("zh", "2024年经努尔饶勒口岸出口汽车38万辆，2022年为25万辆左右。"),
]


@pytest.mark.parametrize(("lang", "text"), CLAUSE_LEVELS)
def test_elided_level_of_another_year_in_the_same_sentence(lang: str, text: str) -> None:
    found = {o.value: o for o in run(text, "2025-10-20", lang).observations if o.indicator == "vehicles_exported"}
    assert set(found) == {380000.0, 250000.0}
    assert (str(found[250000.0].period_start), str(found[250000.0].period_end)) == ("2022-01-01", "2022-12-31")
    assert str(found[380000.0].period_start) == "2024-01-01"


# Such a sentence without a matching figure before it, or with something else counted, gives nothing.
NOT_BACK_LEVELS = [
    ("en", "Last year it was 9 hours."),
    ("en", "Dostyk handled 5,902 trains in nine months. In 2024 it had 14 new tracks."),
    ("ru", "Через Алтынколь за девять месяцев прошло 4 100 поездов. В прошлом году было 9 часов ожидания."),
    ("zh", "霍尔果斯口岸1—9月通行班列5100列。去年同期为9小时。"),
]


@pytest.mark.parametrize(("lang", "text"), NOT_BACK_LEVELS)
def test_earlier_period_without_the_matching_figure_before_is_not_read(lang: str, text: str) -> None:
    found = run(text, "2025-10-20", lang).observations
    assert all(o.indicator == "trains_count" for o in found), [(o.indicator, o.value) for o in found]


# "from X to Y": a bare Y is the new level in X's unit; X, the earlier level, is left out.
FROM_TO = [
    ("ru", "Время нахождения поезда на станции Достык удалось сократить с двух суток до полутора.", 36.0),
    ("ru", "Время оформления на Нур Жолы сократили с 10 часов до 4.", 4.0),
    ("en", "We cut the time a train spends at Dostyk station from two days to one and a half.", 36.0),
    ("en", "The clearance time at Bakhty was cut from 10 hours to just 4.", 4.0),
    ("zh", "阿拉山口站班列通关时间从10小时压缩至4。", 4.0),
]


@pytest.mark.parametrize(("lang", "text", "hours"), FROM_TO)
def test_bare_new_level_takes_the_unit_of_the_old_one(lang: str, text: str, hours: float) -> None:
    ex = run(text, "2025-10-20", lang)
    assert only(ex, "clearance_time_hours").value == hours


NOT_NEW_LEVELS = [
    ("en", "The China-Europe service at Horgos grew from 2,100 trains to 45 destinations.", 45.0),
    ("zh", "霍尔果斯站班列通关时间从12小时压缩至5家。", 5.0),
    ("ru", "Число поездов через Достык выросло с 2 100 до 45 направлений.", 45.0),
]


@pytest.mark.parametrize(("lang", "text", "value"), NOT_NEW_LEVELS)
def test_bare_number_with_another_noun_is_not_the_new_level(lang: str, text: str, value: float) -> None:
    found = run(text, "2025-10-20", lang).observations
    assert value not in [o.value for o in found] and value * 24 not in [o.value for o in found]


# Not figures: a capacity reached after a change, how many fit at once, a vehicle's weight class, a difference.
NOT_FIGURES = [
    ("en", "The new bypass at Altynkol raised the line's capacity threefold, up to 45 pairs of trains a day."),
    ("ru", "Новый обход увеличил пропускную способность участка Алтынколь втрое, до 45 пар поездов в сутки."),
    ("zh", "新线使阿拉山口区段通过能力提高3倍，达到每天45列。"),
    ("en", "The new export car yard at Alashankou can park 2,000 vehicles at the same time."),
    ("ru", "На новой площадке у Алашанькоу можно одновременно разместить 2 000 экспортных автомобилей."),
    ("zh", "阿拉山口新建的出口汽车堆场可同时停放商品车2000辆。"),
    ("en", "From July 1, electric trucks entering via Bakhty with a gross weight above 18 tonnes need approval."),
    ("ru", "С 1 июля электрогрузовики полной массой свыше 18 тонн, ввозимые через Бахты, проходят сертификацию."),
    ("zh", "自7月1日起，经巴克图进口的总质量18吨以上的电动货车需要认证。"),
]


@pytest.mark.parametrize(("lang", "text"), NOT_FIGURES)
def test_capacity_and_weight_class_are_not_figures(lang: str, text: str) -> None:
    found = run(text, "2025-10-20", lang).observations
    assert found == [], [(o.indicator, o.value) for o in found]


# A difference against last week is neither a level nor a year-on-year change.
WEEK_CHANGES = [
    ("zh", "阿腾科里站待交接列车35列，比上周多6列。", None),
    ("ru", "На подходах к Алтынколю стоят 35 составов — на 6 составов больше, чем в прошлые выходные.", None),
    ("en", "At Altynkol 35 trains were waiting, 6 trains more than a week earlier.", None),
    ("zh", "阿腾科里站待交接列车35列，较上周末减少12%。", None),
    ("ru", "На подходах к Алтынколю стоят 35 составов, на 12% меньше, чем неделей ранее.", None),
    ("en", "At Altynkol 35 trains were waiting, down 12% week on week.", None),
]


@pytest.mark.parametrize(("lang", "text", "yoy"), WEEK_CHANGES)
def test_week_on_week_difference_is_not_a_level_nor_yoy(lang: str, text: str, yoy: float | None) -> None:
    ex = run(text, "2025-10-20", lang)
    queue = only(ex, "trains_in_queue")
    assert (queue.value, queue.yoy_pct) == (35.0, yoy)
    assert len(ex.observations) == 1


# A count at the peak right after a daily rate is a daily rate, not a count over the period.
PEAKS = [
    ("zh", "2025年9月，阿拉山口口岸日均通行班列18列左右，高峰时超过24列。"),
    ("en", "In September 2025 Alashankou handled about 18 trains a day, and at peak times more than 24 trains."),
    ("ru", "В сентябре 2025 года Достык передавал в среднем 18 поездов в сутки, в пик — более 24 поездов."),
]


@pytest.mark.parametrize(("lang", "text"), PEAKS)
def test_peak_after_daily_rate_is_not_a_count(lang: str, text: str) -> None:
    found = [(o.indicator, o.value) for o in run(text, "2025-10-20", lang).observations]
    assert ("trains_per_day", 18.0) in found
    assert all(indicator == "trains_per_day" for indicator, _ in found), found  # the peak (24) may be left out
