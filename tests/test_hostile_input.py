"""Hostile and broken files: each one becomes a sound article or one refusal naming it.

The corpus is generated here, in tmp_path, and imported into a library that already holds
the sample articles; those must come out of every import exactly as they went in.
"""

from __future__ import annotations

import io
import json
import os
import random
import tempfile
import threading
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from broadsheet.core.importer import DEFAULT_SIZE_LIMIT, ImportReport, import_paths
from broadsheet.core.library import Library
from conftest import SEEDS
from ui_support import seed, write_articles

ROOT_USER = hasattr(os, "geteuid") and os.geteuid() == 0
NOBODY = 65534


@dataclass(frozen=True, slots=True)
class Case:
    """One hostile file: its name, and what must come of it.

    ``title`` set: an article with that title. ``reason`` set: one refusal whose reason
    holds these words. Neither: either outcome will do, as long as it is one of them.
    """

    name: str | bytes
    title: str | None = None
    reason: str | None = None
    body_has: str | None = None
    links: int | None = None


def article(title: str, body: str = "", summary: str = "A short standfirst for the case.") -> str:
    body = body or f"The body of the {title.lower()} case, with enough words to be a paragraph."
    return f"{title}\n\n{summary}\n\n{body}\n"


def png_bytes() -> bytes:
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4


def zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("story.txt", article("Zipped story"))
    return buffer.getvalue()


