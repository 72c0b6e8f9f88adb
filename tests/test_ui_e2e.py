"""End to end: the real program on a real X server (Xvfb), driven by xdotool like a person."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from configparser import RawConfigParser
from pathlib import Path

import pytest

from broadsheet.core.library import Library
from broadsheet.ui import reading_state
from conftest import ROOT, SEEDS

TOOLS = ("Xvfb", "xdotool")
pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux") or any(shutil.which(t) is None for t in TOOLS),
    reason="needs Linux with Xvfb and xdotool (apt-get install xvfb xdotool)")
WAIT = 60.0


def poll(condition, what: str, timeout: float = WAIT) -> None:
    """Wait for something the program does in its own time; fail after a generous timeout."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"gave up waiting for {what}")
        time.sleep(0.1)


@pytest.fixture
def display(tmp_path: Path) -> Iterator[str]:
    """A private X server for this test."""
    number = 90 + os.getpid() % 100
    while Path(f"/tmp/.X11-unix/X{number}").exists():
        number += 1
    server = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", "1280x800x24", "-nolisten",
                               "tcp"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    poll(lambda: Path(f"/tmp/.X11-unix/X{number}").exists(), "Xvfb to start", 20)
    yield f":{number}"
    server.terminate()
    server.wait(10)


@pytest.fixture
def env(display: str, tmp_path: Path) -> dict[str, str]:
    """The program's environment: our display, settings in the test's folder, venv on PATH."""
    values = {k: v for k, v in os.environ.items()
              if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY", "BROADSHEET_LIBRARY")}
    values.update(DISPLAY=display, XDG_CONFIG_HOME=str(tmp_path / "config"),
                  XDG_DATA_HOME=str(tmp_path / "data"),
                  PATH=f"{Path(sys.executable).parent}{os.pathsep}{values.get('PATH', '')}")
    return values


def xdotool(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(["xdotool", *args], env=env, capture_output=True, text=True,
                            timeout=WAIT, check=False)
    return result.stdout.strip()


def window_of(env: dict[str, str]) -> str:
    """The id of Broadsheet's main window, once it is on screen."""
    found: list[str] = []

    def shown() -> bool:
        found[:] = xdotool(env, "search", "--onlyvisible", "--name", "Broadsheet").split()
        return bool(found)

    poll(shown, "the window to appear")
    return found[0]


def count(library_path: Path) -> int:
    """How many articles a library holds right now (0 before it exists)."""
    if not library_path.exists():
        return 0
    with Library(library_path, create=False) as library:
        return library.count()


def run_window(env: dict[str, str], command: list[str], cwd: Path, keys: tuple[str, ...],
               ready: Callable[[], None] = lambda: None) -> str:
    """Start the program, wait for its window (and ``ready``), type ``keys`` into it; the
    keys must end it. Returns what it wrote on stderr, after checking it exited cleanly."""
    program = subprocess.Popen(command, env=env, cwd=cwd, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    try:
        window = window_of(env)
        ready()
        xdotool(env, "windowfocus", "--sync", window)
        for key in keys:
            xdotool(env, "key", key)
        program.wait(WAIT)
    finally:
        if program.poll() is None:
            program.kill()
    _out, err = program.communicate()
    assert program.returncode == 0, err
    return err


def test_reading_the_seeds_with_the_keyboard(env: dict[str, str], tmp_path: Path) -> None:
    library_path = tmp_path / "lib.db"
    subprocess.run([sys.executable, "-m", "broadsheet", "import", str(SEEDS), "--library",
                    str(library_path)], env=env, check=True, capture_output=True, timeout=WAIT)
    config = tmp_path / "config" / "Broadsheet"
    config.mkdir(parents=True)
    # Keys come faster than any reader: count each article read the moment it opens.
    (config / "Broadsheet.conf").write_text("[reading]\ndwell_ms=0\n", encoding="utf-8")
    err = run_window(env, [sys.executable, "-m", "broadsheet", "--library", str(library_path)],
                     ROOT, ("j", "j", "s", "End", "k", "m", "ctrl+q"))
    assert "Traceback" not in err
    with Library(library_path) as library:
        newest_first = [r.id for r in library.rows("newest")]
        starred = [i for i in newest_first if reading_state.get(library, i).starred]
        read = {i for i in newest_first if reading_state.get(library, i).read}
    assert starred == [newest_first[2]]
    assert {newest_first[0], newest_first[1], newest_first[2], newest_first[-1]} <= read
    assert newest_first[-2] not in read  # opened, then marked unread with m
    settings = RawConfigParser()
    settings.read(tmp_path / "config" / "Broadsheet" / "Broadsheet.conf")
    assert settings.get("reader", "last_article") == str(newest_first[-2])


def test_the_desktop_files_exec_line_opens_and_imports(env: dict[str, str],
                                                      tmp_path: Path) -> None:
    desktop = RawConfigParser(interpolation=None)
    desktop.read(ROOT / "resources" / "broadsheet.desktop")
    exec_line = desktop.get("Desktop Entry", "Exec")
    article = tmp_path / "story.txt"
    shutil.copy(SEEDS / "000_6dd234b6f8e972e5.txt", article)
    command = [str(article) if word == "%F" else word for word in shlex.split(exec_line)]
    if shutil.which(command[0], path=env["PATH"]) is None:
        pytest.skip(f"{command[0]} is not installed on PATH (pip install -e .)")
    library_path = tmp_path / "data" / "broadsheet" / "library.db"
    run_window(env, command, tmp_path, ("ctrl+q",),
               ready=lambda: poll(lambda: count(library_path) == 1, "the file to be imported"))
