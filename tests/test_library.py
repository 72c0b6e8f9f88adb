"""The library file: schema and version, WAL, reopening, and refusing files it must not touch."""

from __future__ import annotations

import random
import sqlite3
from contextlib import closing
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from broadsheet.core.importer import import_paths
from broadsheet.core.library import SCHEMA_VERSION, Library, LibraryError
from broadsheet.core.parse import parse
from conftest import REFERENCE, SEEDS

IST = timezone(timedelta(hours=5, minutes=30))


def pragma(path: Path, name: str) -> object:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute(f"PRAGMA {name}").fetchone()[0]


def tables(path: Path) -> set[str]:
    with closing(sqlite3.connect(path)) as conn:
        return {row[0] for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}


def columns(path: Path, table: str) -> list[str]:
    with closing(sqlite3.connect(path)) as conn:
        return [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]


HARBOUR = """Updated March 4th, 2021 at 09:00 IST

Harbour tolls to rise

Fishing boats using the harbour at Port Saltings will pay more to moor from April.

Reported by: Jane Doe
| Image:Harbour Photos

The harbour board said the increase was needed to pay for dredging the channel.

READ: Port Saltings Harbour Reopens

Skippers said the rise would hit smaller boats hardest.

Winter storms silted the channel

The storms of last winter left the channel a metre shallower than it was.

READ: Another Story Not In The Library

Published March 3rd, 2021 at 08:15 IST
"""


@pytest.fixture
def refused(tmp_path: Path) -> Path:
    """Where a file the library must refuse is written by the test."""
    return tmp_path / "refused.db"


def assert_refused_untouched(path: Path, *words: str) -> LibraryError:
    before = path.read_bytes()
    siblings = sorted(p.name for p in path.parent.iterdir())
    with pytest.raises(LibraryError) as caught:
        Library(path)
    message = str(caught.value)
    assert str(path) in message
    for word in words:
        assert word in message
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == siblings
    return caught.value


# -- a new library -------------------------------------------------------------------


def test_new_library_has_the_current_schema_version(library: Library, db_path: Path) -> None:
    assert db_path.is_file()
    assert pragma(db_path, "user_version") == SCHEMA_VERSION
    assert SCHEMA_VERSION >= 1


def test_new_library_is_in_wal_mode(library: Library, db_path: Path) -> None:
    assert str(pragma(db_path, "journal_mode")).lower() == "wal"


def test_schema_tables(library: Library, db_path: Path) -> None:
    assert {"articles", "links", "state", "articles_fts"} <= tables(db_path)


def test_reading_state_table(library: Library, db_path: Path) -> None:
    assert {"article_id", "read", "starred", "position"} <= set(columns(db_path, "state"))


def test_new_library_is_empty(library: Library) -> None:
    assert library.count() == 0
    assert library.rows() == []
    assert list(library.links()) == []
    stats = library.stats()
    assert (stats.articles, stats.authors, stats.earliest, stats.latest, stats.bytes) == (
        0, 0, None, None, 0)


