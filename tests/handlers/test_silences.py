"""Silences against a real Redis: scope matching, expiry, removal."""

from __future__ import annotations

import asyncio

from redis.asyncio import Redis

from handlers.silences import Silences
from service.models import Alert
from service.streams import Keys

KEYS = Keys("{cwtest}")


def _alert(port: str | None, indicator: str) -> Alert:
    return Alert(id="a", kind="firing", rule=f"{indicator}.below", severity="critical", port=port,
                 indicator=indicator, value=1.0, title="t")


async def test_a_port_silence_covers_all_its_indicators_and_nothing_else(redis: Redis) -> None:
    silences = Silences(redis, KEYS)
    silence = await silences.add("horgos", None, 3600, "customs IT outage")
    assert await silences.match(_alert("horgos", "clearance_rate_pct")) == silence
    assert await silences.match(_alert("horgos", "trains_count")) == silence
    assert await silences.match(_alert("dostyk", "trains_count")) is None
    assert await silences.match(_alert(None, "source")) is None


async def test_an_indicator_silence_and_expiry(redis: Redis) -> None:
    silences = Silences(redis, KEYS)
    await silences.add("horgos", "clearance_rate_pct", 0.3, "known reporting error")
    assert await silences.match(_alert("horgos", "clearance_rate_pct")) is not None
    assert await silences.match(_alert("horgos", "trains_count")) is None
    await asyncio.sleep(0.4)
    assert await silences.match(_alert("horgos", "clearance_rate_pct")) is None
    assert await silences.active() == []
    assert await redis.hlen(KEYS.silences) == 0  # expired silences are removed


async def test_remove_by_id_or_by_scope(redis: Redis) -> None:
    silences = Silences(redis, KEYS)
    first = await silences.add("horgos", "trains_count", 3600, "a")
    await silences.add("horgos", "cargo_tonnes", 3600, "b")
    await silences.add("dostyk", None, 3600, "c")
    assert [s.id for s in await silences.remove(first.id)] == [first.id]
    assert {s.indicator for s in await silences.remove("horgos")} == {"cargo_tonnes"}
    assert [s.port for s in await silences.active()] == ["dostyk"]
