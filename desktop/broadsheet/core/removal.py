"""Removing articles from the library and putting them back exactly as they were (no Qt).

Which rows belong to an article is read from the schema, not written down here: every table
whose foreign key on articles cascades holds rows of its own, every one that sets null
points at it from elsewhere. A new column or table that follows those rules is kept too.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field

from broadsheet.core.library import Library, LibraryError

# Rows keyed by article id without a foreign key (reading state outlives re-imports).
_KEYED_WITHOUT_FOREIGN_KEY = {"state": "article_id"}


@dataclass(frozen=True, slots=True)
class Rows:
    """Some rows of one table, as (column names, value tuples)."""

    table: str
    columns: tuple[str, ...]
    values: list[tuple]


@dataclass(frozen=True, slots=True)
class Pointer:
    """Rows elsewhere whose ``column`` named a removed article: (key values, article id)."""

    table: str
    column: str
    key: tuple[str, ...]
    values: list[tuple]


@dataclass(frozen=True, slots=True)
class Removal:
    """What ``restore`` needs to put removed articles back: their rows and who pointed at them."""

    ids: tuple[int, ...]
    titles: tuple[str, ...]
    articles: Rows
    owned: list[Rows] = field(default_factory=list)
    pointers: list[Pointer] = field(default_factory=list)


def _columns(db: sqlite3.Connection, table: str) -> tuple[str, ...]:
    return tuple(row[1] for row in db.execute(f'PRAGMA table_info("{table}")'))


def _key(db: sqlite3.Connection, table: str) -> tuple[str, ...]:
    """The primary key columns, or rowid for a table without one."""
    pk = sorted((row[5], row[1]) for row in db.execute(f'PRAGMA table_info("{table}")')
                if row[5])
    return tuple(name for _, name in pk) or ("rowid",)


def _plain_tables(db: sqlite3.Connection) -> list[str]:
    """Ordinary tables, leaving out virtual tables (FTS) and their shadow tables."""
    rows = db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'").fetchall()
    virtual = [name for name, sql in rows if (sql or "").upper().startswith("CREATE VIRTUAL")]
    return [name for name, _ in rows if name != "articles" and name not in virtual
            and not name.startswith("sqlite_")
            and not any(name.startswith(v + "_") for v in virtual)]


def _references(db: sqlite3.Connection) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(table, column) pairs that own rows per article, and those that only point at one."""
    tables = _plain_tables(db)
    owned = [(t, c) for t, c in _KEYED_WITHOUT_FOREIGN_KEY.items()
             if t in tables and c in _columns(db, t)]
    pointing = []
    for table in tables:
        for row in db.execute(f'PRAGMA foreign_key_list("{table}")'):
            target, column, on_delete = row[2], row[3], row[6].upper()
            if target != "articles":
                continue
            if on_delete == "CASCADE":
                owned.append((table, column))
            elif on_delete == "SET NULL":
                pointing.append((table, column))
    return owned, pointing


def _in_ids(column: str) -> str:
    # json_each: any number of ids in one parameter, with no variable limit.
    return f'"{column}" IN (SELECT value FROM json_each(?))'


def remove(library: Library, ids: Iterable[int]) -> Removal:
    """Delete articles with everything that is theirs; links to them become unresolved.

    Their source files are not touched. The FTS index follows through its triggers.
    """
    wanted = json.dumps(sorted(set(ids)))
    db = library.conn
    owned, pointing = _references(db)
    with library.transaction():
        columns = _columns(db, "articles")
        listed = ", ".join(f'"{c}"' for c in columns)
        values = db.execute(f"SELECT {listed} FROM articles WHERE {_in_ids('id')}"
                            " ORDER BY id", (wanted,)).fetchall()
        found = json.dumps([row[columns.index("id")] for row in values])
        snapshot = Removal(
            ids=tuple(row[columns.index("id")] for row in values),
            titles=tuple(row[columns.index("title")] for row in values),
            articles=Rows("articles", columns, values))
        for table, column in owned:
            cols = _columns(db, table)
            names = ", ".join(f'"{c}"' for c in cols)
            snapshot.owned.append(Rows(table, cols, db.execute(
                f'SELECT {names} FROM "{table}" WHERE {_in_ids(column)}', (found,)).fetchall()))
        for table, column in pointing:
            key = _key(db, table)
            names = ", ".join(f'"{c}"' if c != "rowid" else c for c in (*key, column))
            snapshot.pointers.append(Pointer(table, column, key, db.execute(
                f'SELECT {names} FROM "{table}" WHERE {_in_ids(column)}', (found,)).fetchall()))
        db.execute(f"DELETE FROM articles WHERE {_in_ids('id')}", (found,))
        for table, column in _KEYED_WITHOUT_FOREIGN_KEY.items():
            if (table, column) in owned:
                db.execute(f'DELETE FROM "{table}" WHERE {_in_ids(column)}', (found,))
    return snapshot


