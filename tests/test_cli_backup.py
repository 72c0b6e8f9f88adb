"""Backups, restores and damaged libraries on the command line, in a real subprocess.

Every refusal is one line on stderr naming the file, what is wrong and what to do, with
exit status 1, and the file's bytes are the same afterwards.
"""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import pytest

from broadsheet.core.importer import import_paths
from broadsheet.core.library import Library
from conftest import SEEDS, run_cli

SEEDED = 16


def count(path: Path) -> int:
    """Articles in a library file, read without changing it."""
    with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as conn:
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0]


@pytest.fixture(scope="module")
def seeded_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A library holding the sample articles, closed (one file, no -wal)."""
    path = tmp_path_factory.mktemp("seeded") / "library.db"
    with Library(path) as library:
        import_paths(library, [SEEDS])
    return path


@pytest.fixture
def seeded(seeded_file: Path, tmp_path: Path) -> Path:
    """This test's own copy of the seeded library."""
    return Path(shutil.copy(seeded_file, tmp_path / "library.db"))


def assert_one_line_refusal(run: subprocess.CompletedProcess[str], path: Path,
                            *words: str) -> None:
    assert run.returncode == 1, run.stderr
    assert run.stdout == ""
    assert "Traceback" not in run.stderr
    (line,) = run.stderr.strip().splitlines()
    assert line.startswith(f"broadsheet: {path}: ")
    for word in words:
        assert word in line


# -- damaged libraries ---------------------------------------------------------------------


