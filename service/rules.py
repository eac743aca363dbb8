"""Threshold rules as ops write them in env files (DESIGN section 5), parsed into a typed set.

``CW_RULES__<INDICATOR>__<RULE>=number`` applies to every port; ``CW_RULES__<PORT>__<INDICATOR>__<RULE>``
overrides it for one port. Beside the thresholds, each rule has a severity and a repeat interval:
``CW_SEVERITY__<RULE>=critical`` or ``CW_SEVERITY__<INDICATOR>__<RULE>=...``, and ``CW_REPEAT__<RULE>=6h``
or ``CW_REPEAT__<INDICATOR>__<RULE>=...`` (how soon the same rule may alert again for the same port).
Parsing collects every problem, each naming the variable.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any

from service.durations import parse_duration
from service.models import Severity
from service.vocabulary import INDICATORS, PORTS

SEVERITIES: tuple[Severity, ...] = ("info", "warning", "critical")

RULE_NAMES: tuple[str, ...] = ("below", "above", "drop_pp", "rise_pp", "yoy_abs_pct", "change_pct", "shift_pp")

DEFAULT_SEVERITY: dict[str, Severity] = {
    "below": "critical",
    "above": "critical",
    "drop_pp": "warning",
    "rise_pp": "warning",
    "yoy_abs_pct": "warning",
    "change_pct": "warning",
    "shift_pp": "info",
}

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
    severities: dict[tuple[str | None, str], Severity] = field(default_factory=dict)
    repeats: dict[tuple[str | None, str], float] = field(default_factory=dict)
    default_repeat: float = 3600.0

    def severity(self, indicator: str, rule: str) -> Severity:
        found = self.severities.get((indicator, rule)) or self.severities.get((None, rule))
        return found or DEFAULT_SEVERITY.get(rule, "warning")

    def repeat(self, indicator: str, rule: str) -> float:
        """Seconds before the same rule may alert again for the same port and indicator."""
        for key in ((indicator, rule), (None, rule)):
            if key in self.repeats:
                return self.repeats[key]
        return self.default_repeat

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


def _severity(var: str, raw: Any, problems: list[str]) -> Severity | None:
    text = str(raw).strip().lower()
    for severity in SEVERITIES:
        if text == severity:
            return severity
    problems.append(f'{var} = "{raw}": unknown severity (expected info, warning or critical)')
    return None


def _seconds(var: str, raw: Any, problems: list[str]) -> float | None:
    try:
        return parse_duration(str(raw))
    except ValueError as exc:
        problems.append(f'{var} = "{raw}": {exc}')
        return None


def _per_rule(
    raw: dict[str, Any], section: str, convert: Any, problems: list[str]
) -> dict[tuple[str | None, str], Any]:
    """CW_<SECTION>__<RULE>=v or CW_<SECTION>__<INDICATOR>__<RULE>=v into {(indicator|None, rule): v}."""
    found: dict[tuple[str | None, str], Any] = {}
    for first, inner in sorted(raw.items()):
        first = first.lower()
        var = f"CW_{section}__{first.upper()}"
        if first in RULE_NAMES and not isinstance(inner, dict):
            pairs: list[tuple[str | None, str, Any]] = [(None, first, inner)]
        elif first in INDICATORS and isinstance(inner, dict):
            pairs = [(first, rule.lower(), value) for rule, value in sorted(inner.items())]
        else:
            hint = _suggest(first, [*RULE_NAMES, *INDICATORS])
            problems.append(f"{var}: expected CW_{section}__<RULE> or CW_{section}__<INDICATOR>__<RULE>{hint}")
            continue
        for indicator, rule, value in pairs:
            name = f"CW_{section}__{indicator.upper() + '__' if indicator else ''}{rule.upper()}"
            if rule not in RULE_NAMES:
                problems.append(f'{name} = "{value}": unknown rule "{rule.upper()}"{_suggest(rule, RULE_NAMES)}')
                continue
            converted = convert(name, value, problems)
            if converted is not None:
                found[(indicator, rule)] = converted
    return found


def parse_rule_set(
    rules: dict[str, Any], severity: dict[str, Any], repeat: dict[str, Any], default_repeat: float
) -> tuple[RuleSet, list[str]]:
    """Thresholds (or the defaults when none is set), severities and repeat intervals, with every problem."""
    base, problems = parse_rules(rules or DEFAULT_RULES)
    severities = _per_rule(severity, "SEVERITY", _severity, problems)
    repeats = _per_rule(repeat, "REPEAT", _seconds, problems)
    return RuleSet(base.thresholds, severities, repeats, default_repeat), problems
