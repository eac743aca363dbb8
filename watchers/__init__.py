"""Watchers: poll sources (RSS/Atom, HTML listings, JSON endpoints) and publish each new Document once."""

from __future__ import annotations

from watchers.base import Watcher
from watchers.pool import run_watchers
from watchers.schedule import PollResult
from watchers.sources import Source, load_catalog

__all__ = ["PollResult", "Source", "Watcher", "load_catalog", "run_watchers"]
