"""The window's front door: check that Qt can start, then run the app; never a traceback."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from broadsheet.ui import preflight


def _say(message: str) -> None:
    print(message, file=sys.stderr)


def _install_fatal_handler() -> None:
    """Qt aborts the process when no platform plugin starts; say why before it does."""
    from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

    said: list[str] = []

    def handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if kind == QtMsgType.QtFatalMsg:
            _say(preflight.qt_failure([*said, message]))
            sys.stderr.flush()
            os._exit(1)  # Qt would abort() right after this returns
        if kind == QtMsgType.QtDebugMsg:
            return
        if (context.category or "").startswith("qt.qpa"):
            # Platform plugin chatter is misleading on its own ("xcb-cursor0 is needed" even
            # when it is installed); it is kept for the explanation if Qt gives up.
            said.append(message)
            del said[:-20]
        else:
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
