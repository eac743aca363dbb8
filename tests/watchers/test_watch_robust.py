"""Politeness, hostile input and revisions, against a real Redis and a real HTTP server on loopback."""

from __future__ import annotations

import asyncio
import gzip
import logging
import random
import tracemalloc
from collections.abc import AsyncIterator, Iterator
from datetime import timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from redis.asyncio import Redis
from support.feed_server import FeedServer, Route

from service.models import utcnow
from service.settings import SourcesSettings
from service.streams import Keys
from watchers import kinds
from watchers.base import PollResult, Watcher
from watchers.fetch import Fetcher, make_http_client
from watchers.rss import read_feed
from watchers.sources import Source

FIXTURES = Path(__file__).parent / "fixtures"
RSS = (FIXTURES / "rss_feed.xml").read_bytes()
MB = 1024 * 1024


def feed(*items: tuple[str, str], ttl: int | None = None) -> bytes:
    body = "".join(f"<item><guid>{g}</guid><title>{g}</title><description>{d}</description></item>" for g, d in items)
    ttl_tag = f"<ttl>{ttl}</ttl>" if ttl else ""
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{ttl_tag}{body}</channel></rss>'.encode()


@pytest.fixture
async def http(sources_settings: SourcesSettings) -> AsyncIterator[httpx.AsyncClient]:
    async with make_http_client(sources_settings) as client:
        yield client


@pytest.fixture
def build(http: httpx.AsyncClient, redis: Redis, keys: Keys, sources_settings: SourcesSettings, recorder: Any) -> Any:
    def make(url: str, *, settings: SourcesSettings | None = None, source_id: str = "robust", **kw: Any) -> Watcher:
        source = Source(id=source_id, kind="rss", url=url, interval=60.0)
        return Watcher(source, http=http, redis=redis, keys=keys, settings=settings or sources_settings,
                       publish=recorder, rng=random.Random(3), **kw)

    return make


