"""deliver(): backoff with full jitter, Retry-After honoured or refused, permanent errors at once, metrics."""

from __future__ import annotations

import random

import httpx
import pytest
from pydantic import SecretStr

from handlers.notify import build_notifiers
from handlers.notify.console import ConsoleNotifier
from handlers.notify.email import EmailNotifier
from handlers.notify.retry import backoff, deliver
from handlers.notify.slack import SlackNotifier
from service.errors import DeliveryError
from service.metrics import REGISTRY
from service.models import Alert
from service.settings import DeliverySettings, Settings, SlackSettings, SmtpSettings

POLICY = DeliverySettings(attempts=5, backoff_initial=1.0, backoff_max=4.0, max_retry_after=60.0)


class Scripted:
    """A notifier that fails with the scripted errors, then succeeds."""

    channel = "scripted"

    def __init__(self, *errors: DeliveryError) -> None:
        self.errors = list(errors)
        self.calls = 0

    async def send(self, alert: Alert) -> None:
        self.calls += 1
        if self.errors:
            raise self.errors.pop(0)


class Waits:
    def __init__(self) -> None:
        self.waits: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


def recoverable(retry_after: float | None = None) -> DeliveryError:
    return DeliveryError("scripted", "HTTP 503", recoverable=True, retry_after=retry_after)


def count(outcome: str, channel: str = "scripted") -> float:
    value = REGISTRY.get_sample_value("cw_deliveries_total", {"channel": channel, "outcome": outcome})
    return value or 0.0


async def test_first_try_success_returns_one(trains_alert: Alert) -> None:
    before = count("delivered")
    assert await deliver(Scripted(), trains_alert, POLICY, sleep=Waits()) == 1
    assert count("delivered") == before + 1


async def test_exponential_backoff_with_full_jitter_capped(trains_alert: Alert) -> None:
    class Top(random.Random):
        def uniform(self, a: float, b: float) -> float:
            return b  # the top of each jitter range: the ceilings themselves

    waits = Waits()
    notifier = Scripted(*[recoverable() for _ in range(4)])
    assert await deliver(notifier, trains_alert, POLICY, sleep=waits, rng=Top()) == 5
    assert waits.waits == [1.0, 2.0, 4.0, 4.0]


async def test_jitter_stays_within_the_ceiling() -> None:
    rng = random.Random(7)
    waits = [backoff(n, POLICY, rng) for n in range(1, 8) for _ in range(50)]
    assert all(0.0 <= w <= 4.0 for w in waits)
    assert len(set(waits)) > 100  # jittered, not a fixed schedule


async def test_retry_after_is_the_wait(trains_alert: Alert) -> None:
    waits = Waits()
    await deliver(Scripted(recoverable(2.5), recoverable(0.0)), trains_alert, POLICY, sleep=waits)
    assert waits.waits == [2.5, 0.0]


async def test_retry_after_beyond_the_limit_gives_up(trains_alert: Alert) -> None:
    before = count("retry_after_too_long")
    notifier, waits = Scripted(recoverable(3600.0)), Waits()
    with pytest.raises(DeliveryError) as caught:
        await deliver(notifier, trains_alert, POLICY, sleep=waits)
    assert caught.value.retry_after == 3600.0
    assert notifier.calls == 1 and waits.waits == []
    assert count("retry_after_too_long") == before + 1


async def test_permanent_error_raises_at_once(trains_alert: Alert) -> None:
    before = count("permanent")
    notifier, waits = Scripted(DeliveryError("scripted", "HTTP 400", recoverable=False)), Waits()
    with pytest.raises(DeliveryError) as caught:
        await deliver(notifier, trains_alert, POLICY, sleep=waits)
    assert caught.value.reason == "HTTP 400"
    assert notifier.calls == 1 and waits.waits == []
    assert count("permanent") == before + 1


async def test_last_error_raised_after_the_budget(trains_alert: Alert) -> None:
    before_retried, before_exhausted = count("retried"), count("exhausted")
    errors = [DeliveryError("scripted", f"HTTP 50{i}", recoverable=True) for i in range(5)]
    notifier = Scripted(*errors)
    with pytest.raises(DeliveryError) as caught:
        await deliver(notifier, trains_alert, DeliverySettings(attempts=3), sleep=Waits())
    assert caught.value.reason == "HTTP 502"
    assert notifier.calls == 3
    assert count("retried") == before_retried + 2 and count("exhausted") == before_exhausted + 1


async def test_build_notifiers_follows_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("CW_SLACK__WEBHOOK_URL", "CW_SMTP__HOST", "CW_SMTP__TO"):
        monkeypatch.delenv(name, raising=False)
    async with httpx.AsyncClient() as client:
        assert [type(n) for n in build_notifiers(Settings(), client)] == [ConsoleNotifier]
        settings = Settings(
            slack=SlackSettings(webhook_url=SecretStr("https://hooks.slack.com/services/T/B/x")),
            smtp=SmtpSettings(host="localhost", to=["ops@example.org"]),
        )
        built = build_notifiers(settings, client)
    assert [type(n) for n in built] == [ConsoleNotifier, SlackNotifier, EmailNotifier]
    assert [n.channel for n in built] == ["console", "slack", "email"]
