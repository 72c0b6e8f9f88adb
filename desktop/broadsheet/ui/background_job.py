"""A job on a thread of its own: cancelled from any thread, telling progress now and then."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QObject, QThread

# Seconds between progress signals: enough to look live without flooding the UI thread.
PROGRESS_INTERVAL = 0.05


class BackgroundJob(QObject):
    """Base of the import and export workers: a cancel flag and a progress throttle."""

    def __init__(self) -> None:
        super().__init__()
        self._cancel = threading.Event()
        self._last = 0.0

    def run(self) -> None:
        """The job itself, on its thread: subclasses say what it is."""
        raise NotImplementedError

    def start_on(self, parent: QObject, name: str) -> QThread:
        """Move to a new thread owned by ``parent`` and run there; connect signals first."""
        thread = QThread(parent)
        thread.setObjectName(name)
        self.moveToThread(thread)
        thread.started.connect(self.run)
        thread.start()
        return thread

    def stop(self, thread: QThread) -> None:
        """Cancel, wait for ``thread`` (from ``start_on``) to end, then let both go."""
        self.cancel()  # a job still running ends at its next step; a finished one is unmoved
        thread.quit()
        thread.wait()
        self.deleteLater()
        thread.deleteLater()

    def cancel(self) -> None:
        """Ask the job to stop at its next step (any thread)."""
        self._cancel.set()

    def cancelled(self) -> bool:
        """True once ``cancel`` was called."""
        return self._cancel.is_set()

    def _progress_due(self, last: bool = False) -> bool:
        """True when progress should be told now: every PROGRESS_INTERVAL, and at the end."""
        now = time.monotonic()
        if last or now - self._last >= PROGRESS_INTERVAL:
            self._last = now
            return True
        return False
