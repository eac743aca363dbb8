"""SMTP email via aiosmtplib. SMTP 4xx and connection trouble are worth a retry; 5xx are permanent."""

from __future__ import annotations

import logging
import ssl

import aiosmtplib

from handlers.notify.format import single_line
from handlers.notify.render import render_email
from service.errors import DeliveryError
from service.models import Alert
from service.settings import SmtpSettings

log = logging.getLogger(__name__)
REASON_LIMIT = 200


class EmailNotifier:
    channel = "email"

    def __init__(self, settings: SmtpSettings) -> None:
        if not settings.host:
            raise ValueError("EmailNotifier needs CW_SMTP__HOST")
        self._settings = settings

    async def send(self, alert: Alert) -> None:
        s = self._settings
        if not s.to:
            raise DeliveryError(self.channel, "no recipients (CW_SMTP__TO is empty)", recoverable=False)
        message = render_email(alert, s.from_, list(s.to))
        try:
            refused, _ = await aiosmtplib.send(
                message,
                hostname=s.host,
                port=s.port,
                username=s.username,
                password=s.password.get_secret_value() if s.password is not None else None,
                use_tls=s.ssl,
                start_tls=s.starttls,
                timeout=s.timeout,
            )
        except (aiosmtplib.SMTPException, OSError) as exc:
            raise classify(exc, self.channel) from exc
        if refused:  # some recipients accepted it: a retry would send them a duplicate
            detail = ", ".join(f"{addr} ({resp.code})" for addr, resp in sorted(refused.items()))
            log.warning("email: alert %s refused for %s", alert.id, single_line(detail, 500))
        log.debug("email: delivered alert %s to %d recipient(s)", alert.id, len(s.to) - len(refused))


def classify(exc: BaseException, channel: str = "email") -> DeliveryError:
    """SMTP reply codes decide: 4xx recoverable, 5xx permanent; timeouts and dropped connections retry."""
    if isinstance(exc, aiosmtplib.SMTPRecipientsRefused):
        codes = [r.code for r in exc.recipients]
        detail = "; ".join(f"{r.recipient}: {r.code} {r.message}" for r in exc.recipients)
        return _error(channel, f"all recipients refused: {detail}", any(400 <= c < 500 for c in codes))
    if isinstance(exc, aiosmtplib.SMTPResponseException):
        return _error(channel, f"SMTP {exc.code} {exc.message}", exc.code < 500)
    if isinstance(exc, aiosmtplib.SMTPNotSupported):  # e.g. STARTTLS or AUTH not offered: a config problem
        return _error(channel, f"not supported by the server: {exc}", False)
    if isinstance(exc, ssl.SSLError):  # certificate or protocol mismatch: retrying cannot fix it
        return _error(channel, f"TLS error: {type(exc).__name__}: {exc}", False)
    return _error(channel, f"{type(exc).__name__}: {exc}", True)


def _error(channel: str, reason: str, recoverable: bool) -> DeliveryError:
    return DeliveryError(channel, single_line(reason, REASON_LIMIT), recoverable=recoverable)
