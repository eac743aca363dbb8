"""ConsoleNotifier: one flushed `ALERT ...` line per alert."""

from __future__ import annotations

import io

import pytest

from handlers.notify.console import ConsoleNotifier
from handlers.notify.render import render_console
from service.errors import DeliveryError
from service.models import Alert


class Recording(io.StringIO):
    flushes = 0

    def flush(self) -> None:
        self.flushes += 1
        super().flush()


async def test_writes_one_line_and_flushes(trains_alert: Alert) -> None:
    stream = Recording()
    await ConsoleNotifier(stream).send(trains_alert)
    assert stream.getvalue() == render_console(trains_alert) + "\n"
    assert stream.getvalue().startswith("ALERT warning horgos trains_count 3000 trains ")
    assert stream.flushes == 1


async def test_defaults_to_stdout(trains_alert: Alert, capsys: pytest.CaptureFixture[str]) -> None:
    await ConsoleNotifier().send(trains_alert)
    assert capsys.readouterr().out == render_console(trains_alert) + "\n"


async def test_closed_stream_is_a_permanent_failure(trains_alert: Alert) -> None:
    stream = io.StringIO()
    stream.close()
    with pytest.raises(DeliveryError) as caught:
        await ConsoleNotifier(stream).send(trains_alert)
    assert caught.value.recoverable is False and caught.value.channel == "console"
