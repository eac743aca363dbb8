"""Health: ``/health/live``, ``/health/ready`` (facts with a status) and ``/metrics`` (DESIGN section 7).

Readiness reads Redis with a timeout: each stage stream's length, its group's pending count, lag and
oldest pending entry, the dead-letter count, every subscriber's state, each source's last poll, and the
notifiers' last delivery. ``status`` is ``down`` (503) when Redis is unreachable or a subscriber is
stopped, ``degraded`` (200) when a source is stale or a dead letter waits, else ``ok``. Never a secret.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from faststream.asgi import AsgiResponse, get
from faststream.asgi.types import ASGIApp, Scope
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from redis.asyncio import Redis

from handlers.silences import Silences
from service.metrics import REGISTRY
from service.streams import STAGES, Keys, StageSpec

if TYPE_CHECKING:
    from service.app import Runtime

LAG_SCAN_LIMIT = 1000


def _text(value: Any) -> str:
    return value.decode("utf-8", errors="replace") if isinstance(value, bytes) else str(value)


def _iso(epoch: str | None) -> str | None:
    if not epoch:
        return None
    return datetime.fromtimestamp(float(epoch), UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class HealthState:
    redis: Redis
    keys: Keys
    subscribers: Callable[[], Sequence[Any]]
    source_ids: Sequence[str]
    stale_after: float
    channels: Sequence[str]
    timeout: float
    stages: Sequence[StageSpec] = STAGES

    @classmethod
    def from_runtime(cls, runtime: Runtime) -> HealthState:
        settings = runtime.settings
        return cls(runtime.redis, settings.keys, lambda: runtime.subscribers,
                   [s.id for s in runtime.sources if s.enabled], settings.sources.stale_after, runtime.channels,
                   settings.redis.timeout)


async def readiness(state: HealthState) -> tuple[int, dict[str, Any]]:
    subs = state.subscribers()
    running = sum(1 for s in subs if getattr(s, "running", False))
    report: dict[str, Any] = {"status": "ok", "subscribers": {"running": running, "stopped": len(subs) - running}}
    try:
        report.update(await asyncio.wait_for(_redis_facts(state), state.timeout))
    except Exception as exc:  # unreachable, timed out, or an unexpected reply: all mean "down"
        report["redis"] = {"ok": False, "error": f"{type(exc).__name__}: {exc}"[:200]}
        report["status"] = "down"
        return 503, report
    stale = any(src.get("stale") for src in report["sources"].values())
    if running < len(subs):
        report["status"] = "down"
    elif stale or report["dead_letters"] > 0:
        report["status"] = "degraded"
    return (503 if report["status"] == "down" else 200), report


async def _redis_facts(state: HealthState) -> dict[str, Any]:
    started = time.perf_counter()
    info: Any = await state.redis.info("server")
    latency_ms = round((time.perf_counter() - started) * 1000, 2)
    streams = {spec.stream: await _stream_facts(state.redis, state.keys.stream(spec.stream), spec.group)
               for spec in state.stages}
    return {
        "redis": {"ok": True, "latency_ms": latency_ms, "version": _text(info.get("redis_version", "?"))},
        "streams": streams,
        "dead_letters": int(await state.redis.xlen(state.keys.dead)),
        "sources": {sid: await _source_facts(state, sid) for sid in state.source_ids},
        "notifiers": await _notifier_facts(state),
        "silences": [{"id": s.id, "scope": s.scope, "until": s.until.isoformat(timespec="seconds"),
                      "reason": s.reason} for s in await Silences(state.redis, state.keys).active()],
    }


async def _stream_facts(redis: Redis, stream: str, group: str) -> dict[str, Any]:
    facts: dict[str, Any] = {"length": int(await redis.xlen(stream)), "group": group, "pending": 0,
                             "lag": None, "oldest_pending_s": None}
    groups: Any = await redis.xinfo_groups(stream)
    mine = next((g for g in groups if _text(g.get("name")) == group), None)
    if mine is None:
        facts["error"] = "group missing"
        return facts
    facts["pending"] = int(mine.get("pending", 0))
    last_id = _text(mine.get("last-delivered-id", "0-0"))
    newer: Any = await redis.xrange(stream, min=f"({last_id}", max="+", count=LAG_SCAN_LIMIT + 1)
    facts["lag"] = len(newer) if len(newer) <= LAG_SCAN_LIMIT else f">{LAG_SCAN_LIMIT}"
    if facts["pending"]:
        oldest: Any = await redis.xpending_range(stream, group, min="-", max="+", count=1)
        if oldest:
            created_ms = int(_text(oldest[0]["message_id"]).split("-")[0])
            facts["oldest_pending_s"] = round(time.time() - created_ms / 1000, 1)
    return facts


async def _source_facts(state: HealthState, source_id: str) -> dict[str, Any]:
    raw: Any = await state.redis.hgetall(state.keys.source_state(source_id))
    data = {_text(k): _text(v) for k, v in raw.items()}
    now = time.time()
    last_success = float(data["last_success"]) if data.get("last_success") else None
    first_seen = float(data.get("first_attempt") or data.get("last_attempt") or now)
    facts: dict[str, Any] = {
        "last_success": _iso(data.get("last_success")),
        "last_attempt": _iso(data.get("last_attempt")),
        "consecutive_failures": int(data.get("consecutive_failures") or 0),
        "documents_published": int(data.get("documents_published") or 0),
        "stale": now - (last_success or first_seen) > state.stale_after,
    }
    if data.get("next_poll"):
        facts["next_poll_s"] = max(0, round(float(data["next_poll"]) - now))
    if data.get("last_error") and facts["consecutive_failures"]:
        facts["last_error"] = data["last_error"][:300]
        facts["last_error_at"] = _iso(data.get("last_error_at"))
    if data.get("revisions_published"):
        facts["revisions_published"] = int(data["revisions_published"])
    if data.get("polled_by"):
        facts["polled_by"] = data["polled_by"].rsplit(":", 1)[0]  # host:pid of the replica holding the lease
    return facts


async def _notifier_facts(state: HealthState) -> dict[str, Any]:
    raw: Any = await state.redis.hgetall(state.keys.notifier_state)
    data = {_text(k): _text(v) for k, v in raw.items()}
    hour_ago = time.time() - 3600
    facts = {}
    for channel in state.channels:
        failures = int(await state.redis.zcount(state.keys.notifier_failures(channel), hour_ago, "+inf"))
        facts[channel] = {
            "last_delivery": _iso(data.get(f"{channel}.last_delivery")),
            "failures_1h": failures,
            "last_failure": _iso(data.get(f"{channel}.last_failure")),
        }
    return facts


def health_routes(state: HealthState) -> list[tuple[str, ASGIApp]]:
    @get
    async def live(scope: Scope) -> AsgiResponse:
        return AsgiResponse(b'{"status": "alive"}', 200, headers={"content-type": "application/json"})

    @get
    async def ready(scope: Scope) -> AsgiResponse:
        code, report = await readiness(state)
        body = json.dumps(report, ensure_ascii=False, indent=2).encode()
        return AsgiResponse(body, code, headers={"content-type": "application/json"})

    @get
    async def metrics(scope: Scope) -> AsgiResponse:
        return AsgiResponse(generate_latest(REGISTRY), 200, headers={"content-type": CONTENT_TYPE_LATEST})

    return [("/health/live", live), ("/health/ready", ready), ("/metrics", metrics)]
