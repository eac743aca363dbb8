"""watchers/html.py and watchers/json_api.py through a Watcher, against a local HTTP server."""

from __future__ import annotations

import json
import random
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from redis.asyncio import Redis
from support.feed_server import FeedServer, Route

from service.settings import SourcesSettings
from service.streams import Keys
from watchers.base import PollResult, Watcher
from watchers.fetch import make_http_client
from watchers.html import article_links
from watchers.json_api import parse_date, pick
from watchers.sources import Source
from watchers.urls import canonical_url

LISTING = """<html><body><nav><a href="/about">About</a></nav><ul>
<li><a class="news-item" href="/news/3?utm_source=rss#top">Third</a></li>
<li><a class="news-item" href="/news/2">Second</a></li>
<li><a class="news-item" href="/news/1">First</a></li></ul></body></html>"""


def article(n: int, extra: str = "") -> bytes:
    return f"""<html><head><title>Site | {n}</title><meta property="og:title" content="Article {n}">
<meta property="article:published_time" content="2026-11-0{n}T08:00:00Z"></head><body>
<header>Menu Menu Menu</header><nav>Home · News · Contacts</nav>
<div class="content"><p>Horgos handled {n},000 trains in October.{extra}</p><p>Up 1{n}% year on year.</p></div>
<aside>Related: a much longer sidebar paragraph that is not the article at all, really.</aside>
<footer>© 2026</footer></body></html>""".encode()


@pytest.fixture
async def http(sources_settings: SourcesSettings) -> AsyncIterator[httpx.AsyncClient]:
    async with make_http_client(sources_settings) as client:
        yield client


def watcher(source: Source, http: httpx.AsyncClient, redis: Redis, keys: Keys, recorder: Any,
            settings: SourcesSettings) -> Watcher:
    return Watcher(source, http=http, redis=redis, keys=keys, settings=settings, publish=recorder,
                   rng=random.Random(1))


async def test_html_listing_fetches_only_new_articles_bounded_per_poll(
    feed_server: FeedServer, http: httpx.AsyncClient, redis: Redis, keys: Keys, recorder: Any
) -> None:
    feed_server.routes["/list"] = Route(LISTING.encode(), content_type="text/html", etag='"l1"')
    feed_server.routes["/news/3"] = Route(article(3), content_type="text/html")
    feed_server.routes["/news/2"] = Route(article(2), content_type="text/html")
    source = Source(id="site", kind="html", url=feed_server.url("/list"), interval=60.0, language="en",
                    link_selector="a.news-item")
    settings = SourcesSettings(max_articles=1, timeout=5.0)
    w = watcher(source, http, redis, keys, recorder, settings)
    assert await w.poll_once() == PollResult(new=1)
    doc = recorder.documents[0]
    assert doc.title == "Article 3" and doc.url == feed_server.url("/news/3")  # tracking params, fragment gone
    assert doc.text == "Horgos handled 3,000 trains in October.\nUp 13% year on year."
    assert doc.published_at is not None and doc.published_at.day == 3
    assert (await w.poll_once()).new == 1  # bounded: the next one on the next poll (no 304 meanwhile)
    assert recorder.documents[1].title == "Article 2"
    assert feed_server.count("/news/3") == 1  # seen articles are not fetched again
    assert feed_server.count("/about") == 0  # only the selected links


async def test_json_items_by_dotted_paths(
    feed_server: FeedServer, http: httpx.AsyncClient, redis: Redis, keys: Keys, recorder: Any,
    sources_settings: SourcesSettings,
) -> None:
    body = {"code": 0, "data": {"list": [
        {"title": "<b>Dostyk</b> queue", "url": "/n/1?utm_medium=x", "pubDate": 1762416000000,
         "content": "<p>45 trains waiting.</p>"},
        {"title": "No date", "url": "/n/2", "content": "plain text"},
        "not an object",
    ]}}
    feed_server.routes["/api"] = Route(json.dumps(body).encode("gbk"), content_type="application/json; charset=gbk")
    source = Source(id="api", kind="json", url=feed_server.url("/api"), interval=60.0, items="data.list",
                    link_path="url", date_path="pubDate", text_path="content")
    assert (await watcher(source, http, redis, keys, recorder, sources_settings).poll_once()).new == 2
    second, first = recorder.documents  # oldest (last listed) first
    assert first.title == "Dostyk queue" and first.text == "45 trains waiting."
    assert first.url == feed_server.url("/n/1") and first.published_at is not None
    assert second.published_at == second.fetched_at  # no date: the fetch time
    feed_server.routes["/api"] = Route(b'{"data": {}}', content_type="application/json")
    result = await watcher(source, http, redis, keys, recorder, sources_settings).poll_once()
    assert result.error == "items = 'data.list': not a list in the response"


def test_a_web_listing_never_leads_to_a_local_file() -> None:
    source = Source(id="site", kind="html", url="https://example.org/list", interval=60.0, link_selector="a")
    markup = '<a href="file:///etc/passwd">x</a><a href="/news/1">y</a><a href="mailto:a@b">z</a>'
    assert article_links(source, markup, source.url, 10) == ["https://example.org/news/1"]


def test_helpers() -> None:
    assert pick({"a": {"b": [{"c": 1}]}}, "a.b.0.c") == 1 and pick({"a": 1}, "a.b") is None
    assert parse_date("2026-11-05T08:00:00+06:00") is not None and parse_date("Thu, 05 Nov 2026 08:00:00 GMT")
    assert parse_date("yesterday") is None and parse_date(None) is None
    assert canonical_url("HTTPS://Ex.org/a?utm_source=x&id=7&fbclid=1#f") == "https://ex.org/a?id=7"
    assert canonical_url("b?x", "https://ex.org/a/") == "https://ex.org/a/b?x"
    assert canonical_url("javascript:void(0)") == ""
