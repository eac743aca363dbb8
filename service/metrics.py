"""Prometheus metrics, declared once. Stages increment them; /metrics exposes them."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Histogram

REGISTRY = CollectorRegistry(auto_describe=True)

DOCUMENTS_PUBLISHED = Counter(
    "cw_documents_published", "Documents published by watchers", ["source"], registry=REGISTRY
)
POLLS = Counter("cw_polls", "Source polls by outcome", ["source", "outcome"], registry=REGISTRY)
FETCH_SECONDS = Histogram(
    "cw_fetch_seconds", "Duration of one source fetch", ["source"], registry=REGISTRY,
    buckets=(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
)
OBSERVATIONS = Counter("cw_observations", "Observations extracted", ["indicator"], registry=REGISTRY)
EVENTS = Counter("cw_events", "Certification / regulation events extracted", ["kind"], registry=REGISTRY)
ALERTS = Counter("cw_alerts", "Alerts raised", ["kind", "severity"], registry=REGISTRY)
DELIVERIES = Counter("cw_deliveries", "Alert deliveries by channel and outcome", ["channel", "outcome"],
                     registry=REGISTRY)
STAGE_ENTRIES = Counter("cw_stage_entries", "Stream entries handled per stage and outcome",
                        ["stage", "outcome"], registry=REGISTRY)
DEAD_LETTERS = Counter("cw_dead_letters", "Entries moved to the dead-letter stream", ["stage"],
                       registry=REGISTRY)
