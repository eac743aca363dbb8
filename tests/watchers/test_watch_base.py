"""watchers/base.py against a real Redis and a real local HTTP server: dedup, restarts, 304, failures."""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from redis.asyncio import Redis
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff
from support.feed_server import Route

from service.settings import SourcesSettings
from service.streams import Keys
from watchers.base import PollResult, Watcher, next_delay
from watchers.fetch import make_http_client
from watchers.sources import Source, load_catalog

FIXTURES = Path(__file__).parent / "fixtures"
RSS = (FIXTURES / "rss_feed.xml").read_bytes()


@pytest.fixture
async def http(sources_settings: SourcesSettings) -> AsyncIterator[httpx.AsyncClient]:
    async with make_http_client(sources_settings) as client:
        yield client


@pytest.fixture
def make_watcher(
    http: httpx.AsyncClient, redis: Redis, keys: Keys, sources_settings: SourcesSettings, recorder: Any
) -> Any:
    def build(url: str, *, kind: str = "rss", source_id: str = "test-feed", interval: float = 60.0) -> Watcher:
        source = Source(id=source_id, kind=kind, url=url, interval=interval)
        return Watcher(source, http=http, redis=redis, keys=keys, settings=sources_settings, publish=recorder,
                       rng=random.Random(7))

    return build


async def state_of(redis: Redis, keys: Keys, source_id: str = "test-feed") -> dict[str, str]:
    raw: dict[bytes, bytes] = await redis.hgetall(keys.source_state(source_id))  # type: ignore[assignment]
    return {k.decode(): v.decode() for k, v in raw.items()}


async def test_polling_the_same_feed_twice_publishes_once(
    feed_server: Any, make_watcher: Any, recorder: Any, redis: Redis, keys: Keys
) -> None:
    feed_server.routes["/feed"] = feed_server_route(RSS)
    watcher = make_watcher(feed_server.url("/feed"))
    assert await watcher.poll_once() == PollResult(new=3)
    assert await watcher.poll_once() == PollResult(new=0)
    assert feed_server.count("/feed") == 2
    titles = [d.title for d in recorder.documents]
    assert titles == ["Older item", "Dostyk queue shortens", "Horgos passes 3,000 trains"]  # oldest first
    seen: dict[bytes, bytes] = await redis.hgetall(keys.seen("test-feed"))  # type: ignore[assignment]
    assert seen[b"news-3"].decode() == recorder.documents[-1].content_hash
    state = await state_of(redis, keys)
    assert state["documents_published"] == "3" and state["consecutive_failures"] == "0"
    assert float(state["last_success"]) >= float(state["last_attempt"]) >= float(state["first_attempt"])


async def test_a_restart_does_not_republish(feed_server: Any, make_watcher: Any, recorder: Any) -> None:
    feed_server.routes["/feed"] = feed_server_route(RSS)
    assert (await make_watcher(feed_server.url("/feed")).poll_once()).new == 3
    assert (await make_watcher(feed_server.url("/feed")).poll_once()).new == 0
    assert len(recorder.documents) == 3


async def test_etag_then_304(feed_server: Any, make_watcher: Any, recorder: Any, redis: Redis, keys: Keys) -> None:
    feed_server.routes["/feed"] = feed_server_route(RSS, etag='"v1"')
    watcher = make_watcher(feed_server.url("/feed"))
    assert await watcher.poll_once() == PollResult(new=3)
    assert (await state_of(redis, keys))["etag"] == '"v1"'
    assert await watcher.poll_once() == PollResult(new=0, unchanged=True)
    assert feed_server.count("/feed") == 2
    assert feed_server.requests[1][1]["if-none-match"] == '"v1"'
    assert "user-agent" in feed_server.requests[0][1]
    assert feed_server.requests[0][1]["user-agent"].startswith("corridor-watch/")
    assert len(recorder.documents) == 3


