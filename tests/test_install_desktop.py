"""`broadsheet install-desktop` puts a launchable entry and icons in the user's menu."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="freedesktop menus are a Linux thing")


def _run(*args: str, home: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "XDG_DATA_HOME": str(home)}
    return subprocess.run([sys.executable, "-m", "broadsheet", *args], env=env,
                          capture_output=True, text=True, timeout=60, check=False)


def test_install_writes_an_entry_whose_exec_line_runs_this_broadsheet(tmp_path: Path) -> None:
    home = tmp_path / "share"
    result = _run("install-desktop", home=home)
    assert result.returncode == 0, result.stderr
    entry = home / "applications" / "broadsheet.desktop"
    text = entry.read_text(encoding="utf-8")
    exec_line = next(line for line in text.splitlines() if line.startswith("Exec="))
    assert exec_line.endswith(" %F")
    assert "MimeType=text/plain;" in text
    command = shlex.split(exec_line.removeprefix("Exec=").removesuffix(" %F"))
    version = subprocess.run([*command, "--version"], capture_output=True, text=True,
                             timeout=60, check=False)
    assert version.returncode == 0
    assert version.stdout.startswith("broadsheet ")
    assert (home / "icons" / "hicolor" / "scalable" / "apps" / "broadsheet.svg").is_file()
    assert (home / "icons" / "hicolor" / "48x48" / "apps" / "broadsheet.png").is_file()
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True,
                               text=True, check=False)
        assert check.returncode == 0, check.stdout + check.stderr


def test_uninstall_removes_what_install_wrote_and_nothing_else(tmp_path: Path) -> None:
    home = tmp_path / "share"
    other = home / "applications" / "someone-else.desktop"
    other.parent.mkdir(parents=True)
    other.write_text("[Desktop Entry]\n", encoding="utf-8")
    assert _run("install-desktop", home=home).returncode == 0
    result = _run("install-desktop", "--uninstall", home=home)
    assert result.returncode == 0, result.stderr
    assert not (home / "applications" / "broadsheet.desktop").exists()
    assert not list((home / "icons").rglob("broadsheet.*"))
    assert other.is_file()
