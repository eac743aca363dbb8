"""The one place that spells Redis keys: streams, consumer groups and the small state keys beside them.

Every key shares one prefix with a hash tag (default ``{cw}``) so that all of them live in one Redis
Cluster slot and two deployments can share one Redis by choosing different prefixes.
"""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_PREFIX = "{cw}"


@dataclass(frozen=True)
class StageSpec:
    """One consumer stage: the stream it reads and the consumer group it reads it in."""

    name: str  # "extract" | "evaluate" | "notify"
    stream: str  # short stream name: "documents" | "observations" | "alerts"
    group: str


STAGES: tuple[StageSpec, ...] = (
    StageSpec("extract", "documents", "extractors"),
    StageSpec("evaluate", "observations", "evaluators"),
    StageSpec("notify", "alerts", "notifiers"),
)
STREAM_NAMES: tuple[str, ...] = ("documents", "observations", "alerts")


@dataclass(frozen=True)
class Keys:
    """Key names under one prefix. Build it once from settings and pass it around."""

    prefix: str = DEFAULT_PREFIX

    def stream(self, name: str) -> str:
        return f"{self.prefix}:{name}"

    @property
    def documents(self) -> str:
        return self.stream("documents")

    @property
    def observations(self) -> str:
        return self.stream("observations")

    @property
    def alerts(self) -> str:
        return self.stream("alerts")

    @property
    def dead(self) -> str:
        return self.stream("dead")

    # --- state beside the streams -------------------------------------------------------------
    def seen(self, source_id: str) -> str:
        """Hash: entry key (GUID / canonical URL) -> content hash of what was published."""
        return f"{self.prefix}:seen:{source_id}"

    def source_state(self, source_id: str) -> str:
        """Hash: last attempt / success / error, consecutive failures, validators (ETag...)."""
        return f"{self.prefix}:source:{source_id}"

    def lease(self, source_id: str) -> str:
        return f"{self.prefix}:lease:{source_id}"

    def done(self, stage: str, item_id: str) -> str:
        """SET NX marker: this stage has fully handled this item (idempotency)."""
        return f"{self.prefix}:done:{stage}:{item_id}"

    def entry_error(self, stage: str) -> str:
        """Hash: stream entry id -> last error, so a dead letter says why."""
        return f"{self.prefix}:errors:{stage}"

    def last_value(self, port: str | None, indicator: str) -> str:
        """Hash: the last observation per (port, indicator), the evaluator's history."""
        return f"{self.prefix}:last:{port or '-'}:{indicator}"

    def fact(self, fact_key: str) -> str:
        """String: the fact record (value, sources, alerts) of one port/indicator/period."""
        return f"{self.prefix}:fact:{fact_key}"

    def firing(self, rule_key: str) -> str:
        """String: the state of a bound rule that fired and has not resolved yet."""
        return f"{self.prefix}:firing:{rule_key}"

    def cooldown(self, rule_key: str) -> str:
        """SET NX EX: present while the rule may not alert again for this port and indicator."""
        return f"{self.prefix}:cooldown:{rule_key}"

    @property
    def silences(self) -> str:
        """Hash: silence id -> silence JSON."""
        return f"{self.prefix}:silences"

    @property
    def muted(self) -> str:
        """Stream: alerts a silence kept from being delivered (recorded, not sent)."""
        return f"{self.prefix}:muted"

    @property
    def reminders(self) -> str:
        """Sorted set: events with an effective date (JSON), scored by that date (epoch seconds)."""
        return f"{self.prefix}:reminders"

    @property
    def reminders_sent(self) -> str:
        """Hash: event id -> comma-separated day marks already reminded."""
        return f"{self.prefix}:reminders:sent"

    def heartbeat(self, name: str) -> str:
        return f"{self.prefix}:heartbeat:{name}"

    @property
    def notifier_state(self) -> str:
        """Hash: `<channel>.last_delivery`, `<channel>.last_failure` (epoch seconds)."""
        return f"{self.prefix}:notifiers"

    def notifier_failures(self, channel: str) -> str:
        """Sorted set: failed deliveries of a channel, scored by time (the last hour is kept)."""
        return f"{self.prefix}:notifiers:failures:{channel}"
