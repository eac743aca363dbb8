"""Flag (never drop) a value that is implausible for its indicator and period (data/plausibility.toml)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources

from handlers.extract.ports import gazetteer


@dataclass(frozen=True, slots=True)
class Bounds:
    annual_max: dict[str, float]
    level_max: dict[str, float]
    network_factor: float


@cache
def bounds() -> Bounds:
    raw = tomllib.loads(resources.files("handlers.extract").joinpath("data/plausibility.toml").read_text("utf-8"))
    return Bounds(
        {k: float(v) for k, v in raw.get("annual_max", {}).items()},
        {k: float(v) for k, v in raw.get("max", {}).items()},
        float(raw.get("network_factor", 10.0)),
    )


def is_implausible(port: str | None, indicator: str, value: float, period: tuple[date, date] | None) -> bool:
    b = bounds()
    factor = b.network_factor if port is None or gazetteer().priority.get(port, 1) > 1 else 1.0
    if value < 0:
        return True
    if indicator in b.level_max:
        return value > b.level_max[indicator] * (factor if not indicator.endswith("_pct") else 1.0)
    limit = b.annual_max.get(indicator)
    if limit is None or period is None:
        return False
    days = max((period[1] - period[0]).days + 1, 28)  # a month is the shortest fair basis
    return value * 365.0 / days > limit * factor
