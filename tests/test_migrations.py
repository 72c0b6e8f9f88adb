"""Opening a library of every earlier schema version: the data survives, a backup comes first.

Each tests/schemas/vN.sql is a frozen library of version N (schema and a few rows) made by
that version of Broadsheet; a new schema version adds its file, and these tests run on it.
"""

from __future__ import annotations

import json
import re
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from broadsheet.core import frequencies
from broadsheet.core.backup import MARK, find_backups, restore
from broadsheet.core.importer import import_paths
from broadsheet.core.library import SCHEMA_VERSION, Library, LibraryError, register_functions
from broadsheet.core.related import related
from broadsheet.core.search import search
from broadsheet.ui import reading_state, saved_searches
from conftest import run_cli

SCHEMAS = sorted((Path(__file__).parent / "schemas").glob("v*.sql"),
                 key=lambda p: int(p.stem[1:]))
TITLES = ["Harbour tolls to rise", "Storm closes the harbour road",
          "Lighthouse keeper retires after forty years"]


def build(script: Path, path: Path, version: int | None = None) -> Path:
    """A library file made from a frozen script, its version stamp optionally rewritten."""
    with closing(sqlite3.connect(path)) as conn:
        register_functions(conn)  # the SQL functions a schema's triggers may call
        conn.executescript(script.read_text(encoding="utf-8"))
        if version is not None:
            conn.execute(f"PRAGMA user_version = {version}")
        conn.commit()
    return path


def version_of(path: Path) -> int:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute("PRAGMA user_version").fetchone()[0]


def titles_in(path: Path) -> list[str]:
    with closing(sqlite3.connect(path)) as conn:
        return [row[0] for row in conn.execute("SELECT title FROM articles ORDER BY id")]


def test_every_earlier_schema_version_has_a_frozen_library() -> None:
    # The current version's file is written with tests/schemas/freeze.py when it is new.
    versions = [int(p.stem[1:]) for p in SCHEMAS]
    assert versions[:SCHEMA_VERSION - 1] == list(range(1, SCHEMA_VERSION))
    assert versions[-1] <= SCHEMA_VERSION


@pytest.mark.parametrize("script", SCHEMAS, ids=lambda p: p.stem)
def test_opening_an_earlier_library_keeps_its_data(script: Path, tmp_path: Path) -> None:
    version = int(script.stem[1:])
    path = build(script, tmp_path / "library.db")
    with Library(path) as library:
        assert version_of(path) == SCHEMA_VERSION
        assert [r.title for r in library.rows()] == TITLES
        harbour = library.get(1)
        assert harbour is not None
        assert harbour.author == "Jane Doe"
        assert harbour.published is not None
        assert harbour.published.year == 2021
        assert [(link.text, link.target_id) for link in harbour.links] == [
            ("Storm closes the harbour road", 2), ("A story that is not in this library", None)]
        assert library.backlinks(1) == [(2, "Storm closes the harbour road")]
        assert [hit.id for hit in search(library, "lighthouse")] == [3]
        state = reading_state.get(library, 1)
        assert (state.read, state.starred, state.position) == (True, True, 0.25)
        assert [(s.name, s.query) for s in saved_searches.saved(library, counts=False)] == [
            ("harbour", "harbour -storm")]
        taken = library.migration_backup
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    if version == SCHEMA_VERSION:
        assert taken is None
        assert find_backups(path) == []
    else:
        assert taken is not None
        assert find_backups(path) == [taken]
        assert taken.name.startswith(f"library.db{MARK}v{version}-")
        assert version_of(taken) == version
        assert titles_in(taken) == TITLES


def test_a_new_library_takes_no_backup(tmp_path: Path) -> None:
    with Library(tmp_path / "library.db") as library:
        assert library.migration_backup is None
    assert find_backups(tmp_path / "library.db") == []


def test_a_failed_migration_leaves_the_library_and_names_its_backup(tmp_path: Path) -> None:
    # Articles but no version stamp: an update is due, and this one cannot be applied.
    path = build(SCHEMAS[0], tmp_path / "library.db", version=0)
    with pytest.raises(LibraryError) as caught:
        Library(path)
    (backup,) = find_backups(path)
    assert str(backup) in str(caught.value)
    assert re.match(rf"library\.db{re.escape(MARK)}v0-\d{{8}}T\d{{6}}$", backup.name)
    assert titles_in(backup) == TITLES
    assert (version_of(path), titles_in(path)) == (0, TITLES)


@pytest.mark.parametrize("script", SCHEMAS, ids=lambda p: p.stem)
def test_restoring_a_backup_of_an_earlier_version_updates_it(script: Path,
                                                             tmp_path: Path) -> None:
    old = build(script, tmp_path / "old-backup.db")
    before = old.read_bytes()
    path = tmp_path / "library.db"
    Library(path).close()
    done = restore(old, path)
    assert done.articles == len(TITLES)
    assert done.kept is not None
    assert find_backups(path) == [done.kept]
    assert version_of(path) == SCHEMA_VERSION
    with Library(path) as library:
        assert library.migration_backup is None  # restored already updated
        assert [r.title for r in library.rows()] == TITLES
    assert old.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_the_raw_texts_and_bodies_of_a_version_1_library_survive_compression(
        tmp_path: Path) -> None:
    import zlib

    path = build(SCHEMAS[0], tmp_path / "library.db")
    with closing(sqlite3.connect(path)) as conn:
        before = {i: (zlib.decompress(raw).decode("utf-8"), body) for i, raw, body in
                  conn.execute("SELECT id, raw, body FROM articles")}
    with Library(path) as library:
        for article_id, (raw, body) in before.items():
            assert library.raw_text(article_id) == raw
            article = library.get(article_id)
            assert article is not None
            assert article.body == body
    with closing(sqlite3.connect(path)) as conn:
        columns = {row[1] for row in conn.execute("PRAGMA table_info(articles)")}
    assert {"body", "raw"}.isdisjoint(columns)
    assert {"body_z", "raw_z"} <= columns


