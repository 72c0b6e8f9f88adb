"""An import killed with SIGKILL at random moments leaves a whole library, every time.

A child process imports a corpus and is killed (with its reading helper) after a random
delay, again and again on the same library. After each kill the file passes SQLite's
integrity check and FTS5's, and every stored article is complete: its body, as many links
as its file has READ: lines, and a full-text row that finds it by a word of its title.
At the end one import completes the set: exactly the missing articles are added, the rest
are reported as duplicates.
"""

from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import pytest

from broadsheet.core.decode import decode
from broadsheet.core.importer import import_paths
from broadsheet.core.library import Library
from broadsheet.core.parse import parse

CHILD = (
    "import sys\n"
    "from broadsheet.core.importer import import_paths\n"
    "from broadsheet.core.library import Library\n"
    "def say(done, total, path):\n"
    "    print(done, flush=True)\n"
    "with Library(sys.argv[1]) as library:\n"
    "    import_paths(library, [sys.argv[2]], batch_size=int(sys.argv[3]), progress=say)\n"
)


@dataclass(frozen=True, slots=True)
class Expected:
    """What one file of the corpus must look like once stored."""

    sha256: str
    body: str
    links: int
    title_word: str


def _word(number: int) -> str:
    """A word no other title has: the title's full-text row must find its article."""
    letters = ""
    for _ in range(4):
        letters += chr(ord("a") + number % 26)
        number //= 26
    return "vox" + letters


def write_corpus(folder: Path, count: int) -> Path:
    """Distinct articles with 0 to 3 READ: lines each, some pointing at each other."""
    folder.mkdir(parents=True)
    for n in range(count):
        body = " ".join(f"Paragraph {n} on the harbour and the tides, sentence {k}."
                        for k in range(25))
        reads = "".join(f"READ: Report {(n * 7 + k) % count} on the "
                        f"{_word((n * 7 + k) % count)} question\n\n" for k in range(n % 4))
        (folder / f"{n:05d}.txt").write_text(
            f"Report {n} on the {_word(n)} question\n\nWhat report {n} found.\n\n"
            f"{body}\n\n{reads}{body.upper()}\n", encoding="utf-8")
    return folder


def expectations(folder: Path) -> dict[str, Expected]:
    """Each file parsed once here, by source path."""
    found = {}
    for path in sorted(folder.rglob("*.txt")):
        article = parse(decode(path.read_bytes()).text, str(path))
        words = re.findall(r"[^\W\d_]{4,}", article.title) or [article.title]
        found[str(path)] = Expected(article.sha256, article.body, len(article.links),
                                    max(words, key=len))
    return found


def kill_after(library: Path, corpus: Path, files: int, delay: float, batch: int) -> bool:
    """Start an import; once it has read ``files`` files, wait ``delay`` and SIGKILL it.

    Counting files first puts the kills where articles are being written, wherever a
    random delay then lands: mid-batch, mid-commit, between batches. True if it was killed.
    """
    with subprocess.Popen([sys.executable, "-c", CHILD, str(library), str(corpus),
                           str(batch)], start_new_session=True, text=True,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE) as child:
        assert child.stdout is not None
        assert child.stderr is not None
        done = [0]
        # A thread drains the child's progress as it comes, so the count is never behind.
        reader = threading.Thread(target=_follow, args=(child.stdout, done), daemon=True)
        reader.start()
        while done[0] < files and child.poll() is None:
            time.sleep(0.002)
        time.sleep(delay)
        killed = child.poll() is None
        if killed:
            os.killpg(child.pid, signal.SIGKILL)  # the reading helper goes too
        code = child.wait()
        reader.join()
        errors = child.stderr.read()
        assert killed or code == 0, errors
        return killed and code == -signal.SIGKILL


def _follow(lines: IO[str], done: list[int]) -> None:
    for line in lines:
        done[0] = int(line)


def assert_whole(path: Path, expected: dict[str, Expected]) -> int:
    """The checks after a crash; returns how many articles are stored."""
    with Library(path) as library:
        db = library.conn
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        db.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
        rows = list(library.iter_rows())
        assert len({row.sha256 for row in rows}) == len(rows)
        for row in rows:
            want = expected[row.source_path or ""]
            article = library.get(row.id)
            assert article is not None
            assert article.sha256 == want.sha256
            assert article.body == want.body
            assert len(article.links) == want.links, row.source_path
            found = db.execute(
                "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ? AND rowid = ?",
                (f'title : "{want.title_word}"', row.id)).fetchone()[0]
            assert found == 1, (row.title, want.title_word)
        return len(rows)


def kill_repeatedly(tmp_path: Path, corpus: Path, kills: int, longest: float,
                    batch: int, seed: int) -> None:
    """Kill imports until ``kills`` landed, checking the library after each; then finish it."""
    expected = expectations(corpus)
    library = tmp_path / "library.db"
    chance = random.Random(seed)
    landed, stored, attempts = 0, [], 0
    while landed < kills:
        attempts += 1
        assert attempts <= kills * 3, f"only {landed} of {attempts} imports were killed"
        # Kill number i lands in the i-th stretch of the first 90% of the corpus: kills spread
        # over the import, and the last leaves articles for the final import to add.
        span = len(expected) * 9 // 10
        files = chance.randrange(landed * span // kills, (landed + 1) * span // kills)
        if kill_after(library, corpus, files, chance.uniform(0, longest), batch):
            landed += 1
        stored.append(assert_whole(library, expected) if library.exists() else 0)
    assert stored == sorted(stored)  # a kill never takes away what an earlier run stored
    assert min(stored) < len(expected)  # the kills did interrupt the writing
    before = stored[-1]
    with Library(library) as done:
        report = import_paths(done, [corpus])
        assert (report.imported, report.duplicates, report.error) == (
            len(expected) - before, before, None)
        assert done.count() == len(expected)
    assert assert_whole(library, expected) == len(expected)
    print(f"\n{landed} kills landed in {attempts} runs; stored after each: {stored};"
          f" final import added {len(expected) - before}, {before} duplicates")


def test_an_import_killed_five_times_leaves_a_whole_library(tmp_path: Path) -> None:
    # Delays short against the import's pace (about 2,000 files a second here), so that a
    # fast machine is still caught mid-import.
    corpus = write_corpus(tmp_path / "corpus", 1500)
    kill_repeatedly(tmp_path, corpus, kills=5, longest=0.05, batch=50, seed=7)


@pytest.mark.slow
def test_an_import_killed_fifty_times_leaves_a_whole_library(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus", 4000)
    kill_repeatedly(tmp_path, corpus, kills=50, longest=0.3, batch=200, seed=11)


@pytest.mark.slow
def test_a_generated_news_corpus_killed_fifty_times(tmp_path: Path,
                                                    make_corpus_tool: Path) -> None:
    corpus = tmp_path / "news"
    subprocess.run([sys.executable, str(make_corpus_tool), "--count", "4000", "--out",
                    str(corpus), "--messy"], check=True, capture_output=True, timeout=600)
    kill_repeatedly(tmp_path, corpus, kills=50, longest=0.3, batch=500, seed=13)
