"""The real window for the GUI benchmarks: opened offscreen on a library, and paint watches.

Run the scripts from this folder (it is on their path); the environment is set before any
Qt import.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from tempfile import TemporaryDirectory

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("BROADSHEET_NO_SINGLE_INSTANCE", "1")

from PySide6.QtCore import QEvent, QObject, QSettings
from PySide6.QtWidgets import QApplication, QWidget


class PaintWatch(QObject):
    """Notes when a widget (a viewport) last handled a paint event."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.painted_at = 0.0
        widget.installEventFilter(self)

    def eventFilter(self, _obj: QObject, event: QEvent) -> bool:  # noqa: N802
        """Record the time, and let the paint go on."""
        if event.type() == QEvent.Type.Paint:
            self.painted_at = time.perf_counter()
        return False


def spin_until(done: Callable[[], bool], timeout: float) -> bool:
    """Run the event loop until ``done()``; False when ``timeout`` seconds pass first."""
    deadline = time.perf_counter() + timeout
    while not done():
        if time.perf_counter() > deadline:
            return False
        QApplication.processEvents()
    return True


@contextmanager
def open_window(library_path: Path, dwell_ms: int = 1500) -> Iterator[object]:
    """A shown 1280x800 MainWindow on an existing library, with settings of its own."""
    from broadsheet.core.library import Library
    from broadsheet.ui.app import app_icon, application
    from broadsheet.ui.main_window import MainWindow
    from broadsheet.ui.window_reading import DWELL_KEY

    application()
    with TemporaryDirectory() as tmp:
        settings = QSettings(str(Path(tmp) / "bench.ini"), QSettings.Format.IniFormat)
        settings.setValue(DWELL_KEY, dwell_ms)
        library = Library(library_path, create=False)
        window = MainWindow(library, settings, app_icon())
        window.resize(1280, 800)
        window.show()
        try:
            yield window
        finally:
            window.close()
            library.close()

