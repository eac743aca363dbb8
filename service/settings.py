"""All settings in one typed model (DESIGN section 5), built at start-up, never at import time.

Environment variables use the prefix ``CW_`` and ``__`` between levels; an env file (``CW_ENV_FILE``,
default ``./corridor-watch.env``) is read too, the environment winning. ``REDIS_URL`` has no prefix.
Loading and problem reporting live in ``service/config.py``.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path
from typing import Annotated, Any

from pydantic import AliasChoices, BaseModel, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from service.durations import parse_duration
from service.models import Severity
from service.rules import RuleSet, parse_rule_set
from service.streams import DEFAULT_PREFIX, Keys
from service.vocabulary import PORTS

DEFAULT_ENV_FILE = "corridor-watch.env"
Seconds = Annotated[float, Field(ge=0)]


def _duration(value: Any) -> float:
    return parse_duration(value)


class _Section(BaseModel):
    model_config = {"extra": "forbid"}


class RedisSettings(_Section):
    server: Path | None = None  # explicit redis-server binary for the embedded default
    data_dir: Path = Path(".corridor-watch/redis")
    prefix: str = DEFAULT_PREFIX
    timeout: Seconds = 2.0


class HealthSettings(_Section):
    host: str = "127.0.0.1"
    port: int = Field(8080, ge=0, le=65535)
    enabled: bool = True


class SourcesSettings(_Section):
    catalog: Path | None = None  # None: the bundled catalogue (demo sources enabled)
    stale_after: Seconds = 6 * 3600.0
    timeout: Seconds = 20.0
    max_entries: int = Field(50, ge=1)  # entries taken from one poll of a feed
    max_bytes: int = Field(10_000_000, ge=1024)
    user_agent: str = "corridor-watch/0.1 (+https://github.com/corridor-watch; alerts on corridor figures)"
    backoff_max: Seconds = 3600.0
    max_redirects: int = Field(5, ge=0)
    per_host: int = Field(2, ge=1)  # concurrent requests to one host, across all sources
    parallel_polls: int = Field(32, ge=1)  # polls in progress at once in one process (Redis connections)
    max_server_delay: Seconds = 6 * 3600.0  # longest Retry-After / <ttl> / max-age honoured
    max_articles: int = Field(10, ge=1)  # articles an html source fetches per poll
    lease_ttl: Seconds = 30.0  # a dead replica's sources are taken over within this
    seen_ttl: Seconds = 90 * 86400.0  # a source's seen-store expires this long after its last new entry
    seen_max: int = Field(5000, ge=100)  # marks per source before those of unlisted entries are dropped

    _durations = field_validator(
        "stale_after", "timeout", "backoff_max", "max_server_delay", "lease_ttl", "seen_ttl", mode="before"
    )(_duration)


SEVERITY_NAMES = ("info", "warning", "critical")


def _check_route_key(key: str) -> None:
    """A route key is `ops`, a severity, a port id, or `port:severity`."""
    if key == "ops" or key in SEVERITY_NAMES:
        return
    port, _, severity = key.partition(":")
    if severity and severity not in SEVERITY_NAMES:
        raise ValueError(f'route names severity "{severity}" (expected info, warning or critical)')
    if port not in PORTS:
        raise ValueError(f'route names port "{port}" (expected ops, a severity, a port id such as horgos, '
                         "or port:severity)")


def _route_keys(value: str, var_hint: str) -> dict[str, str]:
    """"critical=X;horgos=Y;horgos:warning=Z;ops=W" into {key: value}, checking each key."""
    routes: dict[str, str] = {}
    for part in filter(None, (p.strip() for p in value.split(";"))):
        key, sep, target = part.partition("=")
        key = key.strip().lower()
        if not sep or not target.strip():
            raise ValueError(f"expected KEY=VALUE pairs separated by ';' ({var_hint})")
        _check_route_key(key)
        routes[key] = target.strip()
    return routes


class SlackSettings(_Section):
    webhook_url: SecretStr | None = None
    # "critical=https://hooks...;horgos=https://...;horgos:warning=...;ops=https://..." (URLs are secrets)
    routes: SecretStr | None = None
    timeout: Seconds = 10.0

    @field_validator("routes")
    @classmethod
    def _routes(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None:
            for url in _route_keys(value.get_secret_value(), "value hidden").values():
                if not url.startswith(("http://", "https://")):
                    raise ValueError("a route is not an http(s) URL (value hidden)")
        return value

    def route_map(self) -> dict[str, str]:
        return _route_keys(self.routes.get_secret_value(), "") if self.routes else {}

    @field_validator("webhook_url")
    @classmethod
    def _http(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not value.get_secret_value().startswith(("http://", "https://")):
            raise ValueError("not an http(s) URL (value hidden)")
        return value


class SmtpSettings(_Section):
    host: str | None = None
    port: int = Field(25, ge=1, le=65535)
    from_: str = Field("corridor-watch@localhost", alias="from")
    to: Annotated[list[str], NoDecode] = Field(default_factory=list)
    routes: str | None = None  # "critical=a@x,b@y;horgos=c@z;ops=oncall@x"
    username: str | None = None
    password: SecretStr | None = None
    starttls: bool = False
    ssl: bool = False
    timeout: Seconds = 15.0

    model_config = {"extra": "forbid", "populate_by_name": True}

    @field_validator("to", mode="before")
    @classmethod
    def _split(cls, value: Any) -> Any:
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value

    @field_validator("to")
    @classmethod
    def _addresses(cls, value: list[str]) -> list[str]:
        bad = [a for a in value if "@" not in a]
        if bad:
            raise ValueError(f"not an email address: {', '.join(bad)}")
        return value

    @field_validator("routes")
    @classmethod
    def _routes(cls, value: str | None) -> str | None:
        if value is not None:
            for target in _route_keys(value, "e.g. critical=a@x,b@y;ops=c@z").values():
                cls._addresses([a.strip() for a in target.split(",") if a.strip()])
        return value

    def route_map(self) -> dict[str, list[str]]:
        if not self.routes:
            return {}
        return {k: [a.strip() for a in v.split(",") if a.strip()] for k, v in _route_keys(self.routes, "").items()}


class DeliverySettings(_Section):
    attempts: int = Field(5, ge=1)  # tries per alert and channel before it is dead-lettered
    backoff_initial: Seconds = 1.0
    backoff_max: Seconds = 30.0
    max_retry_after: Seconds = 120.0  # longest Retry-After honoured; longer counts as a failure

    _durations = field_validator("backoff_initial", "backoff_max", "max_retry_after", mode="before")(_duration)


class PipelineSettings(_Section):
    consumer: str = Field(default_factory=lambda: f"{socket.gethostname()}-{os.getpid()}")
    max_records: int = Field(10, ge=1)
    polling_interval_ms: int = Field(200, ge=10)
    reclaim_idle: Seconds = 60.0  # an entry pending this long is re-driven by the reclaimer
    max_deliveries: int = Field(5, ge=1)  # deliveries before an entry goes to the dead-letter stream
    idempotency_ttl: Seconds = 30 * 86400.0
    stream_maxlen: int = Field(100_000, ge=100)

    _durations = field_validator("reclaim_idle", "idempotency_ttl", mode="before")(_duration)


class AlertsSettings(_Section):
    repeat_interval: Seconds = 3600.0  # the same rule, port and indicator alert again only after this
    hysteresis_pp: float = Field(0.2, ge=0)  # % values (rates, shares, yoy) resolve this many points inside
    hysteresis_pct: float = Field(5.0, ge=0)  # other values resolve this many percent of the threshold inside
    stale_check_interval: Seconds = 60.0  # how often source health is checked for stale / recovered sources

    _durations = field_validator("repeat_interval", "stale_check_interval", mode="before")(_duration)


class CertificationSettings(_Section):
    enabled: bool = True
    remind_days: Annotated[list[int], NoDecode] = Field(default_factory=lambda: [30, 7, 1])

    @field_validator("remind_days", mode="before")
    @classmethod
    def _days(cls, value: Any) -> Any:
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value
    severity: Severity = "warning"  # of certification / regulation / policy event alerts


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="CW_",
        env_nested_delimiter="__",
        case_sensitive=False,
        extra="ignore",
        populate_by_name=True,
    )

    redis_url: SecretStr | None = Field(None, validation_alias=AliasChoices("REDIS_URL", "redis_url"))
    log_level: str = "INFO"
    redis: RedisSettings = Field(default_factory=RedisSettings)
    health: HealthSettings = Field(default_factory=HealthSettings)
    sources: SourcesSettings = Field(default_factory=SourcesSettings)
    slack: SlackSettings = Field(default_factory=SlackSettings)
    smtp: SmtpSettings = Field(default_factory=SmtpSettings)
    delivery: DeliverySettings = Field(default_factory=DeliverySettings)
    pipeline: PipelineSettings = Field(default_factory=PipelineSettings)
    certification: CertificationSettings = Field(default_factory=CertificationSettings)
    alerts: AlertsSettings = Field(default_factory=AlertsSettings)
    rules: dict[str, Any] = Field(default_factory=dict)
    severity: dict[str, Any] = Field(default_factory=dict)
    repeat: dict[str, Any] = Field(default_factory=dict)

    @field_validator("log_level")
    @classmethod
    def _level(cls, value: str) -> str:
        if value.upper() not in {"DEBUG", "INFO", "WARNING", "ERROR"}:
            raise ValueError("expected DEBUG, INFO, WARNING or ERROR")
        return value.upper()

    @property
    def keys(self) -> Keys:
        return Keys(self.redis.prefix)

    @property
    def rule_set(self) -> RuleSet:
        """The configured rules (or the built-in defaults when no CW_RULES__ variable is set)."""
        return parse_rule_set(self.rules, self.severity, self.repeat, self.alerts.repeat_interval)[0]


SECTIONS: dict[str, type[BaseModel]] = {
    name: info.annotation
    for name, info in Settings.model_fields.items()
    if isinstance(info.annotation, type) and issubclass(info.annotation, BaseModel)
}
