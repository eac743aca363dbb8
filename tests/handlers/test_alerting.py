"""Alert state against a real Redis: facts across sources, revisions, hysteresis, cool-down."""

from __future__ import annotations

from datetime import date

import pytest
from redis.asyncio import Redis

from handlers.alerting import Alerting
from service.models import Observation
from service.rules import parse_rule_set
from service.settings import AlertsSettings
from service.streams import Keys

KEYS = Keys("{cwtest}")


def _month(value: float, month: int, *, source: str = "news-kz", doc: str | None = None) -> Observation:
    start = date(2026, month, 1)
    end = date(2026, month + 1, 1).replace(day=1) if month < 12 else date(2026, 12, 31)
    end = date.fromordinal(end.toordinal() - 1) if month < 12 else end
    return Observation(
        id=Observation.make_id("horgos", "clearance_rate_pct", "total", "port", start, end, value),
        document_id=doc or f"{source}-{month}-{value}", source_id=source, url=f"https://{source}.example/{month}",
        port="horgos", indicator="clearance_rate_pct", value=value, unit="%", period_start=start, period_end=end,
        quote=f"clearance rate {value}%",
    )


def _alerting(redis: Redis, repeat: str = "0", **rules: str) -> Alerting:
    nested = {"clearance_rate_pct": {k.lower(): v for k, v in rules.items()}}
    rule_set, problems = parse_rule_set(nested, {}, {"below": repeat, "drop_pp": repeat}, 0.0)
    assert problems == []
    return Alerting(redis, KEYS, rule_set, AlertsSettings(hysteresis_pp=0.2), ttl=3600)


@pytest.fixture
def alerting(redis: Redis) -> Alerting:
    return _alerting(redis, BELOW="98.5")


async def test_drop_fires_once_corroboration_is_recorded_and_recovery_resolves(alerting: Alerting) -> None:
    assert (await alerting.on_observation(_month(98.9, 9))).alerts == []
    fired = await alerting.on_observation(_month(96.4, 10))
    [alert] = fired.alerts
    assert (alert.kind, alert.severity, alert.value, alert.previous, alert.threshold) == (
        "firing", "critical", 96.4, 98.9, 98.5)
    assert fired.reasons == ["clearance_rate_pct.below: first"]

    again = await alerting.on_observation(_month(96.4, 10, source="customs-cn"))
    assert again.alerts == []
    assert again.reasons == ["corroboration: also reported by customs-cn (2 sources), not re-sent"]

    wobble = await alerting.on_observation(_month(98.6, 11))  # inside the bound, not by the 0.2 margin
    assert wobble.alerts == []
    assert "within the hysteresis margin" in wobble.reasons[0]

    recovered = await alerting.on_observation(_month(98.8, 12))
    [resolved] = recovered.alerts
    assert (resolved.kind, resolved.severity, resolved.refers_to) == ("resolved", "info", alert.id)
    assert (resolved.value, resolved.previous) == (98.8, 96.4)
    assert (await alerting.on_observation(_month(99.0, 12, source="other"))).alerts == []  # nothing left to resolve


async def test_a_different_value_for_the_same_period_is_a_revision(alerting: Alerting) -> None:
    [first] = (await alerting.on_observation(_month(96.4, 10))).alerts
    [revision] = (await alerting.on_observation(_month(96.1, 10, source="customs-cn"))).alerts
    assert (revision.kind, revision.value, revision.previous, revision.refers_to) == (
        "revision", 96.1, 96.4, first.id)
    assert round(revision.delta or 0, 2) == -0.3
    assert [r.source_id for r in revision.observations] == ["customs-cn", "news-kz"]


async def test_a_revision_no_rule_cares_about_is_only_recorded(alerting: Alerting) -> None:
    assert (await alerting.on_observation(_month(99.4, 8))).alerts == []
    outcome = await alerting.on_observation(_month(99.3, 8, source="customs-cn"))
    assert outcome.alerts == []
    assert outcome.reasons == ["revision 99.4 → 99.3: no rule concerned, recorded only"]


async def test_a_redelivered_figure_publishes_the_same_alerts_again(alerting: Alerting) -> None:
    """A crash between deciding and publishing must not lose the alert: the redelivery re-publishes it
    with the same id, and the notify stage's per-channel markers deliver it once."""
    obs = _month(96.4, 10)
    first = await alerting.on_observation(obs)
    assert len(first.alerts) == 1
    repeat = await alerting.on_observation(obs)
    assert [a.id for a in repeat.alerts] == [a.id for a in first.alerts]  # published again, delivered once
    assert repeat.reasons == ["redelivery: 1 alert(s) published again, delivered once"]


async def test_cool_down_holds_back_the_same_rule_for_the_same_port(redis: Redis) -> None:
    alerting = _alerting(redis, repeat="1h", BELOW="98.5")
    assert len((await alerting.on_observation(_month(96.4, 10))).alerts) == 1
    held = await alerting.on_observation(_month(96.0, 11))
    assert held.alerts == []
    assert held.reasons == ["clearance_rate_pct.below: held back, cool-down of 3600s"]

    no_cooldown = _alerting(redis, repeat="0", BELOW="98.5")
    assert [a.kind for a in (await no_cooldown.on_observation(_month(95.0, 12))).alerts] == ["firing"]


async def test_an_older_figure_does_not_resolve_a_newer_alert(alerting: Alerting) -> None:
    assert len((await alerting.on_observation(_month(96.4, 10))).alerts) == 1
    late = await alerting.on_observation(_month(99.5, 7))  # July's figure, reported late
    assert late.alerts == []
