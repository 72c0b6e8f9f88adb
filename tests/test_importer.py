"""Import: seeds, duplicates, READ: resolution in any order, refusals, progress, cancel."""

from __future__ import annotations

import os
import random
import threading
from pathlib import Path

import pytest

from broadsheet.core.importer import ImportReport, import_paths
from broadsheet.core.library import Library
from conftest import REFERENCE, SEEDS

SEED_FILES = sorted(SEEDS.glob("*.txt"))

# (seed, position of its READ: line) -> the seed that line names, or None when no seed does.
EXPECTED_LINKS: dict[tuple[str, int], str | None] = {
    ("000", 0): None, ("000", 1): None, ("000", 2): None, ("000", 3): None,
    ("001", 0): None,
    ("002", 0): "001",
    ("003", 0): "002", ("003", 1): "001",
    ("004", 0): "003", ("004", 1): "002", ("004", 2): "001",
    ("005", 0): None, ("005", 1): "004",
    ("006", 0): "004",
    ("008", 0): "005", ("008", 1): "004", ("008", 2): None,
    ("009", 0): "008", ("009", 1): "005",
    ("011", 0): "010", ("011", 1): "009",
    ("012", 0): "011", ("012", 1): None,
    ("013", 0): "012", ("013", 1): "011", ("013", 2): "009",
    ("014", 0): "007", ("014", 1): "004", ("014", 2): None,
}


def link_map(library: Library) -> dict[tuple[str, int], str | None]:
    """(source seed, position) -> target seed, by file name so ids do not matter."""
    names = {row.id: Path(row.source_path).name[:3] for row in library.rows()}
    return {(names[link.from_id], link.position):
            None if link.target_id is None else names[link.target_id]
            for link in library.links()}


def reasons(report: ImportReport) -> dict[str, str]:
    return {Path(s.path).name: s.reason for s in report.skipped}


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def article_text(n: int) -> str:
    return (f"Harbour story number {n}\n\nThe standfirst of story {n}.\n\n"
            f"The body of story {n} says something about the harbour.\n")


# -- the seeds ------------------------------------------------------------------------


def test_seeds_import(library: Library) -> None:
    report = import_paths(library, [SEEDS])
    assert (report.imported, report.duplicates, report.skipped) == (16, 0, [])
    assert report.cancelled is False
    assert report.error is None
    assert report.seconds >= 0
    assert library.count() == 16
    assert sorted(Path(r.source_path).name for r in library.rows()) == [
        p.name for p in SEED_FILES]


def test_seeds_reimport_is_all_duplicates(library: Library) -> None:
    import_paths(library, [SEEDS])
    before = library.rows()
    report = import_paths(library, [SEEDS])
    assert (report.imported, report.duplicates, report.skipped) == (0, 16, [])
    assert library.rows() == before


def test_report_json_shape(library: Library) -> None:
    document = import_paths(library, [SEEDS]).as_json()
    assert set(document) == {"imported", "duplicates", "skipped", "seconds"}
    assert document["imported"] == 16


def test_read_links_resolve(library: Library) -> None:
    import_paths(library, [SEEDS])
    assert link_map(library) == EXPECTED_LINKS


def test_002_links_to_001(library: Library) -> None:
    import_paths(library, [SEEDS])
    ids = {Path(r.source_path).name[:3]: r.id for r in library.rows()}
    article = library.get(ids["002"])
    assert article is not None
    assert [(link.text, link.target_id) for link in article.links] == [
        ("River Vell Bursts Its Banks As Carrowmere Evacuates Low-Lying Streets", ids["001"])]
    assert (ids["002"], article.title) in library.backlinks(ids["001"])


def test_links_resolve_whatever_the_import_order(tmp_path: Path) -> None:
    maps = []
    for name, order in (("forward", SEED_FILES), ("reverse", SEED_FILES[::-1])):
        with Library(tmp_path / f"{name}.db") as library:
            for path in order:
                report = import_paths(library, [path])
                assert report.imported == 1
            maps.append(link_map(library))
    assert maps[0] == maps[1] == EXPECTED_LINKS


def test_links_resolve_across_batches(library: Library) -> None:
    report = import_paths(library, [SEEDS], batch_size=4)
    assert report.imported == 16
    assert link_map(library) == EXPECTED_LINKS


