"""Fixtures of the watcher tests: fixture feeds, a local feed server, settings and a publish recorder.

Redis comes from tests/conftest.py (`redis`, a real server, flushed before each test).
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from service.models import Document
from service.settings import SourcesSettings
from service.streams import Keys

FIXTURES = Path(__file__).parent / "fixtures"


@dataclass
class Route:
    """What the server answers on one path. `etag` set: it honours If-None-Match with a 304."""

    body: bytes = b""
    status: int = 200
    etag: str | None = None
    content_type: str = "application/rss+xml; charset=utf-8"
    delay: float = 0.0


@dataclass
class FeedServer:
    """A real HTTP server on 127.0.0.1 that counts requests and records their headers."""

    base_url: str = ""
    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)

    def url(self, path: str) -> str:
        return self.base_url + path

    def count(self, path: str) -> int:
        return sum(1 for p, _ in self.requests if p == path)


def _handler(server: FeedServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            server.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
            route = server.routes.get(self.path)
            if route is None:
                self.send_error(404)
                return
            time.sleep(route.delay)
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client gave up
                self._answer(route)

        def _answer(self, route: Route) -> None:
            if route.etag and self.headers.get("If-None-Match") == route.etag:
                self.send_response(304)
                self.send_header("ETag", route.etag)
                self.end_headers()
                return
            self.send_response(route.status)
            self.send_header("Content-Type", route.content_type)
            self.send_header("Content-Length", str(len(route.body)))
            if route.etag:
                self.send_header("ETag", route.etag)
            self.end_headers()
            self.wfile.write(route.body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


@pytest.fixture
def feed_server() -> Iterator[FeedServer]:
    state = FeedServer()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    httpd.daemon_threads = True
    state.base_url = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield state
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def sources_settings() -> SourcesSettings:
    return SourcesSettings(timeout=5.0, backoff_max=2.0)


@pytest.fixture
def keys() -> Keys:
    return Keys("{cwtest}")


class Recorder:
    """A publish callable that keeps what it was given; `fail` makes it raise instead."""

    def __init__(self) -> None:
        self.documents: list[Document] = []
        self.fail = False

    async def __call__(self, document: Document) -> None:
        if self.fail:
            raise ConnectionError("broker unreachable")
        self.documents.append(document)


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


def fixture_bytes(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()
