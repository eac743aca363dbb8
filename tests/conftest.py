"""Shared fixtures: a real redis-server for the whole session, found the way the service finds one."""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
import redis.asyncio as aioredis

sys.path.insert(0, str(Path(__file__).parent))  # so tests can `import support....`

from support.feed_server import FeedServer, serve
from support.slack_server import SlackServer
from support.smtp_server import SmtpServer

from service.embedded_redis import EmbeddedRedis


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedRedis]:
    server = EmbeddedRedis(data_dir=tmp_path_factory.mktemp("redis"), persistent=False)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def redis_url(redis_server: EmbeddedRedis) -> str:
    return redis_server.url


@pytest.fixture
async def redis(redis_url: str) -> AsyncIterator[aioredis.Redis]:
    client: aioredis.Redis = aioredis.Redis.from_url(redis_url)
    await client.flushdb()
    yield client
    await client.aclose()


@pytest.fixture
def feed_server() -> Iterator[FeedServer]:
    """A local HTTP server for feeds: routes, ETag/304, request counts."""
    with serve() as server:
        yield server


@pytest.fixture
def slack_server() -> Iterator[SlackServer]:
    """A local server behaving like a Slack incoming webhook (scriptable 429 / 5xx / 4xx)."""
    with SlackServer() as server:
        yield server


@pytest.fixture
def smtp_server() -> Iterator[SmtpServer]:
    """A real aiosmtpd SMTP server on loopback that records the mail it accepts."""
    with SmtpServer() as server:
        yield server
