"""Import files and folders on a worker thread: progress, rate, Cancel, and a closing summary."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import Qt, QThread, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from broadsheet.core.importer import ImportReport, import_paths
from broadsheet.core.library import Library, LibraryError
from broadsheet.ui.background_job import BackgroundJob
from broadsheet.ui.signals import emit


class ImportWorker(BackgroundJob):
    """Runs one import on its own thread with its own Library connection."""

    progressed = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, library_path: Path, paths: list[Path]) -> None:
        super().__init__()
        self.library_path = library_path
        self.paths = paths

    @Slot()
    def run(self) -> None:
        """Import everything, then report; a library that cannot be opened is reported too."""
        try:
            with Library(self.library_path) as library:
                report = import_paths(library, self.paths, progress=self._progress,
                                      cancelled=self.cancelled, read_here=False)
        except LibraryError as error:
            emit(self.failed, str(error))
            return
        emit(self.finished, report)

    def _progress(self, done: int, total: int, path: str) -> None:
        if self._progress_due(last=done >= total):
            emit(self.progressed, done, total, path)


def duration(seconds: float) -> str:
    """A rough time span for people: '40 s', '12 min', '2 h 5 min'."""
    if seconds < 60:
        return f"{seconds:.0f} s"
    minutes = round(seconds / 60)
    return f"{minutes} min" if minutes < 60 else f"{minutes // 60} h {minutes % 60} min"


def summary_text(report: ImportReport) -> str:
    """One sentence for the end of an import."""
    parts = [f"{report.imported} article{'s' if report.imported != 1 else ''} imported"]
    if report.duplicates:
        parts.append(f"{report.duplicates} already in the library")
    if report.skipped:
        parts.append(f"{len(report.skipped)} refused")
    head = "Import cancelled: " if report.cancelled else ""
    return head + ", ".join(parts) + f" in {report.seconds:.1f} s."


def clean(report: ImportReport) -> bool:
    """True when an import finished with nothing refused, duplicated or failed."""
    return not (report.cancelled or report.error or report.skipped or report.duplicates)


class ImportDialog(QDialog):
    """Shows one import from start to summary; the window stays usable meanwhile."""

    import_finished = Signal(object)
    import_progressed = Signal(int, int)

    def __init__(self, library_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle("Import articles")
        self.setMinimumWidth(560)
        self.library_path = library_path
        self.report: ImportReport | None = None
        self._thread: QThread | None = None
        self._worker: ImportWorker | None = None
        self._started = 0.0
        self._build()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.heading = QLabel("Looking for files…")
        self.heading.setObjectName("importHeading")
        self.current = QLabel("")
        self.current.setObjectName("importCurrent")
        self.current.setTextFormat(Qt.TextFormat.PlainText)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.bar.setAccessibleName("Import progress")
        self.rate = QLabel("")
        self.details = QTreeWidget()
        self.details.setAccessibleName("Files not imported")
        self.details.setAccessibleDescription("Each file left out, and why")
        self.details.setHeaderLabels(["File", "Why it was not imported"])
        self.details.setRootIsDecorated(False)
        self.details.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.details.hide()
        self.buttons = QDialogButtonBox()
        self.cancel_button = QPushButton("Cancel")
        self.close_button = QPushButton("Close")
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button.hide()
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.accept)
        for widget in (self.heading, self.current, self.bar, self.rate, self.details,
                       self.buttons):
            layout.addWidget(widget)

    def is_running(self) -> bool:
        """True while the worker thread is importing."""
        return self._thread is not None

    def start(self, paths: list[Path]) -> None:
        """Begin importing on a new thread."""
        if self.is_running():
            raise RuntimeError("an import is already running")
        self._started = time.monotonic()
        self._worker = ImportWorker(self.library_path, paths)
        self._worker.progressed.connect(self._on_progress)
        self._worker.finished.connect(self._on_finished)
        self._worker.failed.connect(self._on_failed)
        self._thread = self._worker.start_on(self, "broadsheet-import")

    def cancel(self) -> None:
        """Stop after the current file; what was imported so far stays."""
        if self._worker is not None:
            self._worker.cancel()
            self.heading.setText("Cancelling…")
            self.cancel_button.setEnabled(False)
        else:
            self.reject()

    def _on_progress(self, done: int, total: int, path: str) -> None:
        self.bar.setRange(0, total)
        self.bar.setValue(done)
        self.heading.setText(f"Importing {done:,} of {total:,} files")
        width = max(self.current.width() - 8, 200)
        self.current.setText(self.current.fontMetrics().elidedText(
            path, Qt.TextElideMode.ElideMiddle, width))
        elapsed = max(time.monotonic() - self._started, 1e-3)
        rate = done / elapsed
        left = (total - done) / rate if rate > 0 else 0
        self.rate.setText(f"{rate:,.0f} file{'s' if round(rate) != 1 else ''} a second"
                          + (f" · about {duration(left)} left" if left >= 1 else ""))
        emit(self.import_progressed, done, total)

    def _on_finished(self, report: ImportReport) -> None:
        self.report = report
        self.shutdown()
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        self.heading.setText(summary_text(report))
        self.current.setText(report.error or "")
        self.rate.setText("")
        self._show_details(report)
        emit(self.import_finished, report)
        if clean(report):
            self.accept()  # nothing to read in a summary; the status bar says how many

    def _on_failed(self, message: str) -> None:
        self.shutdown()
        self.report = ImportReport(error=message)
        self.heading.setText("Nothing was imported.")
        self.current.setText(message)
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self._show_details(self.report)
        emit(self.import_finished, self.report)

    def _show_details(self, report: ImportReport) -> None:
        self.details.clear()
        for path in report.duplicate_paths:
            QTreeWidgetItem(self.details, [path, "already in the library (duplicate)"])
        for item in report.skipped:
            QTreeWidgetItem(self.details, [item.path, item.reason])
        self.details.setVisible(self.details.topLevelItemCount() > 0)
        self.cancel_button.hide()
        self.close_button.show()
        self.close_button.setDefault(True)
        self.close_button.setFocus()

    def shutdown(self) -> None:
        """Cancel and wait for the worker: a QThread destroyed while running aborts."""
        if self._thread is not None:
            self._worker.stop(self._thread)
        self._thread = None
        self._worker = None

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """Closing while importing means cancel."""
        if self.is_running():
            self.cancel()
        super().closeEvent(event)

    def reject(self) -> None:
        """Escape cancels a running import, or closes the summary."""
        if self.is_running():
            self.cancel()
            return
        super().reject()
