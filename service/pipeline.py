"""The three stages' work, between decoding an entry and acknowledging it.

watcher → documents → ``extract`` → observations → ``evaluate`` → alerts → ``notify`` → delivered.
Each function decodes one typed message, calls the pure logic in ``handlers/``, publishes what it
produced, and marks the item done (``SET NX`` with a TTL) only after everything succeeded, so a crash
redelivers rather than loses, and a redelivery does nothing twice.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass
from typing import TypeVar

from faststream.redis import RedisBroker
from pydantic import BaseModel, ValidationError
from redis.asyncio import Redis

from handlers.alerting import Alerting
from handlers.evaluate import digest, event_alert
from handlers.extract import extract
from handlers.history import chronological
from handlers.notify.base import Notifier
from handlers.notify.retry import deliver
from handlers.notify.routing import Router
from handlers.silences import Silences
from service.errors import DeliveryError, GiveUpError, PoisonMessageError
from service.metrics import ALERTS, EVENTS, OBSERVATIONS
from service.models import Alert, Document, Event, Findings, Observation
from service.monitors import remember_event
from service.rules import RuleSet
from service.settings import Settings
from service.streams import Keys

log = logging.getLogger("corridor_watch.pipeline")
M = TypeVar("M", bound=BaseModel)
def decode(model: type[M], body: bytes) -> M:
    """The typed message in an entry's body, or PoisonMessageError naming what is wrong with it."""
    try:
        return model.model_validate_json(body)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'body'}: {e['msg']}" for e in exc.errors()[:5])
        raise PoisonMessageError(f"not a valid {model.__name__}: {problems}") from None


class Publisher:
    """Publishes typed messages on the stage streams, capped at ``stream_maxlen`` entries (approximate)."""

    def __init__(self, broker: RedisBroker, keys: Keys, maxlen: int) -> None:
        self._broker = broker
        self._keys = keys
        self._maxlen = maxlen

    async def document(self, doc: Document) -> None:
        await self._broker.publish(doc, stream=self._keys.documents, maxlen=self._maxlen)

    async def findings(self, findings: Findings) -> None:
        await self._broker.publish(findings, stream=self._keys.observations, maxlen=self._maxlen)

    async def alert(self, alert: Alert) -> None:
        await self._broker.publish(alert, stream=self._keys.alerts, maxlen=self._maxlen)


def _short(url: str) -> str:
    """The last path segment of a URL: enough to recognise a document in a log line."""
    return url.rstrip("/").rsplit("/", 1)[-1][:60] or url[:60]


def _brief(obs: Observation) -> str:
    """`horgos trains_count 3000 2026-01-01..2026-04-30 yoy +21%`."""
    period = f" {obs.period_start}..{obs.period_end}" if obs.period_start else ""
    yoy = f" yoy {obs.yoy_pct:+g}%" if obs.yoy_pct is not None else ""
    return f"{obs.port or '-'} {obs.indicator} {obs.value:,.10g}{period}{yoy}"


