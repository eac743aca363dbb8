"""Corridor Watch: alerts on China–Central Asia corridor figures."""

__version__ = "0.1.0"
