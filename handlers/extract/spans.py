"""Small value types shared by the extraction steps (positions are offsets into the document text)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class Number:
    """A number found in text: digits, words or Chinese numerals, with scale and qualifier applied."""

    start: int
    end: int
    value: float
    kind: str = "num"  # "num" | "pct" | "pp" (percentage points)
    qualifier: str = "exactly"
    step: float = 1.0  # the place of the last significant digit, for "about X" vs exact comparisons
    scaled: bool = False


@dataclass(frozen=True, slots=True)
class Period:
    start: int
    end: int
    first: date
    last: date
    comparison: bool = False  # "the same period of 2024", "than a year earlier": not the figure's period
    relative: str = ""  # "prev_month": resolved against the reference period


@dataclass(frozen=True, slots=True)
class PortMention:
    start: int
    end: int
    port: str
    priority: int  # 1 a named port or node, 2 a region or country pair, 3 a network or route


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    headline: bool = False  # a line without final punctuation: a title or navigation
    nav: bool = False  # a run of headline lines after the body: related links, menus (not the document's news)


@dataclass(slots=True)
class Figure:
    """A number recognised as an indicator, before port and period are attached."""

    number: Number
    indicator: str
    value: float
    unit_end: int
    direction: str = "total"
    scope: str = "port"
    yoy_pct: float | None = None