async def test_failure_recorded_then_recovery(
    feed_server: Any, make_watcher: Any, recorder: Any, redis: Redis, keys: Keys, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="corridor_watch.watch")
    feed_server.routes["/feed"] = feed_server_route(b"oops", status=500)
    watcher = make_watcher(feed_server.url("/feed"))
    assert await watcher.poll_once() == PollResult(error="HTTP 500 Internal Server Error")
    assert await watcher.poll_once() == PollResult(error="HTTP 500 Internal Server Error")
    state = await state_of(redis, keys)
    assert state["consecutive_failures"] == "2"
    assert state["last_error"] == "HTTP 500 Internal Server Error"
    assert "last_success" not in state
    assert caplog.text.count("test-feed: poll failed: HTTP 500") == 1  # logged once, then "still failing"
    feed_server.routes["/feed"] = feed_server_route(RSS)
    assert await watcher.poll_once() == PollResult(new=3)
    state = await state_of(redis, keys)
    assert state["consecutive_failures"] == "0" and state["last_success"]
    assert "recovered after 2 failed polls" in caplog.text


@pytest.mark.parametrize(
    ("route", "reason"),
    [
        ({"body": b"", "status": 412}, "HTTP 412 Precondition Failed"),
        ({"body": b"x" * 5000}, "response of 5000 bytes is over the 2048 byte cap"),
        ({"body": b"x" * 5000, "send_length": False}, "response is over the 2048 byte cap"),
        ({"body": RSS, "delay": 1.0}, "timed out after 0.2 s"),
        ({"body": b"<html><body>Enable JavaScript</body></html>", "content_type": "text/html"},
         "not a readable feed: NonXMLContentType"),
    ],
)
async def test_fetch_failures(
    feed_server: Any, http: httpx.AsyncClient, redis: Redis, keys: Keys, recorder: Any,
    route: dict[str, Any], reason: str,
) -> None:
    feed_server.routes["/feed"] = feed_server_route(**route)
    settings = SourcesSettings(timeout=0.2, max_bytes=2048)
    source = Source(id="test-feed", kind="rss", url=feed_server.url("/feed"), interval=60.0)
    watcher = Watcher(source, http=http, redis=redis, keys=keys, settings=settings, publish=recorder)
    result = await watcher.poll_once()
    assert result.error is not None and reason in result.error
    assert reason in (await state_of(redis, keys))["last_error"]


async def test_connection_refused_is_a_failure(make_watcher: Any) -> None:
    result = await make_watcher("http://127.0.0.1:9/feed").poll_once()
    assert result.error is not None and result.error.startswith("ConnectError")


async def test_a_failed_publish_loses_nothing(
    feed_server: Any, make_watcher: Any, recorder: Any, redis: Redis, keys: Keys
) -> None:
    feed_server.routes["/feed"] = feed_server_route(RSS, etag='"v1"')
    watcher = make_watcher(feed_server.url("/feed"))
    recorder.fail = True
    result = await watcher.poll_once()
    assert result.error == "publish failed: ConnectionError: broker unreachable"
    assert await redis.hlen(keys.seen("test-feed")) == 0
    assert (await state_of(redis, keys)).get("etag", "") == ""  # no validators: the next poll is in full
    recorder.fail = False
    assert await watcher.poll_once() == PollResult(new=3)


async def test_the_demo_catalogue_offline(
    http: httpx.AsyncClient, redis: Redis, keys: Keys, sources_settings: SourcesSettings, recorder: Any
) -> None:
    demo = [s for s in load_catalog(None) if s.enabled]
    watchers = [Watcher(s, http=http, redis=redis, keys=keys, settings=sources_settings, publish=recorder)
                for s in demo]
    results = [await w.poll_once() for w in watchers]
    assert sum(r.new for r in results) == 22
    again = [await w.poll_once() for w in watchers]
    assert all(r.unchanged for r in again)  # the files did not change
    assert len({d.id for d in recorder.documents}) == 22


async def test_file_changes_are_read_again(
    tmp_path: Path, make_watcher: Any, recorder: Any
) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_bytes((FIXTURES / "bozo_truncated.xml").read_bytes())
    watcher = make_watcher(feed.as_uri())
    assert (await watcher.poll_once()).new == 2
    feed.write_bytes(RSS)
    assert (await watcher.poll_once()).new == 3
    assert (await watcher.poll_once()).unchanged


async def test_run_polls_until_stopped(
    feed_server: Any, make_watcher: Any, recorder: Any, redis: Redis, keys: Keys
) -> None:
    feed_server.routes["/feed"] = feed_server_route(RSS)
    watcher = make_watcher(feed_server.url("/feed"), interval=1.0)
    stop = asyncio.Event()
    task = asyncio.create_task(watcher.run(stop))
    for _ in range(100):
        if feed_server.count("/feed") >= 2:
            break
        await asyncio.sleep(0.05)
    stop.set()
    await asyncio.wait_for(task, timeout=2)
    assert feed_server.count("/feed") >= 2
    assert len(recorder.documents) == 3
    assert float((await state_of(redis, keys))["next_poll"]) > 0


