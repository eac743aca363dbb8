"""Observations in, alerts out: the configured rules against the figure and its history (a pure function).

``evaluate(observation, previous, rules)`` returns the alerts one observation raises. ``previous`` is
the last observation of the same port, indicator, direction and scope for an earlier period (the
history store finds it). Company figures and figures without a port never alert; implausible values
are held for review at info severity instead of paging anyone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from service.models import Alert, AlertKind, Event, Observation, ObservationRef, Severity, stable_id
from service.rules import RuleSet
from service.vocabulary import indicator_label, port_label


@dataclass(frozen=True)
class Trip:
    """One rule that fired: what it compared and by how much."""

    rule: str
    threshold: float
    delta: float | None
    phrase: str  # e.g. "below 98.5", "yoy +21.0% (limit 15%)"


def _pct_change(value: float, previous: float) -> float | None:
    return None if previous == 0 else (value - previous) / abs(previous) * 100.0


def _period_days(obs: Observation) -> int | None:
    if obs.period_start is None or obs.period_end is None:
        return None
    return (obs.period_end - obs.period_start).days


def _comparable(obs: Observation, previous: Observation | None) -> Observation | None:
    """The previous observation when it covers a period of about the same length (a month, Jan–Apr...)."""
    if previous is None:
        return None
    mine, theirs = _period_days(obs), _period_days(previous)
    if mine is None or theirs is None:
        return previous if mine is None and theirs is None else None
    return previous if abs(mine - theirs) <= max(3, mine // 10) else None


Check = Callable[[Observation, Observation | None, float], Trip | None]


def _below(obs: Observation, _prev: Observation | None, t: float) -> Trip | None:
    return Trip("below", t, obs.value - t, f"below {t:g}") if obs.value < t else None


def _above(obs: Observation, _prev: Observation | None, t: float) -> Trip | None:
    return Trip("above", t, obs.value - t, f"above {t:g}") if obs.value > t else None


def _yoy(obs: Observation, _prev: Observation | None, t: float) -> Trip | None:
    if obs.yoy_pct is None or abs(obs.yoy_pct) < t:
        return None
    return Trip("yoy_abs_pct", t, obs.yoy_pct, f"yoy {obs.yoy_pct:+.1f}% (limit ±{t:g}%)")


def _drop(obs: Observation, prev: Observation | None, t: float) -> Trip | None:
    if prev is None or prev.value - obs.value < t:
        return None
    return Trip("drop_pp", t, obs.value - prev.value, f"fell {prev.value - obs.value:.1f} points (limit {t:g})")


def _rise(obs: Observation, prev: Observation | None, t: float) -> Trip | None:
    if prev is None or obs.value - prev.value < t:
        return None
    return Trip("rise_pp", t, obs.value - prev.value, f"rose {obs.value - prev.value:.1f} points (limit {t:g})")


def _shift(obs: Observation, prev: Observation | None, t: float) -> Trip | None:
    if prev is None or abs(obs.value - prev.value) < t:
        return None
    delta = obs.value - prev.value
    return Trip("shift_pp", t, delta, f"shifted {delta:+.1f} points (limit ±{t:g})")


def _change(obs: Observation, prev: Observation | None, t: float) -> Trip | None:
    comparable = _comparable(obs, prev)
    change = None if comparable is None else _pct_change(obs.value, comparable.value)
    if change is None or abs(change) < t:
        return None
    return Trip("change_pct", t, change, f"{change:+.1f}% against the previous period (limit ±{t:g}%)")


CHECKS: dict[str, Check] = {
    "below": _below,
    "above": _above,
    "yoy_abs_pct": _yoy,
    "drop_pp": _drop,
    "rise_pp": _rise,
    "shift_pp": _shift,
    "change_pct": _change,
}


def evaluate(obs: Observation, previous: Observation | None, rules: RuleSet) -> list[Alert]:
    """The alerts this observation raises under these rules (empty when none fires)."""
    if obs.port is None or obs.scope == "company":
        return []
    configured = rules.rules_for(obs.port, obs.indicator)
    if "implausible" in obs.flags:
        if not configured:
            return []  # nobody asked about this indicator: nothing to hold for review
        return [_alert(obs, previous, Trip("plausibility", 0.0, None, "implausible value, held for review"),
                       kind="needs_review", severity="info")]
    alerts = []
    for rule, threshold in configured.items():
        trip = CHECKS[rule](obs, previous, threshold)
        if trip is not None:
            alerts.append(_alert(obs, previous, trip, kind="firing", severity=rules.severity(obs.indicator, rule)))
    return alerts


def _alert(obs: Observation, previous: Observation | None, trip: Trip, *, kind: AlertKind,
           severity: Severity) -> Alert:
    rule = f"{obs.indicator}.{trip.rule}"
    title = f"{port_label(obs.port)} {indicator_label(obs.indicator)}: {obs.value:g} {obs.unit}, {trip.phrase}"
    return Alert(
        id=stable_id(rule, obs.id),
        kind=kind,
        rule=rule,
        severity=severity,
        port=obs.port,
        indicator=obs.indicator,
        value=obs.value,
        unit=obs.unit,
        previous=previous.value if previous else None,
        previous_period_start=previous.period_start if previous else None,
        previous_period_end=previous.period_end if previous else None,
        threshold=trip.threshold if trip.rule != "plausibility" else None,
        delta=trip.delta,
        title=title,
        observations=[ObservationRef.of(obs)],
    )


def event_alert(event: Event, severity: Severity) -> Alert:
    """A certification, regulation or policy change alerts by itself, with its effective date."""
    when = ""
    if event.effective_date and event.effective_date.isoformat() not in event.summary:
        when = f" (effective {event.effective_date:%d %b %Y})"
    regime = f"{event.regime}: " if event.regime else ""
    return Alert(
        id=stable_id("event", event.id), kind="event", rule=f"event.{event.kind}", severity=severity,
        port=None, indicator=event.kind, value=None, title=f"📋 {regime}{event.summary}{when}",
        observations=[ObservationRef.of_event(event)],
    )


BOUND_RULES = ("below", "above", "yoy_abs_pct")  # rules with a state that can resolve


def margin(obs: Observation, threshold: float, rule: str, margin_pp: float, margin_pct: float) -> float:
    """Hysteresis: how far inside its bound a value must come back before an alert resolves."""
    in_points = obs.unit == "%" or rule == "yoy_abs_pct"
    return margin_pp if in_points else abs(threshold) * margin_pct / 100.0


def is_resolved(obs: Observation, rule: str, threshold: float, inside: float) -> bool:
    """True when a bound rule that fired is comfortably satisfied again (by `inside` or more)."""
    if rule == "below":
        return obs.value >= threshold + inside
    if rule == "above":
        return obs.value <= threshold - inside
    if rule == "yoy_abs_pct":
        return obs.yoy_pct is not None and abs(obs.yoy_pct) <= threshold - inside
    return False


def resolved_alert(obs: Observation, rule: str, threshold: float, fired: Alert) -> Alert:
    """The follow-up to `fired`: the figure is back inside its bound."""
    shown = f"{obs.yoy_pct:+.1f}% yoy" if rule == "yoy_abs_pct" and obs.yoy_pct is not None else f"{obs.value:g}"
    return Alert(
        id=stable_id("resolved", fired.id, obs.id), kind="resolved", rule=f"{obs.indicator}.{rule}",
        severity="info", port=obs.port, indicator=obs.indicator, value=obs.value, unit=obs.unit,
        previous=fired.value, previous_period_start=_first_period(fired)[0],
        previous_period_end=_first_period(fired)[1], threshold=threshold,
        delta=obs.yoy_pct if rule == "yoy_abs_pct" else None if fired.value is None else obs.value - fired.value,
        title=f"Resolved: {port_label(obs.port)} {indicator_label(obs.indicator)} {shown} {obs.unit}".strip(),
        observations=[ObservationRef.of(obs)], refers_to=fired.id,
    )


def revision_alert(obs: Observation, old_value: float, fired: list[Alert], refs: list[ObservationRef],
                   refers_to: str | None) -> Alert:
    """A different value for a fact already seen (same port, indicator, period): old → new."""
    order = {"info": 0, "warning": 1, "critical": 2}
    severity: Severity = max((a.severity for a in fired), key=order.__getitem__, default="info")
    rule = fired[0].rule if fired else f"{obs.indicator}.revision"
    return Alert(
        id=stable_id("revision", obs.id, old_value), kind="revision", rule=rule, severity=severity,
        port=obs.port, indicator=obs.indicator, value=obs.value, unit=obs.unit, previous=old_value,
        previous_period_start=obs.period_start, previous_period_end=obs.period_end,
        threshold=fired[0].threshold if fired else None, delta=obs.value - old_value,
        title=f"Revision: {port_label(obs.port)} {indicator_label(obs.indicator)} {obs.value:g} "
              f"(was {old_value:g}) {obs.unit}".rstrip(),
        observations=[ObservationRef.of(obs), *[r for r in refs if r.observation_id != obs.id]],
        refers_to=refers_to,
    )


def _first_period(alert: Alert) -> tuple[date | None, date | None]:
    ref = alert.primary
    return (ref.period_start, ref.period_end) if ref else (None, None)


def digest(alerts: list[Alert]) -> list[Alert]:
    """One document that trips several rules gives one message: firing and review alerts are combined
    (their ids in order give the digest's id); follow-ups (resolved, revision) and events stay separate."""
    combinable = [a for a in alerts if a.kind in ("firing", "needs_review")]
    if len(combinable) < 2:
        return alerts
    rest = [a for a in alerts if a not in combinable]
    order = {"info": 0, "warning": 1, "critical": 2}
    top = max(combinable, key=lambda a: order[a.severity])
    ports = {a.port for a in combinable}
    port = ports.pop() if len(ports) == 1 else None
    labels = ", ".join(dict.fromkeys(indicator_label(a.indicator) for a in combinable))
    refs = list({r.observation_id: r for a in combinable for r in a.observations}.values())
    combined = Alert(
        id=stable_id("digest", *(a.id for a in combinable)), kind="firing", rule="digest", severity=top.severity,
        port=port, indicator="digest", value=None,
        title=f"{len(combinable)} alerts from one report{f' on {port_label(port)}' if port else ''}: {labels}",
        observations=refs, digest=combinable,
    )
    return [combined, *rest]
