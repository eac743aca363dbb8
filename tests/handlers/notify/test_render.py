"""render_slack / render_email / render_console: exact payloads (ElastAlert2 style) and escaping."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date

from handlers.notify import format as fmt
from handlers.notify.render import render_console, render_email, render_slack, slack_escape
from service.models import Alert, ObservationRef

MakeRef = Callable[..., ObservationRef]

EVIL = "Alert <!channel> & <http://evil.example|click here> <@U123>"


def test_slack_payload_for_the_experience_sketch(clearance_alert: Alert) -> None:
    assert render_slack(clearance_alert) == {
        "text": "🔴 Critical · Horgos · customs clearance rate: 96.4 % (Oct 2026), below 98.5 %",
        "blocks": [
            {
                "type": "header",
                "text": {"type": "plain_text", "text": "🔴 Critical · Horgos · customs clearance rate", "emoji": True},
            },
            {"type": "section", "text": {"type": "mrkdwn", "text": "*Khorgos clearance rate falls to 96.4%*"}},
            {
                "type": "section",
                "fields": [
                    {"type": "mrkdwn", "text": "*Value*\n96.4 % (Oct 2026)"},
                    {"type": "mrkdwn", "text": "*Previous*\n98.9 % (Sep 2026)"},
                    {"type": "mrkdwn", "text": "*Threshold*\nbelow 98.5 %"},
                    {"type": "mrkdwn", "text": "*Change*\n−2.5 points"},
                ],
            },
            {
                "type": "section",
                "text": {
                    "type": "mrkdwn",
                    "text": "> The customs clearance rate for outbound freight at the Khorgos crossing fell to "
                    "96.4% in October 2026, down from 98.9% in September",
                },
            },
            {
                "type": "section",
                "text": {
                    "type": "mrkdwn",
                    "text": "Source: <https://www.example-news.kz/news/1|example-news.kz> (en)"
                    " · also reported by 2 other sources: <https://kgd.gov.kz/ru/news/2|kgd.gov.kz>, "
                    "<http://www.customs.gov.cn/x?a=1&amp;b=2|customs.gov.cn>",
                },
            },
            {
                "type": "context",
                "elements": [
                    {"type": "mrkdwn", "text": "Rule clearance_rate_pct.below · alert 7f3c1a2b · Corridor Watch"}
                ],
            },
        ],
        "unfurl_links": False,
        "unfurl_media": False,
    }


def test_slack_yoy_alert_fields(trains_alert: Alert) -> None:
    payload = render_slack(trains_alert)
    assert payload["text"] == "🟠 Warning · Horgos · freight trains: 3,000 trains (Jan–Apr 2026), yoy ±15 %"
    assert payload["blocks"][2] == {  # type: ignore[index]
        "type": "section",
        "fields": [
            {"type": "mrkdwn", "text": "*Value*\n3,000 trains (Jan–Apr 2026)"},
            {"type": "mrkdwn", "text": "*Threshold*\nyoy ±15 %"},
            {"type": "mrkdwn", "text": "*Change*\n+21.0 %"},
        ],
    }
    source = payload["blocks"][4]["text"]["text"]  # type: ignore[index]
    assert source == "Source: <https://www.railfreight.com/beltandroad/2026/05/02/horgos/|railfreight.com> (en)"


def test_slack_escapes_document_text_in_title_quote_and_urls(clearance_alert: Alert, make_ref: MakeRef) -> None:
    evil_ref = make_ref(quote=EVIL, url="http://evil.example/a|<!here>")
    alert = clearance_alert.model_copy(update={"title": EVIL, "observations": [evil_ref]})
    payload = render_slack(alert)
    escaped = "Alert &lt;!channel&gt; &amp; &lt;http://evil.example|click here&gt; &lt;@U123&gt;"
    assert payload["blocks"][1]["text"]["text"] == f"*{escaped}*"  # type: ignore[index]
    assert payload["blocks"][3]["text"]["text"] == f"> {escaped}"  # type: ignore[index]
    source = payload["blocks"][4]["text"]["text"]  # type: ignore[index]
    assert source == "Source: <http://evil.example/a%7C&lt;!here&gt;|evil.example> (en)"
    # Nowhere in the payload can Slack see a raw special mention or a forged link.
    raw = json.dumps(payload, ensure_ascii=False)
    assert "<!channel>" not in raw and "<!here>" not in raw and "<http://evil.example|" not in raw
    assert "<@U123>" not in raw


def test_slack_multiline_quote_is_one_blockquote(clearance_alert: Alert, make_ref: MakeRef) -> None:
    alert = clearance_alert.model_copy(update={"observations": [make_ref(quote="line one\n\nline > two")]})
    assert render_slack(alert)["blocks"][3]["text"]["text"] == "> line one\n> line &gt; two"  # type: ignore[index]


def test_slack_event_without_value_has_no_fields(make_ref: MakeRef) -> None:
    alert = Alert(
        id="e1", kind="event", rule="certification", severity="warning", port=None, indicator="certification",
        value=None, title="TR CU 018/2011: transition period for electric-truck approvals ends 1 Sep 2026",
        observations=[make_ref(url="file:///demo/seed.txt")],
    )
    payload = render_slack(alert)
    assert payload["blocks"][0]["text"]["text"] == "📋 Warning · event · certification"  # type: ignore[index]
    assert [b["type"] for b in payload["blocks"]] == ["header", "section", "section", "section", "context"]  # type: ignore[union-attr]
    assert payload["blocks"][3]["text"]["text"] == "Source: file:///demo/seed.txt (en)"  # type: ignore[index]
    assert payload["text"] == (
        "📋 Warning · event · certification: "
        "TR CU 018/2011: transition period for electric-truck approvals ends 1 Sep 2026"
    )


def test_slack_header_stays_within_block_kit_limits(clearance_alert: Alert, make_ref: MakeRef) -> None:
    alert = clearance_alert.model_copy(update={"port": "x" * 300, "observations": [make_ref(quote="q" * 10_000)]})
    blocks = render_slack(alert)["blocks"]
    assert len(blocks[0]["text"]["text"]) <= 150  # type: ignore[index]
    assert len(blocks[3]["text"]["text"]) <= 3000  # type: ignore[index]


def test_email_subject_headers_and_both_parts(clearance_alert: Alert) -> None:
    msg = render_email(clearance_alert, "corridor-watch@example.org", ["ops@example.org", "lead@example.org"])
    assert msg["Subject"] == "[critical] Horgos clearance_rate_pct 96.4% (below 98.5%)"
    assert msg["From"] == "corridor-watch@example.org"
    assert msg["To"] == "ops@example.org, lead@example.org"
    assert msg["Message-ID"] == "<cw-7f3c1a2b9d0e4f5a@corridor-watch>"
    assert msg["Date"] == "Mon, 23 Nov 2026 08:31:40 +0000"
    assert msg.get_content_type() == "multipart/alternative"
    plain = msg.get_body(("plain",))
    assert plain is not None
    assert plain.get_content() == (
        "🔴 Critical · Horgos · customs clearance rate\n"
        "Khorgos clearance rate falls to 96.4%\n"
        "\n"
        "Value:     96.4 % (Oct 2026)\n"
        "Previous:  98.9 % (Sep 2026)\n"
        "Threshold: below 98.5 %\n"
        "Change:    −2.5 points\n"
        "\n"
        "“The customs clearance rate for outbound freight at the Khorgos crossing fell to 96.4% in October 2026, "
        "down from 98.9% in September”\n"
        "\n"
        "Source: https://www.example-news.kz/news/1 (en)\n"
        "Also reported by: https://kgd.gov.kz/ru/news/2 (ru)\n"
        "Also reported by: http://www.customs.gov.cn/x?a=1&b=2 (zh)\n"
        "\n"
        "Rule clearance_rate_pct.below · alert 7f3c1a2b · Corridor Watch\n"
    )
    html_part = msg.get_body(("html",))
    assert html_part is not None
    html = html_part.get_content()
    assert "<h2>🔴 Critical · Horgos · customs clearance rate</h2>" in html
    assert '<tr><th align="left">Change</th><td>−2.5 points</td></tr>' in html
    assert '<a href="http://www.customs.gov.cn/x?a=1&amp;b=2">customs.gov.cn</a> (zh)' in html


def test_email_html_escapes_document_text(clearance_alert: Alert, make_ref: MakeRef) -> None:
    evil = '<script>alert(1)</script> "<b>bold</b>"'
    alert = clearance_alert.model_copy(
        update={"title": evil, "observations": [make_ref(quote=evil, url='https://x.example/"><script>')]}
    )
    html_part = render_email(alert, "a@example.org", ["b@example.org"]).get_body(("html",))
    assert html_part is not None
    html = html_part.get_content()
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &quot;&lt;b&gt;bold&lt;/b&gt;&quot;" in html
    assert '<a href="https://x.example/&quot;&gt;&lt;script&gt;">x.example</a>' in html


def test_email_headers_cannot_be_injected(clearance_alert: Alert) -> None:
    evil_title = "Rate drop\r\nBcc: victim@example.org\r\nX-Evil: 1"
    alert = clearance_alert.model_copy(update={"title": evil_title, "value": None, "rule": "x\nBcc: a@b"})
    msg = render_email(alert, "cw@example.org\r\nBcc: other@example.org", ["ops@example.org\nCc: c@example.org"])
    assert msg["Bcc"] is None and msg["Cc"] is None and msg["X-Evil"] is None
    assert msg["Subject"] == "[critical] Horgos Rate drop Bcc: victim@example.org X-Evil: 1"
    head = msg.as_bytes().split(b"\n\n", 1)[0]
    assert b"\nBcc:" not in head and b"\nX-Evil:" not in head and b"\nCc:" not in head


def test_email_subject_for_other_kinds(trains_alert: Alert) -> None:
    assert render_email(trains_alert, "a@x.org", ["b@x.org"])["Subject"] == (
        "[warning] Horgos trains_count 3,000 trains (yoy +21.0% > 15%)"
    )
    resolved = trains_alert.model_copy(update={"kind": "resolved", "severity": "info"})
    assert render_email(resolved, "a@x.org", ["b@x.org"])["Subject"] == (
        "[info] resolved: Horgos trains_count 3,000 trains (+21.0% back inside yoy ±15%)"
    )


def test_console_line(trains_alert: Alert, clearance_alert: Alert) -> None:
    assert render_console(trains_alert) == (
        "ALERT warning horgos trains_count 3000 trains 2026-01-01..2026-04-30 yoy +21.0% > 15% "
        "https://www.railfreight.com/beltandroad/2026/05/02/horgos/"
    )
    assert render_console(clearance_alert) == (
        "ALERT critical horgos clearance_rate_pct 96.4% 2026-10-01..2026-10-31 below 98.5% "
        "https://www.example-news.kz/news/1"
    )


def test_console_line_is_one_line_whatever_the_document_says(clearance_alert: Alert, make_ref: MakeRef) -> None:
    alert = clearance_alert.model_copy(
        update={"value": None, "title": "a\nALERT fake\r\n\x1b[31mred", "observations": [make_ref(url="http://x/\nb")]}
    )
    line = render_console(alert)
    assert "\n" not in line and "\r" not in line and "\x1b" not in line
    assert line.startswith("ALERT critical horgos clearance_rate_pct a ALERT fake [31mred ")


def test_numbers_periods_and_rules() -> None:
    assert [fmt.number(v) for v in (3000, 96.4, 1234.5, 1.2e9, 12_500_000, 0.125, -2.5)] == [
        "3,000", "96.4", "1,234.5", "1.2 billion", "12.5 million", "0.125", "-2.5",
    ]
    assert fmt.quantity(1.2e9, "USD") == "1.2 billion USD"
    assert fmt.number(float("nan")) == "nan" and fmt.plain_number(float("inf")) == "inf"
    assert fmt.quantity(1_250_000, "tonnes", compact=True, plain=True) == "1.25 million tonnes"
    assert fmt.quantity(96.4, "%", compact=True, plain=True) == "96.4%"
    assert fmt.quantity(96.4, "%") == "96.4 %"
    assert fmt.period(date(2026, 1, 1), date(2026, 12, 31)) == "2026"
    assert fmt.period(date(2025, 11, 1), date(2026, 2, 28)) == "Nov 2025–Feb 2026"
    assert fmt.period(date(2026, 10, 3), date(2026, 10, 9)) == "3 Oct 2026 – 9 Oct 2026"
    assert fmt.period(None, date(2026, 10, 31)) == "until 31 Oct 2026"
    assert fmt.period(None, None) == ""
    assert fmt.rule_name("horgos.clearance_rate_pct.BELOW") == "below"


def test_slack_escape() -> None:
    assert slack_escape("a & b < c > d") == "a &amp; b &lt; c &gt; d"


def test_follow_up_kinds_are_named(clearance_alert: Alert) -> None:
    resolved = clearance_alert.model_copy(update={"kind": "resolved", "severity": "info", "value": 98.7})
    header = render_slack(resolved)["blocks"][0]["text"]["text"]  # type: ignore[index]
    assert header == "✅ Info · resolved · Horgos · customs clearance rate"
    assert render_console(resolved).startswith(
        "ALERT info horgos clearance_rate_pct 98.7% 2026-10-01..2026-10-31 resolved back inside below 98.5% "
    )
    revision = clearance_alert.model_copy(update={"kind": "revision"})
    assert render_slack(revision)["blocks"][0]["text"]["text"] == (  # type: ignore[index]
        "🔴 Critical · revision · Horgos · customs clearance rate"
    )
