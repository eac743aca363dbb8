"""The command line as ops use it: check-config messages and exit codes, backtest output."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from support.paths import CORPUS

from service.cli import main


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for key in list(os.environ):
        if key.startswith("CW_") or key == "REDIS_URL":
            monkeypatch.delenv(key)
    monkeypatch.chdir(tmp_path)


def test_check_config_prints_every_problem_and_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    env = tmp_path / "prod.env"
    env.write_text("CW_RULES__CLEARANCE_RATE_PCT__BELOW=98,5\n"
                   "CW_RULES__HORGOS__TRAINS_COUNT__YOY_ABS=15\n"
                   "CW_SLACK__WEBHOOK_URL=https://hooks.test/T/B/secret-part\n"
                   "CW_SLACK__ROUTES=urgent=https://hooks.test/T/B/other-secret\n")
    assert main(["--env-file", str(env), "check-config"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0] == f"3 problems in {env}:"
    assert sorted(line.strip() for line in err[1:]) == sorted([
        'CW_RULES__CLEARANCE_RATE_PCT__BELOW = "98,5": not a number (use a dot: 98.5)',
        'CW_RULES__HORGOS__TRAINS_COUNT__YOY_ABS = "15": unknown rule "YOY_ABS" for trains_count '
        "(did you mean YOY_ABS_PCT?)",
        'CW_SLACK__ROUTES: route names port "urgent" (expected ops, a severity, a port id such as horgos, '
        "or port:severity)",
    ])
    assert "secret" not in "\n".join(err)


def test_env_file_may_follow_the_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    env = tmp_path / "prod.env"
    env.write_text("CW_RULES__CLEARANCE_RATE_PCT__BELOW=98,5\n")
    assert main(["check-config", "--env-file", str(env)]) == 2  # as EXPERIENCE.md writes it
    assert capsys.readouterr().err.splitlines()[0] == f"1 problem in {env}:"
    assert main(["check-config", "--env-file", str(tmp_path / "missing.env")]) == 2
    assert capsys.readouterr().err.splitlines() == [f"1 problem in {tmp_path / 'missing.env'}:",
                                                    f"  --env-file {tmp_path / 'missing.env'}: no such file"]


def test_check_config_ok(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    env = tmp_path / "ok.env"
    env.write_text("CW_RULES__CLEARANCE_RATE_PCT__BELOW=98.5\n")
    assert main(["--env-file", str(env), "check-config"]) == 0
    assert capsys.readouterr().out.startswith("configuration ok: 1 rule thresholds, 3 of ")


def test_backtest_prints_the_alerts_the_rules_would_send(
    tmp_path: Path, redis_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("REDIS_URL", redis_url)
    env = tmp_path / "rules.env"
    env.write_text("CW_RULES__CLEARANCE_RATE_PCT__BELOW=98.5\nCW_CERTIFICATION__ENABLED=false\n")
    assert main(["--env-file", str(env), "backtest", str(CORPUS)]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(a["kind"], a["rule"], a["port"], a["value"], a["period_start"]) for a in lines] == [
        ("firing", "clearance_rate_pct.below", "horgos", 96.4, "2026-10-01")]
    assert lines[0]["path"].endswith("dev_107_en.txt") and lines[0]["severity"] == "critical"


def test_backtest_leaves_nothing_behind(tmp_path: Path, redis_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import redis

    monkeypatch.setenv("REDIS_URL", redis_url)
    client = redis.Redis.from_url(redis_url)
    client.flushdb()
    assert main(["backtest", str(CORPUS)]) == 0
    assert client.dbsize() == 0
    client.close()
