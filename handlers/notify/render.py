"""Alerts as Slack Block Kit payloads, emails and console lines. Pure functions: data in, message out.

Everything that comes from a document (title, quote, URLs) is untrusted: it is escaped for Slack mrkdwn
(``&``, ``<``, ``>``) so it cannot ping ``<!channel>`` or forge ``<http://evil|links>``, escaped for HTML in
the email's HTML part, and flattened to one line wherever it could reach a header or a log line.
"""

from __future__ import annotations

import html
import re
from email.message import EmailMessage
from email.utils import format_datetime

from handlers.notify import format as fmt
from service.models import Alert, ObservationRef
from service.vocabulary import indicator_label, port_label

SEVERITY_EMOJI = {"critical": "🔴", "warning": "🟠", "info": "🔵"}
KIND_EMOJI = {"resolved": "✅", "event": "📋"}
KIND_LABELS = {
    "revision": "revision",
    "resolved": "resolved",
    "corroboration": "corroborated",
    "reminder": "reminder",
    "event": "event",
    "needs_review": "needs review",
    "source_stale": "source stale",
}
SIGNATURE = "Corridor Watch"
HEADER_LIMIT = 150  # Slack: header text at most 150 characters
QUOTE_LIMIT = 500  # escaped, at most 5 × 500 characters: under Slack's 3,000 per section
MAX_OTHER_LINKS = 5
MAX_DIGEST_LINES = 8  # alerts shown in one digest message (Slack allows 50 blocks)
_SAFE_ID = re.compile(r"[^A-Za-z0-9._-]")


