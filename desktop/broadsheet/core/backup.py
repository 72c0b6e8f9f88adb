"""Backups of a library and restoring one: copies through SQLite's backup API, never deletions.

A backup sits next to its library, named for the library, its schema version and the time:
``library.db.backup-v1-20261127T001200``. Restoring checks the candidate first and keeps the
library it replaces as one more backup, so no step loses a library.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from broadsheet.core.library import (
    KINDS,
    SCHEMA_VERSION,
    Library,
    LibraryError,
    explain,
    newer_library,
    table_names,
)

MARK = ".backup-"
_PARTIAL = ".partial"


@dataclass(frozen=True, slots=True)
class Backup:
    """A finished backup file: where it is, how many articles it holds, its size."""

    path: Path
    articles: int
    bytes: int


@dataclass(frozen=True, slots=True)
class Restored:
    """What a restore did: the articles now in the library, and where the old one was kept."""

    articles: int
    kept: Path | None


def backup_path(library: Path, version: int, now: datetime | None = None,
                label: str | None = None) -> Path:
    """A free name next to the library for a backup of this schema version (or ``label``
    instead of the version), taken now."""
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%S")
    base = library.with_name(f"{library.name}{MARK}{label or f'v{version}'}-{stamp}")
    path, number = base, 1
    while path.exists() or path.with_name(path.name + _PARTIAL).exists():
        number += 1
        path = base.with_name(f"{base.name}-{number}")
    return path


def find_backups(library: Path) -> list[Path]:
    """The backups next to a library, newest first."""
    if not library.parent.is_dir():
        return []
    found = [p for p in library.parent.glob(f"{library.name}{MARK}*")
             if p.is_file() and not p.name.endswith((_PARTIAL, "-wal", "-shm", "-journal"))]
    return sorted(found, key=lambda p: (p.stat().st_mtime, p.name), reverse=True)


def back_up(conn: sqlite3.Connection, destination: Path) -> Backup:
    """Copy the database behind ``conn`` to ``destination``: one self-contained file.

    Written under a temporary name and renamed when complete, so a crash never leaves a
    half backup that looks whole. Refuses to overwrite an existing file.
    """
    if destination.exists():
        raise LibraryError(f"{destination}: already exists; choose another name", "other")
    partial = destination.with_name(destination.name + _PARTIAL)
    # Left by a copy that crashed: connecting would carry on with it, not start afresh.
    partial.unlink(missing_ok=True)
    try:
        with closing(sqlite3.connect(partial)) as target:
            conn.backup(target)
            # No -wal beside it: the backup is one file that can be moved or copied alone.
            target.execute("PRAGMA journal_mode = DELETE")
            articles = _count(target)
        with open(partial, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, destination)
    except sqlite3.Error as error:
        partial.unlink(missing_ok=True)
        raise explain(destination, error) from error
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise LibraryError(f"{destination}: cannot write the backup ({error.strerror})",
                           "other") from error
    return Backup(destination, articles, destination.stat().st_size)


def back_up_file(library: Path, destination: Path | None = None) -> Backup:
    """Back up a library file, reading it through SQLite.

    The backup goes next to the library, or at ``destination``, or into it when it is a
    folder; either way under a name of its own, never over an existing file.
    """
    if not library.is_file():
        raise LibraryError(f"{library}: no library here; {KINDS['missing']}", "missing")
    version = check(library)[1]
    if destination is None:
        destination = backup_path(library, version)
    elif destination.is_dir():
        destination = backup_path(destination / library.name, version)
    try:
        with closing(sqlite3.connect(library, timeout=5)) as conn:
            return back_up(conn, destination)
    except sqlite3.Error as error:
        raise explain(library, error) from error


def check(candidate: Path) -> tuple[int, int]:
    """(articles, schema version) of a library file fit to open; LibraryError says why not.

    Read-only: checking a file never changes it.
    """
    if not candidate.is_file():
        raise LibraryError(f"{candidate}: no such file; {KINDS['missing']}", "missing")
    try:
        with closing(sqlite3.connect(f"{candidate.resolve().as_uri()}?mode=ro", uri=True,
                                     timeout=5)) as conn:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise newer_library(candidate, version)
            if "articles" not in table_names(conn):
                raise LibraryError(f"{candidate}: not a Broadsheet library; "
                                   f"{KINDS['not-a-database']}", "not-a-database")
            problems = [row[0] for row in conn.execute("PRAGMA quick_check")]
            if problems != ["ok"]:
                raise LibraryError(f"{candidate}: the library file is damaged ({problems[0]});"
                                   f" {KINDS['corrupt']}", "corrupt")
            return _count(conn), version
    except sqlite3.Error as error:
        raise explain(candidate, error) from error


def restore_into(conn: sqlite3.Connection, library: Path, candidate: Path) -> Restored:
    """Replace the open library's contents with a checked backup, keeping the old as a backup.

    Goes through SQLite (``conn`` is an open connection to ``library``), so other
    connections to the file see the restored library on their next read.
    """
    _refuse_itself(library, candidate)
    return _restore_checked(conn, library, candidate, *check(candidate))


def _refuse_itself(library: Path, candidate: Path) -> None:
    if candidate.resolve() == library.resolve():
        raise LibraryError(f"{candidate}: that is the library itself; choose a backup", "other")


def _restore_checked(conn: sqlite3.Connection, library: Path, candidate: Path, articles: int,
                     candidate_version: int) -> Restored:
    """``restore_into`` for a candidate already checked: (articles, version) from ``check``."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    with tempfile.TemporaryDirectory(prefix=".broadsheet-restore-", dir=library.parent) as work:
        # Open connections expect this version's schema: an older backup is updated first,
        # in a copy of our own.
        source_path = (candidate if candidate_version == SCHEMA_VERSION
                       else _updated_copy(candidate, Path(work) / "restoring.db"))
        kept = back_up(conn, backup_path(library, version)).path
        try:
            with closing(sqlite3.connect(f"{source_path.resolve().as_uri()}?mode=ro",
                                         uri=True, timeout=5)) as source:
                source.backup(conn)
        except sqlite3.Error as error:
            failure = explain(library, error)
            raise LibraryError(f"{failure}; the library before the restore is kept at {kept}",
                               failure.kind) from error
    return Restored(articles, kept)


