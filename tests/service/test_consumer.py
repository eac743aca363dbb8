"""Crash safety of one stage against a real redis-server: reclaim, dead letters, replay, poison."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable

import pytest
from faststream.redis import RedisBroker
from redis.asyncio import Redis

from service.consumer import Stage, ensure_groups
from service.deadletters import DeadLetters
from service.errors import PoisonMessageError
from service.models import Document
from service.settings import PipelineSettings
from service.streams import STAGES, Keys

KEYS = Keys("{cwtest}")
SPEC = STAGES[0]  # documents / extractors
FAST = PipelineSettings(consumer="t", reclaim_idle=0.3, max_deliveries=3, polling_interval_ms=50)


def _doc(n: int) -> Document:
    return Document(id=f"d{n}", source_id="s", url=f"http://x/{n}", text=f"text {n}")


async def _wait_for(predicate: Callable[[], Awaitable[bool]], timeout: float = 10.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not await predicate():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.05)


@pytest.fixture
async def run_stage(redis: Redis, redis_url: str) -> AsyncIterator[Callable[..., Awaitable[Stage]]]:
    brokers: list[RedisBroker] = []

    async def start(process: Callable[[bytes], Awaitable[None]], settings: PipelineSettings = FAST) -> Stage:
        await ensure_groups(redis, KEYS)
        broker = RedisBroker(redis_url)
        stage = Stage(SPEC, KEYS, redis, settings, process, DeadLetters(redis, KEYS))
        stage.register(broker)
        await broker.start()
        brokers.append(broker)
        return stage

    yield start
    for broker in brokers:
        await broker.stop()


async def _publish(redis_url: str, *docs: Document) -> None:
    async with RedisBroker(redis_url) as broker:
        for doc in docs:
            await broker.publish(doc, stream=KEYS.documents)


async def test_entries_published_before_the_service_started_are_delivered(
    redis: Redis, redis_url: str, run_stage: Callable[..., Awaitable[Stage]]
) -> None:
    await ensure_groups(redis, KEYS)
    await _publish(redis_url, _doc(1), _doc(2))
    seen: list[str] = []

    async def process(body: bytes) -> None:
        seen.append(Document.model_validate_json(body).id)

    await run_stage(process)
    await _wait_for(lambda: _true(len(seen) == 2))
    assert seen == ["d1", "d2"]
    assert (await redis.xinfo_groups(KEYS.documents))[0]["pending"] == 0


async def _true(value: bool) -> bool:
    return value


async def test_a_failed_entry_is_redelivered_by_the_reclaimer(
    redis: Redis, redis_url: str, run_stage: Callable[..., Awaitable[Stage]]
) -> None:
    attempts: list[str] = []

    async def flaky(body: bytes) -> None:
        attempts.append(Document.model_validate_json(body).id)
        if len(attempts) == 1:
            raise ConnectionError("downstream hiccup")

    await run_stage(flaky)
    await _publish(redis_url, _doc(7))
    await _wait_for(lambda: _true(len(attempts) == 2))
    await _wait_for(lambda: _pending_is_zero(redis))
    assert attempts == ["d7", "d7"]
    assert await redis.xlen(KEYS.dead) == 0


async def _pending_is_zero(redis: Redis) -> bool:
    return int((await redis.xinfo_groups(KEYS.documents))[0]["pending"]) == 0


async def test_an_entry_that_always_fails_is_dead_lettered_and_replay_re_drives_it(
    redis: Redis, redis_url: str, run_stage: Callable[..., Awaitable[Stage]]
) -> None:
    broken = True
    handled: list[str] = []

    async def process(body: bytes) -> None:
        if broken:
            raise RuntimeError("extractor bug")
        handled.append(Document.model_validate_json(body).id)

    await run_stage(process)
    await _publish(redis_url, _doc(9))
    dead = DeadLetters(redis, KEYS)
    await _wait_for(lambda: _true_async(dead.count(), 1), timeout=15)
    [entry] = await dead.entries()
    assert entry.letter.stage == "extract"
    assert entry.letter.deliveries == FAST.max_deliveries
    assert entry.letter.error == "RuntimeError: extractor bug"
    assert '"id":"d9"' in entry.letter.body
    await _wait_for(lambda: _pending_is_zero(redis))

    broken = False
    replayed = await dead.replay([entry.dead_id])
    assert [r.dead_id for r in replayed] == [entry.dead_id]
    await _wait_for(lambda: _true(handled == ["d9"]))
    assert await dead.count() == 0


async def _true_async(value: Awaitable[int], expected: int) -> bool:
    return await value == expected


async def test_poison_is_dead_lettered_at_once_without_retries(
    redis: Redis, redis_url: str, run_stage: Callable[..., Awaitable[Stage]]
) -> None:
    calls = 0

    async def process(body: bytes) -> None:
        nonlocal calls
        calls += 1
        raise PoisonMessageError("not a valid Document")

    await run_stage(process)
    await _publish(redis_url, _doc(3))
    dead = DeadLetters(redis, KEYS)
    await _wait_for(lambda: _true_async(dead.count(), 1))
    [entry] = await dead.entries()
    assert entry.letter.error == "poison: not a valid Document"
    assert entry.letter.deliveries == 1
    assert calls == 1
