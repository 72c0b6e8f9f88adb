"""The application: names and icon, single instance, opening the library, the event loop."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QGuiApplication, QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

from broadsheet.core.library import Library, LibraryError
from broadsheet.ui.launch import window_shown
from broadsheet.ui.resources import icon_files, resource
from broadsheet.ui.single_instance import InstanceServer, hand_over
from broadsheet.ui.window_state import APPLICATION, ORGANIZATION

DESKTOP_FILE = "broadsheet"
HEADLESS = {"offscreen", "minimal"}


def application() -> QApplication:
    """The one QApplication, named so QSettings and the desktop find it."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    QApplication.setOrganizationName(ORGANIZATION)
    QApplication.setApplicationName(APPLICATION)
    QApplication.setApplicationDisplayName("Broadsheet")
    QGuiApplication.setDesktopFileName(DESKTOP_FILE)
    QApplication.setWindowIcon(app_icon())
    stylesheet = resource("broadsheet.qss")
    if stylesheet is not None:
        app.setStyleSheet(stylesheet.read_text(encoding="utf-8"))
    return app


def app_icon() -> QIcon:
    """The newspaper icon from every PNG size we ship: real pixels at any density up to 256."""
    icon = QIcon()
    # Pixmaps, not files: with the PNGs added as files, Qt 6.11 hands out the 32 px image
    # for every size asked at a device pixel ratio of 2; with the SVG added too, or first,
    # all PNG sizes but one are dropped. The SVG serves only when no PNG is there.
    for path in icon_files():
        if path.suffix == ".png":
            icon.addPixmap(QPixmap(str(path)))
    if icon.isNull():
        for path in icon_files():
            icon.addFile(str(path))
    return icon


def _refuse(path: Path, error: LibraryError) -> Library | None:
    """Say why the library cannot be opened; returns the library the user opened instead.

    Always on stderr; with a display, in a dialog offering a fresh library or a backup.
    """
    print(f"broadsheet: {error}", file=sys.stderr)
    if QGuiApplication.platformName() in HEADLESS:
        return None
    from broadsheet.ui.library_problem import recover

    return recover(path, error)


def _close_on_signals(window: QWidget) -> None:
    """Ctrl+C and SIGTERM close the window properly: settings saved, writes finished."""
    def close(_number: int, _frame: object) -> None:
        QTimer.singleShot(0, window.close)  # from the event loop, not mid-paint

    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, close)
    # Python only runs signal handlers between bytecodes; wake it now and then.
    waker = QTimer(window)
    waker.timeout.connect(_nothing)
    waker.start(300)


def _nothing() -> None:
    """The waker's slot: returning to Python is the point."""


def run(library_path: Path, paths: list[Path]) -> int:
    """Open the window on a library and run until it closes; returns the exit status."""
    app = application()
    if os.environ.get("BROADSHEET_NO_SINGLE_INSTANCE") != "1" and hand_over(library_path, paths):
        print("broadsheet: handed over to the window already open on this library",
              file=sys.stderr)
        return 0
    try:
        library = Library(library_path)
    except LibraryError as error:
        chosen = _refuse(library_path, error)
        if chosen is None:
            return 1
        library, library_path = chosen, chosen.path
    from broadsheet.ui.main_window import MainWindow  # after QApplication exists

    server = InstanceServer(library_path)
    window = MainWindow(library, QSettings(), app_icon(), article_after_paint=True)
    server.paths_received.connect(window.receive_paths)
    window.show()
    window_shown()
    note = library.migration_note()
    if note:
        print(f"broadsheet: {note}", file=sys.stderr)  # the window's status bar says it too
    if paths:
        window.start_import(paths)
    _close_on_signals(window)
    try:
        return app.exec()
    finally:
        server.close()
        library.close()
