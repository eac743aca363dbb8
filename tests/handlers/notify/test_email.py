"""EmailNotifier through a real aiosmtpd server: both parts, the subject, SMTP codes, header injection."""

from __future__ import annotations

import pytest
from pydantic import SecretStr
from support.smtp_server import SmtpServer

from handlers.notify.email import EmailNotifier, classify
from handlers.notify.render import render_email
from handlers.notify.retry import deliver
from service.errors import DeliveryError
from service.models import Alert
from service.settings import DeliverySettings, SmtpSettings


def settings_for(server: SmtpServer, **kw: object) -> SmtpSettings:
    fields: dict[str, object] = {
        "host": server.host,
        "port": server.port,
        "from_": "corridor-watch@example.org",
        "to": ["ops@example.org", "lead@example.org"],
        "timeout": 5.0,
    }
    return SmtpSettings(**{**fields, **kw})


async def no_sleep(seconds: float) -> None:
    return None


async def test_delivers_both_parts_with_the_subject(smtp_server: SmtpServer, clearance_alert: Alert) -> None:
    await EmailNotifier(settings_for(smtp_server)).send(clearance_alert)
    [mail] = await smtp_server.wait_for(1)
    assert mail.mail_from == "corridor-watch@example.org"
    assert mail.rcpt_tos == ["ops@example.org", "lead@example.org"]
    msg = mail.message
    assert msg["Subject"] == "[critical] Horgos clearance_rate_pct 96.4% (below 98.5%)"
    assert msg["To"] == "ops@example.org, lead@example.org"
    assert msg["Message-ID"] == "<cw-7f3c1a2b9d0e4f5a@corridor-watch>"
    assert msg.get_content_type() == "multipart/alternative"
    assert [part.get_content_type() for part in msg.iter_parts()] == ["text/plain", "text/html"]
    plain, html = msg.get_body(("plain",)), msg.get_body(("html",))
    assert plain is not None and html is not None
    sent = render_email(clearance_alert, "corridor-watch@example.org", ["ops@example.org", "lead@example.org"])
    sent_plain, sent_html = sent.get_body(("plain",)), sent.get_body(("html",))
    assert sent_plain is not None and sent_html is not None
    # What arrived is exactly what was rendered (test_render pins that down), line ends aside.
    assert plain.get_content().replace("\r\n", "\n") == sent_plain.get_content()
    assert html.get_content().replace("\r\n", "\n") == sent_html.get_content()
    assert "Threshold: below 98.5 %\r\n" in plain.get_content()


async def test_header_injection_in_title_and_quote_creates_no_header(
    smtp_server: SmtpServer, clearance_alert: Alert
) -> None:
    primary = clearance_alert.observations[0].model_copy(update={"quote": "fell\r\nBcc: quote@evil.example"})
    alert = clearance_alert.model_copy(
        update={"value": None, "title": "Drop\r\nBcc: victim@evil.example\nX-Evil: yes", "observations": [primary]}
    )
    await EmailNotifier(settings_for(smtp_server)).send(alert)
    [mail] = await smtp_server.wait_for(1)
    assert mail.rcpt_tos == ["ops@example.org", "lead@example.org"]
    assert mail.message["Bcc"] is None and mail.message["X-Evil"] is None
    assert mail.message["Subject"] == "[critical] Horgos Drop Bcc: victim@evil.example X-Evil: yes"
    head = mail.raw.split(b"\r\n\r\n", 1)[0]
    assert b"\nBcc:" not in head and b"\nX-Evil:" not in head


async def test_4xx_is_retried_then_delivered(smtp_server: SmtpServer, clearance_alert: Alert) -> None:
    smtp_server.enqueue("451 4.3.0 Try again later", times=2)
    attempts = await deliver(
        EmailNotifier(settings_for(smtp_server)), clearance_alert, DeliverySettings(attempts=3), sleep=no_sleep
    )
    assert attempts == 3 and smtp_server.refused == 2 and len(smtp_server.mails) == 1


async def test_5xx_is_permanent(smtp_server: SmtpServer, clearance_alert: Alert) -> None:
    smtp_server.enqueue("554 5.7.1 Message rejected")
    with pytest.raises(DeliveryError) as caught:
        await deliver(
            EmailNotifier(settings_for(smtp_server)), clearance_alert, DeliverySettings(), sleep=no_sleep
        )
    assert caught.value.recoverable is False
    assert caught.value.reason == "SMTP 554 5.7.1 Message rejected"
    assert smtp_server.refused == 1


async def test_connection_refused_is_recoverable(clearance_alert: Alert) -> None:
    with SmtpServer() as gone:
        settings = settings_for(gone)
    with pytest.raises(DeliveryError) as caught:
        await EmailNotifier(settings).send(clearance_alert)
    assert caught.value.recoverable is True


async def test_login_with_username_and_password(clearance_alert: Alert) -> None:
    with SmtpServer(auth={"cw": "s3cret"}) as server:
        await EmailNotifier(settings_for(server, username="cw", password=SecretStr("s3cret"))).send(clearance_alert)
        assert len(await server.wait_for(1)) == 1
        with pytest.raises(DeliveryError) as caught:
            await EmailNotifier(settings_for(server, username="cw", password=SecretStr("wrong"))).send(
                clearance_alert
            )
    assert caught.value.recoverable is False and caught.value.reason.startswith("SMTP 535")
    assert "wrong" not in str(caught.value)


async def test_no_recipients_is_permanent(smtp_server: SmtpServer, clearance_alert: Alert) -> None:
    with pytest.raises(DeliveryError) as caught:
        await EmailNotifier(settings_for(smtp_server, to=[])).send(clearance_alert)
    assert caught.value.recoverable is False


def test_classify_timeouts_and_disconnects_as_recoverable() -> None:
    import aiosmtplib

    assert classify(aiosmtplib.SMTPServerDisconnected("gone")).recoverable is True
    assert classify(aiosmtplib.SMTPTimeoutError("slow")).recoverable is True
    assert classify(aiosmtplib.SMTPSenderRefused(550, "no", "a@b")).recoverable is False
    assert classify(aiosmtplib.SMTPNotSupported("STARTTLS")).recoverable is False


def test_needs_a_host() -> None:
    with pytest.raises(ValueError, match="CW_SMTP__HOST"):
        EmailNotifier(SmtpSettings())
