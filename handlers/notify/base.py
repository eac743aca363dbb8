"""What every notifier offers: a channel name and `send`, which says whether a failure is worth retrying."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from service.models import Alert


@runtime_checkable
class Notifier(Protocol):
    """Delivers one alert to one channel.

    `send` returns on success and raises `service.errors.DeliveryError` on failure, with
    ``recoverable=True`` when a retry can help (rate limit, server error, timeout; ``retry_after`` when the
    receiver said how long to wait) and ``recoverable=False`` when it cannot (rejected payload, bad address).
    It never retries by itself: `handlers.notify.retry.deliver` does.
    """

    channel: str

    async def send(self, alert: Alert) -> None: ...
