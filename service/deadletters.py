"""The dead-letter stream: entries a stage gave up on, with the reason, and their replay."""

from __future__ import annotations

import base64
import logging
from dataclasses import dataclass
from typing import Any

from redis.asyncio import Redis

from service.models import DeadLetter
from service.streams import Keys

log = logging.getLogger("corridor_watch.dlq")


def encode_fields(fields: dict[bytes, bytes]) -> dict[str, str]:
    return {k.decode("latin-1"): base64.b64encode(v).decode("ascii") for k, v in fields.items()}


def decode_fields(raw: dict[str, str]) -> dict[bytes, bytes]:
    return {k.encode("latin-1"): base64.b64decode(v) for k, v in raw.items()}


@dataclass(frozen=True)
class DeadLetterEntry:
    dead_id: str  # the entry id in the dead-letter stream
    letter: DeadLetter


class DeadLetters:
    def __init__(self, redis: Redis, keys: Keys) -> None:
        self._redis = redis
        self._keys = keys

    async def put(self, letter: DeadLetter) -> str:
        entry = await self._redis.xadd(self._keys.dead, {"letter": letter.model_dump_json()})
        return entry.decode() if isinstance(entry, bytes) else str(entry)

    async def count(self) -> int:
        return int(await self._redis.xlen(self._keys.dead))

    async def entries(self, count: int = 1000) -> list[DeadLetterEntry]:
        rows: Any = await self._redis.xrange(self._keys.dead, count=count)
        return [self._entry(entry_id, fields) for entry_id, fields in rows]

    async def replay(self, dead_ids: list[str] | None = None) -> list[DeadLetterEntry]:
        """Put letters back on the stream they came from (all when no ids given); remove them here."""
        wanted = await self.entries() if not dead_ids else await self._fetch(dead_ids)
        for item in wanted:
            letter = item.letter
            fields = decode_fields(letter.raw) if letter.raw else {b"__data__": letter.body.encode()}
            new_id = await self._redis.xadd(letter.stream, fields)  # type: ignore[arg-type]
            await self._redis.xdel(self._keys.dead, item.dead_id)
            log.info("replayed dead letter %s (stage %s, entry %s) as %s on %s", item.dead_id, letter.stage,
                     letter.entry_id, new_id.decode() if isinstance(new_id, bytes) else new_id, letter.stream)
        return wanted

    async def _fetch(self, dead_ids: list[str]) -> list[DeadLetterEntry]:
        found = []
        for dead_id in dead_ids:
            rows: Any = await self._redis.xrange(self._keys.dead, min=dead_id, max=dead_id, count=1)
            if not rows:
                raise KeyError(dead_id)
            found.append(self._entry(*rows[0]))
        return found

    @staticmethod
    def _entry(entry_id: Any, fields: Any) -> DeadLetterEntry:
        dead_id = entry_id.decode() if isinstance(entry_id, bytes) else entry_id
        return DeadLetterEntry(dead_id, DeadLetter.model_validate_json(fields[b"letter"]))
