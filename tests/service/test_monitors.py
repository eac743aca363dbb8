"""Stale-source ops alerts and certification reminders: the pure decisions and the loops' Redis state."""

from __future__ import annotations

import time
from datetime import date, timedelta

from redis.asyncio import Redis

from handlers.reminders import due_reminder
from handlers.source_health import check_source
from service.models import Alert, Event
from service.monitors import check_sources_once, remember_event, send_reminders_once
from service.settings import Settings
from service.streams import Keys

HOUR = 3600.0


def test_check_source_transitions() -> None:
    now = time.time()
    fresh = {"last_success": str(now - 60)}
    assert check_source("s", fresh, now, HOUR).alert is None
    broken = {"last_success": str(now - 2 * HOUR), "consecutive_failures": "14",
              "last_error": "HTTP 412 (anti-bot page)"}
    check = check_source("gacc", broken, now, HOUR)
    assert check.stale and check.alert is not None
    assert (check.alert.kind, check.alert.route, check.alert.severity) == ("source_stale", "ops", "warning")
    assert check.alert.title == ("Source gacc has produced nothing for 2h; 14 failed polls in a row, "
                                 "last error: HTTP 412 (anti-bot page)")
    assert check_source("gacc", {**broken, "stale_alert": check.alert.id}, now, HOUR).alert is None  # once
    back = check_source("gacc", {"last_success": str(now - 5), "stale_alert": check.alert.id}, now, HOUR)
    assert back.alert is not None and not back.stale
    assert (back.alert.kind, back.alert.refers_to, back.alert.route) == ("resolved", check.alert.id, "ops")
    never = check_source("new", {"first_attempt": str(now - 2 * HOUR)}, now, HOUR)
    assert never.stale  # never succeeded since it was first tried


def test_due_reminder_sends_the_nearest_mark_once() -> None:
    effective, marks = date(2026, 9, 1), [30, 7, 1]
    assert due_reminder(effective, date(2026, 7, 1), marks, set()) is None  # 62 days left
    assert due_reminder(effective, date(2026, 8, 2), marks, set()) == 30
    assert due_reminder(effective, date(2026, 8, 2), marks, {30}) is None
    assert due_reminder(effective, date(2026, 8, 28), marks, set()) == 7  # started late: one reminder, not two
    assert due_reminder(effective, date(2026, 9, 1), marks, {30, 7}) == 1
    assert due_reminder(effective, date(2026, 9, 2), marks, set()) is None  # past


async def test_stale_source_alert_once_then_recovery(redis: Redis) -> None:
    keys, sent = Keys("{cwtest}"), []

    async def publish(alert: Alert) -> None:
        sent.append(alert)

    await redis.hset(keys.source_state("gacc"), mapping={"last_success": time.time() - 2 * HOUR})
    await check_sources_once(redis, keys, ["gacc"], HOUR, publish)
    await check_sources_once(redis, keys, ["gacc"], HOUR, publish)
    assert [a.kind for a in sent] == ["source_stale"]
    await redis.hset(keys.source_state("gacc"), "last_success", time.time())
    await check_sources_once(redis, keys, ["gacc"], HOUR, publish)
    await check_sources_once(redis, keys, ["gacc"], HOUR, publish)
    assert [a.kind for a in sent] == ["source_stale", "resolved"]


async def test_reminders_from_remembered_events(redis: Redis) -> None:
    settings, sent = Settings(redis={"prefix": "{cwtest}"}), []

    async def publish(alert: Alert) -> None:
        sent.append(alert)

    soon = date.today() + timedelta(days=5)
    event = Event(kind="certification", regime="TR CU 018/2011", summary="Transition period ends",
                  effective_date=soon, quote="q")
    await remember_event(redis, settings.keys, event)
    await remember_event(redis, settings.keys, Event(kind="policy", summary="old", quote="p",
                                                     effective_date=date.today() - timedelta(days=1)))
    await send_reminders_once(redis, settings.keys, settings, publish)
    await send_reminders_once(redis, settings.keys, settings, publish)
    assert [a.kind for a in sent] == ["reminder"]
    assert sent[0].title == f"📋 TR CU 018/2011: Transition period ends — effective {soon:%d %b %Y} (in 5 days)"
    assert await redis.zcard(settings.keys.reminders) == 1  # the past event was dropped
