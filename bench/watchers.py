"""Watchers: CPU and memory of polling 1,000 sources that mostly answer 304, against a bare httpx loop.

    python3 tasks.py bench watchers      (or .venv/bin/python bench/watchers.py [--seconds 60] [--sources 1000])

A local HTTP server (a subprocess, so its CPU is not counted; asyncio, keep-alive, ETag / 304) serves
one small RSS feed per source; every 50th feed changes every 20 s, the rest never do. An embedded
redis-server holds the watchers' state. First the baseline: a bare httpx conditional-GET loop over the
same URLs with their ETags (the floor any poller pays). Then `run_watchers` with every source
enabled (leases, seen-store, source state, metrics, the per-host limit) for `--seconds`. Reports CPU
seconds per 1,000 polls (whole run, and steady state after the first round), peak RSS and the ratio.
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from service.embedded_redis import EmbeddedRedis
from service.metrics import POLLS
from service.models import Document
from service.settings import SourcesSettings
from service.streams import Keys
from watchers.fetch import make_http_client
from watchers.pool import run_watchers
from watchers.sources import Source

CHANGING_EVERY = 50  # every 50th source changes...
CHANGE_PERIOD = 20.0  # ...every 20 s


# --- the server (run as a subprocess with --serve) ------------------------------------------------
def _feed(n: int, version: int) -> bytes:
    items = "".join(f"<item><guid>s{n}-v{version}-{i}</guid><title>Source {n} item {i} v{version}</title>"
                    f"<description>Horgos handled {n + i},000 trains.</description></item>" for i in range(3))
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>{n}</title>{items}</channel></rss>'.encode()


async def _handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            lines = head.decode("latin-1").split("\r\n")
            path = lines[0].split(" ")[1]
            headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:] if line)}
            n = int(path.strip("/f") or 0)
            version = int(time.time() / CHANGE_PERIOD) if n % CHANGING_EVERY == 0 else 0
            etag = f'"{n}-{version}"'
            if headers.get("if-none-match") == etag:
                writer.write(f"HTTP/1.1 304 Not Modified\r\nETag: {etag}\r\nContent-Length: 0\r\n\r\n".encode())
            else:
                body = _feed(n, version)
                writer.write(f"HTTP/1.1 200 OK\r\nETag: {etag}\r\nContent-Type: application/rss+xml\r\n"
                             f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError, IndexError, ValueError):
        pass
    finally:
        writer.close()


async def _serve(port_file: Path) -> None:
    server = await asyncio.start_server(_handle, "127.0.0.1", 0, backlog=1024)
    port_file.write_text(str(server.sockets[0].getsockname()[1]))
    async with server:
        await server.serve_forever()


# --- the measurements -----------------------------------------------------------------------------
def cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def polls_so_far() -> float:
    return sum(s.value for metric in POLLS.collect() for s in metric.samples if s.name.endswith("_total"))


async def baseline(urls: list[str], rounds: int, concurrency: int) -> tuple[int, float]:
    """A bare httpx conditional-GET loop: first GET to learn each ETag, then `rounds` rounds of 304s."""
    etags: dict[str, str] = {}
    gate = asyncio.Semaphore(concurrency)
    async with httpx.AsyncClient(limits=httpx.Limits(max_connections=100)) as http:
        async def get(url: str) -> None:
            async with gate:
                headers = {"If-None-Match": etags[url]} if url in etags else {}
                response = await http.get(url, headers=headers)
                etags[url] = response.headers.get("ETag", "")

        await asyncio.gather(*(get(u) for u in urls))
        started = cpu()
        for _ in range(rounds):
            await asyncio.gather(*(get(u) for u in urls))
        return rounds * len(urls), cpu() - started


async def watchers(urls: list[str], redis_url: str, seconds: float, interval: float, per_host: int) -> dict[str, float]:
    from redis.asyncio import Redis

    settings = SourcesSettings(per_host=per_host, timeout=20.0, lease_ttl=30.0)
    sources = [Source(id=f"bench-{n}", kind="rss", url=url, interval=interval) for n, url in enumerate(urls)]
    published = 0

    async def publish(document: Document) -> None:
        nonlocal published
        published += 1

    redis = Redis.from_url(redis_url)
    await redis.flushdb()
    stop = asyncio.Event()
    async with make_http_client(settings) as http:
        started_cpu, started = cpu(), time.perf_counter()
        task = asyncio.create_task(run_watchers(sources, http=http, redis=redis, keys=Keys("{bench}"),
                                                settings=settings, publish=publish, stop=stop))
        await asyncio.sleep(interval * 1.1)  # the first round: every source fetched and parsed once
        steady_cpu, steady_polls = cpu(), polls_so_far()
        await asyncio.sleep(max(0.0, seconds - interval * 1.1))
        end_cpu, end_polls, elapsed = cpu(), polls_so_far(), time.perf_counter() - started
        stop.set()
        await task
    await redis.aclose()
    return {"polls": end_polls, "cpu": end_cpu - started_cpu, "steady_polls": end_polls - steady_polls,
            "steady_cpu": end_cpu - steady_cpu, "elapsed": elapsed, "published": published}


async def main(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        port_file = Path(tmp) / "port"
        server = subprocess.Popen([sys.executable, __file__, "--serve", str(port_file)])
        redis_server = EmbeddedRedis(Path(tmp) / "redis", persistent=False)
        try:
            url = redis_server.start()
            for _ in range(100):
                if port_file.exists() and port_file.read_text():
                    break
                await asyncio.sleep(0.05)
            base = f"http://127.0.0.1:{port_file.read_text()}"
            urls = [f"{base}/f{n}" for n in range(args.sources)]
            rounds = max(1, round(args.seconds / args.interval))
            n, base_cpu = await baseline(urls, rounds, args.per_host)
            ours = await watchers(urls, url, args.seconds, args.interval, args.per_host)
        finally:
            server.terminate()
            server.wait(5)
            redis_server.stop()
    per_1000 = ours["cpu"] / ours["polls"] * 1000
    steady = ours["steady_cpu"] / max(1.0, ours["steady_polls"]) * 1000
    floor = base_cpu / n * 1000
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"sources: {args.sources}, interval {args.interval:g} s, {args.seconds:g} s, per-host limit {args.per_host}")
    print(f"baseline (bare httpx conditional GET): {n} requests, {base_cpu:.2f} CPU s, {floor:.2f} CPU s per 1,000")
    print(f"watchers: {ours['polls']:.0f} polls in {ours['elapsed']:.1f} s, {ours['cpu']:.2f} CPU s, "
          f"{per_1000:.2f} CPU s per 1,000 polls (first round included), {ours['published']:.0f} documents published")
    print(f"watchers, steady state (after the first round): {ours['steady_polls']:.0f} polls, "
          f"{steady:.2f} CPU s per 1,000 polls, {steady / floor:.1f}x the baseline")
    print(f"peak RSS: {rss_mb:.0f} MB")
    verdict = "ok" if steady < 2.0 and rss_mb < 200 else "OVER TARGET"
    print(f"target < 2 CPU s per 1,000 conditional polls and < 200 MB: {verdict}")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--serve":
        asyncio.run(_serve(Path(sys.argv[2])))
        sys.exit(0)
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--sources", type=int, default=1000)
    parser.add_argument("--interval", type=float, default=10.0, help="each source's interval (seconds)")
    parser.add_argument("--per-host", type=int, default=8, help="concurrent requests to the one local host")
    asyncio.run(main(parser.parse_args()))
