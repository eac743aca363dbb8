"""SlackNotifier against a real local webhook server: status mapping, Retry-After, secrecy of the URL."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator

import httpx
import pytest
from pydantic import SecretStr
from support.slack_server import SlackServer

from handlers.notify.render import render_slack
from handlers.notify.retry import deliver
from handlers.notify.slack import SlackNotifier, parse_retry_after, redacted
from service.errors import DeliveryError
from service.models import Alert
from service.settings import DeliverySettings, SlackSettings

POLICY = DeliverySettings(attempts=5, backoff_initial=0.5, backoff_max=4.0, max_retry_after=60.0)


class Waits:
    """An injected `sleep` that records the waits instead of sleeping (STYLE point 12)."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient() as http:
        yield http


def notifier(url: str, client: httpx.AsyncClient, timeout: float = 5.0) -> SlackNotifier:
    return SlackNotifier(SlackSettings(webhook_url=SecretStr(url), timeout=timeout), client)


async def test_delivers_the_rendered_payload(
    slack_server: SlackServer, client: httpx.AsyncClient, clearance_alert: Alert
) -> None:
    await notifier(slack_server.url, client).send(clearance_alert)
    assert slack_server.delivered == [render_slack(clearance_alert)]
    [request] = slack_server.requests
    assert request.headers["content-type"] == "application/json"


async def test_rate_limited_three_times_then_delivered_once(
    slack_server: SlackServer, client: httpx.AsyncClient, clearance_alert: Alert
) -> None:
    slack_server.rate_limit(times=3, retry_after=1)
    waits = Waits()
    attempts = await deliver(notifier(slack_server.url, client), clearance_alert, POLICY, sleep=waits)
    assert attempts == 4
    assert waits.waits == [1.0, 1.0, 1.0]  # Retry-After honoured as the wait
    assert len(slack_server.payloads) == 4
    assert len(slack_server.delivered) == 1


async def test_429_error_carries_retry_after(
    slack_server: SlackServer, client: httpx.AsyncClient, clearance_alert: Alert
) -> None:
    slack_server.rate_limit(retry_after=7)
    with pytest.raises(DeliveryError) as caught:
        await notifier(slack_server.url, client).send(clearance_alert)
    assert (caught.value.recoverable, caught.value.retry_after) == (True, 7.0)
    assert caught.value.reason == "HTTP 429: rate_limited"


async def test_server_errors_beyond_the_budget_raise_recoverable(
    slack_server: SlackServer, client: httpx.AsyncClient, clearance_alert: Alert
) -> None:
    slack_server.fail(500, times=10)
    waits = Waits()
    policy = DeliverySettings(attempts=3, backoff_initial=0.01, backoff_max=0.02)
    with pytest.raises(DeliveryError) as caught:
        await deliver(notifier(slack_server.url, client), clearance_alert, policy, sleep=waits)
    assert caught.value.recoverable is True
    assert caught.value.reason == "HTTP 500: internal_error"
    assert len(slack_server.requests) == 3
    assert len(waits.waits) == 2


async def test_503_with_retry_after_is_honoured(
    slack_server: SlackServer, client: httpx.AsyncClient, clearance_alert: Alert
) -> None:
    slack_server.enqueue(503, "service_unavailable", {"Retry-After": "2"})
    waits = Waits()
    assert await deliver(notifier(slack_server.url, client), clearance_alert, POLICY, sleep=waits) == 2
    assert waits.waits == [2.0]


async def test_invalid_payload_is_permanent_after_one_try(
    slack_server: SlackServer, client: httpx.AsyncClient, clearance_alert: Alert
) -> None:
    slack_server.reject("invalid_payload")
    waits = Waits()
    with pytest.raises(DeliveryError) as caught:
        await deliver(notifier(slack_server.url, client), clearance_alert, POLICY, sleep=waits)
    assert caught.value.recoverable is False
    assert caught.value.reason == "HTTP 400: invalid_payload"
    assert len(slack_server.requests) == 1 and waits.waits == []


async def test_long_error_bodies_are_truncated(
    slack_server: SlackServer, client: httpx.AsyncClient, clearance_alert: Alert
) -> None:
    slack_server.reject("x" * 5000, status=403)
    with pytest.raises(DeliveryError) as caught:
        await notifier(slack_server.url, client).send(clearance_alert)
    assert caught.value.reason == "HTTP 403: " + "x" * 199 + "…"
    assert caught.value.recoverable is False


async def test_timeout_is_recoverable(
    slack_server: SlackServer, client: httpx.AsyncClient, clearance_alert: Alert
) -> None:
    slack_server.enqueue(200, delay=0.5)
    with pytest.raises(DeliveryError) as caught:
        await notifier(slack_server.url, client, timeout=0.05).send(clearance_alert)
    assert (caught.value.recoverable, caught.value.reason) == (True, "timeout")


async def test_connection_refused_is_recoverable_and_hides_the_url(
    client: httpx.AsyncClient, clearance_alert: Alert, caplog: pytest.LogCaptureFixture
) -> None:
    with SlackServer() as gone:
        url = gone.url  # the port is free again once the server stopped
    caplog.set_level(logging.DEBUG)
    with pytest.raises(DeliveryError) as caught:
        await deliver(notifier(url, client), clearance_alert, DeliverySettings(attempts=2), sleep=Waits())
    assert caught.value.recoverable is True
    secret = "XXXXXXXXXXXXXXXXXXXXXXXX"
    assert secret not in str(caught.value) and secret not in repr(caught.value)
    assert caught.value.__cause__ is None and caught.value.__suppress_context__
    assert secret not in caplog.text


async def test_webhook_url_never_logged_or_raised(
    slack_server: SlackServer, client: httpx.AsyncClient, clearance_alert: Alert, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    slack_server.fail(500, times=1, body=f"echo {slack_server.url}")  # a server echoing the URL back
    slack_server.reject("invalid_payload")
    with pytest.raises(DeliveryError) as caught:
        await deliver(notifier(slack_server.url, client), clearance_alert, POLICY, sleep=Waits())
    await notifier(slack_server.url, client).send(clearance_alert)  # a success logs "HTTP Request: POST ..."
    assert "HTTP Request: POST" in caplog.text  # httpx did log the request ...
    assert slack_server.path not in caplog.text  # ... without the secret path
    assert slack_server.path not in str(caught.value)
    assert "httpx" in {r.name for r in caplog.records}


def test_retry_after_parsing() -> None:
    assert parse_retry_after("3") == 3.0
    assert parse_retry_after("0.5") == 0.5
    assert parse_retry_after("-4") == 0.0
    assert parse_retry_after(None) is None and parse_retry_after("soon") is None
    when = "Wed, 21 Oct 2026 07:28:00 GMT"
    assert parse_retry_after(when, now=1792567680.0 - 30) == 30.0


def test_redacted_keeps_only_the_host() -> None:
    assert redacted("https://hooks.slack.com/services/T0/B0/xyz") == "https://hooks.slack.com/…"
    assert redacted("https://user:pw@example.org/x") == "https://example.org/…"


def test_needs_a_webhook_url() -> None:
    with pytest.raises(ValueError, match="CW_SLACK__WEBHOOK_URL"):
        SlackNotifier(SlackSettings(), httpx.AsyncClient())
