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
    cjk, cyr, lat = script_counts(text[:_SAMPLE])
    if cjk + cyr + lat < 20 and hint in KNOWN:
        return hint or "en"
    # One Chinese character carries about as much as three Latin or Cyrillic letters.
    if cjk * 3 >= max(cyr, lat):
        return "zh"
    if cyr >= lat:
        return "ru"
    return "en"


_ASCII_LETTERS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
# In UTF-8, U+0400..U+04FF are the characters with lead byte D0..D3, and U+4E00..U+9FFF those with lead byte
# E5..E9 or E4 followed by B8..BF: counting bytes (C speed) gives the same numbers as the regexes above.
_CYR_LEADS = bytes(range(0xD0, 0xD4))
_CJK_LEADS = bytes(range(0xE5, 0xEA))
_CJK_E4 = tuple(bytes((0xE4, b)) for b in range(0xB8, 0xC0))
_NOT = {lead: bytes(b for b in range(256) if b not in lead) for lead in (_CYR_LEADS, _CJK_LEADS)}


def script_counts(sample: str) -> tuple[int, int, int]:
    """Counts of CJK ideographs, Cyrillic letters and ASCII letters in `sample`."""
    raw = sample.encode("utf-8", "surrogatepass")
    lat = len(raw) - len(raw.translate(None, _ASCII_LETTERS))
    if raw.isascii():
        return 0, 0, lat
    cyr = len(raw.translate(None, _NOT[_CYR_LEADS]))
    cjk = len(raw.translate(None, _NOT[_CJK_LEADS])) + sum(raw.count(pair) for pair in _CJK_E4)
    return cjk, cyr, lat


def has_cyrillic(text: str) -> bool:
    return _CYR.search(text) is not None