def write_corpus(folder: Path) -> dict[str, Case]:
    """Every hostile file of the issue that fits in a fast test; path -> what must come of it."""
    folder.mkdir(parents=True, exist_ok=True)
    cases: dict[str, Case] = {}

    def put(case: Case, data: bytes | str) -> Path:
        name = case.name if isinstance(case.name, bytes) else case.name.encode("utf-8")
        path = os.fsdecode(os.path.join(os.fsencode(folder), name))
        with open(path, "wb") as handle:
            handle.write(data.encode("utf-8") if isinstance(data, str) else data)
        cases[path] = case
        return Path(path)

    rng = random.Random(7)
    put(Case("empty.txt", reason="empty"), b"")
    put(Case("whitespace.txt", reason="whitespace"), b"  \n\t\r\n \x0c\n   ")
    put(Case("bom only.txt", reason="empty"), b"\xef\xbb\xbf")
    put(Case("image.txt", reason="PNG"), png_bytes())
    put(Case("photo.jpg", reason=".jpg"), b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(300))
    put(Case("animation.txt", reason="GIF"), b"GIF89a" + bytes(range(256)))
    put(Case("archive.txt", reason="zip"), zip_bytes())
    put(Case("archive.zip", reason=".zip"), zip_bytes())
    put(Case("noise.txt", reason="binary"), rng.randbytes(8192))
    put(Case("noise-small.txt", reason="binary"), rng.randbytes(97))
    put(Case("nul inside.txt", title="Nul bytes inside", body_has="debris between words"),
        article("Nul bytes inside", "Some \x00debris between\x00 words of text.").encode())
    put(Case("nul heavy.txt", reason="NUL"), b"Title\x00" + b"a\x00\x00b" * 500)
    put(Case("bad utf8.txt", title="Invalid bytes inside", body_has="Café crème"),
        article("Invalid bytes inside", "Caf\xe9 crème and more").encode("utf-8")
        .replace(b"\xc3\xa9", b"\xe9"))
    put(Case("surrogates utf8.txt", title="Encoded surrogates"),
        article("Encoded surrogates").encode() + b"\xed\xa0\x80\xed\xb0\x80 tail\n")
    put(Case("utf16 bom.txt", title="Sixteen bits with a mark", body_has="naïve"),
        article("Sixteen bits with a mark", "A naïve café story.").encode("utf-16"))
    put(Case("utf16le.txt", title="Sixteen bits little end"),
        article("Sixteen bits little end").encode("utf-16-le"))
    put(Case("utf16be.txt", title="Sixteen bits big end"),
        article("Sixteen bits big end").encode("utf-16-be"))
    put(Case("utf16 odd.txt", reason="utf-16"),
        b"\xff\xfe" + article("Odd length").encode("utf-16-le") + b"\x41")
    put(Case("utf32.txt", title="Thirty two bits"), article("Thirty two bits").encode("utf-32"))
    put(Case("cp1252.txt", title="“Quoted” in Windows", body_has="£5 for a café"),
        article("“Quoted” in Windows", "It cost £5 for a café – really.").encode("cp1252"))
    put(Case("mixed endings.txt", title="Mixed line endings", body_has="Third paragraph"),
        b"Mixed line endings\r\n\r\nThe standfirst.\r\rSecond paragraph here.\n\n"
        b"Third paragraph\r\nstill going.\r\n")
    put(Case("controls.txt", title="Control characters", body_has="bell and escape"),
        article("Control\x07 characters", "A bell\x07 and escape\x1b characters.").encode())
    put(Case("control heavy.txt", reason="control characters"),
        "".join(chr(rng.randrange(1, 8)) + "ab" for _ in range(3000)).encode())
    put(Case("right to left.txt", title="\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd"),
        article("\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd",
                "\u0645\u0631\u062d\u0628\u0627 \u202eevil override\u202c and back."))
    put(Case("combining.txt", title="Z\u0336\u0327a\u0335l\u0338g\u0337o text"),
        article("Z\u0336\u0327a\u0335l\u0338g\u0337o text",
                "e\u0301\u0301\u0301\u0301 stacked accents " + "\u0300" * 200))
    put(Case("emoji.txt", title="Emoji 🎉 headline 👩‍👩‍👧"),
        article("Emoji 🎉 headline 👩‍👩‍👧", "Flags 🇬🇧🇫🇷 and skin tones 👍🏽."))
    put(Case("name with  spaces .txt", title="Spaces in the name"), article("Spaces in the name"))
    put(Case("new\nline.txt", title="Newline in the name"), article("Newline in the name"))
    put(Case(b"caf\xe9 latin1 name.txt", title="Latin-1 bytes in the name"),
        article("Latin-1 bytes in the name"))
    put(Case(b"\xff\xfe raw.txt", title="Raw bytes in the name"),
        article("Raw bytes in the name"))
    put(Case("read lines.txt", title="Many read lines", links=5000),
        article("Many read lines") + "".join(f"READ: Linked story {n}\n" for n in range(5000)))
    put(Case("read nested.txt", title="Nested read"),
        article("Nested read") + "READ: " * 60 + "\n" + ("read: " * 2000) + "\n")
    put(Case("furniture only.txt", title="furniture only"),
        "READ: Something else\nBy Jane Doe\nUpdated: 2020-08-23\n")
    put(Case("markup.txt", title='<script>alert("x")</script>'),
        article('<script>alert("x")</script>', '<img src="http://127.0.0.1:9/x.png"> text'))
    put(Case("just over the limit.txt", reason="too large"),
        ("word " * (DEFAULT_SIZE_LIMIT // 5 + 1)).encode())
    put(Case("ten megabyte line.txt", reason="too large"), b"x" * (10 * 1024 * 1024))
    put(Case("long line.txt", title="wordy " * 11 + "wordy…", body_has="wordy " * 1000),
        "wordy " * 400_000)
    put(Case("no suffix", title="No suffix at all"), article("No suffix at all"))
    return cases


def bytes_read() -> int | None:
    """Bytes this process has read through read() calls so far, where the system tells."""
    try:
        io_counts = Path("/proc/self/io").read_text(encoding="ascii")
    except OSError:
        return None
    return next(int(line.split()[1]) for line in io_counts.splitlines()
                if line.startswith("rchar:"))


def release_pipe(fifo: Path) -> bool:
    """Give a reader blocked on the pipe an end of file; False if none was waiting."""
    try:
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
    except OSError:  # no reader has it open
        return False
    return True


def add_special_files(folder: Path, cases: dict[str, Case]) -> None:
    """Entries that are not plain files: pipes, devices, loops, dangling links."""
    fifo = folder / "pipe.txt"
    os.mkfifo(fifo)
    cases[str(fifo)] = Case("pipe.txt", reason="not a regular file")
    zero = folder / "zeros.txt"
    zero.symlink_to("/dev/zero")
    cases[str(zero)] = Case("zeros.txt", reason="not a regular file")
    loop = folder / "loop.txt"
    loop.symlink_to(loop)
    cases[str(loop)] = Case("loop.txt", reason="loop")
    gone = folder / "dangling.txt"
    gone.symlink_to(folder / "never-existed.txt")
    cases[str(gone)] = Case("dangling.txt", reason="not found")
    inner = folder / "inner"
    inner.mkdir()
    (inner / "up").symlink_to(folder, target_is_directory=True)
    path = inner / "inner story.txt"
    path.write_text(article("Story in a folder with a loop"), encoding="utf-8")
    cases[str(path)] = Case("inner story.txt", title="Story in a folder with a loop")


# -- checking the outcome -----------------------------------------------------------------


def snapshot(library: Library, ids: list[int] | None = None) -> dict[str, list[tuple]]:
    """What is stored about these articles (all by default): rows, links, state, FTS hits."""
    if ids is None:
        ids = [row[0] for row in library.conn.execute("SELECT id FROM articles ORDER BY id")]
    marks = ",".join("?" * len(ids))
    tables = {
        "articles": f"SELECT * FROM articles WHERE id IN ({marks}) ORDER BY id",
        "links": f"SELECT * FROM links WHERE from_id IN ({marks}) ORDER BY from_id, position",
        "state": f"SELECT * FROM state WHERE article_id IN ({marks}) ORDER BY article_id",
    }
    found = {name: list(library.conn.execute(sql, ids)) for name, sql in tables.items()}
    # Each article must still be found by the first words of its own title.
    found["fts"] = [
        (article_id, library.conn.execute(
            "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ? AND rowid = ?",
            ('"' + " ".join(title.split()[:3]).replace('"', '""') + '"', article_id),
        ).fetchone()[0])
        for article_id, title in library.conn.execute(
            f"SELECT id, title FROM articles WHERE id IN ({marks}) ORDER BY id", ids)]
    return found


def assert_unchanged(library: Library, before: dict[str, list[tuple]]) -> None:
    """The articles of ``before`` are stored exactly as they were, and the index is whole."""
    after = snapshot(library, [row[0] for row in before["articles"]])
    for table in before:
        assert after[table] == before[table], f"{table} changed"
    assert all(hits == 1 for _, hits in after["fts"])
    library.conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")


def stored_path(path: str) -> str:
    """The source path as the library holds it (undecodable bytes shown as U+FFFD)."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def is_control(char: str) -> bool:
    return (ord(char) < 32 and char not in "\n") or ord(char) == 0x7F


def assert_each_file_accounted_for(library: Library, report: ImportReport,
                                   cases: dict[str, Case]) -> None:
    """Every file gives one article with sound fields, or one refusal naming it and why."""
    assert report.error is None
    assert not report.cancelled
    assert report.duplicates == 0
    refusals: dict[str, list[str]] = {}
    for item in report.skipped:
        refusals.setdefault(item.path, []).append(item.reason)
    assert set(refusals) <= set(cases), "a refusal names a file that was not in the corpus"
    rows = {row.source_path: row for row in library.iter_rows()}
    for path, case in cases.items():
        reasons = refusals.get(path, [])
        row = rows.get(stored_path(path))
        assert len(reasons) + (row is not None) == 1, (path, reasons, row)
        if case.reason is not None:
            assert len(reasons) == 1, (path, "should have been refused", row)
            assert case.reason.lower() in reasons[0].lower(), (path, reasons)
        for reason in reasons:
            assert reason.strip()
            assert "\n" not in reason
        if case.title is not None:
            assert row is not None, (path, "should have been imported", reasons)
            assert row.title == case.title
        if row is not None:
            stored = library.get(row.id)
            title, summary, body = stored.title, stored.summary, stored.body
            assert library.raw_text(row.id)
            assert title.strip()
            assert "\n" not in title
            assert len(title) <= 201
            for field in (title, summary, body):
                assert not any(map(is_control, field)), (path, field[:80])
                assert "\ufeff" not in field
            if case.body_has is not None:
                assert case.body_has in body, (path, body[:200])
            if case.links is not None:
                assert len(stored.links) == case.links


@pytest.fixture
def seeded(library: Library) -> tuple[Library, dict[str, list[tuple]]]:
    """The library with the sample articles, and a snapshot of them as stored."""
    seed(library)
    return library, snapshot(library)


# -- the tests ----------------------------------------------------------------------------


def test_every_hostile_file_is_an_article_or_one_named_refusal(
        seeded: tuple[Library, dict], tmp_path: Path) -> None:
    library, before = seeded
    cases = write_corpus(tmp_path / "hostile")
    add_special_files(tmp_path / "hostile", cases)
    # Should the import open the pipe after all, this ends its wait and says so: the test
    # fails instead of hanging.
    stuck: list[bool] = []
    watchdog = threading.Timer(
        20, lambda: stuck.append(release_pipe(tmp_path / "hostile" / "pipe.txt")))
    watchdog.start()
    try:
        report = import_paths(library, [tmp_path / "hostile"])
    finally:
        watchdog.cancel()
    assert True not in stuck, "the import waited on the named pipe"
    assert_each_file_accounted_for(library, report, cases)
    assert report.imported == sum(1 for c in cases.values() if c.reason is None)
    assert_unchanged(library, before)


def test_importing_the_hostile_files_one_by_one_gives_the_same_outcome(
        seeded: tuple[Library, dict], tmp_path: Path) -> None:
    """Named on their own (as a drop or the command line does), not found by a folder walk."""
    library, before = seeded
    cases = write_corpus(tmp_path / "hostile")
    add_special_files(tmp_path / "hostile", cases)
    del cases[str(tmp_path / "hostile" / "inner" / "inner story.txt")]
    report = import_paths(library, [Path(p) for p in cases])
    assert_each_file_accounted_for(library, report, cases)
    assert_unchanged(library, before)


def test_importing_them_again_changes_nothing(seeded: tuple[Library, dict],
                                              tmp_path: Path) -> None:
    library, _ = seeded
    cases = write_corpus(tmp_path / "hostile")
    first = import_paths(library, [tmp_path / "hostile"])
    before = snapshot(library)
    again = import_paths(library, [tmp_path / "hostile"])
    assert (again.imported, again.duplicates) == (0, first.imported)
    assert sorted(s.path for s in again.skipped) == sorted(s.path for s in first.skipped)
    assert_unchanged(library, before)
    assert len(cases) == first.imported + len(first.skipped)


def test_an_unreadable_file_is_refused_by_name() -> None:
    """Root reads any file, so as root the import runs in a child process as nobody.

    Everything lives in a folder of its own under the system's temporary folder, which
    nobody can reach (pytest's own folders are private to the user running it).
    """
    with tempfile.TemporaryDirectory(prefix="broadsheet-locked-") as scratch:
        folder = Path(scratch)
        folder.chmod(0o755)
        (folder / "in").mkdir()
        locked = folder / "in" / "locked.txt"
        locked.write_text(article("Nobody may read this"), encoding="utf-8")
        (folder / "in" / "open.txt").write_text(article("Anyone may read this"),
                                                encoding="utf-8")
        locked.chmod(0)
        with Library(folder / "library.db") as library:
            seed(library)
            before = snapshot(library)
            if not ROOT_USER:
                found = import_paths(library, [folder / "in"])
                report = found.as_json()
        if ROOT_USER:
            report = import_as_nobody(folder / "library.db", folder / "in")
        with Library(folder / "library.db") as library:
            assert report["imported"] == 1
            assert report["skipped"] == [{"path": str(locked), "reason": "permission denied"}]
            assert [row.title for row in library.rows()][-1] == "Anyone may read this"
            assert_unchanged(library, before)


def import_as_nobody(library_path: Path, folder: Path) -> dict:
    """Run an import in a forked child that has dropped root; returns its JSON report.

    Forked rather than started afresh: the interpreter itself may live where nobody can read.
    """
    for path in [library_path.parent, *library_path.parent.glob(library_path.name + "*")]:
        os.chown(path, NOBODY, -1)
    reading, writing = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - the child reports through the pipe
        status = 1
        try:
            os.close(reading)
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            with Library(library_path) as library:
                report = import_paths(library, [folder])
            os.write(writing, json.dumps(report.as_json()).encode())
            status = 0
        finally:
            os._exit(status)
    os.close(writing)
    with os.fdopen(reading, "rb") as pipe:
        output = pipe.read()
    _, status = os.waitpid(child, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    return json.loads(output)


def files_changing_during_import(tmp_path: Path, count: int) -> tuple[list[Path], dict]:
    """Folders of articles whose very last files get deleted or truncated during the import.

    Folders of 10,000 at most, so each is listed in name order and the victims (named zz_)
    come last in the last one.
    """
    parts = max(1, count // 10_000)
    folders = [tmp_path / "many" / f"part{n}" for n in range(parts)]
    for n, folder in enumerate(folders):
        write_articles(folder, count // parts, prefix=f"Filler {n}")
    victims = {}
    for n in range(5):
        for kind, what in (("deleted", "not found"), ("emptied", "empty file"),
                           ("halved", None)):
            path = folders[-1] / f"zz_{kind}_{n}.txt"
            path.write_text(article(f"Victim {kind} {n}", "Words " * 200), encoding="utf-8")
            victims[path] = what
    return [tmp_path / "many"], victims


def damage(victims: dict[Path, str | None]) -> Callable[[int, int, str], None]:
    """A progress callback that deletes or truncates the victims once the first file of
    their folder is in: the folder has been listed by then, the victims not yet read."""
    folder = next(iter(victims)).parent
    done_once: list[bool] = []

    def progress(done: int, total: int, path: str) -> None:
        if done_once or Path(path).parent != folder:
            return
        done_once.append(True)
        for victim in victims:
            if "deleted" in victim.name:
                victim.unlink()
            else:
                size = victim.stat().st_size
                with open(victim, "r+b") as handle:
                    handle.truncate(0 if "emptied" in victim.name else size // 2)
    return progress


@pytest.mark.parametrize("count", [3000, pytest.param(50_000, marks=pytest.mark.slow)])
def test_files_deleted_or_truncated_while_a_big_folder_imports(
        seeded: tuple[Library, dict], tmp_path: Path, count: int) -> None:
    library, before = seeded
    paths, victims = files_changing_during_import(tmp_path, count)
    report = import_paths(library, paths, progress=damage(victims))
    assert report.error is None
    assert not report.cancelled
    refused = {s.path: s.reason for s in report.skipped}
    for victim, what in victims.items():
        if what is None:  # cut in half: still text, so a (shorter) article
            assert str(victim) not in refused
        else:
            assert what in refused[str(victim)]
    assert set(refused) == {str(v) for v, what in victims.items() if what is not None}
    halved = [v for v, what in victims.items() if what is None]
    assert report.imported == count + len(halved)
    assert library.count() == count + len(halved) + 16
    assert_unchanged(library, before)


@pytest.mark.slow
def test_a_200_megabyte_file_is_refused_without_reading_it(seeded: tuple[Library, dict],
                                                           tmp_path: Path) -> None:
    library, before = seeded
    huge = tmp_path / "huge.txt"
    line = ("All work and no play makes a very long article indeed. " * 20 + "\n").encode()
    with open(huge, "wb") as handle:
        for _ in range(200 * 1024 * 1024 // len(line) + 1):
            handle.write(line)
    before_reading = bytes_read()
    report = import_paths(library, [huge, SEEDS / "000_6dd234b6f8e972e5.txt"])
    if before_reading is not None:  # Linux says how much this process has read
        assert bytes_read() - before_reading < 10 * 1024 * 1024
    assert [(s.path, s.reason.split(" (")[0]) for s in report.skipped] == [
        (str(huge), "too large")]
    assert "200" in report.skipped[0].reason or "209" in report.skipped[0].reason
    assert (report.imported, report.duplicates) == (0, 1)
    assert_unchanged(library, before)


def test_the_window_answers_while_it_imports_the_hostile_folder(qtbot, window,
                                                                tmp_path: Path) -> None:
    cases = write_corpus(tmp_path / "hostile")
    add_special_files(tmp_path / "hostile", cases)
    write_articles(tmp_path / "filler", 1500, prefix="Filler")  # keeps the import going a while
    before = snapshot(window.library)
    rows_while_importing: list[int] = []
    assert window.start_import([tmp_path / "hostile", tmp_path / "filler"])
    dialog = window.import_dialog
    while dialog.is_running() and len(rows_while_importing) < 10:
        qtbot.keyClick(window.list_view, Qt.Key.Key_Down)
        qtbot.wait(20)
        if dialog.is_running():
            rows_while_importing.append(window.list_view.currentIndex().row())
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=120_000)
    report = dialog.report
    # How long the window ever waits is measured by tests/benchmarks/ui_stalls.py.
    assert len(set(rows_while_importing)) >= 2, "the list did not move while importing"
    assert report.error is None
    assert not report.cancelled
    assert report.imported == 1500 + sum(1 for c in cases.values() if c.reason is None)
    shown = [dialog.details.topLevelItem(i).text(0)
             for i in range(dialog.details.topLevelItemCount())]
    assert sorted(shown) == sorted(stored_path(s.path) for s in report.skipped)
    assert f"{len(report.skipped)} refused" in window.statusBar().currentMessage()
    window.library.conn.execute("SELECT 1")  # the window's own connection sees the newcomers
    assert window.model.total() == 16 + report.imported
    del before["state"]  # moving down the list reads articles: that is the user's doing
    assert_unchanged(window.library, before)
