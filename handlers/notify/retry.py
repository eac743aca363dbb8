"""Deliver one alert through one notifier, retrying what is worth retrying (Alertmanager's retrier).

Recoverable failures wait with capped exponential backoff and full jitter (a uniform wait between 0 and
``min(backoff_max, backoff_initial × 2^(n-1))``), unless the receiver named the wait (Retry-After): that is
honoured as is, and a wait beyond ``max_retry_after`` gives up at once. Permanent failures raise at once.

Counted in ``cw_deliveries{channel, outcome}``: ``delivered``; ``retried`` per failed attempt that is
retried; and one final ``permanent`` (rejected), ``exhausted`` (attempts used up) or ``retry_after_too_long``.
Tests pass a recording ``sleep`` (STYLE point 12): nothing waits for real.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Awaitable, Callable

from handlers.notify.base import Notifier
from service.errors import DeliveryError
from service.metrics import DELIVERIES
from service.models import Alert
from service.settings import DeliverySettings

log = logging.getLogger(__name__)
Sleep = Callable[[float], Awaitable[None]]


def backoff(attempt: int, policy: DeliverySettings, rng: random.Random) -> float:
    """Full jitter after failed attempt number `attempt` (1-based)."""
    ceiling = min(policy.backoff_max, policy.backoff_initial * 2 ** (attempt - 1))
    return rng.uniform(0.0, ceiling)


async def deliver(
    notifier: Notifier,
    alert: Alert,
    policy: DeliverySettings,
    *,
    sleep: Sleep = asyncio.sleep,
    rng: random.Random | None = None,
) -> int:
    """Send `alert`; return the number of attempts it took. Raise the last DeliveryError on failure."""
    rng = rng or random.Random()
    channel = notifier.channel
    for attempt in range(1, policy.attempts + 1):
        try:
            await notifier.send(alert)
        except DeliveryError as exc:
            wait, outcome = _next_wait(exc, attempt, policy, rng)
            if wait is None:
                DELIVERIES.labels(channel=channel, outcome=outcome).inc()
                raise
            DELIVERIES.labels(channel=channel, outcome="retried").inc()
            log.warning(
                "%s: attempt %d/%d for alert %s failed (%s); retrying in %.2fs",
                channel, attempt, policy.attempts, alert.id, exc.reason, wait,
            )
            await sleep(wait)
        else:
            DELIVERIES.labels(channel=channel, outcome="delivered").inc()
            return attempt
    raise AssertionError("unreachable: the last attempt either returns or raises")  # pragma: no cover


def _next_wait(
    exc: DeliveryError, attempt: int, policy: DeliverySettings, rng: random.Random
) -> tuple[float | None, str]:
    """Seconds to wait before the next attempt and "retried", or None and why we give up."""
    if not exc.recoverable:
        return None, "permanent"
    if attempt >= policy.attempts:
        return None, "exhausted"
    if exc.retry_after is not None:
        if exc.retry_after > policy.max_retry_after:
            return None, "retry_after_too_long"
        return max(exc.retry_after, 0.0), "retried"
    return backoff(attempt, policy, rng), "retried"