def _updated_copy(candidate: Path, copy: Path) -> Path:
    """A copy of an older backup, brought to this version's schema."""
    _copy_database(candidate, copy)
    Library(copy, back_up_first=False).close()  # the copy is ours: no copy of it as well
    return copy


def restore(candidate: Path, library: Path) -> Restored:
    """Restore a backup into place when nothing else has the library open.

    A library that still opens is restored through SQLite; one that does not (damaged,
    not a database) is kept byte for byte under a backup name, then replaced.
    """
    articles, candidate_version = check(candidate)
    if not library.exists():
        _copy_database(candidate, library)
        return Restored(articles, None)
    try:
        with closing(sqlite3.connect(library, timeout=5)) as conn:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            _refuse_itself(library, candidate)
            return _restore_checked(conn, library, candidate, articles, candidate_version)
    except sqlite3.DatabaseError as error:
        if (getattr(error, "sqlite_errorcode", 0) or 0) & 0xFF not in (
                sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
            raise explain(library, error) from error
    kept = _keep_bytes(library)
    _copy_database(candidate, library)
    return Restored(articles, kept)


def _keep_bytes(library: Path) -> Path:
    """Move a damaged library and its journal files aside under a backup name."""
    kept = backup_path(library, 0, label="damaged")
    os.replace(library, kept)
    for suffix in ("-wal", "-shm", "-journal"):
        journal = library.with_name(library.name + suffix)
        if journal.exists():
            # A stale journal must not be applied to the restored file: it goes with the copy.
            os.replace(journal, kept.with_name(kept.name + suffix))
    return kept


def _copy_database(candidate: Path, library: Path) -> None:
    """Write a copy of a checked backup at ``library`` (absent), complete or not at all."""
    try:
        with closing(sqlite3.connect(f"{candidate.resolve().as_uri()}?mode=ro", uri=True,
                                     timeout=5)) as src:
            back_up(src, library)
    except sqlite3.Error as error:
        raise explain(candidate, error) from error


def _count(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
