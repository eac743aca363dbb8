"""The evaluator's memory: observations per (port, indicator) in Redis, one per period and facet."""

from __future__ import annotations

from datetime import date
from typing import Any

from redis.asyncio import Redis

from service.models import Observation
from service.streams import Keys


def _facet(obs: Observation) -> str:
    """Direction, scope and period: two observations with the same facet report the same fact."""
    start = obs.period_start.isoformat() if obs.period_start else "-"
    end = obs.period_end.isoformat() if obs.period_end else "-"
    stamp = obs.published_at.isoformat() if obs.published_at and obs.period_end is None else ""
    return f"{obs.direction}|{obs.scope}|{start}|{end}|{stamp}"


def chronological(obs: Observation) -> tuple[bool, date]:
    """Sort key, oldest period first (figures without a period last): evaluated in this order, the
    earlier figure of a text is already in the history when a later one is compared with it."""
    return (obs.period_end is None, obs.period_end or date.min)


def _order(obs: Observation) -> tuple[date, str]:
    end = obs.period_end or (obs.published_at.date() if obs.published_at else date.min)
    return end, obs.published_at.isoformat() if obs.published_at else ""


class History:
    def __init__(self, redis: Redis, keys: Keys) -> None:
        self._redis = redis
        self._keys = keys

    async def previous(self, obs: Observation) -> Observation | None:
        """The latest stored observation of the same direction and scope from an earlier period."""
        stored: Any = await self._redis.hgetall(self._keys.last_value(obs.port, obs.indicator))
        candidates = []
        for raw in stored.values():
            other = Observation.model_validate_json(raw)
            if other.direction != obs.direction or other.scope != obs.scope or _facet(other) == _facet(obs):
                continue
            if _order(other) < _order(obs):
                candidates.append(other)
        return max(candidates, key=_order, default=None)

    async def record(self, obs: Observation) -> None:
        await self._redis.hset(self._keys.last_value(obs.port, obs.indicator), _facet(obs), obs.model_dump_json())