def _truncated(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[:len(data) // 2])


def _damaged_mid_file(path: Path) -> None:
    # The header is whole, so the file opens; the damage shows when a query reads a page
    # of the second half (or the schema, should it reach that far).
    data = bytearray(path.read_bytes())
    middle = len(data) // 2 // 4096 * 4096
    data[middle:] = b"\x00\x11" * ((len(data) - middle) // 2)
    path.write_bytes(bytes(data))


def _text(path: Path) -> None:
    path.write_text("shopping list: milk, eggs\n" * 50, encoding="utf-8")


def _newer(path: Path) -> None:
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA user_version = 99")
        conn.commit()


def _read_only(path: Path) -> None:
    path.chmod(0o444)


DAMAGE: dict[str, tuple[Callable[[Path], None], tuple[str, ...]]] = {
    "truncated": (_truncated, ("damaged", "restore a backup", "open a fresh library")),
    "damaged-mid-file": (_damaged_mid_file, ("damaged", "restore a backup")),
    "not-a-database": (_text, ("not an SQLite database", "choose another library")),
    "newer": (_newer, ("newer", "version 99", "update Broadsheet")),
    "read-only": (_read_only, ("read-only", "chmod u+w")),
}


@pytest.mark.parametrize("damage", DAMAGE, ids=str)
def test_a_bad_library_is_refused_in_one_line_and_left_as_it_was(
        seeded: Path, tmp_path: Path, damage: str) -> None:
    spoil, words = DAMAGE[damage]
    spoil(seeded)
    before = seeded.read_bytes()
    run = run_cli("stats", "--library", seeded, cwd=tmp_path)
    assert_one_line_refusal(run, seeded, *words)
    assert seeded.read_bytes() == before
    assert not list(tmp_path.glob("library.db.backup-*"))


@contextmanager
def held(path: Path, *pragmas: str) -> Iterator[None]:
    """Another process holding ``BEGIN EXCLUSIVE`` on the library until the block ends."""
    script = ("import sqlite3, sys\n"
              f"conn = sqlite3.connect({str(path)!r}, isolation_level=None)\n"
              + "".join(f"conn.execute({p!r})\n" for p in pragmas)
              + "conn.execute('BEGIN EXCLUSIVE')\n"
              "conn.execute('SELECT count(*) FROM articles').fetchone()\n"
              "print('holding', flush=True)\nsys.stdin.read()\n")
    with subprocess.Popen([sys.executable, "-c", script], stdin=subprocess.PIPE,
                          stdout=subprocess.PIPE, text=True) as holder:
        assert holder.stdin is not None
        assert holder.stdout is not None
        try:
            assert holder.stdout.readline() == "holding\n"
            yield
        finally:
            holder.stdin.close()  # the holder reads to the end, then lets go
            holder.wait(timeout=30)


def test_a_library_locked_by_another_process_is_refused(seeded: Path, tmp_path: Path) -> None:
    # A rollback-journal library (as older files are): an exclusive lock shuts readers out.
    with closing(sqlite3.connect(seeded)) as conn:
        conn.execute("PRAGMA journal_mode = DELETE")
    before = seeded.read_bytes()
    with held(seeded):
        run = run_cli("stats", "--library", seeded, cwd=tmp_path)
    assert_one_line_refusal(run, seeded, "locked by another program", "try again")
    assert seeded.read_bytes() == before


def test_a_wal_library_can_be_read_while_another_process_writes(seeded: Path,
                                                               tmp_path: Path) -> None:
    with held(seeded):
        run = run_cli("stats", "--json", "--library", seeded, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["articles"] == SEEDED


# -- backup ------------------------------------------------------------------------------


def test_backup_json_and_the_file_next_to_the_library(seeded: Path, tmp_path: Path) -> None:
    run = run_cli("backup", "--json", "--library", seeded, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    document = json.loads(run.stdout)
    assert set(document) == {"backup", "articles", "bytes"}
    made = Path(document["backup"])
    assert made.parent == seeded.parent
    assert re.fullmatch(r"library\.db\.backup-v\d+-\d{8}T\d{6}", made.name)
    assert document["articles"] == SEEDED == count(made)
    assert document["bytes"] == made.stat().st_size
    assert sorted(p.name for p in tmp_path.iterdir() if "backup" in p.name) == [made.name]
    with closing(sqlite3.connect(made)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"


def test_backup_to_a_folder_and_never_over_a_file(seeded: Path, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    run = run_cli("backup", folder, "--library", seeded, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    (made,) = folder.iterdir()
    assert run.stdout.strip() == f"backed up {SEEDED} articles to {made}"
    there = tmp_path / "mine.db"
    there.write_text("not to be overwritten", encoding="utf-8")
    run = run_cli("backup", there, "--library", seeded, cwd=tmp_path)
    assert_one_line_refusal(run, there, "already exists")
    assert there.read_text(encoding="utf-8") == "not to be overwritten"


def test_backup_of_a_damaged_library_says_so(seeded: Path, tmp_path: Path) -> None:
    _damaged_mid_file(seeded)
    run = run_cli("backup", "--library", seeded, cwd=tmp_path)
    assert_one_line_refusal(run, seeded, "damaged")
    assert not list(tmp_path.glob("library.db.backup-*"))


# -- restore -----------------------------------------------------------------------------


def _more_articles(folder: Path, number: int) -> Path:
    folder.mkdir()
    for n in range(number):
        (folder / f"{n}.txt").write_text(f"Extra story {n}\n\nAbout the pier, part {n}.\n\n"
                                         f"Body of extra story {n}.\n", encoding="utf-8")
    return folder


def test_restore_brings_the_backup_back_and_keeps_the_library_it_replaced(
        seeded: Path, tmp_path: Path) -> None:
    backup = Path(json.loads(run_cli("backup", "--json", "--library", seeded,
                                     cwd=tmp_path).stdout)["backup"])
    assert run_cli("import", _more_articles(tmp_path / "more", 3), "--library", seeded,
                   cwd=tmp_path).returncode == 0
    assert count(seeded) == SEEDED + 3
    run = run_cli("restore", backup, "--json", "--library", seeded, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    document = json.loads(run.stdout)
    assert document["restored"] == str(backup)
    assert document["articles"] == SEEDED
    kept = Path(document["kept"])
    assert count(kept) == SEEDED + 3
    assert count(seeded) == SEEDED
    stats = run_cli("stats", "--json", "--library", seeded, cwd=tmp_path)
    assert json.loads(stats.stdout)["articles"] == SEEDED
    assert count(backup) == SEEDED  # the backup itself is still there, unchanged


def test_restore_over_a_damaged_library_keeps_its_bytes(seeded: Path, tmp_path: Path) -> None:
    backup = tmp_path / "good.db"
    shutil.copy(seeded, backup)
    _text(seeded)
    damaged = seeded.read_bytes()
    run = run_cli("restore", backup, "--library", seeded, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    kept = Path(run.stdout.strip().rsplit(" kept at ", 1)[1])
    assert kept.read_bytes() == damaged
    assert count(seeded) == SEEDED


@pytest.mark.parametrize("damage", ["not-a-database", "newer", "damaged-mid-file"])
def test_restore_refuses_a_bad_backup_and_changes_nothing(seeded: Path, tmp_path: Path,
                                                          damage: str) -> None:
    candidate = tmp_path / "candidate.db"
    shutil.copy(seeded, candidate)
    DAMAGE[damage][0](candidate)
    library_before = seeded.read_bytes()
    run = run_cli("restore", candidate, "--library", seeded, cwd=tmp_path)
    assert_one_line_refusal(run, candidate, *DAMAGE[damage][1][:1])
    assert seeded.read_bytes() == library_before
    assert not list(tmp_path.glob("library.db.backup-*"))


def test_two_damaged_libraries_replaced_in_one_second_are_both_kept(tmp_path: Path) -> None:
    from broadsheet.core.backup import back_up_file, restore

    library = tmp_path / "library.db"
    with Library(library) as lib:
        import_paths(lib, [SEEDS])
    good = back_up_file(library).path
    kept = []
    for junk in (b"first damaged copy " * 400, b"second damaged copy " * 400):
        library.write_bytes(junk)
        kept.append(restore(good, library).kept)
    assert kept[0] != kept[1]
    assert [p.read_bytes()[:6] for p in kept] == [b"first ", b"second"]
