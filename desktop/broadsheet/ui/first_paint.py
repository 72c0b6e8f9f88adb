"""Run something once a widget has been painted for the first time."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _FirstPaint(QObject):
    def __init__(self, widget: QWidget, callback: Callable[[], None], fallback_ms: int) -> None:
        super().__init__(widget)
        self.widget, self.callback, self.done = widget, callback, False
        widget.installEventFilter(self)
        # A widget that is never painted (a pane collapsed to nothing) must not hold it back.
        QTimer.singleShot(fallback_ms, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.widget and event.type() == QEvent.Type.Paint and not self.done:
            # After the paint, not during it: the frame reaches the screen first.
            QTimer.singleShot(0, self, self._run)
        return False

    def _run(self) -> None:
        if self.done:
            return
        self.done = True
        self.widget.removeEventFilter(self)
        self.callback()  # the object stays, idle, until the widget goes


def after_first_paint(widget: QWidget, callback: Callable[[], None],
                      fallback_ms: int = 1000) -> None:
    """Call ``callback`` just after ``widget`` first paints, or after ``fallback_ms`` at most."""
    _FirstPaint(widget, callback, fallback_ms)
