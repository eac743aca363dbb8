"""Number forms in en/ru/zh: separators, decimal commas, scale words, words, numerals, percentages."""

from __future__ import annotations

import pytest

from handlers.extract.numbers import find_numbers


def _one(text: str) -> tuple[float, str, str]:
    cyr = any("\u0400" <= ch <= "\u04ff" for ch in text)
    found = find_numbers(text, 0, len(text), cyr)
    assert len(found) == 1, [(text[n.start : n.end], n.value) for n in found]
    return found[0].value, found[0].kind, found[0].qualifier


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("3,000 trains", 3000),
        ("1,250,400 tonnes", 1250400),
        ("2 145 поездов", 2145),
        ("2\u2009145 поездов", 2145),
        ("2\u00a0145 поездов", 2145),
        ("2\u202f145 поездов", 2145),
        ("3.000 поездов", 3000),
        ("22,2 тонны", 22.2),
        ("3286.5 tonnes", 3286.5),
        ("38.6 million tonnes", 38_600_000),
        ("1.2 billion", 1_200_000_000),
        ("1.2m tonnes", 1_200_000),
        ("$1.5bn", 1_500_000_000),
        ("15 thousand trucks", 15_000),
        ("18,3 млн тонн", 18_300_000),
        ("2,1 тыс. поездов", 2100),
        ("22,2 миллиона тонн", 22_200_000),
        ("32,4 млрд долларов", 32_400_000_000),
        ("3286.5万吨", 32_865_000),
        ("120.5亿元", 12_050_000_000),
        ("3千列", 3000),
        ("6512列", 6512),
    ],
)
def test_digit_forms(text: str, value: float) -> None:
    got, kind, _ = _one(text)
    assert got == pytest.approx(value)
    assert kind == "num"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("two million tonnes", 2_000_000),
        ("three thousand trains", 3000),
        ("twenty-five thousand trucks", 25_000),
        ("one hundred and twenty trains", 120),
        ("двух тысяч поездов", 2000),
        ("полтора миллиона тонн", 1_500_000),
        ("триста поездов", 300),
        ("两千列", 2000),
        ("三千列", 3000),
        ("一万二千辆", 12_000),
        ("两天", 2),
    ],
)
def test_word_and_chinese_numerals(text: str, value: float) -> None:
    assert _one(text)[0] == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        ("21%", 21, "pct"),
        ("21 %", 21, "pct"),
        ("21 percent", 21, "pct"),
        ("21 per cent", 21, "pct"),
        ("21 процента", 21, "pct"),
        ("6,8%", 6.8, "pct"),
        ("百分之二十一", 21, "pct"),
        ("百分之21", 21, "pct"),
        ("12.4％", 12.4, "pct"),
        ("2 percentage points", 2, "pp"),
        ("1,5 процентного пункта", 1.5, "pp"),
        ("3个百分点", 3, "pp"),
    ],
)
def test_percentages(text: str, value: float, kind: str) -> None:
    got, got_kind, _ = _one(text)
    assert (got, got_kind) == (pytest.approx(value), kind)


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("more than 3,000 trains", "more_than"),
        ("over 3,000 trains", "more_than"),
        ("about 900 trucks", "about"),
        ("nearly three thousand trains", "about"),
        ("up to 600 trucks", "up_to"),
        ("within 2 hours", "up_to"),
        ("не более 3 часов", "up_to"),
        ("less than 40 trains", "less_than"),
        ("более 2 тыс. фур", "more_than"),
        ("около 900 машин", "about"),
        ("свыше 500 поездов", "more_than"),
        ("до 600 машин", "up_to"),
        ("вырос до 22,2 млн тонн", "exactly"),
        ("超过1000万吨", "more_than"),
        ("超6500列", "more_than"),
        ("近3000列", "about"),
        ("约300辆", "about"),
        ("6000余列", "more_than"),
        ("3000多列", "more_than"),
        ("4,000–5,000 trains", "range"),
        ("от 40 до 50 машин", "range"),
        ("4000至5000列", "range"),
    ],
)
def test_qualifiers_and_ranges(text: str, qualifier: str) -> None:
    assert _one(text)[2] == qualifier


def test_range_value_is_midpoint_and_scale_applies_to_both_ends() -> None:
    assert _one("1.2-1.5 million tonnes")[0] == pytest.approx(1_350_000)
    assert _one("from 40 to 50 trucks")[0] == pytest.approx(45)


def test_rose_from_to_keeps_the_new_level() -> None:
    text = "rose from 3,000 to 4,000 trains"
    found = find_numbers(text, 0, len(text), False)
    assert [n.value for n in found] == [4000]


@pytest.mark.parametrize("text", ["TR CU 018/2011", "9:00", "2025-06-14", "COVID-19", "24/7"])
def test_not_numbers(text: str) -> None:
    assert find_numbers(text, 0, len(text), False) == []
