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
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from faststream.redis import RedisBroker
from pydantic import BaseModel, ValidationError
from redis.asyncio import Redis

from handlers.evaluate import evaluate
from handlers.extract import extract
from handlers.history import History
from handlers.notify.base import Notifier
from handlers.notify.retry import deliver
from service.errors import DeliveryError, GiveUpError, PoisonMessageError
from service.metrics import ALERTS, OBSERVATIONS
from service.models import Alert, Document, Observation
from service.rules import RuleSet
from service.settings import Settings
from service.streams import Keys

log = logging.getLogger("corridor_watch.pipeline")
M = TypeVar("M", bound=BaseModel)


def decode(model: type[M], body: bytes) -> M:
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

    async def observation(self, obs: Observation) -> None:
        await self._broker.publish(obs, stream=self._keys.observations, maxlen=self._maxlen)

    async def alert(self, alert: Alert) -> None:
        await self._broker.publish(alert, stream=self._keys.alerts, maxlen=self._maxlen)


@dataclass
class Pipeline:
    redis: Redis
    keys: Keys
    settings: Settings
    publish: Publisher
    rules: RuleSet
    notifiers: Sequence[Notifier]

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
        for obs in found.observations:
            await self.publish.observation(obs)
            OBSERVATIONS.labels(obs.indicator).inc()
        await self._mark_done("extract", done_id)
        summary = ", ".join(f"{o.port} {o.indicator} {o.value:g}" for o in found.observations[:4])
        log.info("[extract] %s (%s): %d observations%s, %d events", doc.id, doc.source_id,
                 len(found.observations), f" ({summary})" if summary else "", len(found.events))

    async def evaluate_entry(self, body: bytes) -> None:
        obs = decode(Observation, body)
        if await self._is_done("evaluate", obs.id):
            return  # the same fact from another document, or a redelivery
        history = History(self.redis, self.keys)
        previous = await history.previous(obs)
        alerts = evaluate(obs, previous, self.rules)
        for alert in alerts:
            await self.publish.alert(alert)
            ALERTS.labels(alert.kind, alert.severity).inc()
        await history.record(obs)
        await self._mark_done("evaluate", obs.id)
        if alerts:
            log.info("[evaluate] %s %s %g: %d alert(s): %s", obs.port, obs.indicator, obs.value, len(alerts),
                     ", ".join(a.rule for a in alerts))

    async def notify_entry(self, body: bytes) -> None:
        alert = decode(Alert, body)
        results = await asyncio.gather(*(self._deliver_once(n, alert) for n in self.notifiers),
                                       return_exceptions=True)
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
            await self.redis.hincrby(state, f"{notifier.channel}.failures", 1)
            await self.redis.hset(state, f"{notifier.channel}.last_failure", str(time.time()))
            log.error("[notify] alert %s (%s) to %s failed: %s", alert.id, alert.rule, notifier.channel, exc)
            raise
        await self._mark_done("deliver", marker)
        await self.redis.hset(state, f"{notifier.channel}.last_delivery", str(time.time()))
        log.info("[notify] alert %s (%s) delivered to %s in %d attempt(s)", alert.id, alert.rule,
                 notifier.channel, attempts)
