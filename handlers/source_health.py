"""Source health as alerts for ops: a source that has produced nothing, or failed, for
``CW_SOURCES__STALE_AFTER`` raises a ``source_stale`` alert (route ``ops``); its recovery resolves it.

``check_source`` is pure: the source's state hash (written by its watcher) and the time in, at most one
alert out, and whether the source is now considered stale.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from service.durations import format_duration
from service.models import Alert, stable_id


@dataclass(frozen=True)
class SourceCheck:
    stale: bool
    alert: Alert | None


def _float(state: dict[str, str], name: str) -> float | None:
    value = state.get(name)
    return float(value) if value else None


def check_source(source_id: str, state: dict[str, str], now: float, stale_after: float) -> SourceCheck:
    """`state` holds the watcher's fields and `stale_alert` (the id of the open stale alert, if any)."""
    last_success = _float(state, "last_success")
    since = last_success or _float(state, "first_attempt") or now
    stale = now - since > stale_after
    open_alert = state.get("stale_alert") or None
    if stale and open_alert is None:
        return SourceCheck(True, _stale_alert(source_id, state, now - since, since))
    if not stale and open_alert is not None:
        return SourceCheck(False, _recovered_alert(source_id, open_alert, last_success or now))
    return SourceCheck(stale, None)


def _stale_alert(source_id: str, state: dict[str, str], quiet: float, since: float) -> Alert:
    failures = int(state.get("consecutive_failures") or 0)
    error = state.get("last_error") or ""
    why = f"; {failures} failed polls in a row, last error: {error[:200]}" if failures and error else ""
    title = f"Source {source_id} has produced nothing for {format_duration(round(quiet))}{why}"
    return Alert(id=stable_id("source_stale", source_id, since), kind="source_stale", rule="source.stale",
                 severity="warning", port=None, indicator="source", value=None, title=title, route="ops")


def _recovered_alert(source_id: str, open_alert: str, when: float) -> Alert:
    at = datetime.fromtimestamp(when, UTC).strftime("%Y-%m-%d %H:%M UTC")
    return Alert(id=stable_id("source_recovered", open_alert), kind="resolved", rule="source.stale",
                 severity="info", port=None, indicator="source", value=None,
                 title=f"Source {source_id} is back: polled successfully at {at}", refers_to=open_alert, route="ops")
