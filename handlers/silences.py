"""Silences: ``corridor-watch mute PORT [INDICATOR] --for 7d --reason TEXT`` keeps alerts for that scope
from being delivered until it expires. Muted alerts are still recorded (stream ``{cw}:muted``) and logged
with the silence's reason; health lists the active silences.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from pydantic import BaseModel, Field
from redis.asyncio import Redis

from service.models import Alert, stable_id, utcnow
from service.streams import Keys


class Silence(BaseModel):
    id: str
    port: str
    indicator: str | None = None
    until: datetime
    reason: str
    created_at: datetime = Field(default_factory=utcnow)

    def matches(self, alert: Alert, now: datetime) -> bool:
        if now >= self.until or alert.port != self.port:
            return False
        return self.indicator is None or alert.indicator == self.indicator

    @property
    def scope(self) -> str:
        return f"{self.port} {self.indicator}" if self.indicator else f"{self.port} (all indicators)"


class Silences:
    def __init__(self, redis: Redis, keys: Keys) -> None:
        self._redis = redis
        self._keys = keys

    async def add(self, port: str, indicator: str | None, seconds: float, reason: str) -> Silence:
        now = utcnow()
        silence = Silence(id=stable_id(port, indicator, now.isoformat(), length=8), port=port, indicator=indicator,
                          until=now + timedelta(seconds=seconds), reason=reason, created_at=now)
        await self._redis.hset(self._keys.silences, silence.id, silence.model_dump_json())
        return silence

    async def active(self) -> list[Silence]:
        """The silences still in force; expired ones are removed on the way."""
        raw: Any = await self._redis.hgetall(self._keys.silences)
        now = utcnow()
        found = []
        for sid, body in raw.items():
            silence = Silence.model_validate_json(body)
            if silence.until <= now:
                await self._redis.hdel(self._keys.silences, sid)
            else:
                found.append(silence)
        return sorted(found, key=lambda s: s.until)

    async def remove(self, target: str, indicator: str | None = None) -> list[Silence]:
        """Remove a silence by id, or every silence of a port (and indicator)."""
        gone = [s for s in await self.active()
                if s.id == target or (s.port == target and (indicator is None or s.indicator == indicator))]
        for silence in gone:
            await self._redis.hdel(self._keys.silences, silence.id)
        return gone

    async def match(self, alert: Alert) -> Silence | None:
        if alert.port is None:
            return None  # alerts about the service itself (sources) cannot be muted by port
        now = utcnow()
        return next((s for s in await self.active() if s.matches(alert, now)), None)

    async def record_muted(self, alert: Alert, silence: Silence, maxlen: int) -> None:
        await self._redis.xadd(self._keys.muted, {"alert": alert.model_dump_json(), "silence": silence.id},
                               maxlen=maxlen, approximate=True)
