"""The word frequencies "more like this" needs are kept in the library between sessions."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from broadsheet.core import frequencies
from broadsheet.core import similar as similar_module
from broadsheet.core.compression import pack_body
from broadsheet.core.importer import import_paths
from broadsheet.core.library import Library
from broadsheet.core.related import similar
from conftest import SEEDS


@pytest.fixture
def path(db_path: Path) -> Path:
    """A library file holding the sample articles."""
    with Library(db_path) as library:
        import_paths(library, [SEEDS])
    return db_path


def kept_row(path: Path) -> tuple | None:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute("SELECT top_id, articles FROM word_frequencies").fetchone()


def more_like(library: Library, article_id: int = 1) -> list[tuple[int, str, float]]:
    article = library.get(article_id)
    assert article is not None
    return similar(library, article)


def test_the_first_more_like_this_keeps_the_frequencies_and_a_later_session_uses_them(
        path: Path) -> None:
    with Library(path) as library:
        first = more_like(library)
        worked_out = dict(library.conn.execute(
            "SELECT term, doc FROM articles_vocab WHERE doc > 1"))
    assert first
    assert kept_row(path) == (16, 16)
    with Library(path) as library:
        assert frequencies.load(library) == frequencies.Frequencies(16, 16, worked_out)
        # Mark the kept frequencies: a later session that trusts them shows the mark.
        frequencies.save(library, frequencies.Frequencies(16, 16, {**worked_out, "zzmark": 3}))
    with Library(path) as library:
        assert more_like(library) == first
        assert similar_module._vocabulary(library).df["zzmark"] == 3


def test_frequencies_from_before_the_library_grew_are_worked_out_again(
        path: Path, tmp_path: Path) -> None:
    with Library(path) as library:
        more_like(library)
    extra = tmp_path / "extra.txt"
    extra.write_text("Night trams for the lantern festival\n\nTrams on the Carrowmere line"
                     " will run all night during the lantern festival, the tram board said."
                     "\n", encoding="utf-8")
    with Library(path) as library:
        import_paths(library, [extra])
    with Library(path) as library:
        more_like(library)
    assert kept_row(path) == (17, 17)


def test_unreadable_kept_frequencies_are_worked_out_again(path: Path) -> None:
    with Library(path) as library:
        first = more_like(library)
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("UPDATE word_frequencies SET data = ?", (b"not a zstd frame",))
        conn.commit()
    with Library(path) as library:
        assert frequencies.load(library) is None
        assert more_like(library) == first
        assert frequencies.load(library) is not None


def test_frequencies_that_are_not_a_table_of_counts_are_not_trusted(path: Path) -> None:
    with Library(path) as library:
        more_like(library)
        library.conn.execute("UPDATE word_frequencies SET data = ?", (pack_body("[1, 2]"),))
        assert frequencies.load(library) is None


def test_a_library_locked_by_an_import_still_answers_and_keeps_nothing(path: Path) -> None:
    with Library(path) as library, closing(sqlite3.connect(path, timeout=0)) as other:
        setting = library.conn.execute("PRAGMA busy_timeout").fetchone()[0]
        other.execute("BEGIN IMMEDIATE")  # as an import holds the write lock
        assert more_like(library)
        # Keeping them gave up on the lock at once; the connection's own setting is back.
        assert library.conn.execute("PRAGMA busy_timeout").fetchone()[0] == setting
        other.rollback()
    assert kept_row(path) is None
