"""Settings: env names, env files, and one precise message per problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from service.config import load_settings
from service.errors import ConfigError


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import os

    for key in list(os.environ):
        if key.startswith("CW_") or key == "REDIS_URL":
            monkeypatch.delenv(key)
    monkeypatch.chdir(tmp_path)  # no ./corridor-watch.env from the developer's checkout


def _problems(env_file: Path | None = None) -> list[str]:
    with pytest.raises(ConfigError) as caught:
        load_settings(env_file)
    return caught.value.problems


def test_defaults_need_no_configuration() -> None:
    settings = load_settings()
    assert settings.redis_url is None
    assert (settings.health.host, settings.health.port) == ("127.0.0.1", 8080)
    assert settings.slack.webhook_url is None and settings.smtp.host is None
    assert settings.keys.documents == "{cw}:documents"
    assert settings.rule_set.threshold("horgos", "clearance_rate_pct", "below") == 98.5  # built-in defaults


def test_contract_variable_names(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6390/0")
    monkeypatch.setenv("CW_SOURCES__CATALOG", str(tmp_path / "c.toml"))
    monkeypatch.setenv("CW_HEALTH__HOST", "0.0.0.0")
    monkeypatch.setenv("CW_HEALTH__PORT", "9191")
    monkeypatch.setenv("CW_SLACK__WEBHOOK_URL", "https://hooks.slack.test/T/B/x")
    monkeypatch.setenv("CW_SMTP__HOST", "mail.local")
    monkeypatch.setenv("CW_SMTP__PORT", "2525")
    monkeypatch.setenv("CW_SMTP__FROM", "cw@ops.local")
    monkeypatch.setenv("CW_SMTP__TO", "a@x.kz, b@y.cn")
    monkeypatch.setenv("cw_rules__clearance_rate_pct__below", "97")  # names are case-insensitive
    monkeypatch.setenv("CW_RULES__HORGOS__CLEARANCE_RATE_PCT__BELOW", "99")
    monkeypatch.setenv("CW_SOURCES__STALE_AFTER", "6h")
    s = load_settings()
    assert s.redis_url is not None and s.redis_url.get_secret_value() == "redis://127.0.0.1:6390/0"
    assert s.sources.catalog == tmp_path / "c.toml"
    assert (s.health.host, s.health.port) == ("0.0.0.0", 9191)
    assert (s.smtp.host, s.smtp.port, s.smtp.from_, s.smtp.to) == ("mail.local", 2525, "cw@ops.local",
                                                                   ["a@x.kz", "b@y.cn"])
    assert s.sources.stale_after == 6 * 3600
    assert s.rule_set.threshold("horgos", "clearance_rate_pct", "below") == 99
    assert s.rule_set.threshold("dostyk", "clearance_rate_pct", "below") == 97
    assert s.rule_set.threshold("dostyk", "trains_count", "yoy_abs_pct") is None  # no defaults once configured


def test_env_file_from_cw_env_file_and_environment_wins(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    env = tmp_path / "prod.env"
    env.write_text("CW_HEALTH__PORT=9000\nCW_RULES__TRAINS_COUNT__YOY_ABS_PCT=15\n")
    monkeypatch.setenv("CW_ENV_FILE", str(env))
    assert load_settings().health.port == 9000
    monkeypatch.setenv("CW_HEALTH__PORT", "9001")
    s = load_settings()
    assert s.health.port == 9001
    assert s.rule_set.threshold(None, "trains_count", "yoy_abs_pct") == 15


def test_three_mistakes_give_three_precise_messages(tmp_path: Path) -> None:
    env = tmp_path / "prod.env"
    env.write_text(
        "CW_RULES__CLEARANCE_RATE_PCT__BELOW=98,5\n"
        "CW_RULES__HORGOS__TRAINS_COUNT__YOY_ABS=15\n"
        "CW_SMTP__PORT=twenty-five\n"
    )
    problems = _problems(env)
    assert sorted(problems) == sorted([
        'CW_RULES__CLEARANCE_RATE_PCT__BELOW = "98,5": not a number (use a dot: 98.5)',
        'CW_RULES__HORGOS__TRAINS_COUNT__YOY_ABS = "15": unknown rule "YOY_ABS" for trains_count '
        "(did you mean YOY_ABS_PCT?)",
        'CW_SMTP__PORT = "twenty-five": Input should be a valid integer, unable to parse string as an integer',
    ])


def test_unknown_variables_and_ports_are_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CW_SLAK__WEBHOOK_URL", "https://x")
    monkeypatch.setenv("CW_SMTP__HOTS", "mail")
    monkeypatch.setenv("CW_RULES__HORGAS__TRAINS_COUNT__YOY_ABS_PCT", "15")
    monkeypatch.setenv("CW_RULES__HORGOS__TRAIN_COUNT__YOY_ABS_PCT", "15")
    problems = _problems()
    assert "CW_SLAK__WEBHOOK_URL: no such setting (did you mean CW_SLACK?)" in problems
    assert "CW_SMTP__HOTS: no such setting in CW_SMTP (did you mean CW_SMTP__HOST?)" in problems
    assert "CW_RULES__HORGAS: 'horgas' is neither an indicator nor a port (did you mean HORGOS?)" in problems
    assert ("CW_RULES__HORGOS__TRAIN_COUNT: unknown indicator 'train_count' (did you mean TRAINS_COUNT?)"
            in problems)


def test_secrets_never_appear_in_problems(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CW_SLACK__WEBHOOK_URL", "ftp://T000/B000/secret-token-123")
    monkeypatch.setenv("CW_SMTP__TO", "not-an-address")
    problems = _problems()
    assert "CW_SLACK__WEBHOOK_URL: not an http(s) URL (value hidden)" in problems
    assert not any("secret-token-123" in p for p in problems)
    assert any(p.startswith('CW_SMTP__TO = "not-an-address"') or p.startswith("CW_SMTP__TO") for p in problems)


def test_missing_env_file_named_by_cw_env_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CW_ENV_FILE", str(tmp_path / "nope.env"))
    assert _problems() == [f'CW_ENV_FILE = "{tmp_path / "nope.env"}": no such file']
