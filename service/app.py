"""Wiring: Redis (embedded or given), groups, broker and stages, watchers, notifiers, health server.

``run_service(settings)`` owns the order of things. Start: Redis → groups at id 0 → broker with each
stage's subscribers → notifiers → health server → watchers. Stop (SIGINT/SIGTERM): watchers → broker
(in-flight handlers finish and are acked) → health → HTTP client → embedded Redis. A watchdog restarts
subscribers that stopped (FastStream stops one for good on NOGROUP, e.g. after Redis lost its data),
after recreating the groups.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import socket
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import uvicorn
from faststream.asgi import AsgiFastStream
from faststream.redis import RedisBroker
from redis.asyncio import Redis

from handlers.notify.routing import build_router
from service.consumer import Stage, ensure_groups
from service.deadletters import DeadLetters
from service.embedded_redis import EmbeddedRedis
from service.errors import ConfigError
from service.health import HealthState, health_routes
from service.monitors import run_monitors
from service.pipeline import Pipeline, Publisher
from service.settings import Settings
from service.streams import STAGES
from watchers import run_watchers
from watchers.fetch import make_http_client
from watchers.sources import Source, load_catalog

log = logging.getLogger("corridor_watch")
WATCHDOG_INTERVAL = 5.0  # seconds between checks for stopped subscribers


@dataclass
class Runtime:
    """What a running service holds, for the health endpoint and for tests."""

    settings: Settings
    redis_url: str
    redis: Redis
    broker: RedisBroker
    stages: list[Stage]
    sources: list[Source]
    http: httpx.AsyncClient
    publisher: Publisher
    channels: list[str]
    stop: asyncio.Event = field(default_factory=asyncio.Event)
    health_port: int | None = None

    @property
    def subscribers(self) -> list[Any]:
        return [sub for stage in self.stages for sub in stage.subscribers]


@contextlib.asynccontextmanager
async def redis_url_for(settings: Settings) -> AsyncIterator[str]:
    """REDIS_URL when set; otherwise an embedded redis-server for the lifetime of the context."""
    if settings.redis_url is not None:
        yield settings.redis_url.get_secret_value()
        return
    server = EmbeddedRedis(settings.redis.data_dir, settings.redis.server)
    url = await asyncio.to_thread(server.start)
    print(f"embedded redis-server {server.version} on 127.0.0.1:{server.port} "
          f"(data in {settings.redis.data_dir})", flush=True)
    try:
        yield url
    finally:
        await asyncio.to_thread(server.stop)


@contextlib.asynccontextmanager
async def start_runtime(settings: Settings, redis_url: str, sources: list[Source]) -> AsyncIterator[Runtime]:
    """Everything but the health server and the watchers, started and torn down in order."""
    keys = settings.keys
    redis = Redis.from_url(redis_url, socket_timeout=settings.redis.timeout * 5)
    await ensure_groups(redis, keys)
    broker_log = logging.getLogger("corridor_watch.broker")
    if not log.isEnabledFor(logging.DEBUG):  # FastStream logs every message at INFO: keep that for DEBUG
        broker_log.setLevel(logging.WARNING)
    broker = RedisBroker(redis_url, logger=broker_log, graceful_timeout=15.0)
    http = make_http_client(settings.sources)
    router = build_router(settings, http)
    publisher = Publisher(broker, keys, settings.pipeline.stream_maxlen)
    pipeline = Pipeline(redis=redis, keys=keys, settings=settings, publish=publisher, rules=settings.rule_set,
                        router=router)
    work = {"extract": pipeline.extract_entry, "evaluate": pipeline.evaluate_entry, "notify": pipeline.notify_entry}
    dead = DeadLetters(redis, keys)
    stages = [Stage(spec, keys, redis, settings.pipeline, work[spec.name], dead) for spec in STAGES]
    for stage in stages:
        stage.register(broker)
    await broker.start()
    runtime = Runtime(settings, redis_url, redis, broker, stages, sources, http, publisher, router.names)
    try:
        yield runtime
    finally:
        await broker.stop()
        await http.aclose()
        await redis.aclose()


async def watchdog(runtime: Runtime) -> None:
    """Restart subscribers FastStream stopped (NOGROUP after Redis lost its data), groups first."""
    while not runtime.stop.is_set():
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(runtime.stop.wait(), WATCHDOG_INTERVAL)
        stopped = [sub for sub in runtime.subscribers if not sub.running]
        if not stopped or runtime.stop.is_set():
            continue
        try:
            created = await ensure_groups(runtime.redis, runtime.settings.keys)
            for sub in stopped:
                await sub.start()
            log.warning("restarted %d stopped subscriber(s); recreated groups: %s", len(stopped),
                        ", ".join(created) or "none")
        except Exception as exc:  # Redis still down: try again on the next tick
            log.error("cannot restart %d stopped subscriber(s) yet: %s", len(stopped), exc)


def bind_health_socket(settings: Settings) -> socket.socket:
    """Bind the health port up front, so a port in use is a clear start-up error naming the setting."""
    host, port = settings.health.host, settings.health.port
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise ConfigError([f'CW_HEALTH__HOST / CW_HEALTH__PORT = "{host}:{port}": cannot listen there '
                           f"({exc.strerror}); choose another port"]) from None
    sock.listen(128)
    sock.setblocking(False)
    return sock


def _health_server(state: HealthState) -> uvicorn.Server:
    app = AsgiFastStream(asgi_routes=health_routes(state))
    return uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off", access_log=False))


async def run_service(settings: Settings, stop: asyncio.Event | None = None) -> int:
    """The whole service until SIGINT/SIGTERM (or until `stop` is set, for embedding and tests)."""
    sources = load_catalog(settings.sources.catalog)  # configuration problems stop us before anything starts
    sock = bind_health_socket(settings) if settings.health.enabled else None
    try:
        return await _run(settings, sources, sock, stop)
    finally:
        if sock is not None:
            sock.close()


async def _run(settings: Settings, sources: list[Source], sock: socket.socket | None,
               stop: asyncio.Event | None) -> int:
    async with redis_url_for(settings) as url, start_runtime(settings, url, sources) as runtime:
        if stop is None:
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGINT, signal.SIGTERM):
                loop.add_signal_handler(sig, runtime.stop.set)
        else:
            runtime.stop = stop
        enabled = [s for s in runtime.sources if s.enabled]
        print(f"sources: {len(enabled)} enabled, {len(runtime.sources) - len(enabled)} disabled "
              f"(catalogue: {settings.sources.catalog or 'bundled'})", flush=True)
        tasks = [asyncio.create_task(watchdog(runtime), name="watchdog")]
        server: uvicorn.Server | None = None
        if sock is not None:
            runtime.health_port = sock.getsockname()[1]
            server = _health_server(HealthState.from_runtime(runtime))
            tasks.append(asyncio.create_task(server.serve(sockets=[sock]), name="health"))
            print(f"health: http://{settings.health.host}:{runtime.health_port}/health/ready", flush=True)
        tasks.append(asyncio.create_task(run_monitors(
            runtime.redis, settings, [s.id for s in enabled], runtime.publisher.alert, runtime.stop),
            name="monitors"))
        tasks.append(asyncio.create_task(run_watchers(
            enabled, http=runtime.http, redis=runtime.redis, keys=settings.keys, settings=settings.sources,
            publish=runtime.publisher.document,
            stop=runtime.stop), name="watchers"))
        await runtime.stop.wait()
        log.info("stopping: waiting for in-flight work")
        if server is not None:
            server.should_exit = True
        await asyncio.gather(*tasks, return_exceptions=True)
    return 0
