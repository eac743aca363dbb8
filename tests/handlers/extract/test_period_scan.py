"""periods._matches (lower-cased twin, leading \\b checked in Python) lists what finditer on the text lists."""

from __future__ import annotations

import pytest

from handlers.extract.periods import PATTERNS, _matches

TEXTS = [
    "In the first nine months of 2025, Horgos handled 7,762 trains; in H1 2025 and Q3, in March 2025 too.",
    "Since the beginning of the year, so far this year, last year, a month earlier, as of March 1, 2025.",
    "Xfirst half; the second half of 2024; 1H 2025; subfirst quarter; by the end of October, 2025.",
    "За первое полугодие 2025 года и во II квартале, в январе–августе, с начала года, годом ранее.",
    "2025年前三季度，1-9月，上半年，今年以来，去年同期，截至10月底。",
]


@pytest.mark.parametrize("text", TEXTS)
def test_matches_agree_with_finditer(text: str) -> None:
    fold = text.lower()
    for rx, _, _ in PATTERNS:
        for start, end in ((0, len(text)), (3, len(text) - 2), (len(text) // 2, len(text))):
            expected = [(m.start(), m.end()) for m in rx.finditer(text, start, end)]
            assert [(m.start(), m.end()) for m in _matches(rx, text, fold, start, end)] == expected, rx.pattern[:60]