def restore(library: Library, snapshot: Removal) -> list[int]:
    """Put removed articles back at their old ids; links are resolved again to include them.

    Raises LibraryError when an article's text was imported again since (it is there already).
    """
    from broadsheet.core.related import resolve_after_import  # it builds on the library

    db = library.conn
    sha = snapshot.articles.columns.index("sha256")
    again = library.known_hashes(row[sha] for row in snapshot.articles.values)
    if again:
        titles = [t for row, t in zip(snapshot.articles.values, snapshot.titles, strict=True)
                  if row[sha] in again]
        raise LibraryError(f"Not put back: {', '.join(repr(t) for t in titles)} was imported"
                           " again since it was removed, so it is in the library already.")
    _, pointing = _references(db)
    with library.transaction():
        _insert(db, snapshot.articles, "INSERT")
        present = _present_ids(db, snapshot)
        for rows in snapshot.owned:
            nulls = [c for t, c in pointing if t == rows.table and c in rows.columns]
            _insert(db, _drop_dangling(rows, nulls, present), "INSERT OR REPLACE")
        for pointer in snapshot.pointers:
            if pointer.column not in _columns(db, pointer.table):
                continue
            match = " AND ".join(f'"{c}" = ?' if c != "rowid" else "rowid = ?"
                                 for c in pointer.key)
            db.executemany(
                f'UPDATE "{pointer.table}" SET "{pointer.column}" = ?'
                f' WHERE {match} AND "{pointer.column}" IS NULL',
                [(row[-1], *row[:-1]) for row in pointer.values])
        resolve_after_import(library, list(snapshot.ids))
    return list(snapshot.ids)


def _present_ids(db: sqlite3.Connection, snapshot: Removal) -> set[int]:
    """Ids the snapshot's rows point at that are in the library now."""
    wanted = {v for rows in snapshot.owned for row in rows.values for v in row
              if isinstance(v, int)}
    return {row[0] for row in db.execute(
        f"SELECT id FROM articles WHERE {_in_ids('id')}", (json.dumps(sorted(wanted)),))}


def _drop_dangling(rows: Rows, nulls: list[str], present: set[int]) -> Rows:
    """Pointers at articles removed since (their rows are gone) become unresolved."""
    if not nulls:
        return rows
    where = [rows.columns.index(c) for c in nulls]
    values = []
    for row in rows.values:
        row = list(row)
        for i in where:
            if row[i] is not None and row[i] not in present:
                row[i] = None
        values.append(tuple(row))
    return Rows(rows.table, rows.columns, values)


def _insert(db: sqlite3.Connection, rows: Rows, verb: str) -> None:
    """Insert rows by column name, leaving out columns the table no longer has."""
    if not rows.values:
        return
    now = set(_columns(db, rows.table))
    keep = [i for i, c in enumerate(rows.columns) if c in now]
    names = ", ".join(f'"{rows.columns[i]}"' for i in keep)
    marks = ", ".join("?" * len(keep))
    db.executemany(f'{verb} INTO "{rows.table}" ({names}) VALUES ({marks})',
                   [tuple(row[i] for i in keep) for row in rows.values])
