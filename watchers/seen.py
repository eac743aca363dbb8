"""The seen-store of one source: hash ``keys.seen(source.id)``, entry key -> what was last published.

A value is the content hash of the published document, followed by ``:n`` for its n-th revision
(``"3f2a..."`` or ``"3f2a...:2"``; values written before revisions existed are revision 0). A key
is the entry's GUID, else its canonical URL (tracking parameters removed). The hash expires
``seen_ttl`` after the source last published anything, so a source removed from the catalogue
leaves nothing behind for good. It is bounded too: past ``seen_max`` marks, the marks of entries the
source no longer lists are dropped (one that reappeared later would be published again, and the
extract stage's done-markers would still skip it). Writes are idempotent: two replicas writing the
same mark agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from redis.asyncio import Redis


@dataclass(frozen=True)
class Mark:
    content_hash: str
    revision: int = 0

    @classmethod
    def parse(cls, raw: Any) -> Mark:
        text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
        digest, _, revision = text.partition(":")
        return cls(digest, int(revision) if revision.isdigit() else 0)

    def encode(self) -> str:
        return self.content_hash if not self.revision else f"{self.content_hash}:{self.revision}"


class SeenStore:
    def __init__(self, redis: Redis, key: str, ttl: float, limit: int = 0) -> None:
        self.redis = redis
        self.key = key
        self.ttl = ttl
        self.limit = limit  # 0: unbounded

    async def marks(self, keys: list[str]) -> list[Mark | None]:
        if not keys:
            return []
        raw: list[Any] = await self.redis.hmget(self.key, keys)
        return [None if value is None else Mark.parse(value) for value in raw]

    async def unseen(self, keys: list[str]) -> list[str]:
        """The keys never published, in their order."""
        return [key for key, mark in zip(keys, await self.marks(keys), strict=True) if mark is None]

    async def remember(self, key: str, mark: Mark) -> None:
        async with self.redis.pipeline(transaction=False) as pipe:
            pipe.hset(self.key, key, mark.encode())
            if self.ttl:
                pipe.expire(self.key, max(1, int(self.ttl)))
            await pipe.execute()

    async def prune(self, present: set[str]) -> int:
        """Past `limit` marks, drop those of keys the source no longer lists; how many were dropped."""
        if not self.limit or int(await self.redis.hlen(self.key)) <= self.limit:
            return 0
        raw: list[Any] = await self.redis.hkeys(self.key)
        keys = [k.decode("utf-8", "replace") if isinstance(k, bytes) else str(k) for k in raw]
        gone = [k for k in keys if k not in present]
        if gone:
            await self.redis.hdel(self.key, *gone)
        return len(gone)