def test_library_folder_is_created(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "library.db"
    with Library(path) as library:
        assert library.count() == 0
    assert path.is_file()


def test_create_false_refuses_a_missing_file(db_path: Path) -> None:
    with pytest.raises(LibraryError, match="no library"):
        Library(db_path, create=False)
    assert not db_path.exists()


# -- storing and reading back -------------------------------------------------------


def test_article_round_trip(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "harbour.txt"
    path.write_text(HARBOUR, encoding="utf-8")
    report = import_paths(library, [path])
    assert report.imported == 1
    (row,) = library.rows()
    expected = parse(HARBOUR, str(path))
    back = library.get(row.id)
    assert back is not None
    assert back.id == row.id
    assert back.title == expected.title == "Harbour tolls to rise"
    assert back.summary == expected.summary
    assert back.author == "Jane Doe"
    assert back.image_credit == "Harbour Photos"
    assert back.updated == datetime(2021, 3, 4, 9, 0, tzinfo=IST)
    assert back.published == datetime(2021, 3, 3, 8, 15, tzinfo=IST)
    assert back.published.utcoffset() == timedelta(hours=5, minutes=30)
    assert back.sections == expected.sections
    assert [s.heading for s in back.sections] == [None, "Winter storms silted the channel"]
    assert [link.text for link in back.links] == ["Port Saltings Harbour Reopens",
                                                  "Another Story Not In The Library"]
    assert [link.target_id for link in back.links] == [None, None]
    assert back.source_path == str(path)
    assert back.sha256 == expected.sha256
    assert library.raw_text(row.id) == HARBOUR


def test_missing_id(library: Library) -> None:
    assert library.get(12345) is None
    assert library.raw_text(12345) is None


def _wipe_then_crash(library: Library) -> None:
    with library.transaction():
        library.conn.execute("DELETE FROM articles")
        raise RuntimeError("crash in the middle of a batch")


def test_failed_transaction_leaves_everything_as_it_was(library: Library) -> None:
    import_paths(library, [SEEDS])
    links = list(library.links())
    with pytest.raises(RuntimeError, match="crash"):
        _wipe_then_crash(library)
    assert library.count() == 16
    assert list(library.links()) == links
    assert library.known_hashes([parse(REFERENCE.read_text(encoding="utf-8")).sha256])


def test_reopen_keeps_articles_links_and_state(db_path: Path) -> None:
    with Library(db_path) as library:
        import_paths(library, [SEEDS])
        before_rows = library.rows()
        before_links = list(library.links())
        first = before_rows[0].id
        library.conn.execute("INSERT INTO state (article_id, read, starred) VALUES (?, 1, 1)",
                           (first,))
        library.conn.commit()
    with Library(db_path) as library:
        assert library.rows() == before_rows
        assert list(library.links()) == before_links
        assert library.count() == 16
        reference = library.get(first)
        assert reference is not None
        assert reference.title.startswith("Russia says")
        assert library.conn.execute(
            "SELECT read, starred FROM state WHERE article_id = ?", (first,)).fetchone() == (1, 1)
    assert pragma(db_path, "user_version") == SCHEMA_VERSION


def test_reimport_does_not_reset_reading_state(library: Library) -> None:
    import_paths(library, [SEEDS])
    first = library.rows()[0].id
    library.conn.execute("INSERT INTO state (article_id, read, starred, position)"
                       " VALUES (?, 1, 0, 0.5)", (first,))
    library.conn.commit()
    report = import_paths(library, [SEEDS])
    assert report.duplicates == 16
    assert library.conn.execute("SELECT read, starred, position FROM state WHERE article_id = ?",
                              (first,)).fetchone() == (1, 0, 0.5)


def test_orders(library: Library) -> None:
    import_paths(library, [SEEDS])
    by_library = [r.id for r in library.rows()]
    assert by_library == sorted(by_library)
    newest = library.rows("newest")
    assert newest[0].title.startswith("Brennock University team")
    dated = [datetime.fromisoformat(r.published) for r in library.rows("oldest") if r.published]
    assert dated == sorted(dated)
    assert len(dated) == 15
    titles = [r.title.lower() for r in library.rows("title")]
    assert titles == sorted(titles)
    assert [r.id for r in library.rows(limit=4, offset=2)] == by_library[2:6]
    assert [r.id for r in library.iter_rows(page=4)] == by_library


def test_stats(library: Library) -> None:
    import_paths(library, [SEEDS])
    stats = library.stats()
    assert stats.articles == 16
    assert stats.authors == 12
    assert stats.earliest == "2020-08-23T19:53:00+05:30"
    assert stats.latest == "2024-04-23T10:00:00+05:30"
    assert stats.bytes == sum(p.stat().st_size for p in SEEDS.glob("*.txt"))


# -- files it must refuse, untouched ---------------------------------------------------


def test_text_file_is_not_a_library(refused: Path) -> None:
    refused.write_bytes(REFERENCE.read_bytes())
    assert_refused_untouched(refused, "not")


def test_random_bytes_are_not_a_library(refused: Path) -> None:
    refused.write_bytes(random.Random(7).randbytes(8192))
    assert_refused_untouched(refused)


def test_damaged_sqlite_header_is_refused(refused: Path) -> None:
    refused.write_bytes(b"SQLite format 3\x00" + random.Random(3).randbytes(4096))
    assert_refused_untouched(refused)


@pytest.mark.parametrize("journal", ["wal", "delete"])
def test_newer_library_is_refused_untouched(refused: Path, journal: str) -> None:
    with Library(refused) as library:
        import_paths(library, [SEEDS])
    with closing(sqlite3.connect(refused)) as conn:
        conn.execute(f"PRAGMA journal_mode = {journal}")
        conn.execute("PRAGMA user_version = 99")
        conn.commit()
    error = assert_refused_untouched(refused, "newer")
    assert "99" in str(error)
    assert pragma(refused, "user_version") == 99


def test_unrelated_sqlite_database_is_refused_untouched(refused: Path) -> None:
    with closing(sqlite3.connect(refused)) as conn:
        conn.execute("CREATE TABLE bookmarks (url TEXT, title TEXT)")
        conn.execute("INSERT INTO bookmarks VALUES ('https://example.org', 'Example')")
        conn.commit()
    assert_refused_untouched(refused, "not a Broadsheet library")
    assert tables(refused) == {"bookmarks"}


def test_a_folder_is_not_a_library(tmp_path: Path) -> None:
    folder = tmp_path / "folder.db"
    folder.mkdir()
    with pytest.raises(LibraryError, match=str(folder)):
        Library(folder)


def test_a_file_where_the_folder_should_be(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("in the way", encoding="utf-8")
    with pytest.raises(LibraryError, match="blocker"):
        Library(blocker / "library.db")
    assert blocker.read_text(encoding="utf-8") == "in the way"
