"""Broadsheet: an offline reader for a personal archive of news articles."""

__version__ = "0.1.0"
