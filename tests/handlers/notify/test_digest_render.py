"""A digest (several alerts from one document) renders as one message with a part per alert."""

from __future__ import annotations

from handlers.evaluate import digest
from handlers.notify.render import render_console, render_email, render_slack
from service.models import Alert


def _digest(clearance_alert: Alert) -> Alert:
    time_alert = clearance_alert.model_copy(update={
        "id": "b2", "rule": "clearance_time_hours.above", "indicator": "clearance_time_hours", "value": 30.0,
        "unit": "hours", "previous": None, "threshold": 24.0, "delta": 6.0, "severity": "warning",
        "title": "Horgos clearance time: 30 hours, above 24"})
    [combined] = digest([clearance_alert, time_alert])
    return combined


def test_slack_digest_has_one_header_a_part_per_alert_and_the_quote_once(clearance_alert: Alert) -> None:
    payload = render_slack(_digest(clearance_alert))
    blocks = payload["blocks"]
    assert isinstance(blocks, list)
    assert blocks[0]["text"]["text"] == "🔴 Critical · Horgos · 2 alerts from one report"
    titles = [b["text"]["text"] for b in blocks if b["type"] == "section" and "text" in b
              and b["text"]["text"].startswith("*")]
    assert titles == ["*Khorgos clearance rate falls to 96.4%*", "*Horgos clearance time: 30 hours, above 24*"]
    quotes = [b for b in blocks if b["type"] == "section" and "text" in b and b["text"]["text"].startswith("> ")]
    assert len(quotes) == 1  # both alerts quote the same sentence
    assert str(payload["text"]).startswith("🔴 Critical · Horgos · 2 alerts from one report: customs clearance rate")


def test_email_and_console_digest(clearance_alert: Alert) -> None:
    combined = _digest(clearance_alert)
    mail = render_email(combined, "cw@x", ["a@y"])
    assert mail["Subject"] == "[critical] Horgos 2 alerts: clearance_rate_pct, clearance_time_hours"
    plain = mail.get_body(("plain",)).get_content()
    assert "Khorgos clearance rate falls to 96.4%" in plain and "Horgos clearance time: 30 hours" in plain
    lines = render_console(combined).splitlines()
    assert [line.split()[:4] for line in lines] == [["ALERT", "critical", "horgos", "clearance_rate_pct"],
                                                   ["ALERT", "warning", "horgos", "clearance_time_hours"]]
