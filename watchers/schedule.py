"""When a source is polled next: the interval with jitter, or a capped backoff after failures; and the
waits between polls, cut short when the service stops."""

from __future__ import annotations

import asyncio
import random
from dataclasses import dataclass

BACKOFF_BASE = 30.0  # first retry after a failure: at most this, or the interval if shorter
MIN_DELAY = 1.0


@dataclass(frozen=True)
class PollResult:
    """One poll: `new` documents published (`revised` of them revisions); `unchanged` on "not modified";
    `min_delay` the server's lower bound on the wait before the next poll."""

    new: int = 0
    unchanged: bool = False
    error: str | None = None
    revised: int = 0
    min_delay: float | None = None


def next_delay(interval: float, failures: int, backoff_max: float, rng: random.Random) -> float:
    """Seconds until the next poll: the interval ±5 %, or after failures a capped exponential backoff
    with jitter (half fixed, half random). The cap keeps a failing source polled, never parked."""
    if failures <= 0:
        return max(MIN_DELAY, interval * rng.uniform(0.95, 1.05))
    base = min(interval, BACKOFF_BASE)
    delay = min(max(backoff_max, base), base * 2.0 ** min(failures - 1, 32))
    return max(MIN_DELAY, delay / 2 + rng.uniform(0, delay / 2))


class StopWatch:
    """`wait(stop, seconds)`: sleep unless `stop` is set first (True then). One task waits for `stop`
    per watcher, however many sleeps: a poll loop of 1,000 sources must not create a task per sleep."""

    def __init__(self) -> None:
        self._task: asyncio.Task[bool] | None = None

    def task(self, stop: asyncio.Event) -> asyncio.Task[bool]:
        if self._task is None or (self._task.done() and not stop.is_set()):
            self._task = asyncio.ensure_future(stop.wait())
        return self._task

    async def wait(self, stop: asyncio.Event, seconds: float) -> bool:
        if stop.is_set():
            return True
        if seconds > 0:
            await asyncio.wait({self.task(stop)}, timeout=seconds)
        return stop.is_set()

    def close(self) -> None:
        if self._task is not None and not self._task.done():
            self._task.cancel()
