"""A real HTTP server on 127.0.0.1 for the watcher tests: routes, request counts, ETag / 304."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    """What the server answers on one path. `etag` set: it honours If-None-Match with a 304."""

    body: bytes = b""
    status: int = 200
    etag: str | None = None
    content_type: str = "application/rss+xml; charset=utf-8"
    delay: float = 0.0
    headers: dict[str, str] = field(default_factory=dict)
    send_length: bool = True  # False: no Content-Length, the body ends when the connection closes
    chunks: Callable[[], Iterator[bytes]] | None = None  # a body generated as it is sent (no length)


@dataclass
class FeedServer:
    """A real HTTP server on 127.0.0.1 that counts requests and records their headers."""

    base_url: str = ""
    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    times: list[tuple[str, float]] = field(default_factory=list)  # (path, time.time()) per request
    queued: dict[str, list[Route]] = field(default_factory=dict)  # answered first, one per request
    active: int = 0
    peak_active: int = 0  # most requests in progress at once
    sent: int = 0  # body bytes written in total
    lock: threading.Lock = field(default_factory=threading.Lock)

    def url(self, path: str) -> str:
        return self.base_url + path

    def count(self, path: str) -> int:
        return sum(1 for p, _ in self.requests if p == path)

    def route_for(self, path: str) -> Route | None:
        with self.lock:
            queue = self.queued.get(path)
            if queue:
                return queue.pop(0)
        return self.routes.get(path)


def _handler(server: FeedServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            server.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
            server.times.append((self.path, time.time()))
            route = server.route_for(self.path)
            if route is None:
                self.send_error(404)
                return
            with server.lock:
                server.active += 1
                server.peak_active = max(server.peak_active, server.active)
            try:
                time.sleep(route.delay)
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client gave up
                    self._answer(route)
            finally:
                with server.lock:
                    server.active -= 1

        def _answer(self, route: Route) -> None:
            if route.etag and self.headers.get("If-None-Match") == route.etag:
                self.send_response(304)
                self.send_header("ETag", route.etag)
                self.end_headers()
                return
            self.send_response(route.status)
            self.send_header("Content-Type", route.content_type)
            if route.chunks is not None:
                self._stream(route)
                return
            if route.send_length:
                self.send_header("Content-Length", str(len(route.body)))
            if route.etag:
                self.send_header("ETag", route.etag)
            for name, value in route.headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(route.body)
            server.sent += len(route.body)

        def _stream(self, route: Route) -> None:
            """No Content-Length: chunks until the generator ends or the client hangs up."""
            for name, value in route.headers.items():
                self.send_header(name, value)
            self.send_header("Connection", "close")
            self.end_headers()
            assert route.chunks is not None
            for chunk in route.chunks():
                self.wfile.write(chunk)
                server.sent += len(chunk)
            self.close_connection = True

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


@contextlib.contextmanager
def serve() -> Iterator[FeedServer]:
    state = FeedServer()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    httpd.daemon_threads = True
    state.base_url = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()
