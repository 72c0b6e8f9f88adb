"""A full disk mid-import: the batch rolls back, the report says so, the rest is intact."""

from __future__ import annotations

from pathlib import Path

from broadsheet.core.importer import import_paths
from broadsheet.core.library import Library
from conftest import SEEDS


def _articles(folder: Path, count: int) -> Path:
    folder.mkdir()
    for n in range(count):
        body = " ".join(f"Paragraph {n} word{k} of the harbour report." for k in range(60))
        (folder / f"{n:04d}.txt").write_text(
            f"Harbour report number {n}\n\n{body}\n\n{body.upper()}\n", encoding="utf-8")
    return folder


def test_a_full_disk_stops_the_import_and_keeps_what_was_there(library: Library,
                                                               tmp_path: Path) -> None:
    first = import_paths(library, [SEEDS])
    assert first.error is None
    before = library.count()
    pages = library.conn.execute("PRAGMA page_count").fetchone()[0]
    # The file may grow by a few pages only: the next batch cannot fit.
    library.conn.execute(f"PRAGMA max_page_count = {pages + 8}")
    report = import_paths(library, [_articles(tmp_path / "many", 300)], batch_size=300)
    assert report.error is not None
    assert "disk is full" in report.error
    assert report.imported == 0
    assert library.count() == before
    assert library.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    rows = library.conn.execute("SELECT count(*) FROM articles_fts").fetchone()[0]
    assert rows == before
    library.conn.execute("PRAGMA max_page_count = 1073741823")
    again = import_paths(library, [tmp_path / "many"])
    assert (again.imported, again.error) == (300, None)



def test_a_full_disk_keeps_the_batches_of_the_same_import_stored_before_it(
        library: Library, tmp_path: Path) -> None:
    folder = _articles(tmp_path / "many", 300)
    with Library(tmp_path / "measure.db") as scratch:
        empty = scratch.conn.execute("PRAGMA page_count").fetchone()[0]
        import_paths(scratch, [folder])
        per_article = (scratch.conn.execute("PRAGMA page_count").fetchone()[0] - empty) / 300
    import_paths(library, [SEEDS])
    pages = library.conn.execute("PRAGMA page_count").fetchone()[0]
    # Room for about two batches of 50, not for all 300 files.
    library.conn.execute(f"PRAGMA max_page_count = {pages + int(per_article * 120)}")
    report = import_paths(library, [folder], batch_size=50)
    assert report.error is not None
    assert "disk is full" in report.error
    assert "the last 50 files were not stored" in report.error
    assert 0 < report.imported < 300
    assert report.imported % 50 == 0  # whole batches, never part of one
    assert library.count() == 16 + report.imported
    assert library.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    library.conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
    assert library.conn.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == (
        16 + report.imported)
    library.conn.execute("PRAGMA max_page_count = 1073741823")
    again = import_paths(library, [folder])
    assert (again.imported, again.duplicates, again.error) == (
        300 - report.imported, report.imported, None)
