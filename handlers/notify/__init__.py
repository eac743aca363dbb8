"""Notifiers (STYLE point 6): Slack webhook, SMTP email and the console, each saying whether a failure
is worth retrying; `deliver` retries; `render` turns an alert into each channel's message."""

from __future__ import annotations

import httpx

from handlers.notify.base import Notifier
from handlers.notify.console import ConsoleNotifier
from handlers.notify.email import EmailNotifier
from handlers.notify.retry import deliver
from handlers.notify.slack import SlackNotifier
from service.settings import Settings

__all__ = ["ConsoleNotifier", "EmailNotifier", "Notifier", "SlackNotifier", "build_notifiers", "deliver"]


def build_notifiers(settings: Settings, client: httpx.AsyncClient) -> list[Notifier]:
    """The console always; Slack when CW_SLACK__WEBHOOK_URL is set; email when CW_SMTP__HOST is set."""
    notifiers: list[Notifier] = [ConsoleNotifier()]
    if settings.slack.webhook_url is not None and settings.slack.webhook_url.get_secret_value():
        notifiers.append(SlackNotifier(settings.slack, client))
    if settings.smtp.host:
        notifiers.append(EmailNotifier(settings.smtp))
    return notifiers
