"""Which channels an alert goes to: by port and severity, with a separate route for ops alerts.

Routes come from ``CW_SLACK__ROUTES`` ("critical=URL;horgos=URL;horgos:warning=URL;ops=URL") and
``CW_SMTP__ROUTES`` (the same keys, comma-separated addresses). For each channel kind the most specific
route wins: ``port:severity``, then ``port``, then ``severity``; alerts about the service itself
(``route="ops"``) use ``ops``. Without a matching route an alert goes to the default webhook
(``CW_SLACK__WEBHOOK_URL``) or recipients (``CW_SMTP__TO``), if set. The console always gets everything.
Each target has a stable name ("slack", "slack:critical", "email:ops") that keys delivery idempotency.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import httpx
from pydantic import SecretStr

from handlers.notify.base import Notifier
from handlers.notify.console import ConsoleNotifier
from handlers.notify.email import EmailNotifier
from handlers.notify.slack import SlackNotifier
from service.models import Alert
from service.settings import Settings


def route_keys(alert: Alert) -> list[str]:
    """Route keys from the most to the least specific."""
    if alert.route == "ops":
        return ["ops"]
    keys = [f"{alert.port}:{alert.severity}", alert.port] if alert.port else []
    return [*keys, alert.severity]


@dataclass
class Channel:
    """One kind of channel (Slack or email): its default target and its routes."""

    default: Notifier | None = None
    routes: dict[str, Notifier] = field(default_factory=dict)

    def pick(self, alert: Alert) -> Notifier | None:
        for key in route_keys(alert):
            if key in self.routes:
                return self.routes[key]
        return self.default


@dataclass
class Router:
    console: Notifier
    channels: list[Channel] = field(default_factory=list)

    def targets(self, alert: Alert) -> list[Notifier]:
        picked = [channel.pick(alert) for channel in self.channels]
        return [self.console, *[n for n in picked if n is not None]]

    @property
    def names(self) -> list[str]:
        names = [self.console.channel]
        for channel in self.channels:
            names += [channel.default.channel] if channel.default else []
            names += [n.channel for n in channel.routes.values()]
        return names


def _named(notifier: Notifier, name: str) -> Notifier:
    notifier.channel = name
    return notifier


def build_router(settings: Settings, client: httpx.AsyncClient, console: Notifier | None = None) -> Router:
    slack = Channel()
    if settings.slack.webhook_url is not None:
        slack.default = SlackNotifier(settings.slack, client)
    for key, url in settings.slack.route_map().items():
        routed = settings.slack.model_copy(update={"webhook_url": SecretStr(url)})
        slack.routes[key] = _named(SlackNotifier(routed, client), f"slack:{key}")
    email = Channel()
    if settings.smtp.host and settings.smtp.to:
        email.default = EmailNotifier(settings.smtp)
    if settings.smtp.host:
        for key, recipients in settings.smtp.route_map().items():
            email.routes[key] = _named(EmailNotifier(settings.smtp.model_copy(update={"to": recipients})),
                                       f"email:{key}")
    return Router(console or ConsoleNotifier(), [slack, email])
