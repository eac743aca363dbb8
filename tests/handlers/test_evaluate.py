"""The evaluator as a pure function: each rule, per-port overrides, comparability, review holds."""

from __future__ import annotations

from datetime import date

from handlers.evaluate import digest, evaluate, event_alert, resolved_alert
from service.models import Observation
from service.rules import RuleSet, parse_rules


def _obs(value: float, *, indicator: str = "clearance_rate_pct", port: str | None = "horgos",
         start: date | None = date(2026, 10, 1), end: date | None = date(2026, 10, 31),
         yoy: float | None = None, **extra: object) -> Observation:
    return Observation(
        id=Observation.make_id(port, indicator, "total", "port", start, end, value), document_id="doc",
        source_id="src", url="https://example.kz/a", port=port, indicator=indicator, value=value,
        unit="%" if indicator.endswith("_pct") else "trains", period_start=start, period_end=end,
        yoy_pct=yoy, quote="q", **extra,
    )


def _rules(**env: str) -> RuleSet:
    nested: dict[str, dict[str, object]] = {}
    for key, value in env.items():
        parts = key.lower().split("__")
        node: dict[str, object] = nested.setdefault(parts[0], {})
        for part in parts[1:-1]:
            node = node.setdefault(part, {})  # type: ignore[assignment]
        node[parts[-1]] = value
    rules, problems = parse_rules(nested)
    assert problems == []
    return rules


SEPT = _obs(98.9, start=date(2026, 9, 1), end=date(2026, 9, 30))


def test_below_fires_critical_with_previous_threshold_and_delta() -> None:
    [alert] = evaluate(_obs(96.4), SEPT, _rules(CLEARANCE_RATE_PCT__BELOW="98.5"))
    assert (alert.kind, alert.rule, alert.severity) == ("firing", "clearance_rate_pct.below", "critical")
    assert (alert.value, alert.previous, alert.threshold) == (96.4, 98.9, 98.5)
    assert alert.previous_period_start == date(2026, 9, 1)
    assert round(alert.delta or 0, 2) == -2.1
    assert alert.observations[0].url == "https://example.kz/a"


def test_value_inside_bounds_raises_nothing() -> None:
    assert evaluate(_obs(99.1), SEPT, _rules(CLEARANCE_RATE_PCT__BELOW="98.5")) == []


def test_port_override_beats_the_global_threshold() -> None:
    rules = _rules(CLEARANCE_RATE_PCT__BELOW="98.5", HORGOS__CLEARANCE_RATE_PCT__BELOW="99.5")
    assert [a.threshold for a in evaluate(_obs(99.1), None, rules)] == [99.5]
    assert evaluate(_obs(99.1, port="dostyk"), None, rules) == []


def test_drop_pp_compares_with_the_previous_value() -> None:
    rules = _rules(CLEARANCE_RATE_PCT__DROP_PP="0.5")
    [alert] = evaluate(_obs(98.2), SEPT, rules)
    assert alert.rule == "clearance_rate_pct.drop_pp" and round(alert.delta or 0, 2) == -0.7
    assert evaluate(_obs(98.6), SEPT, rules) == []
    assert evaluate(_obs(90.0), None, rules) == []  # nothing to compare with


def test_yoy_swing_either_way() -> None:
    rules = _rules(TRAINS_COUNT__YOY_ABS_PCT="15")
    up = evaluate(_obs(3000, indicator="trains_count", yoy=21.0), None, rules)
    down = evaluate(_obs(3000, indicator="trains_count", yoy=-18.0), None, rules)
    calm = evaluate(_obs(3000, indicator="trains_count", yoy=9.1), None, rules)
    assert [(a.rule, a.delta, a.severity) for a in up] == [("trains_count.yoy_abs_pct", 21.0, "warning")]
    assert [a.delta for a in down] == [-18.0]
    assert calm == []


def test_change_pct_only_against_a_comparable_period() -> None:
    rules = _rules(TRAINS_COUNT__CHANGE_PCT="20")
    jan_apr_2025 = _obs(2000, indicator="trains_count", start=date(2025, 1, 1), end=date(2025, 4, 30))
    jan_apr_2026 = _obs(3000, indicator="trains_count", start=date(2026, 1, 1), end=date(2026, 4, 30))
    h1_2025 = _obs(2000, indicator="trains_count", start=date(2025, 1, 1), end=date(2025, 6, 30))
    [alert] = evaluate(jan_apr_2026, jan_apr_2025, rules)
    assert round(alert.delta or 0, 1) == 50.0
    assert evaluate(jan_apr_2026, h1_2025, rules) == []


def test_no_port_company_scope_and_implausible_values() -> None:
    rules = _rules(VEHICLES_EXPORTED__YOY_ABS_PCT="15")
    assert evaluate(_obs(10, indicator="vehicles_exported", port=None, yoy=90.0), None, rules) == []
    company = _obs(1500, indicator="vehicles_exported", yoy=90.0, scope="company")
    assert evaluate(company, None, rules) == []
    odd = _obs(2_000_000, indicator="vehicles_exported", yoy=381.0, flags=["implausible"])
    [held] = evaluate(odd, None, rules)
    assert (held.kind, held.severity, held.rule) == ("needs_review", "info", "vehicles_exported.plausibility")


def test_alert_ids_are_stable_per_rule_and_fact() -> None:
    rules = _rules(CLEARANCE_RATE_PCT__BELOW="98.5", CLEARANCE_RATE_PCT__DROP_PP="0.5")
    first = evaluate(_obs(96.4), SEPT, rules)
    again = evaluate(_obs(96.4), SEPT, rules)
    assert [a.id for a in first] == [a.id for a in again]
    assert len({a.id for a in first}) == 2


def test_digest_combines_the_rules_one_document_trips() -> None:
    rules = _rules(CLEARANCE_RATE_PCT__BELOW="98.5", CLEARANCE_RATE_PCT__DROP_PP="0.5")
    fired = evaluate(_obs(96.4), SEPT, rules)
    resolved = resolved_alert(_obs(99.0, start=date(2026, 11, 1), end=date(2026, 11, 30)), "below", 98.5, fired[0])
    [combined, follow_up] = digest([*fired, resolved])
    assert follow_up == resolved  # follow-ups are not folded into a digest
    assert (combined.kind, combined.rule, combined.severity) == ("firing", "digest", "critical")
    assert combined.port == "horgos"
    assert [a.rule for a in combined.digest] == ["clearance_rate_pct.below", "clearance_rate_pct.drop_pp"]
    assert combined.title == "2 alerts from one report on Horgos: customs clearance rate"
    assert [r.observation_id for r in combined.observations] == [fired[0].observations[0].observation_id]
    assert digest([*fired, resolved])[0].id == combined.id  # a redelivery gives the same digest
    assert digest(fired[:1]) == fired[:1]  # one alert stays as it is


def test_event_alert_names_the_effective_date_once() -> None:
    from service.models import Event

    dated = Event(kind="policy", summary="Kalzhat switches to 24/7 operation", effective_date=date(2025, 12, 1),
                  quote="q")
    assert event_alert(dated, "warning").title == "📋 Kalzhat switches to 24/7 operation (effective 01 Dec 2025)"
    already = dated.model_copy(update={"summary": "Policy change, effective 2025-12-01: Kalzhat goes 24/7"})
    assert event_alert(already, "warning").title == "📋 Policy change, effective 2025-12-01: Kalzhat goes 24/7"
