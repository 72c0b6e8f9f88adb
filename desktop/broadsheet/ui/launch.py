"""The window's front door: check that Qt can start, then run the app; never a traceback."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from broadsheet.ui import preflight


def _say(message: str) -> None:
    print(message, file=sys.stderr)


# How Qt's xcb plugin starts the warning it gives just before it exits.
DISPLAY_GONE = "The X11 connection broke"
_window_shown = False


def window_shown() -> None:
    """Record that the platform plugin started: a fatal error now means the display went."""
    global _window_shown
    _window_shown = True


def _install_fatal_handler() -> None:
    """Qt ends the process when no platform plugin starts or the display goes; say why."""
    from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

    said: list[str] = []

    def handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if kind == QtMsgType.QtFatalMsg or (_window_shown and message.startswith(DISPLAY_GONE)):
            # Qt calls exit() right after saying the display has gone, or abort() after a
            # fatal message; either way say why first, and end without half-run teardown.
            _say(preflight.qt_failure([*said, message], _window_shown))
            sys.stderr.flush()
            os._exit(1)
        if kind == QtMsgType.QtDebugMsg:
            return
        # Everything is kept for the explanation if Qt gives up; platform plugin chatter is
        # not shown on its own, being misleading ("xcb-cursor0 is needed" when it is there).
        said.append(message)
        del said[:-20]
        if not (context.category or "").startswith("qt.qpa"):
            _say(f"qt: {message}")

    qInstallMessageHandler(handler)


def launch(library_path: Path, paths: list[Path]) -> int:
    """Open the window on a library, importing PATHs as if dropped; returns the exit status."""
    problem = preflight.display_problem()
    if problem:
        _say(problem)
        return 1
    try:
        import PySide6.QtWidgets  # noqa: F401  (loads QtGui and its system libraries)
    except ImportError as error:
        _say(preflight.import_problem(error))
        return 1
    _install_fatal_handler()
    from broadsheet.ui.app import run

    return run(Path(library_path), [Path(p) for p in paths])
