"""watchers/lease.py against a real Redis: one holder at a time, renewal, expiry, release."""

from __future__ import annotations

import asyncio

from redis.asyncio import Redis

from service.streams import Keys
from watchers.lease import Leases


async def test_one_holder_renewal_expiry_and_release(redis: Redis, keys: Keys) -> None:
    a = Leases(redis, keys, ttl=0.3, token="a")
    b = Leases(redis, keys, ttl=0.3, token="b")
    assert await a.hold("s1") and not await b.hold("s1")
    assert await b.hold("s2") and not await a.hold("s2")
    for _ in range(3):  # renewed by its holder, the lease outlives its ttl
        await asyncio.sleep(0.15)
        await a.renew()
    assert not await b.hold("s1") and a.held == {"s1"}
    await asyncio.sleep(0.4)  # a stops renewing (as if it died): the lease expires, b takes over
    assert await b.hold("s1")
    await a.renew()
    assert a.held == set()  # a learns it lost it
    await b.release_all()
    assert not await redis.exists(keys.lease("s1"), keys.lease("s2"))
    assert await a.hold("s1")


async def test_run_renews_until_stop_then_releases(redis: Redis, keys: Keys) -> None:
    leases = Leases(redis, keys, ttl=0.3, token="r")
    assert await leases.hold("s")
    stop = asyncio.Event()
    task = asyncio.create_task(leases.run(stop))
    await asyncio.sleep(0.7)
    assert await redis.get(keys.lease("s")) == b"r"  # still held after twice its ttl
    stop.set()
    await asyncio.wait_for(task, 2)
    assert not await redis.exists(keys.lease("s"))
