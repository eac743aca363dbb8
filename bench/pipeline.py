"""Stage throughput and latency against a raw-Redis baseline, measured in the same run.

    python3 tasks.py bench pipeline        (or .venv/bin/python bench/pipeline.py [--messages N])

An embedded redis-server is started for the run. Baseline: a bare XADD / XREADGROUP / XACK loop with
redis-py (the floor any consumer-group design pays). Then one `Stage` (main subscriber + reclaimer,
FastStream, idempotency marker per message) handling Documents with a no-op body, and the same with the
real extractor. Throughput: a burst of N messages, messages/s and the ratio to the baseline. Latency:
publish → handled percentiles at a steady offered load of half the measured throughput (a burst would
measure queueing, not latency).
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from faststream.redis import RedisBroker
from redis.asyncio import Redis

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from handlers.extract import extract
from service.consumer import Stage, ensure_groups
from service.deadletters import DeadLetters
from service.embedded_redis import EmbeddedRedis
from service.models import Document
from service.settings import PipelineSettings
from service.streams import STAGES, Keys

SAMPLE = (
    "In the first half of 2026, Alashankou handled 3,560 China-Europe and China-Central Asia freight "
    "trains, up 3% year on year, while Horgos handled 4,120 trains, an increase of 9.1%. "
) * 8


QUIET = logging.getLogger("bench.broker")
QUIET.setLevel(logging.WARNING)


def _noop(doc: Document) -> None:
    return None


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def baseline(redis: Redis, n: int) -> float:
    stream, group = "{bench}:raw", "g"
    await redis.delete(stream)
    await redis.xgroup_create(stream, group, id="0", mkstream=True)
    payload = Document(id="x", source_id="s", url="u", text=SAMPLE).model_dump_json()
    started = time.perf_counter()
    for i in range(n):
        await redis.xadd(stream, {"data": payload, "i": str(i)})
    done = 0
    while done < n:
        rows = await redis.xreadgroup(group, "c", {stream: ">"}, count=10)
        for _, entries in rows:
            for entry_id, _fields in entries:
                await redis.xack(stream, group, entry_id)
                done += 1
    return n / (time.perf_counter() - started)


async def staged(url: str, redis: Redis, n: int, work: Callable[[Document], object],
                 rate: float | None = None) -> tuple[float, list[float]]:
    """Messages/s through one stage, and each message's publish → handled latency. `rate`: offered
    messages per second (None: as fast as publishing goes)."""
    keys = Keys("{bench}")
    await redis.flushdb()
    await ensure_groups(redis, keys)
    sent: dict[str, float] = {}
    latencies: list[float] = []
    finished = asyncio.Event()

    async def process(body: bytes) -> None:
        doc = Document.model_validate_json(body)
        if await redis.set(keys.done("bench", doc.id), "1", nx=True, ex=600):
            work(doc)
        latencies.append(time.perf_counter() - sent[doc.id])
        if len(latencies) == n:
            finished.set()

    settings = PipelineSettings(consumer="bench", polling_interval_ms=50)
    broker = RedisBroker(url, logger=QUIET)
    stage = Stage(STAGES[0], keys, redis, settings, process, DeadLetters(redis, keys))
    stage.register(broker)
    await broker.start()
    started = time.perf_counter()
    for i in range(n):
        if rate is not None:
            await asyncio.sleep(max(0.0, started + i / rate - time.perf_counter()))
        doc = Document(id=f"d{i}", source_id="s", url=f"u{i}", text=SAMPLE)
        sent[doc.id] = time.perf_counter()
        await broker.publish(doc, stream=keys.documents)
    await asyncio.wait_for(finished.wait(), 300)
    rate = n / (time.perf_counter() - started)
    await broker.stop()
    await asyncio.sleep(0.5)  # let the subscribers' last blocking reads return before the next run
    return rate, latencies


def _report(name: str, rate: float, base: float) -> None:
    print(f"{name:<34} {rate:9.0f} msg/s   {rate / base:5.2f}× baseline", flush=True)


def _latency(name: str, offered: float, latencies: list[float]) -> None:
    ms = [v * 1000 for v in latencies]
    print(f"{name:<34} at {offered:6.0f} msg/s offered: p50 {_pct(ms, 0.5):6.2f} ms  p99 {_pct(ms, 0.99):6.2f} ms"
          f"  mean {statistics.fmean(ms):6.2f} ms", flush=True)


async def main(n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        server = EmbeddedRedis(Path(tmp), persistent=False)
        url = server.start()
        redis = Redis.from_url(url)
        try:
            print(f"redis-server {server.version}, {n} messages of {len(SAMPLE)} chars each", flush=True)
            base = await baseline(redis, n)
            _report("baseline XADD/XREADGROUP/XACK", base, base)
            for name, work in (("stage, no-op handler", _noop), ("stage, real extractor", extract)):
                rate, _ = await staged(url, redis, n, work)
                _report(f"{name} (burst)", rate, base)
                offered = rate / 2
                _, latencies = await staged(url, redis, min(n, int(offered * 10)), work, rate=offered)
                _latency(f"{name} (steady)", offered, latencies)
        finally:
            await redis.aclose()
            server.stop()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--messages", type=int, default=3000)
    asyncio.run(main(parser.parse_args().messages))
