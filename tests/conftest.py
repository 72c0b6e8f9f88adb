"""Shared fixtures: a fresh library file, the sample seeds, and the optional shared corpora."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

# Before any Qt import: tests never need a real display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from broadsheet.core.library import Library

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
REFERENCE = SEEDS / "000_6dd234b6f8e972e5.txt"


def cli_environment(tmp: Path, library: Path | None = None) -> dict[str, str]:
    """The environment of a command-line run, kept apart from the developer's own library."""
    env = {k: v for k, v in os.environ.items() if k != "BROADSHEET_LIBRARY"}
    env.update(PYTHONIOENCODING="utf-8", PYTHONUTF8="1", XDG_DATA_HOME=str(tmp / "xdg"),
               QT_QPA_PLATFORM="offscreen")
    # A library that must never be touched when --library is given.
    env["BROADSHEET_LIBRARY"] = str(library or tmp / "not-this-one.db")
    return env


def run_cli(*args: str | Path, cwd: Path,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m broadsheet ARGS`` in cwd (environment: ``cli_environment(cwd)``)."""
    return subprocess.run([sys.executable, "-m", "broadsheet", *map(str, args)], cwd=cwd,
                          env=env or cli_environment(cwd), capture_output=True, text=True,
                          encoding="utf-8", timeout=120, stdin=subprocess.DEVNULL, check=False)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Long-running variants run only when asked for with ``-m slow``."""
    if "slow" in (config.getoption("-m") or ""):
        return
    skip = pytest.mark.skip(reason="long-running variant: run with -m slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where a test's library file lives (not created yet)."""
    return tmp_path / "library.db"


@pytest.fixture
def library(db_path: Path) -> Iterator[Library]:
    """A fresh, empty library, always closed afterwards."""
    lib = Library(db_path)
    try:
        yield lib
    finally:
        lib.close()


@pytest.fixture
def bbc_corpus() -> Path:
    """The BBC corpus from ../shared; the test is skipped where it is absent."""
    path = SHARED / "corpora" / "bbc"
    if not path.is_dir():
        pytest.skip("../shared/corpora/bbc is not here (a user's clone has none)")
    return path


@pytest.fixture
def make_corpus_tool() -> Path:
    """../shared/tools/make_corpus.py; skipped where absent."""
    path = SHARED / "tools" / "make_corpus.py"
    if not path.is_file():
        pytest.skip("../shared/tools/make_corpus.py is not here")
    return path


@pytest.fixture
def window(qtbot, library: Library, tmp_path: Path) -> Iterator[object]:
    """The main window on a library holding the sample articles, focus in the list."""
    from ui_support import close_window, open_window, seed

    seed(library)
    win = open_window(qtbot, library, tmp_path / "settings.ini")
    yield win
    close_window(win)
