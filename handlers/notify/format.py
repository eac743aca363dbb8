"""Human formatting of figures, periods and rules for the renderers. Pure functions, no I/O."""

from __future__ import annotations

import calendar
import math
import re
import unicodedata
from datetime import date
from urllib.parse import urlsplit

from service.models import Alert, ObservationRef
from service.vocabulary import INDICATORS

MINUS = "\N{MINUS SIGN}"
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")
_SCALES = ((1e9, "billion"), (1e6, "million"))
_PERCENT_RULES = {"yoy_abs_pct", "change_pct"}
_POINT_RULES = {"drop_pp", "rise_pp", "shift_pp"}


def single_line(text: str, limit: int = 300) -> str:
    """Text on one line: control characters (CR, LF, tabs, NEL, separators) become one space."""
    flat = _CONTROL.sub(" ", text)
    flat = "".join(ch if unicodedata.category(ch) != "Cf" or ch == "\u200d" else "" for ch in flat)
    return truncate(" ".join(flat.split()), limit)


def truncate(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: max(limit - 1, 0)].rstrip() + "…"


def _trim(text: str) -> str:
    return text.rstrip("0").rstrip(".") if "." in text else text


def number(value: float) -> str:
    """3,000 · 96.4 · 1,234.5 · 1.2 billion · 12.5 million."""
    if not math.isfinite(value):
        return str(value)
    magnitude = abs(value)
    for scale, word in _SCALES:
        if magnitude >= scale:
            return f"{_trim(f'{value / scale:,.2f}')} {word}"
    if float(value).is_integer():
        return f"{int(value):,}"
    decimals = 2 if magnitude >= 1 else 3
    return _trim(f"{value:,.{decimals}f}")


def plain_number(value: float) -> str:
    """Machine-friendly: 3000 · 96.4 · 1250000000 (no separators, no exponent)."""
    if not math.isfinite(value):
        return str(value)
    if float(value).is_integer():
        return str(int(value))
    return _trim(f"{value:.3f}")


def unit_of(alert: Alert) -> str:
    primary = alert.primary
    return alert.unit or (primary.unit if primary else "") or INDICATORS.get(alert.indicator, "")


def quantity(value: float, unit: str, *, compact: bool = False, plain: bool = False) -> str:
    """`96.4 %` (`96.4%` when compact), `3,000 trains` (`3000 trains` when plain), `1.2 billion USD`."""
    shown = plain_number(value) if plain and abs(value) < _SCALES[-1][0] else number(value)
    if not unit:
        return shown
    if unit == "%":
        return f"{shown}%" if compact else f"{shown} %"
    return f"{shown} {unit}"


def signed(value: float, suffix: str = "", *, ascii_minus: bool = False, decimals: int = 1) -> str:
    """+21.0% · −2.5 points (a real minus sign unless ascii_minus)."""
    minus = "-" if ascii_minus else MINUS
    sign = "+" if value > 0 else (minus if value < 0 else "±")
    body = f"{abs(value):,.{decimals}f}"
    return f"{sign}{body}{suffix}"


def period(start: date | None, end: date | None) -> str:
    """Oct 2026 · Jan–Apr 2026 · 2026 · 3 Oct 2026 – 9 Oct 2026 · until 31 Oct 2026 · '' when unknown."""
    if start is None and end is None:
        return ""
    if start is None:
        return f"until {_day(end)}"
    if end is None:
        return f"since {_day(start)}"
    whole_months = start.day == 1 and end.day == calendar.monthrange(end.year, end.month)[1]
    if whole_months and start.year == end.year:
        if (start.month, end.month) == (1, 12):
            return str(start.year)
        if start.month == end.month:
            return f"{start:%b %Y}"
        return f"{start:%b}–{end:%b %Y}"
    if whole_months:
        return f"{start:%b %Y}–{end:%b %Y}"
    if start == end:
        return _day(start)
    return f"{_day(start)} – {_day(end)}"


def _day(day: date | None) -> str:
    return "" if day is None else f"{day.day} {day:%b %Y}"


