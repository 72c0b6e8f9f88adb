"""One window per library: a second launch hands its files to the first."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from broadsheet.core.library import Library
from broadsheet.ui.single_instance import InstanceServer, hand_over, server_name
from conftest import ROOT
from ui_support import close_window, open_window, write_articles


def test_the_socket_name_is_per_library(tmp_path: Path) -> None:
    assert server_name(tmp_path / "a.db") != server_name(tmp_path / "b.db")
    assert server_name(tmp_path / "a.db") == server_name(tmp_path / "x" / ".." / "a.db")


def test_no_window_means_no_hand_over(qapp, tmp_path: Path) -> None:
    assert not hand_over(tmp_path / "nobody.db", [])


def test_a_second_launch_hands_its_files_to_the_window(qtbot, library: Library,
                                                        tmp_path: Path) -> None:
    server = InstanceServer(library.path)
    window = open_window(qtbot, library, tmp_path / "s.ini")
    server.paths_received.connect(window.receive_paths)
    files = write_articles(tmp_path / "new", 2)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("BROADSHEET_NO_SINGLE_INSTANCE", None)
    second = subprocess.Popen(
        [sys.executable, "-m", "broadsheet", *map(str, files), "--library", str(library.path)],
        env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        # This process's event loop must run for the window to answer the second one.
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=30000)
        _out, err = second.communicate()
        assert second.returncode == 0, err
        assert "handed over" in err
        qtbot.waitUntil(lambda: window.model.total() == 2, timeout=30000)
        assert library.count() == 2
    finally:
        if second.poll() is None:
            second.kill()
            second.communicate()
        server.close()
        close_window(window)
