"""Alert state around the pure rules: facts across documents, revisions, firing and resolution, cool-down.

Facts, not documents. A fact is one port, indicator, direction, scope and period. The first value seen
for it is evaluated against the rules; the same value from another document only adds a source
("also reported by", no new alert); a different value is a revision and says old → new.

A bound rule (BELOW, ABOVE, YOY_ABS_PCT) that fired keeps a firing state until a later figure is back
inside its bound by the hysteresis margin; then one ``resolved`` alert follows, referring to the first.
A rule that fired for a port and indicator stays quiet for its repeat interval (cool-down), except for
resolutions and revisions. Every decision carries its reason, for the log and for "why (not)?".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pydantic import BaseModel, Field
from redis.asyncio import Redis

from handlers.evaluate import BOUND_RULES, evaluate, is_resolved, margin, resolved_alert, revision_alert
from handlers.history import History
from service.models import Alert, Observation, ObservationRef, stable_id, utcnow
from service.rules import RuleSet
from service.settings import AlertsSettings
from service.streams import Keys

SAME_VALUE = 1e-9


class FactRecord(BaseModel):
    value: float
    refs: list[ObservationRef] = Field(default_factory=list)
    # document id -> the alerts its figure raised: a redelivery publishes them again (the notify stage
    # delivers each alert once per channel), so a crash between deciding and publishing loses nothing.
    raised: dict[str, list[Alert]] = Field(default_factory=dict)

    def documents(self) -> set[str]:
        return {ref.document_id for ref in self.refs}

    @property
    def first_alert_id(self) -> str | None:
        return next((a.id for alerts in self.raised.values() for a in alerts if a.kind != "resolved"), None)


@dataclass
class Outcome:
    alerts: list[Alert] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)  # why each alert was sent or held back


def rule_key(rule: str, obs: Observation) -> str:
    return stable_id(rule, obs.port, obs.direction, obs.scope)


def _recency(period_end: date | None, published: Any) -> tuple[date, str]:
    return period_end or date.min, str(published or "")


class Alerting:
    def __init__(self, redis: Redis, keys: Keys, rules: RuleSet, settings: AlertsSettings, ttl: float) -> None:
        self._redis = redis
        self._keys = keys
        self._rules = rules
        self._settings = settings
        self._ttl = int(ttl)
        self._history = History(redis, keys)

    async def on_observation(self, obs: Observation) -> Outcome:
        if obs.port is None or obs.scope == "company":
            return Outcome(reasons=["not scored: no port or a company's figure"])
        fact = await self._load_fact(obs)
        if fact is not None and abs(fact.value - obs.value) <= SAME_VALUE:
            return await self._corroborate(obs, fact)
        previous = await self._history.previous(obs)
        outcome = await (self._revise(obs, fact, previous) if fact else self._first(obs, previous))
        await self._history.record(obs)
        return outcome

    # --- the three ways a figure arrives ------------------------------------------------------
    async def _corroborate(self, obs: Observation, fact: FactRecord) -> Outcome:
        if obs.document_id in fact.documents():
            again = fact.raised.get(obs.document_id, [])
            return Outcome(again, [f"redelivery: {len(again)} alert(s) published again, delivered once"])
        fact.refs.append(ObservationRef.of(obs))
        await self._save_fact(obs, fact)
        sources = len({r.source_id for r in fact.refs})
        return Outcome(reasons=[f"corroboration: also reported by {obs.source_id} ({sources} sources), not re-sent"])

    async def _first(self, obs: Observation, previous: Observation | None) -> Outcome:
        outcome = Outcome()
        tripped = evaluate(obs, previous, self._rules)
        for alert in tripped:
            name = alert.rule.rsplit(".", 1)[-1]
            if await self._cooling_down(alert.rule, obs):
                outcome.reasons.append(f"{alert.rule}: held back, cool-down of {self._repeat(alert.rule):g}s")
                continue
            outcome.alerts.append(alert)
            outcome.reasons.append(f"{alert.rule}: first")
            if name in BOUND_RULES:
                await self._redis.set(self._keys.firing(rule_key(alert.rule, obs)), alert.model_dump_json())
        await self._resolve(obs, {a.rule for a in tripped}, outcome)
        record = FactRecord(value=obs.value, refs=[ObservationRef.of(obs)], raised={obs.document_id: outcome.alerts})
        await self._save_fact(obs, record)
        return outcome

    async def _revise(self, obs: Observation, fact: FactRecord, previous: Observation | None) -> Outcome:
        fired = evaluate(obs, previous, self._rules)
        old = fact.value
        fact.value, fact.refs = obs.value, [ObservationRef.of(obs), *fact.refs]
        outcome = Outcome()
        first = fact.first_alert_id
        if fired or first:
            alert = revision_alert(obs, old, fired, fact.refs, first)
            outcome.alerts.append(alert)
            outcome.reasons.append(f"revision: {old:g} → {obs.value:g}")
            fact.raised[obs.document_id] = [alert]
        else:
            outcome.reasons.append(f"revision {old:g} → {obs.value:g}: no rule concerned, recorded only")
        for alert in fired:
            if alert.rule.rsplit(".", 1)[-1] in BOUND_RULES:
                await self._redis.set(self._keys.firing(rule_key(alert.rule, obs)), alert.model_dump_json())
        await self._save_fact(obs, fact)
        return outcome

    # --- state ---------------------------------------------------------------------------------
    async def _resolve(self, obs: Observation, fired_now: set[str], outcome: Outcome) -> None:
        """Resolve bound rules that had fired earlier and are comfortably inside again."""
        for name, threshold in self._rules.rules_for(obs.port, obs.indicator).items():
            rule = f"{obs.indicator}.{name}"
            if name not in BOUND_RULES or rule in fired_now:
                continue
            key = self._keys.firing(rule_key(rule, obs))
            raw: Any = await self._redis.get(key)
            if raw is None:
                continue
            fired = Alert.model_validate_json(raw)
            ref = fired.primary
            if ref and _recency(obs.period_end, obs.published_at) < _recency(ref.period_end, ref.published_at):
                continue  # an older figure cannot resolve a newer alert
            inside = margin(obs, threshold, name, self._settings.hysteresis_pp, self._settings.hysteresis_pct)
            if is_resolved(obs, name, threshold, inside):
                outcome.alerts.append(resolved_alert(obs, name, threshold, fired))
                outcome.reasons.append(f"{rule}: resolved (inside by at least {inside:g})")
                await self._redis.delete(key)
            else:
                outcome.reasons.append(f"{rule}: still firing or within the hysteresis margin of {inside:g}")

    def _repeat(self, rule: str) -> float:
        indicator, _, name = rule.rpartition(".")
        return self._rules.repeat(indicator, name)

    async def _cooling_down(self, rule: str, obs: Observation) -> bool:
        """Held back when this rule alerted for this port less than its repeat interval earlier, by
        publication time (so a backtest over old texts behaves as the live service would have)."""
        seconds = self._repeat(rule)
        if seconds <= 0:
            return False
        key = self._keys.cooldown(rule_key(rule, obs))
        at = (obs.published_at or utcnow()).timestamp()
        raw: Any = await self._redis.get(key)
        if raw is not None:
            last_id, _, last_at = raw.decode().partition("|")
            if last_id != obs.id and 0 <= at - float(last_at) < seconds:
                return True  # a redelivery of the same figure is not held back
        await self._redis.set(key, f"{obs.id}|{at}", ex=self._ttl)
        return False

    async def _load_fact(self, obs: Observation) -> FactRecord | None:
        raw: Any = await self._redis.get(self._keys.fact(obs.fact_key))
        return FactRecord.model_validate_json(raw) if raw else None

    async def _save_fact(self, obs: Observation, fact: FactRecord) -> None:
        await self._redis.set(self._keys.fact(obs.fact_key), fact.model_dump_json(), ex=self._ttl)
