"""End to end: the real program on a real X server (Xvfb), driven by xdotool like a person."""

from __future__ import annotations

import os
import select
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


def poll(condition, what: str, timeout: float = WAIT,
         explain: Callable[[], str] = lambda: "") -> None:
    """Wait for something the program does in its own time; fail after a generous timeout.

    ``condition`` may itself fail the test (the program died); ``explain`` adds what was
    seen to the failure, so a run on another machine says why it gave up.
    """
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"gave up waiting for {what} after {timeout:.0f} s\n{explain()}")
        time.sleep(0.1)


class XServer:
    """A private X server (Xvfb) for one test, ready for clients once constructed."""

    def __init__(self) -> None:
        # -displayfd: Xvfb picks a free display and writes its number only once it accepts
        # connections. -noreset: by default the server resets whenever its last client leaves
        # (each xdotool call), refusing connections meanwhile, and the program dies at start.
        ready, told = os.pipe()
        self.process = subprocess.Popen(["Xvfb", "-displayfd", str(told), "-noreset", "-screen",
                                         "0", "1280x800x24", "-nolisten", "tcp"],
                                        pass_fds=(told,),
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(told)
        with os.fdopen(ready, "rb") as said:
            if not select.select([said], [], [], 20)[0]:
                self.stop()
                pytest.fail("Xvfb did not start within 20 s")
            number = said.readline().strip().decode()
        if not number:
            pytest.fail(f"Xvfb did not start (status {self.process.wait(10)})")
        self.name = f":{number}"

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
        self.process.wait(10)


@pytest.fixture
def x_server() -> Iterator[XServer]:
    server = XServer()
    yield server
    server.stop()


@pytest.fixture
def display(x_server: XServer) -> str:
    return x_server.name


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


class Program:
    """The program under test, its output going to files so a full pipe can never stall it."""

    def __init__(self, command: list[str], env: dict[str, str], cwd: Path, logs: Path) -> None:
        self.env = env
        self.out_path, self.err_path = logs / "program.out", logs / "program.err"
        with self.out_path.open("wb") as out, self.err_path.open("wb") as err:
            self.process = subprocess.Popen(command, env=env, cwd=cwd, stdout=out, stderr=err)

    def __enter__(self) -> Program:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(WAIT)

    def stderr(self) -> str:
        return self.err_path.read_text(encoding="utf-8", errors="replace")

    def end(self, after: str) -> str:
        """Wait for it to end by itself; returns what it said on stderr."""
        try:
            self.process.wait(WAIT)
        except subprocess.TimeoutExpired:
            pytest.fail(f"the program did not end {after}\n{self.report()}")
        return self.stderr()

    def running(self) -> bool:
        """True while it runs; fails the test at once if it ended early."""
        if self.process.poll() is None:
            return True
        pytest.fail(f"the program ended early with status {self.process.returncode}; it "
                    f"said:\n{self.stderr()}")

    def report(self) -> str:
        """What the X server shows and what the program has said, for a failure message."""
        windows = []
        for window in xdotool(self.env, "search", "--name", "").split():
            windows.append(f"  {window} pid={xdotool(self.env, 'getwindowpid', window)!r} "
                           f"name={xdotool(self.env, 'getwindowname', window)!r}")
        state = "running" if self.process.poll() is None else f"ended ({self.process.returncode})"
        return (f"program {state}, pid {self.process.pid}; windows:\n" + "\n".join(windows)
                + f"\nit said on stderr:\n{self.stderr()}")

    def window(self) -> str:
        """The id of its main window, once that is on screen."""
        found: list[str] = []

        def shown() -> bool:
            found[:] = xdotool(self.env, "search", "--onlyvisible", "--name",
                               "Broadsheet").split()
            return bool(found) or not self.running()  # running() fails if it ended

        poll(shown, "the window to appear", explain=self.report)
        return found[0]


def count(library_path: Path) -> int:
    """How many articles a library holds right now (0 before it exists)."""
    if not library_path.exists():
        return 0
    with Library(library_path, create=False) as library:
        return library.count()


def run_window(env: dict[str, str], command: list[str], cwd: Path, keys: tuple[str, ...],
               ready: Callable[[Program], None] = lambda program: None) -> str:
    """Start the program, wait for its window (and ``ready``), type ``keys`` into it; the
    keys must end it. Returns what it wrote on stderr, after checking it exited cleanly."""
    logs = Path(env["XDG_CONFIG_HOME"]).parent
    with Program(command, env, cwd, logs) as program:
        window = program.window()
        ready(program)
        xdotool(env, "windowfocus", "--sync", window)
        for key in keys:
            xdotool(env, "key", key)
        err = program.end(f"after {keys}")
    assert program.process.returncode == 0, err
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
               ready=lambda program: poll(
                   lambda: program.running() and count(library_path) == 1,
                   "the file to be imported", explain=program.report))


def test_losing_the_display_is_explained_and_the_library_kept(
        env: dict[str, str], x_server: XServer, tmp_path: Path) -> None:
    library_path = tmp_path / "lib.db"
    subprocess.run([sys.executable, "-m", "broadsheet", "import", str(SEEDS), "--library",
                    str(library_path)], env=env, check=True, capture_output=True, timeout=WAIT)
    before = count(library_path)
    with Program([sys.executable, "-m", "broadsheet", "--library", str(library_path)],
                 env, ROOT, tmp_path) as program:
        program.window()
        x_server.stop()  # as when an ssh -X session drops
        err = program.end("after its display went away")
    assert program.process.returncode == 1, err
    assert "lost its connection to the display" in err
    assert "apt-get" not in err
    assert "Traceback" not in err
    assert count(library_path) == before
