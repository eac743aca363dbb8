"""A real HTTP server on 127.0.0.1 that behaves like a Slack incoming webhook, for tests.

    with SlackServer() as slack:                      # or the `slack_server` fixture
        slack.rate_limit(times=3, retry_after=1)      # three 429s, then the default 200 "ok"
        ...  # point CW_SLACK__WEBHOOK_URL at slack.url and send
        assert len(slack.delivered) == 1 and len(slack.payloads) == 4

Like Slack it answers 200 "ok" to a JSON payload with `text` or `blocks`, 400 "invalid_payload" to a
body that is not a JSON object, 400 "no_text" to one with neither, 400 "invalid_blocks" to blocks breaking
Block Kit's size limits (when `strict`), and 404 "no_service" to any other path. Scripted responses
(`enqueue`, `rate_limit`, `fail`, `reject`) are answered first, in order, one per POST to the webhook.
Runs in a thread, so it serves both sync and async tests; `wait_for` polls without blocking the loop.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

DEFAULT_PATH = "/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX"


@dataclass(frozen=True)
class Response:
    """One scripted answer. `delay` seconds before answering (to exercise client timeouts)."""

    status: int = 200
    body: str = "ok"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


@dataclass(frozen=True)
class Request:
    """One request as received, with the status it was answered with."""

    method: str
    path: str
    headers: dict[str, str]
    body: bytes
    status: int

    @property
    def json(self) -> Any:
        return json.loads(self.body)


class SlackServer:
    def __init__(self, *, path: str = DEFAULT_PATH, strict: bool = True, host: str = "127.0.0.1") -> None:
        self.path = path
        self.strict = strict
        self._host = host
        self._lock = threading.Lock()
        self._script: deque[Response] = deque()
        self._requests: list[Request] = []
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # --- lifecycle -----------------------------------------------------------------------------------

    def start(self) -> SlackServer:
        server = ThreadingHTTPServer((self._host, 0), _handler_for(self))
        server.daemon_threads = True
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.02}, name="slack-server", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> SlackServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("SlackServer is not started")
        return int(self._server.server_address[1])

    @property
    def base_url(self) -> str:
        return f"http://{self._host}:{self.port}"

    @property
    def url(self) -> str:
        """The webhook URL to configure (CW_SLACK__WEBHOOK_URL)."""
        return self.base_url + self.path

    # --- scripting -----------------------------------------------------------------------------------

    def enqueue(
        self,
        status: int = 200,
        body: str = "ok",
        headers: dict[str, str] | None = None,
        *,
        times: int = 1,
        delay: float = 0.0,
    ) -> None:
        """Answer the next `times` webhook POSTs with this response (after those already queued)."""
        response = Response(status, body, dict(headers or {}), delay)
        with self._lock:
            self._script.extend([response] * times)

    def rate_limit(self, times: int = 1, retry_after: float | str | None = 1) -> None:
        """`times` × 429 "rate_limited", with Retry-After unless it is None."""
        headers = {} if retry_after is None else {"Retry-After": str(retry_after)}
        self.enqueue(429, "rate_limited", headers, times=times)

    def fail(self, status: int = 500, times: int = 1, body: str = "internal_error") -> None:
        self.enqueue(status, body, times=times)

    def reject(self, body: str = "invalid_payload", status: int = 400, times: int = 1) -> None:
        self.enqueue(status, body, times=times)

    def reset(self) -> None:
        """Forget recorded requests and scripted responses."""
        with self._lock:
            self._script.clear()
            self._requests.clear()

    # --- what was received ---------------------------------------------------------------------------

    @property
    def requests(self) -> list[Request]:
        """Every request, in order, whatever the path and answer."""
        with self._lock:
            return list(self._requests)

    @property
    def payloads(self) -> list[Any]:
        """The JSON body of every POST to the webhook path (each attempt, whatever the answer)."""
        return [r.json for r in self.requests if r.method == "POST" and r.path == self.path and _is_json(r)]

    @property
    def delivered(self) -> list[Any]:
        """The JSON payloads answered with 2xx: what a Slack channel would show."""
        return [
            r.json for r in self.requests if r.path == self.path and 200 <= r.status < 300 and _is_json(r)
        ]

    async def wait_for(self, count: int = 1, timeout: float = 5.0) -> list[Any]:
        """Wait (without blocking the event loop) until `count` payloads were delivered; return them."""
        deadline = time.monotonic() + timeout
        while len(delivered := self.delivered) < count:
            if time.monotonic() > deadline:
                raise TimeoutError(f"{len(delivered)} of {count} Slack payloads delivered in {timeout}s")
            await asyncio.sleep(0.01)
        return delivered

    def wait_for_sync(self, count: int = 1, timeout: float = 5.0) -> list[Any]:
        """Same as `wait_for`, blocking: for code running outside an event loop."""
        deadline = time.monotonic() + timeout
        while len(delivered := self.delivered) < count:
            if time.monotonic() > deadline:
                raise TimeoutError(f"{len(delivered)} of {count} Slack payloads delivered in {timeout}s")
            time.sleep(0.01)
        return delivered

    # --- called by the handler thread ----------------------------------------------------------------

    def _answer(self, method: str, path: str, headers: dict[str, str], body: bytes) -> Response:
        with self._lock:
            if path != self.path or method != "POST":
                response = Response(404, "no_service")
            elif self._script:
                response = self._script.popleft()
            else:
                response = self._validate(body)
            self._requests.append(Request(method, path, headers, body, response.status))
        return response

    def _validate(self, body: bytes) -> Response:
        try:
            payload = json.loads(body)
        except ValueError:
            return Response(400, "invalid_payload")
        if not isinstance(payload, dict):
            return Response(400, "invalid_payload")
        if not payload.get("text") and not payload.get("blocks"):
            return Response(400, "no_text")
        if self.strict and block_kit_problems(payload.get("blocks") or []):
            return Response(400, "invalid_blocks")
        return Response()


def _is_json(request: Request) -> bool:
    try:
        json.loads(request.body)
    except ValueError:
        return False
    return True


def block_kit_problems(blocks: Any) -> list[str]:
    """The Block Kit limits Slack enforces that a renderer can break (a subset)."""
    if not isinstance(blocks, list):
        return ["blocks is not a list"]
    problems = [] if len(blocks) <= 50 else ["more than 50 blocks"]
    for i, block in enumerate(blocks):
        kind = block.get("type") if isinstance(block, dict) else None
        text = (block.get("text") or {}).get("text", "") if kind in {"header", "section"} else ""
        if kind == "header" and (len(text) > 150 or block["text"].get("type") != "plain_text"):
            problems.append(f"block {i}: header must be plain_text of at most 150 characters")
        elif kind == "section":
            fields = block.get("fields") or []
            if len(text) > 3000 or len(fields) > 10 or any(len(f.get("text", "")) > 2000 for f in fields):
                problems.append(f"block {i}: section text > 3000, > 10 fields or a field > 2000")
            if not text and not fields:
                problems.append(f"block {i}: section without text or fields")
        elif kind == "context" and not 1 <= len(block.get("elements") or []) <= 10:
            problems.append(f"block {i}: context needs 1 to 10 elements")
        elif kind not in {"header", "section", "context", "divider", "actions", "image", "rich_text"}:
            problems.append(f"block {i}: unknown type {kind!r}")
    return problems


def _handler_for(server: SlackServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # headers and body go out in two writes: no 40 ms delayed-ACK stall

        def do_POST(self) -> None:
            self._serve()

        def do_GET(self) -> None:
            self._serve()

        def _serve(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            headers = {k.lower(): v for k, v in self.headers.items()}
            response = server._answer(self.command, self.path, headers, body)
            if response.delay:
                time.sleep(response.delay)
            data = response.body.encode()
            try:
                self.send_response(response.status)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(len(data)))
                for name, value in response.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):  # the client timed out and left
                pass

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return Handler
