"""The console notifier: one `ALERT ...` line per alert on a stream (stdout by default)."""

from __future__ import annotations

import sys
from typing import TextIO

from handlers.notify.render import render_console
from service.errors import DeliveryError
from service.models import Alert


class ConsoleNotifier:
    channel = "console"

    def __init__(self, stream: TextIO | None = None) -> None:
        self._stream = stream

    async def send(self, alert: Alert) -> None:
        stream = self._stream if self._stream is not None else sys.stdout  # looked up late: pytest swaps it
        try:
            stream.write(render_console(alert) + "\n")
            stream.flush()
        except (OSError, ValueError) as exc:  # closed pipe or closed file: retrying will not reopen it
            reason = f"cannot write: {type(exc).__name__}"
            raise DeliveryError(self.channel, reason, recoverable=False) from exc
