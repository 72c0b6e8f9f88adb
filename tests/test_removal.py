"""Removing articles from the library and putting them back: rows, links, state, search, files."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from broadsheet.core.importer import import_paths
from broadsheet.core.library import Library, LibraryError
from broadsheet.core.search import search
from broadsheet.ui import reading_state
from conftest import SEEDS

# Carrowmere flood waters... : two other seeds' READ: lines resolve to it, and it links on.
FLOOD = "Carrowmere flood waters reach old town as second night of rain begins"


def digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    """A copy of the seeds, so a test can watch the files."""
    folder = tmp_path / "articles"
    shutil.copytree(SEEDS, folder)
    return folder


@pytest.fixture
def seeded(library: Library, articles: Path) -> Library:
    import_paths(library, [articles])
    return library


def flood_id(library: Library) -> int:
    return library.conn.execute("SELECT id FROM articles WHERE title = ?", (FLOOD,)).fetchone()[0]


def table(library: Library, sql: str, *params: object) -> list[tuple]:
    return list(library.conn.execute(sql, params))


def test_remove_takes_everything_of_the_article_and_no_file(seeded: Library,
                                                            articles: Path) -> None:
    files = digest(articles)
    target = flood_id(seeded)
    reading_state.set_starred(seeded, target, True)
    pointing = table(seeded, "SELECT from_id, position FROM links WHERE target_id = ?", target)
    assert len(pointing) == 2
    assert [h.id for h in search(seeded, "flood waters old town")][:1] == [target]

    snapshot = seeded.remove([target])

    assert snapshot.ids == (target,)
    assert snapshot.titles == (FLOOD,)
    assert seeded.get(target) is None
    assert seeded.count() == 15
    assert target not in [h.id for h in search(seeded, "flood waters old town")]
    assert table(seeded, "SELECT count(*) FROM articles_fts WHERE rowid = ?", target) == [(0,)]
    for sql in ("SELECT * FROM links WHERE from_id = ? OR target_id = ?",
                "SELECT * FROM state WHERE article_id = ? OR article_id = ?",
                "SELECT * FROM sketches WHERE article_id = ? OR article_id = ?"):
        assert table(seeded, sql, target, target) == []
    for from_id, position in pointing:  # the READ: lines are still there, unresolved
        assert table(seeded, "SELECT target_id FROM links WHERE from_id = ? AND position = ?",
                     from_id, position) == [(None,)]
    assert digest(articles) == files


def test_restore_puts_it_back_at_its_id_as_it_was(seeded: Library, articles: Path) -> None:
    target = flood_id(seeded)
    reading_state.set_read(seeded, target, True)
    reading_state.set_starred(seeded, target, True)
    before = {name: table(seeded, f"SELECT * FROM {name} ORDER BY 1, 2")
              for name in ("articles", "links", "state", "sketches")}
    article = seeded.get(target)

    assert seeded.restore(seeded.remove([target])) == [target]

    assert seeded.get(target) == article
    for name, rows in before.items():
        assert table(seeded, f"SELECT * FROM {name} ORDER BY 1, 2") == rows, name
    assert [h.id for h in search(seeded, "flood waters old town")][:1] == [target]
    assert table(seeded, "PRAGMA integrity_check") == [("ok",)]
    seeded.conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")


def test_links_between_articles_removed_together_come_back(seeded: Library) -> None:
    linked = table(seeded, "SELECT from_id, target_id FROM links WHERE target_id IS NOT NULL"
                           " ORDER BY from_id LIMIT 1")[0]
    before = list(seeded.links())
    seeded.restore(seeded.remove(linked))
    assert list(seeded.links()) == before


def test_a_link_to_an_article_removed_since_stays_unresolved(seeded: Library) -> None:
    target = flood_id(seeded)
    onward = table(seeded, "SELECT target_id FROM links WHERE from_id = ?"
                           " AND target_id IS NOT NULL", target)[0][0]
    first = seeded.remove([target])
    seeded.remove([onward])
    seeded.restore(first)
    assert seeded.get(target) is not None
    assert onward not in {link.target_id for link in seeded.get(target).links}


def test_state_written_after_removal_does_not_block_restore(seeded: Library) -> None:
    # The window writes the scroll position of the article it leaves; it may land late.
    target = flood_id(seeded)
    reading_state.set_starred(seeded, target, True)
    snapshot = seeded.remove([target])
    reading_state.set_position(seeded, target, 0.5)
    seeded.restore(snapshot)
    assert reading_state.get(seeded, target).starred


def test_restoring_text_imported_again_is_refused(seeded: Library, articles: Path) -> None:
    target = flood_id(seeded)
    snapshot = seeded.remove([target])
    assert import_paths(seeded, [articles]).imported == 1
    with pytest.raises(LibraryError, match="imported again"):
        seeded.restore(snapshot)
    assert seeded.count() == 16


def test_removing_nothing_known_changes_nothing(seeded: Library) -> None:
    snapshot = seeded.remove([9999])
    assert snapshot.ids == ()
    assert seeded.count() == 16
    assert seeded.restore(snapshot) == []
