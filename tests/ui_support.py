"""Helpers shared by the test_ui_* files: a seeded library and a window on it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from broadsheet.core.importer import import_paths
from broadsheet.core.library import Library
from broadsheet.ui.main_window import MainWindow
from broadsheet.ui.window_reading import DWELL_KEY
from conftest import SEEDS


def seed(library: Library) -> int:
    """Import the sample articles; returns how many."""
    report = import_paths(library, [SEEDS])
    assert report.imported == len(list(SEEDS.glob("*.txt")))
    return report.imported


def settings_at(path: Path) -> QSettings:
    """Settings in a file of the test's own, never the user's."""
    return QSettings(str(path), QSettings.Format.IniFormat)


def open_window(qtbot, library: Library, settings_path: Path,
                dwell_ms: int | None = 0, *, article_after_paint: bool = False) -> MainWindow:
    """A shown, active window; close it with ``close_window``.

    Articles count as read as soon as they open unless ``dwell_ms`` says otherwise (None
    keeps what the settings file says, or the app's default).
    """
    settings = settings_at(settings_path)
    if dwell_ms is not None:
        settings.setValue(DWELL_KEY, dwell_ms)
    window = MainWindow(library, settings, article_after_paint=article_after_paint)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def close_window(window: MainWindow) -> None:
    """Close as a user would: settings saved, workers stopped."""
    window.close()


def wait_idle(qtbot, window: MainWindow) -> None:
    """Wait until the query worker has answered everything asked so far."""
    with qtbot.waitSignal(window.queries.answered, timeout=5000,
                          check_params_cb=lambda kind, _result: kind == "ping"):
        window.queries.submit("ping", lambda library: None, latest_only=False)


def write_articles(folder: Path, count: int, prefix: str = "Story") -> list[Path]:
    """Small distinct article files."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        path = folder / f"{number:05d}.txt"
        path.write_text(
            f"{prefix} number {number} about the harbour\n\n"
            f"A short summary of {prefix.lower()} {number}.\n\n"
            f"Body text for article {number}, with enough words to be a paragraph.\n",
            encoding="utf-8")
        paths.append(path)
    return paths
