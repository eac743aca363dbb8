"""Three `corridor-watch run` processes on one Redis share 30 sources through leases; SIGKILL one.

Bounded: about 25 s. The feeds are on a local HTTP server that timestamps every request per path.
"""

from __future__ import annotations

import asyncio
import itertools
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from redis.asyncio import Redis
from support.feed_server import FeedServer, Route

from service.models import Document
from service.streams import Keys

SOURCES = 30
INTERVAL = 2.0
LEASE_TTL = 3.0
KEYS = Keys()  # the service's default prefix


def rss(n: int) -> bytes:
    items = "".join(f"<item><guid>s{n}-{i}</guid><title>Source {n} item {i}</title><description>Horgos {n}{i}0 "
                    f"trains.</description><pubDate>Mon, 0{i + 1} Nov 2026 08:00:00 GMT</pubDate></item>"
                    for i in range(2))
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>{n}</title>{items}</channel></rss>'.encode()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start(tmp_path: Path, redis_url: str, catalog: Path, n: int) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CW_")}
    env.update(REDIS_URL=redis_url, CW_SOURCES__CATALOG=str(catalog), CW_SOURCES__LEASE_TTL=str(LEASE_TTL),
               CW_HEALTH__PORT=str(free_port()), CW_LOG_LEVEL="INFO", CW_ENV_FILE="")
    env.pop("CW_ENV_FILE")
    log = (tmp_path / f"replica{n}.log").open("wb")
    return subprocess.Popen([sys.executable, "-m", "service.cli", "run"], cwd=tmp_path, env=env,
                            stdout=log, stderr=subprocess.STDOUT)


async def owners(redis: Redis) -> dict[str, str]:
    values: list[Any] = await redis.mget([KEYS.lease(f"src-{n}") for n in range(SOURCES)])
    return {f"src-{n}": v.decode() for n, v in enumerate(values) if v is not None}


async def wait_until(condition: Any, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not await condition():
        assert time.monotonic() < deadline, "condition not met in time"
        await asyncio.sleep(0.1)


def _document_id(raw: bytes) -> bytes:
    match = re.search(rb'"id":\s*"([0-9a-f]+)"', raw)
    assert match is not None, raw[:200]
    return match.group(1)


def gaps(server: FeedServer, path: str) -> list[float]:
    times = sorted(t for p, t in server.times if p == path)
    return [b - a for a, b in itertools.pairwise(times)]


async def test_three_replicas_share_sources_and_take_over_from_a_killed_one(
    tmp_path: Path, feed_server: FeedServer, redis: Redis, redis_url: str
) -> None:
    for n in range(SOURCES):
        feed_server.routes[f"/f{n}"] = Route(rss(n), etag=f'"{n}"')
    catalog = tmp_path / "catalog.toml"
    catalog.write_text("".join(f'[[sources]]\nid = "src-{n}"\nkind = "rss"\nurl = "{feed_server.url(f"/f{n}")}"\n'
                               f'interval = "{INTERVAL:g}s"\n\n' for n in range(SOURCES)))
    procs = [start(tmp_path, redis_url, catalog, n) for n in range(3)]
    try:
        async def all_polled() -> bool:
            return all(feed_server.count(f"/f{n}") >= 1 for n in range(SOURCES))

        await wait_until(all_polled, 20)
        await asyncio.sleep(3 * INTERVAL)  # three intervals with three replicas polling
        # each source once per interval: never two requests closer than the interval allows (jitter ±5 %)
        for n in range(SOURCES):
            assert min(gaps(feed_server, f"/f{n}"), default=INTERVAL) > INTERVAL * 0.9, n
        held = await owners(redis)
        assert len(held) == SOURCES
        pids = {p.pid for p in procs}
        by_pid = Counter(int(token.split(":")[1]) for token in held.values())
        assert set(by_pid) <= pids
        victim_pid = by_pid.most_common(1)[0][0]
        victim = next(p for p in procs if p.pid == victim_pid)
        orphans = [sid for sid, token in held.items() if int(token.split(":")[1]) == victim_pid]
        victim.send_signal(signal.SIGKILL)
        killed_at = time.time()
        victim.wait(5)

        async def taken_over() -> bool:
            now = await owners(redis)
            return all(sid in now and int(now[sid].split(":")[1]) != victim_pid for sid in orphans)

        await wait_until(taken_over, LEASE_TTL + LEASE_TTL / 3 + 2)
        assert time.time() - killed_at <= LEASE_TTL + LEASE_TTL / 3 + 1.5  # within one lease period (+ a try)
        await asyncio.sleep(INTERVAL + 1)
        for sid in orphans:  # polled again by a survivor
            path = "/f" + sid.split("-")[1]
            assert any(p == path and t > killed_at for p, t in feed_server.times), sid
        for n in range(SOURCES):  # still once per interval, across the takeover too
            assert min(gaps(feed_server, f"/f{n}"), default=INTERVAL) > INTERVAL * 0.9, n
        entries: Any = await redis.xrange(KEYS.documents)
        ids = [_document_id(b"".join(fields.values())) for _, fields in entries]
        assert len(entries) == 2 * SOURCES and len(set(ids)) == 2 * SOURCES  # each document published once
        expected = {Document.make_id(f"src-{n}", f"s{n}-{i}").encode() for n in range(SOURCES) for i in range(2)}
        assert set(ids) == expected
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        for proc in procs:
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
