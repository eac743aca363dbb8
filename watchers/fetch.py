"""Bytes of a source URL: a conditional, size-capped HTTP GET, or a local file for `file:` URLs.

"Not modified" is a normal result (`Fetched.not_modified`), never an exception. Every failure is a
`SourceError` with a short reason ("HTTP 503 Service Unavailable", "timed out after 20 s", ...).
"""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from service.errors import SourceError
from service.settings import SourcesSettings
from watchers.sources import file_path

ACCEPT = (
    "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, "
    "text/html;q=0.8, application/json;q=0.8, */*;q=0.5"
)
CONNECT_TIMEOUT = 10.0
_MAX_AGE = re.compile(r"(?:^|[,\s])(?:s-)?max-age\s*=\s*\"?(\d+)", re.I)


@dataclass(frozen=True)
class Validators:
    """What a server (or a file's mtime and size) said about the version last fetched."""

    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True)
class Fetched:
    body: bytes  # empty when not modified
    not_modified: bool
    validators: Validators
    content_type: str | None = None
    status: int = 200
    max_age: float | None = None  # Cache-Control: max-age, a lower bound on the interval


def make_http_client(settings: SourcesSettings) -> httpx.AsyncClient:
    """The client watchers share: our User-Agent, connect/read timeouts, a redirect limit."""
    return httpx.AsyncClient(
        headers={"User-Agent": settings.user_agent, "Accept": ACCEPT},
        timeout=httpx.Timeout(settings.timeout, connect=min(settings.timeout, CONNECT_TIMEOUT)),
        follow_redirects=True,
        max_redirects=settings.max_redirects,
        limits=httpx.Limits(max_connections=100, max_keepalive_connections=50),
    )


class Fetcher:
    """Fetches for every watcher of a process: one HTTP client, at most `per_host` requests per host."""

    def __init__(self, http: httpx.AsyncClient, settings: SourcesSettings) -> None:
        self.http = http
        self.settings = settings
        self._hosts: dict[str, asyncio.Semaphore] = {}

    def host_slot(self, url: str) -> asyncio.Semaphore:
        host = urlsplit(url).netloc.lower()
        slot = self._hosts.get(host)
        if slot is None:
            slot = self._hosts[host] = asyncio.Semaphore(self.settings.per_host)
        return slot

    async def get(self, source_id: str, url: str, validators: Validators = Validators()) -> Fetched:
        """Fetch `url`; `validators` from the last successful fetch make it conditional."""
        if url.startswith("file:"):
            max_bytes = self.settings.max_bytes
            return await asyncio.to_thread(_read_file, source_id, file_path(url), max_bytes, validators)
        async with self.host_slot(url):
            try:
                async with asyncio.timeout(self.settings.timeout * 2 or None):  # a whole-response deadline
                    return await _get(source_id, url, self.http, self.settings, validators)
            except TimeoutError:
                raise SourceError(source_id, f"timed out after {self.settings.timeout:g} s") from None


async def fetch(
    source_id: str,
    url: str,
    *,
    http: httpx.AsyncClient,
    settings: SourcesSettings,
    validators: Validators = Validators(),  # frozen: safe as a default
) -> Fetched:
    """One fetch without a shared per-host limit (`Fetcher.get` for watchers)."""
    return await Fetcher(http, settings).get(source_id, url, validators)


async def _get(
    source_id: str, url: str, http: httpx.AsyncClient, settings: SourcesSettings, validators: Validators
) -> Fetched:
    headers = {"User-Agent": settings.user_agent}
    if validators.etag:
        headers["If-None-Match"] = validators.etag
    if validators.last_modified:
        headers["If-Modified-Since"] = validators.last_modified
    try:
        async with http.stream("GET", url, headers=headers, follow_redirects=True) as response:
            max_age = _max_age(response.headers.get("Cache-Control"))
            if response.status_code == 304:
                await response.aread()  # empty; read to its end so the connection is kept alive for reuse
                return Fetched(b"", True, _validators(response, validators), status=304, max_age=max_age)
            if response.status_code >= 400:
                raise SourceError(source_id, f"HTTP {response.status_code} {response.reason_phrase}".strip(),
                                  retry_after=_retry_after(response))
            body = await _read_capped(source_id, response, settings.max_bytes)
    except httpx.TimeoutException:
        raise SourceError(source_id, f"timed out after {settings.timeout:g} s") from None
    except httpx.TooManyRedirects:
        raise SourceError(source_id, f"more than {settings.max_redirects} redirects") from None
    except (httpx.HTTPError, httpx.InvalidURL) as exc:
        raise SourceError(source_id, f"{type(exc).__name__}: {str(exc) or 'transport error'}") from None
    return Fetched(body, False, _validators(response), response.headers.get("Content-Type"),
                   response.status_code, max_age)


def _retry_after(response: httpx.Response) -> float | None:
    """Seconds of a Retry-After header (a number or an HTTP date) on a 429 or 503; None otherwise."""
    value = response.headers.get("Retry-After", "").strip()
    if response.status_code not in (429, 503) or not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _max_age(cache_control: str | None) -> float | None:
    match = _MAX_AGE.search(cache_control or "")
    return float(match.group(1)) if match else None


def _validators(response: httpx.Response, previous: Validators = Validators()) -> Validators:
    """The response's validators; a 304 may omit them, then the previous ones still hold."""
    return Validators(
        response.headers.get("ETag") or previous.etag,
        response.headers.get("Last-Modified") or previous.last_modified,
    )


async def _read_capped(source_id: str, response: httpx.Response, max_bytes: int) -> bytes:
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise SourceError(source_id, f"response of {declared} bytes is over the {max_bytes} byte cap")
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.aiter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise SourceError(source_id, f"response is over the {max_bytes} byte cap")
        chunks.append(chunk)
    return b"".join(chunks)


def _read_file(source_id: str, path: Path, max_bytes: int, validators: Validators) -> Fetched:
    """A local file; its mtime and size stand in for an ETag, so an unchanged file is not re-parsed."""
    try:
        stat = path.stat()
        etag = f'"{stat.st_mtime_ns:x}-{stat.st_size:x}"'
        if validators.etag == etag:
            return Fetched(b"", True, validators, status=304)
        if stat.st_size > max_bytes:
            raise SourceError(source_id, f"file of {stat.st_size} bytes is over the {max_bytes} byte cap")
        body = path.read_bytes()
    except FileNotFoundError:
        raise SourceError(source_id, f"no such file: {path}") from None
    except OSError as exc:
        raise SourceError(source_id, f"cannot read {path}: {exc.strerror or exc}") from None
    return Fetched(body, False, Validators(etag=etag), status=200)
