"""Read, starred and scroll position per article, in the library's state table (no Qt)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from broadsheet.core.library import Library
from broadsheet.core.query import STATES


@dataclass(frozen=True, slots=True)
class State:
    """One article's reading state; articles never touched are unread, unstarred, at the top."""

    read: bool = False
    starred: bool = False
    position: float = 0.0


def get(library: Library, article_id: int) -> State:
    """The state of one article."""
    row = library.conn.execute(
        "SELECT read, starred, coalesce(position, 0) FROM state WHERE article_id = ?",
        (article_id,)).fetchone()
    return State() if row is None else State(bool(row[0]), bool(row[1]), float(row[2]))


def flags(library: Library, ids: Iterable[int]) -> dict[int, State]:
    """States of many articles at once; articles without a row are left out."""
    ids = list(ids)
    found: dict[int, State] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        for article_id, read, starred, position in library.conn.execute(
                "SELECT article_id, read, starred, coalesce(position, 0) FROM state"
                f" WHERE article_id IN ({marks})", chunk):
            found[article_id] = State(bool(read), bool(starred), float(position))
    return found


def set_read(library: Library, article_id: int, read: bool) -> None:
    """Mark an article read or unread."""
    set_read_many(library, [article_id], read)


def set_starred(library: Library, article_id: int, starred: bool) -> None:
    """Star or unstar an article."""
    _upsert(library, article_id, "starred = excluded.starred", starred=int(starred))


def set_position(library: Library, article_id: int, position: float) -> None:
    """Remember how far down the article the reader was (0 to 1)."""
    _upsert(library, article_id, "position = excluded.position",
            position=min(max(position, 0.0), 1.0))


def _upsert(library: Library, article_id: int, update: str, **values: object) -> None:
    columns = ["article_id", *values]
    marks = ",".join("?" * len(columns))
    with library.transaction():
        library.conn.execute(
            f"INSERT INTO state ({', '.join(columns)}) VALUES ({marks})"
            f" ON CONFLICT(article_id) DO UPDATE SET {update}",
            [article_id, *values.values()])


def set_read_many(library: Library, ids: list[int], read: bool) -> None:
    """Mark many articles read or unread in one transaction."""
    with library.transaction():
        _write_read(library, ids, read)


def mark_read_where(library: Library, where: str, params: list[object]) -> list[int]:
    """Mark read every unread article a WHERE clause on articles selects; returns their ids.

    The ids are what an undo marks unread again; articles already read are left alone.
    """
    unread = STATES["unread"]
    clause = f"{where} AND {unread}" if where else f" WHERE {unread}"
    with library.transaction():
        ids = [i for (i,) in library.conn.execute(f"SELECT id FROM articles{clause}", params)]
        _write_read(library, ids, True)
    return ids


def _write_read(library: Library, ids: list[int], read: bool) -> None:
    when = datetime.now(UTC).isoformat(timespec="seconds") if read else None
    library.conn.execute(
        "INSERT INTO state (article_id, read, read_at) SELECT value, ?, ? FROM json_each(?)"
        " WHERE true ON CONFLICT(article_id) DO UPDATE SET read = excluded.read,"
        " read_at = excluded.read_at", (int(read), when, json.dumps(ids)))