def test_unresolved_links_stay_null(library: Library) -> None:
    import_paths(library, [SEEDS])
    unresolved = {key for key, target in link_map(library).items() if target is None}
    assert unresolved == {key for key, target in EXPECTED_LINKS.items() if target is None}
    texts = {link.text for link in library.links() if link.target_id is None}
    assert "Northern Coast Line Timetable Cut As Driver Shortage Bites" in texts


def test_a_link_resolves_when_its_target_arrives_later(library: Library) -> None:
    import_paths(library, [SEEDS / "002_3b25250ce51eb332.txt"])
    assert link_map(library) == {("002", 0): None}
    import_paths(library, [SEEDS / "001_23e4baf1bcd63199.txt"])
    assert link_map(library)[("002", 0)] == "001"


def test_an_ambiguous_title_is_not_linked(library: Library, tmp_path: Path) -> None:
    # Two different articles with the same headline: a link naming it picks neither.
    first = write(tmp_path / "in" / "a.txt", "Harbour closes\n\nOne version.\n\nBody one.\n")
    second = write(tmp_path / "in" / "b.txt", "Harbour closes\n\nAnother version.\n\nBody.\n")
    linker = write(tmp_path / "in" / "c.txt",
                   "Something else\n\nSummary.\n\nBody.\n\nREAD: Harbour Closes\n")
    import_paths(library, [first, second, linker])
    assert [link.target_id for link in library.links()] == [None]


def test_same_text_in_another_encoding_or_wrapping_is_a_duplicate(library: Library,
                                                                  tmp_path: Path) -> None:
    text = REFERENCE.read_text(encoding="utf-8")
    write(tmp_path / "copies" / "a.txt", text)
    write(tmp_path / "copies" / "b.txt", text.replace("\n", "\r\n"))
    write(tmp_path / "copies" / "c.txt", text.encode("utf-16"))
    write(tmp_path / "copies" / "d.txt", "\ufeff" + text + "\n\n\n")
    report = import_paths(library, [tmp_path / "copies"])
    assert (report.imported, report.duplicates) == (1, 3)
    assert library.count() == 1


def test_same_file_twice_in_one_import(library: Library) -> None:
    report = import_paths(library, [REFERENCE, REFERENCE])
    assert (report.imported, report.duplicates) == (1, 1)


# -- refusals -------------------------------------------------------------------------


