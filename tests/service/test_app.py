"""Start-up: configuration problems stop the service before it starts anything, naming the setting."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from support.service import configure

from service.app import run_service
from service.errors import ConfigError


async def test_health_port_in_use_is_a_clear_error_before_redis_starts(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        settings = configure(monkeypatch, tmp_path, {"CW_HEALTH__PORT": str(port)})  # no REDIS_URL: embedded
        with pytest.raises(ConfigError) as caught:
            await run_service(settings)
    [problem] = caught.value.problems
    assert problem.startswith(f'CW_HEALTH__HOST / CW_HEALTH__PORT = "127.0.0.1:{port}": cannot listen there')
    assert not (tmp_path / ".corridor-watch").exists()  # no embedded Redis was started


async def test_a_broken_catalogue_is_reported_before_anything_starts(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    catalog = tmp_path / "catalog.toml"
    catalog.write_text('[[sources]]\nid = "kz"\nkind = "rss"\nurl = "https://x.kz/feed"\ninterval = "5x"\n')
    settings = configure(monkeypatch, tmp_path, {"CW_SOURCES__CATALOG": str(catalog)})
    with pytest.raises(ConfigError) as caught:
        await run_service(settings)
    assert any('interval = "5x"' in p for p in caught.value.problems)
    assert not (tmp_path / ".corridor-watch").exists()
