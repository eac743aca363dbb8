"""Readiness facts and status against a real Redis; the ASGI routes through httpx."""

from __future__ import annotations

import time
from dataclasses import dataclass

import httpx
from faststream.asgi import AsgiFastStream
from redis.asyncio import Redis

from service.consumer import ensure_groups
from service.health import HealthState, health_routes, readiness
from service.streams import Keys

KEYS = Keys("{cwtest}")


@dataclass
class FakeSubscriber:  # only `.running` is read; FastStream subscribers are exercised in test_consumer
    running: bool = True


def _state(redis: Redis, subs: list[FakeSubscriber], sources: list[str] | None = None) -> HealthState:
    return HealthState(redis, KEYS, lambda: subs, sources or [], stale_after=3600.0,
                       channels=["console", "slack"], timeout=2.0)


async def test_ok_with_stream_facts(redis: Redis) -> None:
    await ensure_groups(redis, KEYS)
    await redis.xadd(KEYS.documents, {"a": "1"})
    await redis.xadd(KEYS.documents, {"a": "2"})
    await redis.xreadgroup("extractors", "c1", {KEYS.documents: ">"}, count=1)  # one delivered, pending
    code, report = await readiness(_state(redis, [FakeSubscriber(), FakeSubscriber()]))
    assert code == 200 and report["status"] == "ok"
    assert report["redis"]["ok"] is True and report["redis"]["version"]
    docs = report["streams"]["documents"]
    assert (docs["length"], docs["group"], docs["pending"], docs["lag"]) == (2, "extractors", 1, 1)
    assert docs["oldest_pending_s"] is not None and docs["oldest_pending_s"] < 60
    assert report["streams"]["alerts"] == {"length": 0, "group": "notifiers", "pending": 0, "lag": 0,
                                           "oldest_pending_s": None}
    assert report["subscribers"] == {"running": 2, "stopped": 0}
    assert report["dead_letters"] == 0
    assert set(report["notifiers"]) == {"console", "slack"}
    assert report["notifiers"]["slack"] == {"last_delivery": None, "failures_1h": 0, "last_failure": None}


async def test_notifier_failures_count_only_the_last_hour(redis: Redis) -> None:
    await ensure_groups(redis, KEYS)
    now = time.time()
    await redis.zadd(KEYS.notifier_failures("slack"), {"a1:old": now - 7200, "a2:new": now - 60, "a3:new": now - 5})
    await redis.hset(KEYS.notifier_state, mapping={"slack.last_delivery": now - 30, "slack.last_failure": now - 5})
    _, report = await readiness(_state(redis, [FakeSubscriber()]))
    slack = report["notifiers"]["slack"]
    assert slack["failures_1h"] == 2
    assert slack["last_delivery"] is not None and slack["last_failure"] is not None


async def test_degraded_on_dead_letter_or_stale_source_down_on_stopped_subscriber(redis: Redis) -> None:
    await ensure_groups(redis, KEYS)
    now = time.time()
    await redis.hset(KEYS.source_state("fresh"), mapping={"last_success": now - 60, "last_attempt": now - 60,
                                                          "consecutive_failures": 0})
    await redis.hset(KEYS.source_state("gacc"), mapping={
        "last_success": now - 7200, "last_attempt": now - 30, "consecutive_failures": 14,
        "last_error": "HTTP 412 (anti-bot page)", "next_poll": now + 400, "last_error_at": now - 30,
        "polled_by": "host-a:123:9f8e7d6c", "revisions_published": 2})
    code, report = await readiness(_state(redis, [FakeSubscriber()], ["fresh", "gacc"]))
    assert (code, report["status"]) == (200, "degraded")
    assert report["sources"]["fresh"]["stale"] is False
    gacc = report["sources"]["gacc"]
    assert gacc["stale"] is True and gacc["consecutive_failures"] == 14
    assert gacc["last_error"] == "HTTP 412 (anti-bot page)" and 390 <= gacc["next_poll_s"] <= 400
    assert gacc["last_error_at"] is not None and gacc["polled_by"] == "host-a:123"
    assert gacc["revisions_published"] == 2

    await redis.xadd(KEYS.dead, {"letter": "{}"})
    code, report = await readiness(_state(redis, [FakeSubscriber()]))
    assert (code, report["status"], report["dead_letters"]) == (200, "degraded", 1)

    code, report = await readiness(_state(redis, [FakeSubscriber(), FakeSubscriber(running=False)]))
    assert (code, report["status"], report["subscribers"]["stopped"]) == (503, "down", 1)


async def test_down_when_redis_is_unreachable() -> None:
    dead = Redis(host="127.0.0.1", port=1, socket_connect_timeout=0.5)
    code, report = await readiness(_state(dead, [FakeSubscriber()]))
    assert (code, report["status"], report["redis"]["ok"]) == (503, "down", False)
    await dead.aclose()


async def test_routes_serve_json_and_metrics(redis: Redis) -> None:
    await ensure_groups(redis, KEYS)
    app = AsgiFastStream(asgi_routes=health_routes(_state(redis, [FakeSubscriber()])))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client:
        live = await client.get("/health/live")
        ready = await client.get("/health/ready")
        metrics = await client.get("/metrics")
    assert live.status_code == 200
    assert ready.status_code == 200 and ready.json()["status"] == "ok"
    assert metrics.status_code == 200 and "cw_dead_letters" in metrics.text
