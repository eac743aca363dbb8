"""Cheap language detection for the hot path: script counts on a sample, no model."""

from __future__ import annotations

import re

_CJK = re.compile(r"[\u4e00-\u9fff]")
_CYR = re.compile(r"[\u0400-\u04ff]")
_LAT = re.compile(r"[A-Za-z]")
_SAMPLE = 1200
KNOWN = ("en", "ru", "zh")


def detect_language(text: str, hint: str | None = None) -> str:
    """`zh`, `ru` or `en` by script; `hint` wins only when the text has too few letters to tell."""
    sample = text[:_SAMPLE]
    cjk = len(_CJK.findall(sample))
    cyr = len(_CYR.findall(sample))
    lat = len(_LAT.findall(sample))
    if cjk + cyr + lat < 20 and hint in KNOWN:
        return hint or "en"
    # One Chinese character carries about as much as three Latin or Cyrillic letters.
    if cjk * 3 >= max(cyr, lat):
        return "zh"
    if cyr >= lat:
        return "ru"
    return "en"


def has_cyrillic(text: str) -> bool:
    return _CYR.search(text) is not None
