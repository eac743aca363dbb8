"""One stage at the broker edge: a main subscriber, a reclaimer, and the dead-letter rule.

FastStream 0.7 on a Redis stream with a consumer group (DESIGN section 9) acks on success and leaves an
entry pending when the handler fails, and never redelivers it by itself. So each stage has two
subscribers in the same group: the main one reads new entries (``>``); the reclaimer claims entries idle
for longer than ``reclaim_idle`` (XAUTOCLAIM), reads their delivery count, and dead-letters an entry that
has already had ``max_deliveries`` tries. Groups are created here at id ``0`` (FastStream would create
them at ``$`` and skip what was published before).

The stage's work is a plain ``process(body)`` coroutine: it raises ``PoisonMessageError`` for input that
can never succeed or ``GiveUpError`` when retries are spent (dead-lettered at once), and anything else
for a failure worth another try.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from faststream.exceptions import NackMessage
from faststream.redis import RedisBroker, StreamSub
from faststream.redis.annotations import RedisStreamMessage
from redis.asyncio import Redis
from redis.exceptions import ResponseError

from service.deadletters import DeadLetters, encode_fields
from service.errors import GiveUpError, PoisonMessageError
from service.metrics import DEAD_LETTERS, STAGE_ENTRIES
from service.models import DeadLetter
from service.settings import PipelineSettings
from service.streams import STAGES, Keys, StageSpec

log = logging.getLogger("corridor_watch.stage")

Process = Callable[[bytes], Awaitable[None]]


async def ensure_groups(redis: Redis, keys: Keys, stages: tuple[StageSpec, ...] = STAGES) -> list[str]:
    """Create each stage's stream and group at id 0 (MKSTREAM); return the groups that were missing."""
    created = []
    for spec in stages:
        try:
            await redis.xgroup_create(keys.stream(spec.stream), spec.group, id="0", mkstream=True)
            created.append(spec.group)
        except ResponseError as exc:
            if "BUSYGROUP" not in str(exc):
                raise
    return created


@dataclass
class Stage:
    spec: StageSpec
    keys: Keys
    redis: Redis
    settings: PipelineSettings
    process: Process
    dead_letters: DeadLetters
    subscribers: list[Any] = field(default_factory=list)

    @property
    def stream(self) -> str:
        return self.keys.stream(self.spec.stream)

    def register(self, broker: RedisBroker) -> None:
        """Declare the main subscriber and the reclaimer on the broker (before it starts)."""
        consumer = f"{self.settings.consumer}-{self.spec.name}"
        main = broker.subscriber(
            stream=StreamSub(
                self.stream, group=self.spec.group, consumer=consumer,
                max_records=self.settings.max_records, polling_interval=self.settings.polling_interval_ms,
            ),
        )
        reclaimer = broker.subscriber(
            stream=StreamSub(
                self.stream, group=self.spec.group, consumer=f"{consumer}-reclaim",
                min_idle_time=int(self.settings.reclaim_idle * 1000),
                polling_interval=max(self.settings.polling_interval_ms, 500),
            ),
        )

        @main
        async def on_new(msg: RedisStreamMessage) -> None:
            await self.handle(msg, reclaimed=False)

        @reclaimer
        async def on_reclaimed(msg: RedisStreamMessage) -> None:
            await self.handle(msg, reclaimed=True)

        self.subscribers = [main, reclaimer]
        log.info("[%s] reading %s in group %s as %s (reclaim after %gs idle, dead-letter after %d deliveries)",
                 self.spec.name, self.stream, self.spec.group, consumer, self.settings.reclaim_idle,
                 self.settings.max_deliveries)

    async def handle(self, msg: RedisStreamMessage, *, reclaimed: bool) -> None:
        """Run the stage on one entry: return to ack, raise NackMessage to leave it pending."""
        entry_id = _entry_id(msg)
        deliveries = await msg.get_delivery_count() if reclaimed else 1
        if reclaimed and deliveries > self.settings.max_deliveries:
            error: Any = await self.redis.hget(self.keys.entry_error(self.spec.name), entry_id)
            reason = _text(error) if error else "failed on every delivery"
            await self.dead_letter(msg, entry_id, reason, deliveries - 1)
            return
        try:
            await self.process(msg.body)
        except GiveUpError as exc:
            reason = f"poison: {exc}" if isinstance(exc, PoisonMessageError) else str(exc)
            await self.dead_letter(msg, entry_id, reason, deliveries)
            return
        except Exception as exc:
            await self.redis.hset(self.keys.entry_error(self.spec.name), entry_id, f"{type(exc).__name__}: {exc}")
            STAGE_ENTRIES.labels(self.spec.name, "retry").inc()
            log.warning("[%s] entry %s failed on delivery %d of %d, left pending for retry: %s: %s",
                        self.spec.name, entry_id, deliveries, self.settings.max_deliveries,
                        type(exc).__name__, exc, exc_info=log.isEnabledFor(logging.DEBUG))
            raise NackMessage() from exc
        STAGE_ENTRIES.labels(self.spec.name, "done").inc()
        if reclaimed:
            await self.redis.hdel(self.keys.entry_error(self.spec.name), entry_id)

    async def dead_letter(self, msg: RedisStreamMessage, entry_id: str, error: str, deliveries: int) -> None:
        letter = DeadLetter(
            id=f"{self.spec.name}:{entry_id}", stage=self.spec.name, stream=self.stream, entry_id=entry_id,
            body=msg.body.decode("utf-8", errors="replace"), raw=encode_fields(msg.raw_message["data"]),
            error=error, deliveries=deliveries,
        )
        dead_id = await self.dead_letters.put(letter)
        await self.redis.hdel(self.keys.entry_error(self.spec.name), entry_id)
        STAGE_ENTRIES.labels(self.spec.name, "dead").inc()
        DEAD_LETTERS.labels(self.spec.name).inc()
        log.error("[%s] entry %s dead-lettered as %s after %d deliveries: %s (replay: corridor-watch dlq replay %s)",
                  self.spec.name, entry_id, dead_id, deliveries, error, dead_id)


def _text(value: bytes | str) -> str:
    return value.decode("utf-8", errors="replace") if isinstance(value, bytes) else value


def _entry_id(msg: RedisStreamMessage) -> str:
    ids = msg.raw_message["message_ids"]
    return _text(ids[0]) if ids else "?"
