"""Background checks that raise alerts without a document: stale sources and event reminders.

Each loop reads state from Redis, asks a pure function in ``handlers/`` what is due, and publishes the
alerts on the alerts stream, where the notify stage routes and delivers them like any other. Alert ids
are derived from the facts, so replicas running the same loop produce the same ids and the delivery
markers keep each message single.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable, Sequence
from datetime import UTC, datetime
from datetime import time as dtime
from typing import Any

from redis.asyncio import Redis

from handlers.reminders import due_reminder, reminder_alert
from handlers.source_health import check_source
from service.models import Alert, Event
from service.settings import Settings
from service.streams import Keys

log = logging.getLogger("corridor_watch.monitors")
Publish = Callable[[Alert], Awaitable[None]]
REMINDER_INTERVAL = 600.0


def _text(value: Any) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


async def check_sources_once(redis: Redis, keys: Keys, source_ids: Sequence[str], stale_after: float,
                             publish: Publish) -> list[Alert]:
    raised = []
    for source_id in source_ids:
        raw: Any = await redis.hgetall(keys.source_state(source_id))
        state = {_text(k): _text(v) for k, v in raw.items()}
        check = check_source(source_id, state, time.time(), stale_after)
        if check.alert is None:
            continue
        await publish(check.alert)
        if check.stale:
            await redis.hset(keys.source_state(source_id), "stale_alert", check.alert.id)
        else:
            await redis.hdel(keys.source_state(source_id), "stale_alert")
        log.warning("[sources] %s: %s", source_id, check.alert.title)
        raised.append(check.alert)
    return raised


async def remember_event(redis: Redis, keys: Keys, event: Event) -> None:
    if event.effective_date is not None:
        when = datetime.combine(event.effective_date, dtime(), UTC).timestamp()
        await redis.zadd(keys.reminders, {event.model_dump_json(): when})


async def send_reminders_once(redis: Redis, keys: Keys, settings: Settings, publish: Publish) -> list[Alert]:
    today = datetime.now(UTC).date()
    raised = []
    rows: Any = await redis.zrange(keys.reminders, 0, -1)
    for raw in rows:
        event = Event.model_validate_json(raw)
        assert event.effective_date is not None
        if event.effective_date < today:
            await redis.zrem(keys.reminders, raw)
            await redis.hdel(keys.reminders_sent, event.id)
            continue
        sent_raw: Any = await redis.hget(keys.reminders_sent, event.id)
        sent = {int(d) for d in _text(sent_raw).split(",") if d} if sent_raw else set()
        mark = due_reminder(event.effective_date, today, settings.certification.remind_days, sent)
        if mark is None:
            continue
        alert = reminder_alert(event, today, mark, settings.certification.severity)
        await publish(alert)
        done = sent | {d for d in settings.certification.remind_days if d >= mark}
        await redis.hset(keys.reminders_sent, event.id, ",".join(map(str, sorted(done))))
        log.info("[reminders] %s", alert.title)
        raised.append(alert)
    return raised


async def run_monitors(redis: Redis, settings: Settings, source_ids: Sequence[str], publish: Publish,
                       stop: asyncio.Event) -> None:
    """Both checks on their intervals until `stop`; a failing check is logged and tried again."""
    next_reminders = 0.0
    while not stop.is_set():
        try:
            await check_sources_once(redis, settings.keys, source_ids, settings.sources.stale_after, publish)
            if settings.certification.enabled and time.monotonic() >= next_reminders:
                await send_reminders_once(redis, settings.keys, settings, publish)
                next_reminders = time.monotonic() + REMINDER_INTERVAL
        except Exception as exc:  # Redis away for a moment: the next round tries again
            log.error("monitors: %s: %s", type(exc).__name__, exc)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), settings.alerts.stale_check_interval)
