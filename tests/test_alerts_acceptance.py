"""Issue 4's acceptance, end to end: the real service, Redis, a Slack-like server and aiosmtpd.

A Horgos clearance rate falls from 98.9 % (September) to 96.4 % (October) with BELOW=98.5: exactly one
critical Slack message and one email, with value, previous, threshold and quote. The same fact from a
second source adds a source without a second alert; the recovery to 98.9 % (November) gives one
resolved message. Slack answering 429 three times delivers once; Slack failing past the retry budget
leaves the alert in the dead-letter stream, and `corridor-watch dlq replay` delivers it afterwards.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from redis.asyncio import Redis
from support.feed_server import FeedServer, Route
from support.service import Item, catalog, configure, rss, running, settled
from support.slack_server import SlackServer
from support.smtp_server import SmtpServer

SEP = Item("https://kz-news.example/sep", date(2026, 10, 5),
           "The customs clearance rate at the Horgos port stood at 98.9% in September 2026, the port said.")
OCT = Item("https://kz-news.example/oct", date(2026, 11, 5),
           # feed descriptions are HTML: these entities are literal "<!channel> <http://evil|click>" text
           "The customs clearance rate at the Horgos port fell to 96.4% in October 2026, officials said "
           "&lt;!channel&gt; &lt;http://evil|click&gt;.")
OCT_B = Item("https://cn-customs.example/oct", date(2026, 11, 6),
             "Horgos customs: the clearance rate dropped to 96.4% in October 2026.")
NOV = Item("https://kz-news.example/nov", date(2026, 12, 4),
           "The customs clearance rate at the Horgos port recovered to 98.9% in November 2026.")


def _env(tmp_path: Path, redis_url: str, feed_server: FeedServer, slack: SlackServer, **extra: str) -> dict[str, str]:
    feeds = {"kz-news": feed_server.url("/a.xml"), "cn-customs": feed_server.url("/b.xml")}
    return {
        "REDIS_URL": redis_url,
        "CW_SOURCES__CATALOG": str(catalog(tmp_path / "catalog.toml", feeds)),
        "CW_SLACK__WEBHOOK_URL": slack.url,
        "CW_RULES__CLEARANCE_RATE_PCT__BELOW": "98.5",
        "CW_DELIVERY__BACKOFF_INITIAL": "0.05",
        "CW_DELIVERY__BACKOFF_MAX": "0.1",
        **extra,
    }


async def test_drop_alerts_once_second_source_corroborates_recovery_resolves(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, redis_url: str, redis: Redis, feed_server: FeedServer,
    slack_server: SlackServer, smtp_server: SmtpServer,
) -> None:
    feed_server.routes["/a.xml"] = Route(body=rss([SEP, OCT]))
    feed_server.routes["/b.xml"] = Route(body=rss([]))
    settings = configure(monkeypatch, tmp_path, _env(
        tmp_path, redis_url, feed_server, slack_server, CW_SMTP__HOST="127.0.0.1",
        CW_SMTP__PORT=str(smtp_server.port), CW_SMTP__TO="logistics@example.kz"))
    async with running(settings):
        [fired] = await slack_server.wait_for(1, timeout=30)
        [mail] = await smtp_server.wait_for(1, timeout=30)
        text = str(fired)
        for expected in ("Critical", "Horgos", "96.4", "98.9", "98.5", "fell to 96.4% in October 2026",
                         "&lt;!channel&gt;", "&lt;http://evil"):
            assert expected in text, expected
        assert "<!channel>" not in text and "<http://evil|click>" not in text
        assert mail.message["Subject"].startswith("[critical] Horgos clearance_rate_pct 96.4")
        plain = mail.message.get_body(("plain",)).get_content()
        for expected in ("96.4", "98.9", "98.5", "fell to 96.4% in October 2026", OCT.link):
            assert expected in plain, expected

        feed_server.routes["/b.xml"] = Route(body=rss([OCT_B]))  # the same fact from a second source
        await settled(redis, settings, documents=3)
        assert len(slack_server.delivered) == 1 and len(smtp_server.mails) == 1

        feed_server.routes["/a.xml"] = Route(body=rss([SEP, OCT, NOV]))  # the recovery
        [_, resolved] = await slack_server.wait_for(2, timeout=30)
        await settled(redis, settings, documents=4)
        assert "Resolved" in str(resolved) and "98.9" in str(resolved)
        assert len(slack_server.delivered) == 2 and len(smtp_server.mails) == 2


async def test_slack_429s_then_ok_delivers_once(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, redis_url: str, redis: Redis, feed_server: FeedServer,
    slack_server: SlackServer,
) -> None:
    slack_server.rate_limit(times=3, retry_after=1)
    feed_server.routes["/a.xml"] = Route(body=rss([SEP, OCT]))
    feed_server.routes["/b.xml"] = Route(body=rss([]))
    settings = configure(monkeypatch, tmp_path, _env(tmp_path, redis_url, feed_server, slack_server))
    async with running(settings):
        await slack_server.wait_for(1, timeout=30)
        await settled(redis, settings, documents=2)
    assert [r.status for r in slack_server.requests] == [429, 429, 429, 200]
    assert len(slack_server.delivered) == 1
    assert await redis.xlen(settings.keys.dead) == 0


async def test_slack_down_past_the_budget_dead_letters_and_replay_delivers(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, redis_url: str, redis: Redis, feed_server: FeedServer,
    slack_server: SlackServer,
) -> None:
    slack_server.fail(status=500, times=3)
    feed_server.routes["/a.xml"] = Route(body=rss([SEP, OCT]))
    feed_server.routes["/b.xml"] = Route(body=rss([]))
    settings = configure(monkeypatch, tmp_path, _env(tmp_path, redis_url, feed_server, slack_server,
                                                     CW_DELIVERY__ATTEMPTS="3"))
    async with running(settings):
        for _ in range(300):
            if await redis.xlen(settings.keys.dead):
                break
            await asyncio.sleep(0.1)
        assert slack_server.delivered == [] and len(slack_server.requests) == 3
        letters = await redis.xrange(settings.keys.dead)
        assert len(letters) == 1 and b"slack: HTTP 500" in letters[0][1][b"letter"]

        replay = await asyncio.to_thread(
            subprocess.run, [sys.executable, "-m", "service.cli", "dlq", "replay"], env=dict(os.environ),
            capture_output=True, text=True, timeout=60)
        assert replay.returncode == 0, replay.stderr
        assert "1 dead letter(s) replayed" in replay.stderr
        [delivered] = await slack_server.wait_for(1, timeout=30)
        assert "96.4" in str(delivered)
        assert await redis.xlen(settings.keys.dead) == 0


async def test_one_document_tripping_two_rules_sends_one_digest(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, redis_url: str, redis: Redis, feed_server: FeedServer,
    slack_server: SlackServer,
) -> None:
    both = Item("https://kz-news.example/both", date(2026, 11, 5),
                "The customs clearance rate at the Horgos port fell to 96.4% in October 2026. Average clearance "
                "time for trucks at Horgos rose to 30 hours in October 2026.")
    feed_server.routes["/a.xml"] = Route(body=rss([both]))
    feed_server.routes["/b.xml"] = Route(body=rss([]))
    settings = configure(monkeypatch, tmp_path, _env(tmp_path, redis_url, feed_server, slack_server,
                                                     CW_RULES__CLEARANCE_TIME_HOURS__ABOVE="24"))
    async with running(settings):
        [message] = await slack_server.wait_for(1, timeout=30)
        await settled(redis, settings, documents=1)
    assert len(slack_server.delivered) == 1
    assert message["blocks"][0]["text"]["text"] == "🔴 Critical · Horgos · 2 alerts from one report"
    assert "96.4" in str(message) and "30 hours" in str(message)
