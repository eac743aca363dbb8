"""The cheap looks before the scale and percent regexes (numbers.py) never skip a number they would read."""

from __future__ import annotations

import pytest

from handlers.extract import numbers as nm


@pytest.mark.parametrize(
    "after",
    [" trains", " Thousand", " MILLION", " mln", " bn", " Billion", " trillion", " tonnes", " тыс.", " млн",
     "\u00a0million", " \u1c84ыс", " percent", " Per cent", " pct", " %", " percentage points", " п.п.", " процента",
     " 个百分点", "", " ", " p", " t"],
)  # fmt: skip
def test_gates_agree_with_the_regexes(after: str) -> None:
    text = "12" + after
    end = 2
    scale = nm._SCALE.match(text, end, len(text))
    assert nm._scale(text, end, len(text)) != (1.0, end) or not scale or not any(scale.groups())
    pct = nm._PCT.match(text, end, len(text))
    assert (nm._finish(text, 0, end, 12.0, 1.0, len(text), False).kind != "num") == bool(pct)
