"""Slow queries and state writes off the UI thread, on a worker with its own connection."""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from broadsheet.core.library import Library, LibraryError, describe
from broadsheet.ui.signals import emit

Job = Callable[[Library], Any]
# While a worker runs Python (more like this weighs words for ~20 ms), every call Qt makes
# into Python on the UI thread (a model's data(), a paint) waits for the GIL, by default up
# to 5 ms a time: a paint of the list makes hundreds. 0.5 ms keeps the window at frame rate.
GIL_SWITCH_S = 0.0005
INTERRUPT_EVERY_MS = 20


class _Worker(QObject):
    """Lives on the worker thread; opens its own Library there on first use."""

    answered = Signal(int, str, object)
    failed = Signal(str, str)

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self.library: Library | None = None
        self.latest: dict[str, int] = {}

    @Slot(int, str, object)
    def run(self, ticket: int, kind: str, job: Job) -> None:
        """Run one job unless a newer one of the same kind is already queued."""
        if ticket < self.latest.get(kind, 0):
            return  # superseded: holding j should not queue up a hundred sidebars
        try:
            if self.library is None:
                self.library = Library(self.path)
            result = job(self.library)
        except LibraryError as error:
            emit(self.failed, kind, str(error))
            return
        except sqlite3.Error as error:
            if getattr(error, "sqlite_errorcode", None) == sqlite3.SQLITE_INTERRUPT:
                return  # abandoned: the window is closing (QueryRunner.stop)
            reason = describe(error)
            if reason is None:
                raise
            emit(self.failed, kind, reason)
            return
        emit(self.answered, ticket, kind, result)

    @Slot()
    def close(self) -> None:
        """Close the connection on the thread that opened it, then end the thread.

        Queued after every job already submitted, so writes of reading state are not lost.
        """
        if self.library is not None:
            self.library.close()
            self.library = None
        QThread.currentThread().quit()


class QueryRunner(QObject):
    """Submit jobs by kind; ``answered`` brings back only the newest answer of each kind."""

    answered = Signal(str, object)
    failed = Signal(str, str)
    _submitted = Signal(int, str, object)
    _closing = Signal()

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        sys.setswitchinterval(min(sys.getswitchinterval(), GIL_SWITCH_S))
        self._thread = QThread(self)
        self._thread.setObjectName("broadsheet-queries")
        self._worker = _Worker(path)
        self._worker.moveToThread(self._thread)
        self._submitted.connect(self._worker.run)
        self._closing.connect(self._worker.close)
        self._worker.answered.connect(self._on_answered)
        self._worker.failed.connect(self.failed)
        self._thread.finished.connect(self._worker.deleteLater)
        self._ticket = 0
        self._wanted: dict[str, int] = {}
        self._thread.start()

    def submit(self, kind: str, job: Job, *, latest_only: bool = True) -> None:
        """Queue a job; with latest_only an older queued job of the same kind is skipped."""
        self._ticket += 1
        if latest_only:
            self._wanted[kind] = self._ticket
            self._worker.latest[kind] = self._ticket  # a plain int store: safe across threads
        emit(self._submitted, self._ticket, kind, job)

    @Slot(int, str, object)
    def _on_answered(self, ticket: int, kind: str, result: object) -> None:
        if ticket >= self._wanted.get(kind, 0):
            emit(self.answered, kind, result)

    def stop(self, abandon: bool = False) -> None:
        """Finish queued work, close the connection, and end the thread.

        With ``abandon`` the query running now is interrupted: for read-only work that
        can take seconds (more like this on a large library), which no one waits for.
        """
        if not self._thread.isRunning():
            return
        emit(self._closing)
        if not abandon:
            self._thread.wait()
            return
        # An interrupt only stops the statement running at that moment: repeat it until the
        # thread has ended, so a statement the job starts a moment later is stopped too.
        while not self._thread.wait(INTERRUPT_EVERY_MS):
            library = self._worker.library
            try:
                if library is not None:
                    library.conn.interrupt()  # sqlite3_interrupt: safe from any thread
            except sqlite3.ProgrammingError:
                pass  # closed by the worker in between: it is finishing
