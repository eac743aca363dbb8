"""Extraction of corridor indicators and certification/regulation events from en/ru/zh news text."""

from handlers.extract.pipeline import Extraction, extract

__all__ = ["Extraction", "extract"]
