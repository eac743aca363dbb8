"""watchers/commands.py: `sources list` reads the state hashes; `sources check` is a dry run."""

from __future__ import annotations

import asyncio
import io
import time
from pathlib import Path

import pytest
from pydantic import SecretStr
from redis.asyncio import Redis
from support.feed_server import FeedServer, Route

from service.cli import main
from service.settings import Settings, SourcesSettings
from watchers.commands import sources_check_command, sources_list_command

FIXTURES = Path(__file__).parent / "fixtures"


def catalog(tmp_path: Path, url: str) -> Path:
    path = tmp_path / "catalog.toml"
    path.write_text(f'[[sources]]\nid = "live"\nkind = "rss"\nurl = "{url}"\ninterval = "15m"\n\n'
                    '[[sources]]\nid = "off"\nkind = "html"\nurl = "https://example.org/"\ninterval = "6h"\n'
                    'link_selector = "a.news"\nenabled = false\n')
    return path


def settings_for(tmp_path: Path, url: str, redis_url: str) -> Settings:
    return Settings(redis_url=SecretStr(redis_url), sources=SourcesSettings(catalog=catalog(tmp_path, url)))


async def test_list_shows_the_state(tmp_path: Path, redis: Redis, redis_url: str) -> None:
    settings = settings_for(tmp_path, "https://example.org/feed", redis_url)
    now = time.time()
    await redis.hset(settings.keys.source_state("live"), mapping={
        "last_success": str(now - 120), "consecutive_failures": "3", "last_error": "HTTP 503 Service Unavailable",
        "next_poll": str(now + 600), "documents_published": "17"})
    out = io.StringIO()
    assert await asyncio.to_thread(sources_list_command, settings, out) == 0
    header, live, off, summary = out.getvalue().splitlines()
    assert header.split()[:4] == ["id", "kind", "enabled", "interval"]
    assert live.split()[:4] == ["live", "rss", "yes", "15m"]
    assert "(2m ago)" in live and "HTTP 503 Service Unavailable" in live and "in 10m" in live
    assert live.split()[-1] == "17"
    assert off.split()[:4] == ["off", "html", "no", "6h"] and "never" in off
    assert summary == "2 sources, 1 enabled"


def test_check_prints_what_would_be_published(
    tmp_path: Path, feed_server: FeedServer, redis_url: str
) -> None:
    feed_server.routes["/f"] = Route((FIXTURES / "rss_feed.xml").read_bytes())
    settings = settings_for(tmp_path, feed_server.url("/f"), redis_url)
    out = io.StringIO()
    assert sources_check_command(settings, "live", out) == 0
    text = out.getvalue()
    assert "[1] 2026-04-22 08:30 [en] Horgos passes 3,000 trains" in text
    assert text.rstrip().endswith("3 documents would be published (" + text.rsplit("(", 1)[1].rstrip())
    assert "dry run: nothing published" in text
    feed_server.routes["/f"] = Route(b"down", status=503)
    out = io.StringIO()
    assert sources_check_command(settings, "live", out) == 1
    assert "HTTP 503 Service Unavailable" in out.getvalue()
    assert sources_check_command(settings, "nope", io.StringIO()) == 1


def test_cli_wiring(tmp_path: Path, feed_server: FeedServer, redis_url: str, monkeypatch: pytest.MonkeyPatch,
                    capsys: pytest.CaptureFixture[str]) -> None:
    feed_server.routes["/f"] = Route((FIXTURES / "atom_feed.xml").read_bytes())
    monkeypatch.setenv("REDIS_URL", redis_url)
    monkeypatch.setenv("CW_SOURCES__CATALOG", str(catalog(tmp_path, feed_server.url("/f"))))
    monkeypatch.chdir(tmp_path)
    assert main(["sources", "check", "live"]) == 0
    assert "2 documents would be published" in capsys.readouterr().out
    assert main(["sources", "list"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "2 sources, 1 enabled"