@dataclass
class Pipeline:
    redis: Redis
    keys: Keys
    settings: Settings
    publish: Publisher
    rules: RuleSet
    router: Router

    def __post_init__(self) -> None:
        self.alerting = Alerting(self.redis, self.keys, self.rules, self.settings.alerts,
                                 self.settings.pipeline.idempotency_ttl)
        self.silences = Silences(self.redis, self.keys)

    async def _is_done(self, stage: str, item_id: str) -> bool:
        return bool(await self.redis.exists(self.keys.done(stage, item_id)))

    async def _mark_done(self, stage: str, item_id: str) -> None:
        ttl = int(self.settings.pipeline.idempotency_ttl)
        await self.redis.set(self.keys.done(stage, item_id), "1", ex=ttl, nx=True)

    async def extract_entry(self, body: bytes) -> None:
        doc = decode(Document, body)
        done_id = f"{doc.id}:{doc.content_hash}"
        if await self._is_done("extract", done_id):
            log.info("[extract] %s: already extracted, skipped", doc.id)
            return
        found = extract(doc)
        if found.observations or found.events:
            await self.publish.findings(Findings(
                document_id=doc.id, source_id=doc.source_id, url=doc.url, events=found.events,
                observations=sorted(found.observations, key=chronological),  # so "previous" exists when compared
            ))
        for obs in found.observations:
            OBSERVATIONS.labels(obs.indicator).inc()
        for event in found.events:
            EVENTS.labels(event.kind).inc()
        await self._mark_done("extract", done_id)
        summary = ", ".join(_brief(o) for o in found.observations[:4])
        more = ", ..." if len(found.observations) > 4 else ""
        log.info("[extract] %s %s: %d observations%s, %d events", doc.source_id, _short(doc.url),
                 len(found.observations), f" ({summary}{more})" if summary else "", len(found.events))

    async def evaluate_entry(self, body: bytes) -> None:
        found = decode(Findings, body)
        if await self._is_done("evaluate", found.id):
            return  # a redelivery of work already published
        alerts: list[Alert] = []
        for obs in found.observations:
            outcome = await self.alerting.on_observation(obs)
            alerts += outcome.alerts
            if outcome.reasons:
                log.info("[evaluate] %s %s %g (%s): %s", obs.port, obs.indicator, obs.value, obs.source_id,
                         "; ".join(outcome.reasons))
        for event in found.events:
            alerts += await self._evaluate_event(event)
        for alert in digest(alerts):
            await self.publish.alert(alert)
            ALERTS.labels(alert.kind, alert.severity).inc()
        await self._mark_done("evaluate", found.id)

    async def _evaluate_event(self, event: Event) -> list[Alert]:
        if not self.settings.certification.enabled:
            return []
        alert = event_alert(event, self.settings.certification.severity)
        await remember_event(self.redis, self.keys, event)
        log.info("[evaluate] event %s %s: %s", event.kind, event.regime or "-", alert.title)
        return [alert]  # the same event from another document has the same alert id: delivered once

    async def notify_entry(self, body: bytes) -> None:
        alert = decode(Alert, body)
        silence = await self.silences.match(alert)
        if silence is not None:
            await self.silences.record_muted(alert, silence, self.settings.pipeline.stream_maxlen)
            log.info("[notify] alert %s (%s %s) muted by silence %s until %s: %s", alert.id, alert.port,
                     alert.rule, silence.id, silence.until.isoformat(timespec="minutes"), silence.reason)
            return
        targets = self.router.targets(alert)
        results = await asyncio.gather(*(self._deliver_once(n, alert) for n in targets), return_exceptions=True)
        failures = [r for r in results if isinstance(r, BaseException)]
        for failure in failures:
            if not isinstance(failure, DeliveryError):
                raise failure  # a bug, not a delivery problem: leave the entry pending
        if failures:
            reasons = "; ".join(str(f) for f in failures)
            raise GiveUpError(f"alert {alert.id} ({alert.rule}) not delivered: {reasons}")

    async def _deliver_once(self, notifier: Notifier, alert: Alert) -> None:
        marker = f"{alert.id}:{notifier.channel}"
        if await self._is_done("deliver", marker):
            log.info("[notify] alert %s already delivered to %s, skipped", alert.id, notifier.channel)
            return
        state = self.keys.notifier_state
        try:
            attempts = await deliver(notifier, alert, self.settings.delivery)
        except DeliveryError as exc:
            now = time.time()
            failures = self.keys.notifier_failures(notifier.channel)
            await self.redis.zadd(failures, {f"{alert.id}:{now}": now})
            await self.redis.zremrangebyscore(failures, 0, now - 3600)
            await self.redis.hset(state, f"{notifier.channel}.last_failure", str(now))
            log.error("[notify] alert %s (%s) to %s failed: %s", alert.id, alert.rule, notifier.channel, exc)
            raise
        await self._mark_done("deliver", marker)
        await self.redis.hset(state, f"{notifier.channel}.last_delivery", str(time.time()))
        log.info("[notify] alert %s (%s) delivered to %s in %d attempt(s)", alert.id, alert.rule,
                 notifier.channel, attempts)
