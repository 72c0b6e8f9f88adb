"""Starting the window: plain messages when Qt cannot start or the library cannot open."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from broadsheet.ui import preflight
from conftest import ROOT

LINUX = sys.platform.startswith("linux")


def loader_without(*missing: str):
    """A library loader for which some sonames are not installed."""
    def load(name: str) -> object:
        if name in missing:
            raise OSError(f"{name}: cannot open shared object file")
        return object()
    return load


def test_missing_xcb_libraries_are_named_with_the_apt_command() -> None:
    problem = preflight.display_problem(
        {"DISPLAY": ":0"}, "linux", loader_without("libxcb-cursor.so.0", "libxcb-icccm.so.4"))
    assert problem is not None
    assert "libxcb-cursor0, libxcb-icccm4" in problem
    assert "sudo apt-get install libxcb-cursor0 libxcb-icccm4" in problem


def test_no_display_is_explained() -> None:
    problem = preflight.display_problem({}, "linux", loader_without())
    assert problem is not None
    assert "DISPLAY" in problem
    assert "xvfb-run" in problem


@pytest.mark.parametrize("env", [{"DISPLAY": ":0"}, {"QT_QPA_PLATFORM": "offscreen"},
                                 {"WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"},
                                 {"QT_QPA_PLATFORM": "wayland"}])
def test_a_usable_environment_passes(env: dict[str, str]) -> None:
    assert preflight.display_problem(env, "linux", loader_without()) is None


def test_other_platforms_are_not_second_guessed() -> None:
    assert preflight.display_problem({}, "win32", loader_without("libxcb.so.1")) is None


def test_a_missing_qtgui_library_is_named() -> None:
    error = ImportError("libEGL.so.1: cannot open shared object file: No such file or directory")
    assert "sudo apt-get install libegl1" in preflight.import_problem(error)
    assert "pip install" in preflight.import_problem(ImportError("No module named 'PySide6'"))


def test_qt_giving_up_is_explained_with_every_package() -> None:
    text = preflight.qt_failure(["Could not load the Qt platform plugin \"xcb\""])
    assert preflight.apt_command(preflight.ALL_XCB_PACKAGES) in text


def run_broadsheet(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "broadsheet", *args], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=60, check=False)


def clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["BROADSHEET_NO_SINGLE_INSTANCE"] = "1"
    return {**env, **extra}


@pytest.mark.skipif(not LINUX, reason="the display check is for X11")
def test_without_a_display_the_program_says_why_and_exits_1(tmp_path: Path) -> None:
    result = run_broadsheet(["--library", str(tmp_path / "lib.db")], clean_env())
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "DISPLAY" in result.stderr or "apt-get install" in result.stderr
    assert not (tmp_path / "lib.db").exists()  # nothing touched


def test_a_damaged_library_is_refused_plainly(tmp_path: Path) -> None:
    broken = tmp_path / "broken.db"
    broken.write_bytes(b"this is not a database at all" * 100)
    result = run_broadsheet(["--library", str(broken)], clean_env(QT_QPA_PLATFORM="offscreen"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "broken.db" in result.stderr
    assert "not" in result.stderr