def test_rows_stored_before_and_after_version_3_read_back_side_by_side(tmp_path: Path) -> None:
    # Version 2 kept bodies and raw texts as zlib; version 3 adds zstd rows beside them.
    path = build(SCHEMAS[1], tmp_path / "library.db")
    with Library(path) as library:
        old = {i: (library.raw_text(i), library.get(i)) for i in (1, 2, 3)}
    folder = tmp_path / "new"
    folder.mkdir()
    text = ("Ferry timetable changes for winter\n\nThe last sailing leaves earlier.\n\n"
            "Reported by: Ana Silva\n\nThe lighthouse road stays open.\n\n"
            "READ: Storm closes the harbour road\n")
    (folder / "ferry.txt").write_text(text, encoding="utf-8")
    with Library(path) as library:
        assert import_paths(library, [folder]).imported == 1
        with closing(sqlite3.connect(path)) as conn:
            formats = dict(conn.execute("SELECT id, substr(body_z, 1, 4) FROM articles"))
        assert formats[4] == b"\x28\xb5\x2f\xfd"
        assert formats[1] != formats[4]
        assert library.raw_text(4) == text
        ferry = library.get(4)
        assert ferry is not None
        assert ferry.body == "The lighthouse road stays open."
        assert [(link.text, link.target_id) for link in ferry.links] == [
            ("Storm closes the harbour road", 2)]
        for article_id, (raw, article) in old.items():
            assert library.raw_text(article_id) == raw
            assert library.get(article_id) == article
        assert sorted(hit.id for hit in search(library, "lighthouse")) == [3, 4]


def test_a_version_3_library_from_before_kept_frequencies_gets_them(tmp_path: Path) -> None:
    # Version 3 was first released without the word_frequencies table; "more like this"
    # must work on such a library, which is already at the current version.
    path = build(SCHEMAS[2], tmp_path / "library.db")
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("DROP TABLE word_frequencies")
        conn.commit()
    with Library(path) as library:
        assert library.migration_backup is None
        harbour = library.get(1)
        assert harbour is not None
        found = related(library, harbour)
        assert found.similar is not None
        assert [i for i, _, _ in found.similar] == [2]
    with Library(path) as library:  # and the frequencies worked out were kept
        assert frequencies.load(library) is not None
    assert version_of(path) == 3
    assert find_backups(path) == []


def test_the_command_line_says_where_the_library_as_it_was_is_kept(tmp_path: Path) -> None:
    path = build(SCHEMAS[0], tmp_path / "library.db")
    result = run_cli("stats", "--json", "--library", path, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["articles"] == len(TITLES)  # stdout stays one document
    [backup] = find_backups(path)
    assert f"updated to library version {SCHEMA_VERSION}" in result.stderr
    assert str(backup) in result.stderr
    again = run_cli("stats", "--library", path, cwd=tmp_path)
    assert "updated" not in again.stderr  # said once, when it happened


def test_the_window_says_where_the_library_as_it_was_is_kept(qtbot, tmp_path: Path) -> None:
    from ui_support import close_window, open_window

    path = build(SCHEMAS[0], tmp_path / "library.db")
    with Library(path) as library:
        window = open_window(qtbot, library, tmp_path / "settings.ini")
        try:
            message = window.statusBar().currentMessage()
            assert f"updated to library version {SCHEMA_VERSION}" in message
            assert str(find_backups(path)[0]) in message
        finally:
            close_window(window)


def test_restoring_a_version_1_backup_compacts_it_as_updating_in_place_does(
        tmp_path: Path) -> None:
    """The copy updated for a restore hands back the old layout's space too."""
    def grown(path: Path) -> Path:  # long bodies, so that compressing them frees pages
        build(SCHEMAS[0], path)
        with closing(sqlite3.connect(path)) as conn:
            register_functions(conn)
            conn.execute("UPDATE articles SET body = body || ?",
                         (" ".join(f"harbour{n}" for n in range(40_000)),))
            conn.commit()
        return path

    in_place = grown(tmp_path / "in-place.db")
    Library(in_place).close()
    old = grown(tmp_path / "old-backup.db")
    library = tmp_path / "library.db"
    Library(library).close()
    restore(old, library)
    with closing(sqlite3.connect(library)) as conn:
        assert conn.execute("PRAGMA freelist_count").fetchone()[0] == 0
        assert [row[0] for row in conn.execute("SELECT title FROM articles ORDER BY id")] \
            == TITLES
    with closing(sqlite3.connect(in_place)) as conn:
        assert conn.execute("PRAGMA freelist_count").fetchone()[0] == 0