def test_refused_files_are_reported_with_reasons(library: Library, tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    write(folder / "good.txt", REFERENCE.read_bytes())
    write(folder / "photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(200))
    write(folder / "image.txt", b"\x89PNG\r\n\x1a\n" + bytes(200))
    write(folder / "empty.txt", b"")
    write(folder / "blank.txt", b"  \n\n\t \n")
    write(folder / "noise.txt", random.Random(5).randbytes(4096))
    write(folder / "slides.pdf", b"%PDF-1.4\n")
    report = import_paths(library, [folder])
    assert report.imported == 1
    found = reasons(report)
    assert set(found) == {"photo.jpg", "image.txt", "empty.txt", "blank.txt", "noise.txt",
                          "slides.pdf"}
    assert ".jpg" in found["photo.jpg"]
    assert "PNG" in found["image.txt"]
    assert "empty" in found["empty.txt"]
    assert "whitespace" in found["blank.txt"]
    assert "binary" in found["noise.txt"]
    assert ".pdf" in found["slides.pdf"]
    assert all(reason.strip() and "\n" not in reason for reason in found.values())


def test_oversized_file(library: Library, tmp_path: Path) -> None:
    small = write(tmp_path / "in" / "small.txt", article_text(1))
    big = write(tmp_path / "in" / "big.txt", article_text(2) + "More words here. " * 400)
    report = import_paths(library, [tmp_path / "in"], size_limit=2000)
    assert small.stat().st_size < 2000 < big.stat().st_size
    assert report.imported == 1
    assert "too large" in reasons(report)["big.txt"]
    assert [Path(r.source_path).name for r in library.rows()] == ["small.txt"]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="root reads files whatever their mode")
def test_unreadable_file(library: Library, tmp_path: Path) -> None:
    locked = write(tmp_path / "in" / "locked.txt", article_text(1))
    write(tmp_path / "in" / "open.txt", article_text(2))
    locked.chmod(0)
    try:
        report = import_paths(library, [tmp_path / "in"])
    finally:
        locked.chmod(0o644)
    assert report.imported == 1
    assert "permission" in reasons(report)["locked.txt"]


def test_missing_path(library: Library, tmp_path: Path) -> None:
    report = import_paths(library, [tmp_path / "nowhere.txt", REFERENCE])
    assert report.imported == 1
    assert "not found" in reasons(report)["nowhere.txt"]


def test_symlink_loop_between_two_folders(library: Library, tmp_path: Path) -> None:
    a = tmp_path / "loop" / "a"
    b = tmp_path / "loop" / "b"
    write(a / "one.txt", article_text(1))
    write(b / "two.txt", article_text(2))
    (a / "to_b").symlink_to(b, target_is_directory=True)
    (b / "to_a").symlink_to(a, target_is_directory=True)
    report = import_paths(library, [tmp_path / "loop"])
    assert report.imported == 2
    assert report.duplicates == 0
    assert library.count() == 2


def test_symlink_to_itself_is_refused(library: Library, tmp_path: Path) -> None:
    folder = tmp_path / "selfloop"
    write(folder / "one.txt", article_text(1))
    (folder / "self").symlink_to(folder / "self")
    report = import_paths(library, [folder])
    assert report.imported == 1
    assert "loop" in reasons(report)["self"]


def test_hidden_files_and_folders_are_ignored(library: Library, tmp_path: Path) -> None:
    folder = tmp_path / "archive"
    write(folder / "visible.txt", article_text(1))
    write(folder / ".hidden.txt", article_text(2))
    write(folder / ".git" / "story.txt", article_text(3))
    write(folder / ".DS_Store", b"\x00\x00\x00\x01Bud1" + bytes(100))
    report = import_paths(library, [folder])
    assert report.imported == 1
    assert report.skipped == []
    assert [Path(r.source_path).name for r in library.rows()] == ["visible.txt"]


def test_the_library_inside_the_imported_folder_is_not_imported(tmp_path: Path) -> None:
    folder = tmp_path / "archive"
    write(folder / "story.txt", article_text(1))
    with Library(folder / "library") as library:  # no suffix: looks like a text file
        report = import_paths(library, [folder])
        assert report.imported == 1
        assert report.skipped == []


# -- progress and cancel -------------------------------------------------------------


def test_progress_reaches_total(library: Library) -> None:
    calls: list[tuple[int, int, str]] = []
    import_paths(library, [SEEDS], progress=lambda *args: calls.append(args))
    assert [done for done, _, _ in calls] == list(range(1, 17))
    assert {total for _, total, _ in calls} == {16}
    assert calls[-1][0] == calls[-1][1]
    assert sorted(Path(path).name for _, _, path in calls) == [p.name for p in SEED_FILES]


def test_progress_counts_refused_files_too(library: Library, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write(folder / "a.txt", article_text(1))
    write(folder / "b.txt", b"")
    write(folder / "c.txt", article_text(3))
    calls: list[tuple[int, int, str]] = []
    import_paths(library, [folder], progress=lambda *args: calls.append(args))
    assert [(done, total) for done, total, _ in calls] == [(1, 3), (2, 3), (3, 3)]


@pytest.mark.parametrize("after", [0, 1, 5, 14])
def test_cancel_keeps_what_was_read(db_path: Path, after: int) -> None:
    done: list[int] = []
    with Library(db_path) as library:
        report = import_paths(library, [SEEDS], progress=lambda n, total, path: done.append(n),
                              cancelled=lambda: len(done) >= after)
        assert report.cancelled is True
        assert report.imported == after
        assert library.count() == after
    with Library(db_path) as library:
        assert library.count() == after
        resumed = import_paths(library, [SEEDS])
        assert (resumed.imported, resumed.duplicates) == (16 - after, after)
        assert link_map(library) == EXPECTED_LINKS


def test_cancel_is_not_reported_when_not_asked(library: Library) -> None:
    report = import_paths(library, [SEEDS], cancelled=lambda: False)
    assert report.cancelled is False
    assert report.imported == 16


def test_one_bad_date_does_not_stop_the_import(library: Library, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write(folder / "a.txt", article_text(1))
    write(folder / "b.txt", "Odd clock\n\nSummary.\n\nUpdated August 23, 2020 19:53 +99:99\n\n"
                            "Body.\n")
    write(folder / "c.txt", "Odder clock\n\nSummary.\n\nUpdated 2020-08-23T19:53:00+99:00\n\n"
                            "Body.\n")
    write(folder / "d.txt", article_text(4))
    report = import_paths(library, [folder])
    assert report.imported + len(report.skipped) == 4
    assert {"a.txt", "d.txt"} <= {Path(r.source_path).name for r in library.rows()}


# -- the BBC corpus -----------------------------------------------------------------


BBC_TOPICS = ("business", "entertainment", "politics", "sport", "tech")


@pytest.mark.corpus
def test_bbc_corpus(bbc_corpus: Path, library: Library) -> None:
    folders = [bbc_corpus / topic for topic in BBC_TOPICS]
    files = sum(1 for folder in folders for _ in folder.glob("*.txt"))
    assert files == 2225
    report = import_paths(library, folders)
    assert report.skipped == []
    assert (report.imported, report.duplicates) == (2125, 100)
    assert library.count() == 2125
    again = import_paths(library, folders)
    assert (again.imported, again.duplicates) == (0, 2225)
    assert library.count() == 2125


@pytest.mark.corpus
def test_bbc_corpus_cancelled_part_way(bbc_corpus: Path, db_path: Path) -> None:
    folders = [bbc_corpus / topic for topic in BBC_TOPICS]
    done: list[int] = []
    with Library(db_path) as library:
        report = import_paths(library, folders, progress=lambda n, total, path: done.append(n),
                              cancelled=lambda: len(done) >= 250)
        assert report.cancelled is True
        assert len(done) == 250
        assert report.imported + report.duplicates + len(report.skipped) == 250
        assert library.count() == report.imported
    with Library(db_path) as library:
        assert library.count() == report.imported
        rest = import_paths(library, folders)
        assert library.count() == 2125
        assert rest.imported == 2125 - report.imported


def test_two_imports_of_the_same_files_at_once_store_each_text_once(db_path: Path) -> None:
    Library(db_path).close()
    reports = []

    def run() -> None:
        with Library(db_path) as own:
            reports.append(import_paths(own, [SEEDS], batch_size=3))

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [r.error for r in reports] == [None, None]
    assert sum(r.imported for r in reports) == 16
    assert sum(r.duplicates for r in reports) == 16
    with Library(db_path) as library:
        assert library.count() == 16


def test_a_folder_too_big_to_sort_is_still_read_whole(library: Library,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from broadsheet.core import walk

    # A million-file folder streams unsorted; a small limit shows the same path on seeds.
    monkeypatch.setattr(walk, "SORTED_FOLDER_LIMIT", 4)
    report = import_paths(library, [SEEDS])
    assert (report.imported, report.skipped) == (16, [])


def test_a_large_import_stores_the_files_in_walk_order_whoever_reads_them(
        tmp_path: Path) -> None:
    # Enough files for the helper process; with read_here the writer reads some chunks too.
    folder = tmp_path / "many"
    for n in range(700):
        later = f"READ: Harbour story number {n + 1}\n\n" if n < 699 else ""
        write(folder / f"{n:04}.txt", article_text(n) + "\n" + later + "More of it.\n")
    stored = []
    for read_here in (True, False):
        with Library(tmp_path / f"{read_here}.db") as library:
            report = import_paths(library, [folder], read_here=read_here)
            assert (report.imported, report.skipped) == (700, [])
            rows = [(row.id, Path(row.source_path).name, row.title) for row in library.rows()]
            links = [(link.from_id, link.target_id) for link in library.links()]
        stored.append((rows, links))
    rows, links = stored[0]
    assert stored[1] == stored[0]
    assert rows == [(n + 1, f"{n:04}.txt", f"Harbour story number {n}") for n in range(700)]
    assert links == [(n + 1, n + 2) for n in range(699)]