def iso_period(start: date | None, end: date | None) -> str:
    """2026-01-01..2026-04-30 for one-line logs; '' when unknown."""
    if start is None and end is None:
        return ""
    return f"{start.isoformat() if start else ''}..{end.isoformat() if end else ''}"


def rule_name(rule: str) -> str:
    """`clearance_rate_pct.below` → `below`; `horgos.trains_count.YOY_ABS_PCT` → `yoy_abs_pct`."""
    return rule.rsplit(".", 1)[-1].lower()


def threshold_text(alert: Alert, *, compact: bool = False) -> str:
    """What the rule says, in words: `below 98.5 %`, `yoy ±15 %`, `drop ≥ 0.5 points`."""
    name, limit = rule_name(alert.rule), alert.threshold
    if limit is None:
        return name.replace("_", " ")
    unit = unit_of(alert)
    pct = "%" if compact else " %"
    pts = "pp" if compact else " points"
    texts = {
        "below": f"below {quantity(limit, unit, compact=compact)}",
        "above": f"above {quantity(limit, unit, compact=compact)}",
        "drop_pp": f"drop ≥ {number(limit)}{pts}",
        "rise_pp": f"rise ≥ {number(limit)}{pts}",
        "shift_pp": f"shift ≥ {number(limit)}{pts}",
        "yoy_abs_pct": f"yoy ±{number(limit)}{pct}",
        "change_pct": f"change ±{number(limit)}{pct}",
    }
    return texts.get(name, f"{name.replace('_', ' ')} {number(limit)}")


def delta_text(alert: Alert, *, compact: bool = False) -> str:
    """The change the alert is about: a percent for yoy/change rules, points for % figures, else units."""
    if alert.delta is None:
        return ""
    name = rule_name(alert.rule)
    ascii_minus = compact
    if name in _PERCENT_RULES:
        return signed(alert.delta, "%" if compact else " %", ascii_minus=ascii_minus)
    unit = unit_of(alert)
    if name in _POINT_RULES or unit == "%":
        return signed(alert.delta, "pp" if compact else " points", ascii_minus=ascii_minus)
    suffix = f" {unit}" if unit else ""
    decimals = 0 if float(alert.delta).is_integer() else 1
    return signed(alert.delta, suffix, ascii_minus=ascii_minus, decimals=decimals)


def console_note(alert: Alert) -> str:
    """`yoy +21.0% > 15%`, `below 98.5%`, `drop -2.5pp >= 0.5pp`: the rule and why it fired."""
    name, limit = rule_name(alert.rule), alert.threshold
    change = delta_text(alert, compact=True)
    if alert.kind == "resolved":
        shown = f"{change} " if name in _PERCENT_RULES and change else ""
        return f"{shown}back inside {threshold_text(alert, compact=True)}"
    if name in _PERCENT_RULES | _POINT_RULES and change and limit is not None:
        word = "yoy" if name == "yoy_abs_pct" else name.split("_")[0]
        unit = "%" if name in _PERCENT_RULES else "pp"
        op = ">" if name in _PERCENT_RULES or name == "shift_pp" else ">="
        return f"{word} {change} {op} {plain_number(limit)}{unit}"
    return threshold_text(alert, compact=True)


def host_of(url: str) -> str:
    """The site a link points to, for its label: `example-news.kz`; the URL itself if it has none."""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        host = ""
    return host.removeprefix("www.") or url


def is_web_link(url: str) -> bool:
    return url.lower().startswith(("http://", "https://"))


def other_sources(alert: Alert) -> list[ObservationRef]:
    """Observations from sources other than the primary one, one per source."""
    primary = alert.primary
    if primary is None:
        return []
    seen = {primary.source_id}
    others = []
    for ref in alert.observations[1:]:
        if ref.source_id not in seen:
            seen.add(ref.source_id)
            others.append(ref)
    return others


def value_period(alert: Alert) -> str:
    primary = alert.primary
    return period(primary.period_start, primary.period_end) if primary else ""


def previous_period(alert: Alert) -> str:
    return period(alert.previous_period_start, alert.previous_period_end)