def slack_escape(text: str) -> str:
    """Escape the three characters Slack mrkdwn treats as control: & < >."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _slack_url(url: str) -> str:
    return slack_escape(url).replace("|", "%7C").replace(" ", "%20")


def _slack_link(ref: ObservationRef) -> str:
    url = fmt.single_line(ref.url, 1000)
    if not fmt.is_web_link(url):
        return slack_escape(url)
    return f"<{_slack_url(url)}|{slack_escape(fmt.host_of(url))}>"


def _headline(alert: Alert) -> str:
    """`🔴 Critical · Horgos · customs clearance rate`, `✅ Info · resolved · Horgos · …`."""
    emoji = KIND_EMOJI.get(alert.kind, SEVERITY_EMOJI.get(alert.severity, "⚪"))
    parts = [f"{emoji} {alert.severity.title()}"]
    if alert.kind != "firing":
        parts.append(KIND_LABELS.get(alert.kind, alert.kind))
    if alert.port is not None:
        parts.append(port_label(alert.port))
    parts.append(f"{len(alert.digest)} alerts from one report" if alert.digest else indicator_label(alert.indicator))
    return fmt.single_line(" · ".join(parts), HEADER_LIMIT)


def facts(alert: Alert) -> list[tuple[str, str]]:
    """(label, text) rows shared by every renderer: value, previous, threshold, change."""
    if alert.value is None:
        return []
    unit = fmt.unit_of(alert)
    rows = [("Value", _with_period(fmt.quantity(alert.value, unit), fmt.value_period(alert)))]
    if alert.previous is not None:
        previous = fmt.quantity(alert.previous, unit)
        rows.append(("Previous", _with_period(previous, fmt.previous_period(alert))))
    if alert.threshold is not None:
        rows.append(("Threshold", fmt.threshold_text(alert)))
    if alert.delta is not None:
        rows.append(("Change", fmt.delta_text(alert)))
    return rows


def _with_period(text: str, period: str) -> str:
    return f"{text} ({period})" if period else text


def _summary(alert: Alert) -> str:
    """One phrase for a notification preview or a subject: the value and the rule, else the title."""
    if alert.digest:
        return "; ".join(f"{indicator_label(a.indicator)} {_summary(a)}" for a in alert.digest[:MAX_DIGEST_LINES])
    if alert.value is None:
        return fmt.single_line(alert.title, 200)
    text = _with_period(fmt.quantity(alert.value, fmt.unit_of(alert)), fmt.value_period(alert))
    return f"{text}, {fmt.threshold_text(alert)}" if alert.threshold is not None else text


def _footer(alert: Alert) -> str:
    return f"Rule {fmt.single_line(alert.rule, 100)} · alert {fmt.single_line(alert.id[:8], 8)} · {SIGNATURE}"


def _others_phrase(count: int) -> str:
    return f"also reported by {count} other source{'s' if count != 1 else ''}"


# --- Slack ------------------------------------------------------------------------------------------


def _mrkdwn(text: str) -> dict[str, str]:
    return {"type": "mrkdwn", "text": text}


def _slack_quote(quote: str) -> str:
    text = fmt.truncate(quote.strip(), QUOTE_LIMIT)
    return "\n".join(f"> {slack_escape(line)}" for line in text.splitlines() if line.strip())


def _slack_sources(alert: Alert) -> str:
    primary = alert.primary
    if primary is None:
        return ""
    line = f"Source: {_slack_link(primary)} ({slack_escape(fmt.single_line(primary.language, 10))})"
    others = fmt.other_sources(alert)
    if others:
        links = ", ".join(_slack_link(ref) for ref in others[:MAX_OTHER_LINKS])
        line += f" · {_others_phrase(len(others))}: {links}"
    return line


def _slack_body(alert: Alert, quotes: set[str]) -> list[dict[str, object]]:
    """Title, facts and quote of one alert (a digest has one such body per alert; a quote shown once)."""
    blocks: list[dict[str, object]] = []
    if alert.title.strip():
        blocks.append({"type": "section", "text": _mrkdwn(f"*{slack_escape(fmt.single_line(alert.title))}*")})
    rows = facts(alert)
    if rows:
        blocks.append({"type": "section", "fields": [_mrkdwn(f"*{label}*\n{text}") for label, text in rows]})
    primary = alert.primary
    if primary is not None and primary.quote.strip() and primary.quote not in quotes:
        quotes.add(primary.quote)
        blocks.append({"type": "section", "text": _mrkdwn(_slack_quote(primary.quote))})
    return blocks


def render_slack(alert: Alert) -> dict[str, object]:
    """A Block Kit payload for an incoming webhook, with a plain `text` fallback for notifications."""
    blocks: list[dict[str, object]] = [
        {"type": "header", "text": {"type": "plain_text", "text": _headline(alert), "emoji": True}}
    ]
    quotes: set[str] = set()
    for part in alert.digest[:MAX_DIGEST_LINES] or [alert]:
        blocks += _slack_body(part, quotes)
    if len(alert.digest) > MAX_DIGEST_LINES:
        more = len(alert.digest) - MAX_DIGEST_LINES
        blocks.append({"type": "context", "elements": [_mrkdwn(f"… and {more} more")]})
    sources = _slack_sources(alert)
    if sources:
        blocks.append({"type": "section", "text": _mrkdwn(sources)})
    blocks.append({"type": "context", "elements": [_mrkdwn(slack_escape(_footer(alert)))]})
    return {
        "text": slack_escape(f"{_headline(alert)}: {_summary(alert)}"),
        "blocks": blocks,
        "unfurl_links": False,
        "unfurl_media": False,
    }


# --- Email ------------------------------------------------------------------------------------------


def subject(alert: Alert) -> str:
    """`[critical] Horgos clearance_rate_pct 96.4% (below 98.5%)`; one line, control characters removed."""
    kind = "" if alert.kind == "firing" else f"{KIND_LABELS.get(alert.kind, alert.kind)}: "
    port = port_label(alert.port) if alert.port is not None else ""
    if alert.digest:
        indicators = ", ".join(dict.fromkeys(a.indicator for a in alert.digest))
        return fmt.single_line(f"[{alert.severity}] {port} {len(alert.digest)} alerts: {indicators}", 250)
    if alert.value is None:
        body = f"{port} {fmt.single_line(alert.title, 150)}"
    else:
        value = fmt.quantity(alert.value, fmt.unit_of(alert), compact=True)
        rule = f" ({fmt.console_note(alert)})" if alert.threshold is not None else ""
        body = f"{port} {alert.indicator} {value}{rule}"
    return fmt.single_line(f"[{alert.severity}] {kind}{body}", 250)


def _source_lines(alert: Alert) -> list[tuple[str, ObservationRef]]:
    primary = alert.primary
    if primary is None:
        return []
    return [("Source", primary)] + [("Also reported by", ref) for ref in fmt.other_sources(alert)]


def _plain_part(alert: Alert, quotes: set[str]) -> list[str]:
    lines = [fmt.single_line(alert.title, 1000)] if alert.title.strip() else []
    lines.append("")
    lines += [f"{label + ':':<11}{text}" for label, text in facts(alert)]
    primary = alert.primary
    if primary is not None and primary.quote.strip() and primary.quote not in quotes:
        quotes.add(primary.quote)
        lines += ["", f"“{fmt.single_line(primary.quote, 2000)}”"]
    return lines


def _plain_body(alert: Alert) -> str:
    lines = [_headline(alert)]
    quotes: set[str] = set()
    for part in alert.digest or [alert]:
        lines += _plain_part(part, quotes) + ([""] if alert.digest else [])
    primary = alert.primary
    if primary is not None:
        lines.append("")
        lines += [
            f"{label}: {fmt.single_line(ref.url, 1000)} ({fmt.single_line(ref.language, 10)})"
            for label, ref in _source_lines(alert)
        ]
    lines += ["", _footer(alert)]
    return "\n".join(lines) + "\n"


def _html_link(ref: ObservationRef) -> str:
    url = fmt.single_line(ref.url, 1000)
    if not fmt.is_web_link(url):
        return html.escape(url)
    return f'<a href="{html.escape(url, quote=True)}">{html.escape(fmt.host_of(url))}</a>'


def _html_part(alert: Alert, quotes: set[str]) -> list[str]:
    esc = html.escape
    parts = [f"<p><strong>{esc(fmt.single_line(alert.title, 1000))}</strong></p>"] if alert.title.strip() else []
    rows = "".join(f"<tr><th align=\"left\">{esc(k)}</th><td>{esc(v)}</td></tr>" for k, v in facts(alert))
    if rows:
        parts.append(f"<table>{rows}</table>")
    primary = alert.primary
    if primary is not None and primary.quote.strip() and primary.quote not in quotes:
        quotes.add(primary.quote)
        parts.append(f"<blockquote>{esc(fmt.single_line(primary.quote, 2000))}</blockquote>")
    return parts


def _html_body(alert: Alert) -> str:
    esc = html.escape
    parts = [f"<h2>{esc(_headline(alert))}</h2>"]
    quotes: set[str] = set()
    for part in alert.digest or [alert]:
        parts += _html_part(part, quotes)
    parts += [
        f"<p>{esc(label)}: {_html_link(ref)} ({esc(fmt.single_line(ref.language, 10))})</p>"
        for label, ref in _source_lines(alert)
    ]
    parts.append(f"<p><small>{esc(_footer(alert))}</small></p>")
    return "<html><body>\n" + "\n".join(parts) + "\n</body></html>\n"


def _header_value(text: str) -> str:
    return fmt.single_line(text, 500)


def message_id(alert: Alert) -> str:
    """The same alert always gets the same Message-ID, so a retried send is deduplicated by mail clients."""
    return f"<cw-{_SAFE_ID.sub('', alert.id)[:64] or 'alert'}@corridor-watch>"


def render_email(alert: Alert, sender: str, recipients: list[str]) -> EmailMessage:
    """multipart/alternative: plain text and HTML. Headers hold no CR, LF or other control characters."""
    msg = EmailMessage()
    msg["Subject"] = subject(alert)
    msg["From"] = _header_value(sender)
    msg["To"] = ", ".join(_header_value(r) for r in recipients if _header_value(r))
    msg["Date"] = format_datetime(alert.created_at)
    msg["Message-ID"] = message_id(alert)
    msg["X-Corridor-Watch-Alert"] = _SAFE_ID.sub("", alert.id)[:64]
    msg["X-Corridor-Watch-Severity"] = alert.severity
    msg.set_content(_plain_body(alert))
    msg.add_alternative(_html_body(alert), subtype="html")
    return msg


# --- Console ----------------------------------------------------------------------------------------


def render_console(alert: Alert) -> str:
    """One line: `ALERT warning horgos trains_count 3000 trains 2026-01-01..2026-04-30 yoy +21.0% > 15% URL`.

    Ids, not labels, and plain numbers: this line is for grep as much as for eyes. A digest gives one line
    per alert in it.
    """
    if alert.digest:
        return "\n".join(render_console(part) for part in alert.digest)
    primary = alert.primary
    if alert.value is None:
        shown = fmt.single_line(alert.title, 120)
    else:
        shown = fmt.quantity(alert.value, fmt.unit_of(alert), compact=True, plain=True)
    parts = [
        "ALERT",
        alert.severity,
        alert.port or "-",
        alert.indicator,
        shown,
        fmt.iso_period(primary.period_start, primary.period_end) if primary else "",
        "" if alert.kind == "firing" else alert.kind,
        fmt.console_note(alert) if alert.threshold is not None else "",
        primary.url if primary else "",
    ]
    return fmt.single_line(" ".join(p for p in parts if p), 1000)
