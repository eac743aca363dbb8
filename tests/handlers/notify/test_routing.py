"""Routing: the most specific route wins per channel kind; ops alerts use the ops route."""

from __future__ import annotations

import httpx
import pytest

from handlers.notify.routing import build_router, route_keys
from service.models import Alert
from service.settings import Settings


def _alert(port: str | None = "horgos", severity: str = "critical", route: str | None = None) -> Alert:
    return Alert(id="a1", kind="firing", rule="clearance_rate_pct.below", severity=severity,  # type: ignore[arg-type]
                 port=port, indicator="clearance_rate_pct", value=96.4, title="t", route=route)


def test_route_keys_from_most_to_least_specific() -> None:
    assert route_keys(_alert()) == ["horgos:critical", "horgos", "critical"]
    assert route_keys(_alert(port=None, severity="info")) == ["info"]
    assert route_keys(_alert(route="ops")) == ["ops"]


@pytest.fixture
def settings() -> Settings:
    return Settings(
        slack={"webhook_url": "https://hooks.test/default",
               "routes": "critical=https://hooks.test/pager;horgos=https://hooks.test/horgos;"
                         "horgos:warning=https://hooks.test/horgos-warn;ops=https://hooks.test/ops"},
        smtp={"host": "mail.test", "to": "all@x.kz", "routes": "critical=duty@x.kz;ops=oncall@x.kz"},
    )


async def test_targets_per_alert(settings: Settings) -> None:
    async with httpx.AsyncClient() as client:
        router = build_router(settings, client)
        names = lambda alert: [n.channel for n in router.targets(alert)]  # noqa: E731
        assert names(_alert(port="horgos", severity="warning")) == ["console", "slack:horgos:warning", "email"]
        assert names(_alert(port="horgos", severity="critical")) == ["console", "slack:horgos", "email:critical"]
        assert names(_alert(port="dostyk", severity="critical")) == ["console", "slack:critical", "email:critical"]
        assert names(_alert(port="dostyk", severity="info")) == ["console", "slack", "email"]
        assert names(_alert(port=None, route="ops")) == ["console", "slack:ops", "email:ops"]
        assert set(router.names) >= {"console", "slack", "slack:ops", "email", "email:ops"}


async def test_without_slack_or_email_only_the_console() -> None:
    async with httpx.AsyncClient() as client:
        router = build_router(Settings(), client)
        assert [n.channel for n in router.targets(_alert())] == ["console"]


def test_route_settings_are_validated() -> None:
    with pytest.raises(ValueError, match='severity "urgent"'):
        Settings(slack={"routes": "horgos:urgent=https://hooks.test/x"})
    with pytest.raises(ValueError, match='port "horgas"'):
        Settings(smtp={"host": "m", "routes": "horgas=a@x.kz"})
    with pytest.raises(ValueError, match="not an email address"):
        Settings(smtp={"host": "m", "routes": "critical=nobody"})
