"""One small, typed error tree (STYLE point 8). Each error is logged once, where it is handled."""

from __future__ import annotations


class CorridorWatchError(Exception):
    """Base of every error this service raises on purpose."""


class ConfigError(CorridorWatchError):
    """Settings or catalogue are invalid; `problems` holds one line per problem."""

    def __init__(self, problems: list[str], origin: str = "settings") -> None:
        self.problems = problems
        self.origin = origin
        super().__init__(f"{len(problems)} problem(s) in {origin}: " + "; ".join(problems))


class SourceError(CorridorWatchError):
    """A poll of a source failed (transport, HTTP status, unreadable body)."""

    def __init__(self, source_id: str, reason: str, *, retry_after: float | None = None) -> None:
        self.source_id = source_id
        self.reason = reason
        self.retry_after = retry_after  # seconds the server asked us to wait (429/503 Retry-After)
        super().__init__(f"source {source_id}: {reason}")


class ExtractionError(CorridorWatchError):
    """A document could not be turned into observations."""


class GiveUpError(CorridorWatchError):
    """Another delivery of this stream entry will not help now: dead-letter it at once with this reason."""


class PoisonMessageError(GiveUpError):
    """A stream entry that can never be processed (undecodable, invalid)."""


class DeliveryError(CorridorWatchError):
    """A notifier could not deliver. `recoverable` says whether a retry can help (429, 5xx, timeout)."""

    def __init__(
        self, channel: str, reason: str, *, recoverable: bool, retry_after: float | None = None
    ) -> None:
        self.channel = channel
        self.reason = reason
        self.recoverable = recoverable
        self.retry_after = retry_after
        kind = "recoverable" if recoverable else "permanent"
        super().__init__(f"{channel}: {reason} ({kind})")