def test_next_delay() -> None:
    rng = random.Random(1)
    assert all(57.0 <= next_delay(60, 0, 3600, rng) <= 63.0 for _ in range(50))
    backoffs = [next_delay(900, n, 3600, random.Random(2)) for n in range(1, 12)]
    assert 15 <= backoffs[0] <= 30
    assert all(d <= 3600 for d in backoffs)
    assert backoffs[-1] >= 1800  # at the cap, still polled: never parked
    assert next_delay(1, 5, 0, rng) >= 1.0


def feed_server_route(body: bytes = b"", **kwargs: Any) -> Route:
    return Route(body=body, **kwargs)


async def test_redirects_are_followed_and_last_modified_is_sent_back(
    feed_server: Any, make_watcher: Any, redis: Redis, keys: Keys
) -> None:
    stamp = "Wed, 22 Apr 2026 08:30:00 GMT"
    feed_server.routes["/old"] = feed_server_route(status=301, headers={"Location": "/feed"})
    feed_server.routes["/feed"] = feed_server_route(RSS, headers={"Last-Modified": stamp})
    watcher = make_watcher(feed_server.url("/old"))
    assert (await watcher.poll_once()).new == 3
    assert (await state_of(redis, keys))["last_modified"] == stamp
    await watcher.poll_once()
    assert feed_server.requests[-1][1]["if-modified-since"] == stamp


async def test_feed_duplicate_guids_publish_once(feed_server: Any, make_watcher: Any, recorder: Any) -> None:
    feed_server.routes["/feed"] = feed_server_route((FIXTURES / "feed_duplicate_guids.xml").read_bytes())
    assert (await make_watcher(feed_server.url("/feed")).poll_once()).new == 2
    assert [d.text for d in recorder.documents] == ["Another entry.", "First copy."]  # oldest first


async def test_validators_of_another_url_are_not_sent(
    feed_server: Any, make_watcher: Any, redis: Redis, keys: Keys
) -> None:
    feed_server.routes["/a"] = feed_server_route(RSS, etag='"a1"')
    feed_server.routes["/b"] = feed_server_route(RSS, etag='"b1"')
    await make_watcher(feed_server.url("/a")).poll_once()
    assert (await make_watcher(feed_server.url("/b")).poll_once()) == PollResult(new=0)  # seen: not republished
    assert "if-none-match" not in feed_server.requests[-1][1]
    assert (await state_of(redis, keys))["url"] == feed_server.url("/b")


async def test_run_survives_an_unreachable_redis(
    http: httpx.AsyncClient, keys: Keys, sources_settings: SourcesSettings, recorder: Any,
    caplog: pytest.LogCaptureFixture,
) -> None:
    dead = Redis(host="127.0.0.1", port=9, socket_connect_timeout=0.2, retry=Retry(NoBackoff(), 0))
    source = Source(id="test-feed", kind="rss", url=(FIXTURES / "rss_feed.xml").as_uri(), interval=1.0)
    watcher = Watcher(source, http=http, redis=dead, keys=keys, settings=sources_settings, publish=recorder)
    stop = asyncio.Event()
    task = asyncio.create_task(watcher.run(stop))
    await asyncio.sleep(1.6)  # two attempts at least: the first at once, the next after >= 1 s
    stop.set()
    await asyncio.wait_for(task, timeout=2)
    await dead.aclose()
    assert caplog.text.count("cannot poll or record the poll: ConnectionError") == 1
    assert "Traceback" not in caplog.text
    assert recorder.documents == []


async def test_stop_cancels_a_slow_poll(feed_server: Any, make_watcher: Any, recorder: Any) -> None:
    feed_server.routes["/feed"] = feed_server_route(RSS, delay=3.0)
    watcher = make_watcher(feed_server.url("/feed"))
    stop = asyncio.Event()
    task = asyncio.create_task(watcher.run(stop))
    await asyncio.sleep(0.2)
    stop.set()
    await asyncio.wait_for(task, timeout=1)
    assert recorder.documents == []
