"""The whole service against real components: a local RSS feed, Redis, a Slack-like server, aiosmtpd.

A feed carries the seed text about Horgos (3,000 trains in January–April 2026, +21 % year on year); the
rule TRAINS_COUNT YOY_ABS_PCT=15 is crossed. Slack gets exactly one message and the mailbox one email,
each naming Horgos, the indicator, the value, the threshold and the source URL; further polls of the same
feed send nothing more.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path

import pytest
from redis.asyncio import Redis
from support.feed_server import FeedServer, Route
from support.paths import CORPUS
from support.service import Item, catalog, configure, ready, rss, running, settled
from support.slack_server import SlackServer
from support.smtp_server import SmtpServer

from service import app
from service.settings import Settings

ITEM_URL = "https://news.example.kz/horgos-trains-2026"


@pytest.fixture
async def service(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, redis: Redis, redis_url: str,
                  feed_server: FeedServer, slack_server: SlackServer, smtp_server: SmtpServer
                  ) -> AsyncIterator[Settings]:
    """The service on a freshly flushed Redis (`redis` flushes before the service starts)."""
    seed = (CORPUS / "texts" / "seed_000_en.txt").read_text(encoding="utf-8").split("\n\n", 1)[1]
    item = Item(ITEM_URL, date(2026, 4, 22), seed, "Horgos handles over 3,000 freight trains in four months")
    feed_server.routes["/feed.xml"] = Route(body=rss([item]), etag='"v1"')
    settings = configure(monkeypatch, tmp_path, {
        "REDIS_URL": redis_url,
        "CW_SOURCES__CATALOG": str(catalog(tmp_path / "catalog.toml", {"kz-news": feed_server.url("/feed.xml")})),
        "CW_SLACK__WEBHOOK_URL": slack_server.url,
        "CW_SMTP__HOST": "127.0.0.1",
        "CW_SMTP__PORT": str(smtp_server.port),
        "CW_SMTP__TO": "logistics@example.kz",
        "CW_RULES__TRAINS_COUNT__YOY_ABS_PCT": "15",
        "CW_DELIVERY__BACKOFF_INITIAL": "0.05",
    })
    async with running(settings):
        yield settings


async def test_a_crossed_threshold_reaches_slack_and_email_once(
    service: Settings, feed_server: FeedServer, slack_server: SlackServer, smtp_server: SmtpServer
) -> None:
    assert (await ready(service.health.port))["status"] == "ok"
    [payload] = await slack_server.wait_for(1, timeout=30)
    [mail] = await smtp_server.wait_for(1, timeout=30)
    slack_text = str(payload)
    for expected in ("Horgos", "trains_count", "3,000", "15", ITEM_URL):
        assert expected in slack_text, expected
    message = mail.message
    email_text = message["Subject"] + "\n" + message.get_body(("plain",)).get_content()
    for expected in ("Horgos", "trains_count", "3,000", "15", ITEM_URL):
        assert expected in email_text, expected

    polls = feed_server.count("/feed.xml")
    for _ in range(100):  # the 1 s interval: wait for at least two more polls of the same feed
        if feed_server.count("/feed.xml") >= polls + 2:
            break
        await asyncio.sleep(0.1)
    assert feed_server.count("/feed.xml") >= polls + 2
    await asyncio.sleep(1.0)  # time for anything a repeated poll might have set off
    assert len(slack_server.delivered) == 1
    assert len(smtp_server.mails) == 1


async def test_redis_losing_its_data_recreates_groups_and_the_pipeline_resumes(
    service: Settings, redis: Redis, slack_server: SlackServer, monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setattr(app, "WATCHDOG_INTERVAL", 0.2)  # read at each tick of the running watchdog
    await slack_server.wait_for(1, timeout=30)
    await settled(redis, service, documents=1)  # the delivery is recorded: a flush now loses it too

    await redis.flushall()  # as if Redis restarted empty: groups, seen-store and markers are gone
    # The watcher republishes the feed's entry, FastStream's subscribers hit NOGROUP and stop, the
    # watchdog recreates the groups at id 0 and restarts them, and the alert is delivered again.
    await slack_server.wait_for(2, timeout=30)
    assert (await ready(service.health.port))["subscribers"] == {"running": 6, "stopped": 0}
    groups = {g["name"].decode() for g in await redis.xinfo_groups(service.keys.documents)}
    assert groups == {"extractors"}
    restarts = [r.getMessage() for r in caplog.records if r.name == "corridor_watch"]
    assert any("restarted" in m and "stopped subscriber" in m for m in restarts), restarts
