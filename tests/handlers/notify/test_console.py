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


def test_a_resolved_yoy_alert_shows_the_new_change_and_the_bound(trains_alert: Alert) -> None:
    """Was `resolved yoy +1,120.0% > 15%`: the value difference read as a year-on-year change."""
    from handlers.evaluate import resolved_alert
    from service.models import Observation

    later = Observation(id="o2", document_id="d2", source_id="s", url="https://x.kz/2", port="horgos",
                        indicator="trains_count", value=4120, unit="trains", yoy_pct=9.1,
                        period_start=trains_alert.observations[0].period_start, quote="q")
    line = render_console(resolved_alert(later, "yoy_abs_pct", 15.0, trains_alert))
    assert line.endswith("+9.1% back inside yoy ±15% https://x.kz/2")
