"""Reminders before an event's effective date (or the end of a transition period).

Events with a date are kept in a sorted set scored by that date. ``due_reminder`` says which reminder,
if any, is due today: the smallest of ``CW_CERTIFICATION__REMIND_DAYS`` that the days left have reached
and that was not sent yet (so a service started late sends one reminder, not three).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from service.models import Alert, Event, ObservationRef, Severity, stable_id


def due_reminder(effective: date, today: date, remind_days: Iterable[int], sent: set[int]) -> int | None:
    days_left = (effective - today).days
    if days_left < 0:
        return None
    reached = [d for d in remind_days if days_left <= d]
    if not reached or min(reached) in sent:
        return None
    return min(reached)


def reminder_alert(event: Event, today: date, mark: int, severity: Severity) -> Alert:
    assert event.effective_date is not None
    days_left = (event.effective_date - today).days
    when = "today" if days_left == 0 else f"in {days_left} day{'s' if days_left != 1 else ''}"
    regime = f"{event.regime}: " if event.regime else ""
    return Alert(
        id=stable_id("reminder", event.id, mark), kind="reminder", rule=f"event.{event.kind}.reminder",
        severity=severity, port=None, indicator=event.kind, value=None,
        title=f"📋 {regime}{event.summary} — effective {event.effective_date:%d %b %Y} ({when})",
        observations=[ObservationRef.of_event(event)], refers_to=stable_id("event", event.id),
    )