async def test_a_304_costs_no_parse_and_publishes_nothing(
    feed_server: FeedServer, build: Any, recorder: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    parses: list[str] = []
    real = read_feed

    def counting(*args: Any, **kwargs: Any) -> Any:
        parses.append("parse")
        return real(*args, **kwargs)

    monkeypatch.setattr(kinds, "read_feed", counting)  # the name the rss reader calls
    feed_server.routes["/f"] = Route(RSS, etag='"v1"')
    watcher = build(feed_server.url("/f"))
    assert (await watcher.poll_once()).new == 3
    assert await watcher.poll_once() == PollResult(unchanged=True)
    assert parses == ["parse"] and len(recorder.documents) == 3
    assert feed_server.requests[-1][1]["if-none-match"] == '"v1"'


async def test_a_changed_body_is_published_once_as_a_revision(
    feed_server: FeedServer, build: Any, recorder: Any, redis: Redis, keys: Keys
) -> None:
    feed_server.routes["/f"] = Route(feed(("a", "Horgos: 3,000 trains"), ("b", "Dostyk: 45 trains")))
    watcher = build(feed_server.url("/f"))
    assert (await watcher.poll_once()).new == 2
    feed_server.routes["/f"] = Route(feed(("a", "Horgos: 3,100 trains (corrected)"), ("b", "Dostyk: 45 trains")))
    assert await watcher.poll_once() == PollResult(new=1, revised=1)
    assert await watcher.poll_once() == PollResult()  # the revision is remembered: not again
    first = next(d for d in recorder.documents if d.title == "a")
    revision = recorder.documents[-1]
    assert revision.id == first.id and revision.revision == 1 and first.revision == 0
    assert revision.content_hash != first.content_hash and "3,100" in revision.text
    state: Any = await redis.hgetall(keys.source_state("robust"))
    assert state[b"documents_published"] == b"3" and state[b"revisions_published"] == b"1"


async def test_50_mb_is_cut_at_the_cap_without_holding_it(feed_server: FeedServer, build: Any) -> None:
    def fifty_megabytes() -> Iterator[bytes]:
        chunk = b"<item>" + b"x" * (64 * 1024 - 6)
        for _ in range(50 * MB // len(chunk)):
            yield chunk

    feed_server.routes["/big"] = Route(chunks=fifty_megabytes)
    settings = SourcesSettings(timeout=10.0, max_bytes=2 * MB)
    tracemalloc.start()
    try:
        result = await build(feed_server.url("/big"), settings=settings).poll_once()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert result.error == f"response is over the {2 * MB} byte cap"
    assert peak < 12 * MB  # the cap and some buffers, never the 50 MB
    await asyncio.sleep(0.2)
    assert feed_server.sent < 20 * MB, (feed_server.requests, feed_server.sent)  # the client hung up


BILLION_LAUGHS = ('<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol "lol">'
                  + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
                            for i in range(1, 10))
                  + ']><rss version="2.0"><channel><title>bomb</title><item><guid>b1</guid><title>&lol9;</title>'
                  '<description>kaboom</description></item></channel></rss>').encode()


async def test_hostile_feeds_leave_the_watcher_running_and_reported(
    feed_server: FeedServer, build: Any, redis: Redis, keys: Keys, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="corridor_watch.watch")
    feed_server.routes["/bomb"] = Route(BILLION_LAUGHS)
    feed_server.routes["/cut"] = Route((FIXTURES / "bozo_truncated.xml").read_bytes())
    tracemalloc.start()
    try:
        bomb = await build(feed_server.url("/bomb"), source_id="bomb").poll_once()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 5 * MB  # entities were never expanded (a billion "lol"s would be gigabytes)
    assert bomb.error is None or "not a readable feed" in bomb.error
    assert "bomb: malformed feed" in caplog.text or "bomb: poll failed" in caplog.text
    cut = await build(feed_server.url("/cut"), source_id="cut").poll_once()
    assert cut.new >= 1 and "cut: malformed feed" in caplog.text  # what parsed is kept, the rest logged
    for source_id in ("bomb", "cut"):
        assert await redis.hget(keys.source_state(source_id), "last_attempt")


async def test_redirect_limit_and_gzip(feed_server: FeedServer, build: Any) -> None:
    for n in range(8):
        feed_server.routes[f"/r{n}"] = Route(status=302, headers={"Location": f"/r{n + 1}"})
    assert (await build(feed_server.url("/r0")).poll_once()).error == "more than 5 redirects"
    feed_server.routes["/gz"] = Route(gzip.compress(RSS), headers={"Content-Encoding": "gzip"})
    assert (await build(feed_server.url("/gz"), source_id="gz").poll_once()).new == 3


async def test_server_lower_bounds_on_the_interval(feed_server: FeedServer, build: Any) -> None:
    feed_server.routes["/429"] = Route(b"slow down", status=429, headers={"Retry-After": "600"})
    busy = build(feed_server.url("/429"), source_id="busy")
    result = await busy.poll_once()
    assert result.error == "HTTP 429 Too Many Requests" and result.min_delay == 600
    assert busy._delay(1, result) >= 600  # not the 30 s first backoff
    feed_server.routes["/ttl"] = Route(feed(("a", "x"), ttl=120), etag='"t"', headers={"Cache-Control": "max-age=60"})
    ttl = build(feed_server.url("/ttl"), source_id="ttl")
    assert (await ttl.poll_once()).min_delay == 7200  # <ttl> 120 minutes beats max-age 60 s
    assert (await ttl.poll_once()).min_delay == 7200  # a 304 keeps the bound the body gave
    capped = build(feed_server.url("/ttl"), source_id="capped", settings=SourcesSettings(max_server_delay=900))
    assert capped._delay(0, await capped.poll_once()) == 900


async def test_at_most_n_requests_per_host(
    feed_server: FeedServer, http: httpx.AsyncClient, build: Any
) -> None:
    settings = SourcesSettings(per_host=2, timeout=5.0)
    fetcher = Fetcher(http, settings)
    for n in range(6):
        feed_server.routes[f"/h{n}"] = Route(RSS, delay=0.5)  # long enough to overlap on a loaded machine
    watchers = [build(feed_server.url(f"/h{n}"), source_id=f"h{n}", settings=settings, fetcher=fetcher)
                for n in range(6)]
    results = await asyncio.gather(*(w.poll_once() for w in watchers))
    assert all(r.new == 3 for r in results)
    assert feed_server.peak_active == 2


async def test_500_ten_times_then_200_backs_off_to_the_cap_then_publishes_once(
    feed_server: FeedServer, build: Any, recorder: Any
) -> None:
    feed_server.queued["/flaky"] = [Route(b"boom", status=500) for _ in range(10)]
    feed_server.routes["/flaky"] = Route(RSS, etag='"e"')
    waits: list[float] = []
    stop = asyncio.Event()

    async def fake_wait(event: asyncio.Event, seconds: float) -> bool:  # an injected clock: no sleeping
        waits.append(seconds)
        if len(waits) >= 14:
            stop.set()
        await asyncio.sleep(0)
        return stop.is_set()

    watcher = build(feed_server.url("/flaky"), settings=SourcesSettings(backoff_max=240.0), wait=fake_wait)
    await asyncio.wait_for(watcher.run(stop), timeout=10)
    backoffs = waits[1:11]  # waits[0] is the first poll, due at once
    assert all(b <= 240.0 for b in backoffs)
    assert backoffs[0] < 30.0 and max(backoffs[-4:]) > 120.0  # grew from the base to half the cap at least
    assert sorted(backoffs[:4]) == backoffs[:4]  # growing while under the cap
    assert feed_server.count("/flaky") >= 13  # never parked: still polled after the recovery
    assert len(recorder.documents) == 3  # published once, despite the polls after it
    assert waits[11] > 50.0  # back to the interval (60 s ± 5 %)


async def test_the_seen_store_is_bounded_and_expires(
    feed_server: FeedServer, build: Any, redis: Redis, keys: Keys, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="corridor_watch.watch")
    settings = SourcesSettings(seen_max=100, seen_ttl=3600)
    watcher = build(feed_server.url("/f"), settings=settings)
    for batch in range(3):  # 60 entries per version of the feed; 180 in all over the bound of 100
        feed_server.routes["/f"] = Route(feed(*((f"b{batch}-{i}", "x") for i in range(60))))
        assert (await watcher.poll_once()).new == 50  # max_entries
    seen = keys.seen("robust")
    assert await redis.hlen(seen) == 50  # past the bound: only the entries still listed are kept
    assert "dropped 100 of entries no longer listed" in caplog.text
    assert 3500 < await redis.ttl(seen) <= 3600


async def test_hostile_sources_do_not_stop_the_others(
    feed_server: FeedServer, http: httpx.AsyncClient, redis: Redis, keys: Keys, recorder: Any
) -> None:
    from watchers.pool import run_watchers

    feed_server.routes["/bomb"] = Route(BILLION_LAUGHS)
    feed_server.routes["/cut"] = Route((FIXTURES / "bozo_truncated.xml").read_bytes())
    feed_server.routes["/huge"] = Route(chunks=lambda: iter([b"x" * MB] * 50))
    feed_server.routes["/good"] = Route(RSS)
    sources = [Source(id=name, kind="rss", url=feed_server.url(f"/{name}"), interval=60.0)
               for name in ("bomb", "cut", "huge", "good")]
    stop = asyncio.Event()
    task = asyncio.create_task(run_watchers(sources, http=http, redis=redis, keys=keys,
                                            settings=SourcesSettings(max_bytes=MB), publish=recorder, stop=stop))
    for _ in range(200):
        states = [await redis.hget(keys.source_state(s.id), "last_attempt") for s in sources]
        if all(states) and any(d.source_id == "good" for d in recorder.documents):
            break
        await asyncio.sleep(0.02)
    assert not task.done()  # the service runs on
    assert {d.source_id for d in recorder.documents} >= {"good", "cut"}
    assert await redis.hget(keys.source_state("huge"), "last_error") == f"response is over the {MB} byte cap".encode()
    stop.set()
    await asyncio.wait_for(task, 5)


async def test_retry_after_as_an_http_date(feed_server: FeedServer, build: Any) -> None:
    when = format_datetime(utcnow().replace(microsecond=0) + timedelta(seconds=300), usegmt=True)
    feed_server.routes["/503"] = Route(b"maintenance", status=503, headers={"Retry-After": when})
    result = await build(feed_server.url("/503")).poll_once()
    assert result.error == "HTTP 503 Service Unavailable"
    assert result.min_delay is not None and 290 <= result.min_delay <= 300
    feed_server.routes["/500"] = Route(b"boom", status=500, headers={"Retry-After": "300"})
    assert (await build(feed_server.url("/500"), source_id="s500").poll_once()).min_delay is None  # 429/503 only
