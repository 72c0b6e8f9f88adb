"""Saved searches, kept in the library next to the articles, with their unread counts (no Qt)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime

from broadsheet.core.library import Library
from broadsheet.core.search import count


@dataclass(frozen=True, slots=True)
class Saved:
    """A query under a name; ``unread`` is how many unread articles it finds now."""

    name: str
    query: str
    unread: int = 0
    capped: bool = False  # the count stopped early: "2,000+"

    @property
    def unread_text(self) -> str:
        """'12 unread', '2,000+ unread', or '' when there are none."""
        if not self.unread:
            return ""
        return f"{self.unread:,}{'+' if self.capped else ''} unread"


def saved(library: Library, *, counts: bool = True) -> list[Saved]:
    """Every saved search in the order saved, with unread counts unless asked not to."""
    try:
        rows = library.conn.execute(
            "SELECT name, query FROM saved_searches ORDER BY position, name").fetchall()
    except sqlite3.OperationalError as error:
        if "no such table" in str(error):
            return []  # a library from before saved searches: nothing saved yet
        raise
    if not counts:
        return [Saved(name, query) for name, query in rows]
    return [Saved(name, query, *count(library, query, state="unread")) for name, query in rows]


def save(library: Library, name: str, query: str) -> None:
    """Save a query under a name; saving under a name already used replaces its query."""
    now = datetime.now(UTC).isoformat(timespec="seconds")
    with library.transaction():
        library.conn.execute(
            "INSERT INTO saved_searches (name, query, position, created_at) VALUES"
            " (?, ?, (SELECT coalesce(max(position), 0) + 1 FROM saved_searches), ?)"
            " ON CONFLICT(name) DO UPDATE SET query = excluded.query", (name, query, now))


def delete(library: Library, name: str) -> None:
    """Forget a saved search."""
    with library.transaction():
        library.conn.execute("DELETE FROM saved_searches WHERE name = ?", (name,))
