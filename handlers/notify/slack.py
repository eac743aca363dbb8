"""Slack incoming webhook. Failures map like Alertmanager's: 429 and 5xx retry, other 4xx are permanent.

The webhook URL is a secret (anyone holding it can post to the channel): it never appears in an
exception, a log record of ours, or httpx's own "HTTP Request: POST ..." line (see `_RedactUrl`).
"""

from __future__ import annotations

import logging
import time
from email.utils import parsedate_to_datetime

import httpx

from handlers.notify.format import single_line
from handlers.notify.render import render_slack
from service.errors import DeliveryError
from service.models import Alert
from service.settings import SlackSettings

log = logging.getLogger(__name__)
BODY_LIMIT = 200  # characters of Slack's answer kept in a DeliveryError reason


class SlackNotifier:
    channel = "slack"

    def __init__(self, settings: SlackSettings, client: httpx.AsyncClient) -> None:
        if settings.webhook_url is None:
            raise ValueError("SlackNotifier needs CW_SLACK__WEBHOOK_URL")
        self._url = settings.webhook_url.get_secret_value()
        self._timeout = settings.timeout
        self._client = client
        _RedactUrl.install(self._url)
        _RedactUrl.install(str(httpx.URL(self._url)))  # the form httpx prints, if normalised differently

    async def send(self, alert: Alert) -> None:
        try:
            response = await self._client.post(self._url, json=render_slack(alert), timeout=self._timeout)
        except httpx.TimeoutException:
            raise DeliveryError(self.channel, "timeout", recoverable=True) from None
        except httpx.HTTPError as exc:  # transport errors; `from None`: httpx's text may hold the URL
            reason = f"transport error: {type(exc).__name__}: {self._redact(str(exc))}"
            raise DeliveryError(self.channel, single_line(reason, BODY_LIMIT), recoverable=True) from None
        self._check(response)
        log.debug("slack: delivered alert %s", alert.id)

    def _check(self, response: httpx.Response) -> None:
        status = response.status_code
        if 200 <= status < 300:
            return
        body = single_line(self._redact(response.text), BODY_LIMIT)
        reason = f"HTTP {status}" + (f": {body}" if body else "")
        recoverable = status == 429 or status >= 500
        retry_after = parse_retry_after(response.headers.get("Retry-After")) if recoverable else None
        raise DeliveryError(self.channel, reason, recoverable=recoverable, retry_after=retry_after)

    def _redact(self, text: str) -> str:
        for form in (self._url, str(httpx.URL(self._url))):
            text = text.replace(form, redacted(form))
        return text


def parse_retry_after(value: str | None, *, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header: delta-seconds or an HTTP date; None if absent or bad."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    try:
        return max(float(text), 0.0)
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        return None
    return max(when.timestamp() - (time.time() if now is None else now), 0.0)


def redacted(url: str) -> str:
    """`https://hooks.slack.com/services/T0/B0/xyz` → `https://hooks.slack.com/…` (host kept, path hidden)."""
    scheme, _, rest = url.partition("://")
    host = rest.split("/", 1)[0].rsplit("@", 1)[-1]
    return f"{scheme}://{host}/…" if rest else "…"


class _RedactUrl(logging.Filter):
    """Hides a secret URL in records of the `httpx` logger, which logs every request's full URL at INFO."""

    _installed: set[str] = set()  # noqa: RUF012 - shared registry on purpose: one filter per secret

    def __init__(self, secret: str) -> None:
        super().__init__()
        self._secret = secret

    @classmethod
    def install(cls, secret: str, logger_name: str = "httpx") -> None:
        if secret and secret not in cls._installed:
            cls._installed.add(secret)
            logging.getLogger(logger_name).addFilter(cls(secret))

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if self._secret in message:
            record.msg = message.replace(self._secret, redacted(self._secret))
            record.args = ()
        return True
