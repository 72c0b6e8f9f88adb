"""The window's importing: File menu commands, the welcome buttons, drops, and the aftermath."""

from __future__ import annotations

import gc
import importlib
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog

from broadsheet.ui import sanitize
from broadsheet.ui.drop import dropped_paths, refusal
from broadsheet.ui.resources import sample_folder

WARM_UP_MS = 1000

if TYPE_CHECKING:
    from broadsheet.core.importer import ImportReport
    from broadsheet.ui.main_window import MainWindow


def _warm_up() -> None:
    importlib.import_module("broadsheet.ui.import_dialog")
    sanitize.warm_up()


class ImportCommands:
    """Mixed into MainWindow: imports from menus, buttons, drops and second launches."""

    def _build_import_warm_up(self: MainWindow) -> None:
        """Load the import machinery and the sanitizer a second after start-up, on a thread.

        Neither is needed for the first paint, so neither is loaded before it. Loaded on the
        UI thread when first needed they would freeze the window: ~50 ms as the first import
        starts, ~100 ms when an import into an empty library opens its first article.
        """
        self.import_warm_up = QTimer(self)
        self.import_warm_up.setSingleShot(True)
        self.import_warm_up.setInterval(WARM_UP_MS)
        self.import_warm_up.timeout.connect(self._warm_up_import)
        self.import_warm_up.start()

    def _warm_up_import(self: MainWindow) -> None:
        threading.Thread(target=_warm_up, name="broadsheet-warm-up", daemon=True).start()


    def import_files(self: MainWindow) -> None:
        """File › Import Files…"""
        paths, _filter = QFileDialog.getOpenFileNames(
            self, "Import articles", str(Path.home()), "Text files (*.txt *.text *.md);;"
            "All files (*)")
        if paths:
            self.start_import([Path(p) for p in paths])

    def import_folder(self: MainWindow) -> None:
        """File › Import Folder…"""
        folder = QFileDialog.getExistingDirectory(self, "Import a folder of articles",
                                                  str(Path.home()))
        if folder:
            self.start_import([Path(folder)])

    def open_sample(self: MainWindow) -> None:
        """Fill the library with the sample articles that come with Broadsheet."""
        folder = sample_folder()
        if folder is not None:
            self.start_import([folder])

    def start_import(self: MainWindow, paths: list[Path]) -> bool:
        """Import on a worker thread with the progress dialog; False if one is running."""
        if self.import_dialog is not None and self.import_dialog.is_running():
            self.statusBar().showMessage(
                "An import is already running; try again when it has finished.", 6000)
            return False
        if self.import_dialog is not None:
            self.import_dialog.deleteLater()
        from broadsheet.ui.import_dialog import ImportDialog  # not paid at start-up

        gc.freeze()  # full collections over the session so far would stall the import's UI

        self.import_dialog = ImportDialog(self.library.path, self)
        self.import_dialog.import_progressed.connect(self._on_import_progress)
        self.import_dialog.import_finished.connect(self._on_import_finished)
        self.import_label.setText("Importing…")
        self.import_label.show()
        self.import_dialog.show()
        self.import_dialog.start(paths)
        return True

    def receive_paths(self: MainWindow, paths: list[Path]) -> None:
        """Files handed over by a second launch: bring the window up and import them."""
        self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
        self.raise_()
        self.activateWindow()
        if paths:
            self.start_import(paths)

    def _on_import_progress(self: MainWindow, done: int, total: int) -> None:
        self.import_label.setText(f"Importing {done:,}/{total:,}")

    def _on_import_finished(self: MainWindow, report: ImportReport) -> None:
        self.import_label.hide()
        was_empty = self.showing_welcome()
        self.model.refresh()
        if self.list_view.model() is self.model:
            self._select_current()
        self._after_import()
        self._show_library_or_welcome()
        if was_empty and not self.showing_welcome():
            self.go_to_row(0)
            self.list_view.setFocus()
        elif report.imported:
            self.refresh_current()  # its READ: lines may point at the newcomers now
        from broadsheet.ui.import_dialog import summary_text

        self.statusBar().showMessage(summary_text(report), 10000)

    def dragEnterEvent(self: MainWindow, event: QDragEnterEvent) -> None:  # noqa: N802
        """Highlight the window and say what a drop would do."""
        reason = refusal(event.mimeData())
        count = len(dropped_paths(event.mimeData()))
        message = reason or f"Drop to import {count} item{'s' if count != 1 else ''}"
        self.overlay.show_for(message, refused=reason is not None)
        event.acceptProposedAction()

    def dragMoveEvent(self: MainWindow, event: QDragMoveEvent) -> None:  # noqa: N802
        """Keep accepting while the drag moves over child widgets."""
        event.acceptProposedAction()

    def dragLeaveEvent(self: MainWindow, event: QDragLeaveEvent) -> None:  # noqa: N802
        """Drop the highlight."""
        self.overlay.hide()
        event.accept()

    def dropEvent(self: MainWindow, event: QDropEvent) -> None:  # noqa: N802
        """Import dropped files and folders; refuse anything else with a message."""
        self.overlay.hide()
        reason = refusal(event.mimeData())
        if reason:
            self.statusBar().showMessage(reason, 8000)
            event.ignore()
            return
        event.acceptProposedAction()
        self.start_import(dropped_paths(event.mimeData()))

