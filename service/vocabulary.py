"""Indicator names with their base units, and canonical port ids (DESIGN section 4, a contract)."""

from __future__ import annotations

INDICATORS: dict[str, str] = {
    "trains_count": "trains",
    "trains_per_day": "trains/day",
    "trains_in_queue": "trains",
    "cargo_tonnes": "tonnes",
    "containers_teu": "TEU",
    "vehicles_exported": "vehicles",
    "vehicles_per_day": "vehicles/day",
    "vehicles_in_queue": "vehicles",
    "trade_value_usd": "USD",
    "trade_value_cny": "CNY",
    "clearance_rate_pct": "%",
    "clearance_time_hours": "hours",
    "nev_share_pct": "%",
}

PORTS: dict[str, str] = {
    "horgos": "Horgos",
    "nur_zholy": "Nur Zholy",
    "khorgos_gateway": "Khorgos Gateway",
    "altynkol": "Altynkol",
    "zharkent": "Zharkent",
    "alashankou": "Alashankou",
    "dostyk": "Dostyk",
    "bakhty": "Bakhty",
    "kalzhat": "Kalzhat",
    "karasu": "Karasu",
    "torugart": "Torugart",
    "irkeshtam": "Irkeshtam",
    "xian": "Xi'an",
    "xinjiang": "Xinjiang",
    "china_kazakhstan": "China–Kazakhstan",
    "china_europe_rail": "China–Europe rail",
    "titr": "Middle Corridor (TITR)",
    "kazakhstan_rail": "KTZ",
}

INDICATOR_LABELS: dict[str, str] = {
    "trains_count": "freight trains",
    "trains_per_day": "trains per day",
    "trains_in_queue": "trains in queue",
    "cargo_tonnes": "cargo",
    "containers_teu": "containers",
    "vehicles_exported": "vehicles exported",
    "vehicles_per_day": "vehicles per day",
    "vehicles_in_queue": "vehicles in queue",
    "trade_value_usd": "trade value (USD)",
    "trade_value_cny": "trade value (CNY)",
    "clearance_rate_pct": "customs clearance rate",
    "clearance_time_hours": "clearance time",
    "nev_share_pct": "new-energy vehicle share",
}


def port_label(port: str | None) -> str:
    if port is None:
        return "(no port)"
    return PORTS.get(port, port.replace("_", " ").title())


def indicator_label(indicator: str) -> str:
    return INDICATOR_LABELS.get(indicator, indicator)
