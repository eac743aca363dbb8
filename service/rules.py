"""Threshold rules as ops write them in env files (DESIGN section 5), parsed into a typed set.

``CW_RULES__<INDICATOR>__<RULE>=number`` applies to every port; ``CW_RULES__<PORT>__<INDICATOR>__<RULE>``
overrides it for one port. Parsing collects every problem, each naming the variable.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any

from service.vocabulary import INDICATORS, PORTS

RULE_NAMES: tuple[str, ...] = ("below", "above", "drop_pp", "rise_pp", "yoy_abs_pct", "change_pct", "shift_pp")

# Used when no CW_RULES__ variable is set at all, so a first run shows what the service does.
DEFAULT_RULES: dict[str, dict[str, str]] = {
    "clearance_rate_pct": {"below": "98.5", "drop_pp": "0.5"},
    "clearance_time_hours": {"above": "24"},
    "trains_count": {"yoy_abs_pct": "15"},
    "cargo_tonnes": {"yoy_abs_pct": "10"},
    "containers_teu": {"yoy_abs_pct": "15"},
    "vehicles_exported": {"yoy_abs_pct": "25", "change_pct": "20"},
    "trains_in_queue": {"above": "30"},
    "vehicles_in_queue": {"above": "500"},
    "nev_share_pct": {"shift_pp": "5"},
}


@dataclass(frozen=True)
class RuleSet:
    """thresholds[(port or None, indicator, rule)] = value; a port's entry overrides the global one."""

    thresholds: dict[tuple[str | None, str, str], float] = field(default_factory=dict)

    def threshold(self, port: str | None, indicator: str, rule: str) -> float | None:
        if port is not None and (port, indicator, rule) in self.thresholds:
            return self.thresholds[(port, indicator, rule)]
        return self.thresholds.get((None, indicator, rule))

    def rules_for(self, port: str | None, indicator: str) -> dict[str, float]:
        """Every rule that applies to this port and indicator, with the port's overrides applied."""
        found: dict[str, float] = {}
        for rule in RULE_NAMES:
            value = self.threshold(port, indicator, rule)
            if value is not None:
                found[rule] = value
        return found

    def __len__(self) -> int:
        return len(self.thresholds)


def _suggest(word: str, choices: list[str] | tuple[str, ...]) -> str:
    close = difflib.get_close_matches(word.lower(), [c.lower() for c in choices], n=1, cutoff=0.6)
    return f" (did you mean {close[0].upper()}?)" if close else ""


def _number(var: str, raw: Any, problems: list[str]) -> float | None:
    text = str(raw).strip()
    try:
        return float(text)
    except ValueError:
        hint = f" (use a dot: {text.replace(',', '.')})" if "," in text else ""
        problems.append(f'{var} = "{text}": not a number{hint}')
        return None


def parse_rules(raw: dict[str, Any]) -> tuple[RuleSet, list[str]]:
    """Turn the nested dict pydantic-settings built from CW_RULES__... into a RuleSet and problems."""
    thresholds: dict[tuple[str | None, str, str], float] = {}
    problems: list[str] = []
    for first, inner in sorted(raw.items()):
        first = first.lower()
        if first in INDICATORS:
            _parse_indicator(None, first, inner, f"CW_RULES__{first.upper()}", thresholds, problems)
        elif first in PORTS:
            if not isinstance(inner, dict):
                problems.append(f"CW_RULES__{first.upper()}: expected CW_RULES__{first.upper()}__<INDICATOR>__<RULE>")
                continue
            for indicator, rules in sorted(inner.items()):
                var = f"CW_RULES__{first.upper()}__{indicator.upper()}"
                if indicator.lower() not in INDICATORS:
                    hint = _suggest(indicator, list(INDICATORS))
                    problems.append(f"{var}: unknown indicator {indicator.lower()!r}{hint}")
                    continue
                _parse_indicator(first, indicator.lower(), rules, var, thresholds, problems)
        else:
            names = [*INDICATORS, *PORTS]
            problems.append(
                f"CW_RULES__{first.upper()}: {first!r} is neither an indicator nor a port{_suggest(first, names)}"
            )
    return RuleSet(thresholds), problems


def _parse_indicator(
    port: str | None,
    indicator: str,
    rules: Any,
    var: str,
    thresholds: dict[tuple[str | None, str, str], float],
    problems: list[str],
) -> None:
    if not isinstance(rules, dict):
        problems.append(f"{var} = {rules!r}: expected {var}__<RULE> with a rule name such as BELOW")
        return
    for rule, raw_value in sorted(rules.items()):
        rule_var = f"{var}__{rule.upper()}"
        if rule.lower() not in RULE_NAMES:
            problems.append(
                f'{rule_var} = "{raw_value}": unknown rule "{rule.upper()}" for {indicator}'
                f"{_suggest(rule, RULE_NAMES)}"
            )
            continue
        value = _number(rule_var, raw_value, problems)
        if value is not None:
            thresholds[(port, indicator, rule.lower())] = value
