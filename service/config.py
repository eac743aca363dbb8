"""Loading settings, and reporting every configuration problem at once, each naming its variable.

``load_settings`` reads the environment and the env file (``--env-file``, else ``CW_ENV_FILE``, else
``./corridor-watch.env`` if present), and raises ``ConfigError`` with one line per problem: unknown
``CW_`` variables (with a suggestion), invalid values (the value shown, except for secrets), rule
problems, and cross-field rules. ``setting_names`` lists every variable, for the docs and their test.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path
from typing import Any

from dotenv import dotenv_values
from pydantic import Field, SecretStr, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

from service.errors import ConfigError
from service.rules import parse_rule_set
from service.settings import DEFAULT_ENV_FILE, SECTIONS, Settings


class _RulesOnly(BaseSettings):
    """Rules alone, so their problems are reported even when another setting is broken."""

    model_config = SettingsConfigDict(env_prefix="CW_", env_nested_delimiter="__", extra="ignore")
    rules: dict[str, Any] = Field(default_factory=dict)
    severity: dict[str, Any] = Field(default_factory=dict)
    repeat: dict[str, Any] = Field(default_factory=dict)




def _is_secret(annotation: Any) -> bool:
    return annotation is SecretStr or SecretStr in getattr(annotation, "__args__", ())


# Every SecretStr setting: its value never appears in a problem message.
SECRET_FIELDS = {(name,) for name, info in Settings.model_fields.items() if _is_secret(info.annotation)} | {
    (section, name) for section, model in SECTIONS.items()
    for name, info in model.model_fields.items() if _is_secret(info.annotation)
}


def resolve_env_file(env_file: Path | str | None = None) -> tuple[Path | None, list[str]]:
    """The env file to read: the argument, else CW_ENV_FILE, else ./corridor-watch.env if it exists."""
    if env_file is not None:
        path = Path(env_file)
        return (path, []) if path.is_file() else (None, [f"--env-file {path}: no such file"])
    named = os.environ.get("CW_ENV_FILE")
    if named:
        path = Path(named)
        return (path, []) if path.is_file() else (None, [f'CW_ENV_FILE = "{named}": no such file'])
    default = Path(DEFAULT_ENV_FILE)
    return (default if default.is_file() else None), []


def load_settings(env_file: Path | str | None = None) -> Settings:
    """Build settings or raise ConfigError listing every problem, each naming its variable."""
    path, problems = resolve_env_file(env_file)
    file_values = {k: v for k, v in dotenv_values(path).items() if v is not None} if path else {}
    problems += _unknown_variables({**file_values, **os.environ})
    settings: Settings | None = None
    try:
        settings = Settings(_env_file=path)
    except ValidationError as exc:
        problems += [_describe(err) for err in exc.errors()]
    raw = _RulesOnly(_env_file=path)
    problems += parse_rule_set(raw.rules, raw.severity, raw.repeat, 0.0)[1]
    if settings is not None:
        problems += _cross_checks(settings)
    if problems:
        named = path or env_file or os.environ.get("CW_ENV_FILE")
        raise ConfigError(problems, origin=str(named) if named else "the environment")
    assert settings is not None
    return settings


def variable_name(loc: tuple[Any, ...]) -> str:
    if loc and loc[0] == "redis_url":
        return "REDIS_URL"
    return "CW_" + "__".join(str(part).rstrip("_").upper() for part in loc)


def _describe(err: Any) -> str:
    loc = tuple(p for p in err["loc"] if not isinstance(p, int))
    name = variable_name(loc)
    message = str(err["msg"]).removeprefix("Value error, ")
    if loc in SECRET_FIELDS or "input" not in err or isinstance(err["input"], dict):
        return f"{name}: {message}"
    return f'{name} = "{err["input"]}": {message}'


def _unknown_variables(values: dict[str, str]) -> list[str]:
    """CW_ variables that name no setting: a typo here silently means a default in production."""
    problems = []
    top = {name for name in Settings.model_fields} | {"env_file"}
    for key in sorted(values):
        if not key.upper().startswith("CW_"):
            continue
        parts = key[3:].lower().split("__")
        if parts[0] not in top:
            close = difflib.get_close_matches(parts[0], sorted(top), n=1)
            hint = f" (did you mean CW_{close[0].upper()}?)" if close else ""
            problems.append(f"{key}: no such setting{hint}")
        elif parts[0] in SECTIONS and len(parts) > 1:
            section = SECTIONS[parts[0]]
            fields = {n.rstrip("_") for n in section.model_fields}
            if parts[1] not in fields:
                close = difflib.get_close_matches(parts[1], sorted(fields), n=1)
                hint = f" (did you mean CW_{parts[0].upper()}__{close[0].upper()}?)" if close else ""
                problems.append(f"{key}: no such setting in CW_{parts[0].upper()}{hint}")
    return problems


def _cross_checks(settings: Settings) -> list[str]:
    problems = []
    smtp = settings.smtp
    if smtp.host and not smtp.to and not smtp.routes:
        problems.append("CW_SMTP__TO: empty, but CW_SMTP__HOST is set (expected comma-separated addresses)")
    if (smtp.to or smtp.routes) and not smtp.host:
        problems.append("CW_SMTP__HOST: unset, but CW_SMTP__TO or CW_SMTP__ROUTES names recipients")
    if settings.slack.routes and not settings.slack.route_map():
        problems.append("CW_SLACK__ROUTES: set but names no route (expected KEY=URL;KEY=URL)")
    if smtp.ssl and smtp.starttls:
        problems.append("CW_SMTP__SSL and CW_SMTP__STARTTLS: both true (choose one)")
    return problems


def setting_names() -> list[str]:
    """Every variable a deployment can set (rules aside), for docs and their test."""
    names = ["REDIS_URL", "CW_ENV_FILE"]
    for name in Settings.model_fields:
        if name in {"redis_url", "rules", "severity", "repeat"}:
            continue
        section = SECTIONS.get(name)
        if section is None:
            names.append(variable_name((name,)))
            continue
        names += [variable_name((name, (sub.alias or field_name))) for field_name, sub in section.model_fields.items()]
    return names
