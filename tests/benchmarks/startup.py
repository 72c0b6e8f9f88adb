#!/usr/bin/env python3
"""Start to first painted list, and memory once idle, against a bare PySide6 window.

Each start is a fresh process, timed from just before it is launched to the moment the
article list's first paint event has been handled. The baseline is a bare window with
the same three widgets (a table, a text browser, a list) in splitters, empty. Memory is
the resident set size a second after that paint.

    python tests/benchmarks/startup.py --library DB [--runs N] [--json]
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

_CHILD_COMMON = r"""
import os, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
def rss_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
class FirstPaint(QObject):
    def __init__(self, app):
        super().__init__()
        self.app, self.done = app, False
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            QTimer.singleShot(0, self.painted)
        return False
    def painted(self):
        print("painted", flush=True)
        QTimer.singleShot(1000, self.settled)
    def settled(self):
        print(f"rss {rss_mb():.1f}", flush=True)
        self.app.quit()
"""

BARE = _CHILD_COMMON + r"""
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QApplication, QListWidget, QMainWindow, QSplitter, QTableView,
                               QTextBrowser)
app = QApplication(sys.argv[:1])
window = QMainWindow()
splitter = QSplitter(Qt.Orientation.Horizontal)
table, reader, side = QTableView(), QTextBrowser(), QListWidget()
for widget in (table, reader, side):
    splitter.addWidget(widget)
window.setCentralWidget(splitter)
window.resize(1280, 800)
watch = FirstPaint(app)
table.viewport().installEventFilter(watch)
window.show()
app.exec()
"""

BROADSHEET = _CHILD_COMMON + r"""
from pathlib import Path
from PySide6.QtCore import QSettings
from broadsheet.core.library import Library
from broadsheet.ui.app import app_icon, application
app = application()
from broadsheet.ui.main_window import MainWindow
library = Library(Path(sys.argv[1]))
settings = QSettings(sys.argv[2], QSettings.Format.IniFormat)
window = MainWindow(library, settings, app_icon(), article_after_paint=True)
window.resize(1280, 800)
watch = FirstPaint(app)
window.list_view.viewport().installEventFilter(watch)
QTimer.singleShot(60000, lambda: sys.exit(3))  # an empty library never paints a list
window.show()
app.exec()
library.close()
"""


def start_once(code: str, *args: str) -> tuple[float, float]:
    """Seconds from launch to the list's first paint, and RSS in MB a second later."""
    env = {**os.environ, "BROADSHEET_NO_SINGLE_INSTANCE": "1"}
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE,
                            text=True, env=env)
    assert proc.stdout is not None
    painted = rss = None
    for line in proc.stdout:
        if line.startswith("painted") and painted is None:
            painted = time.perf_counter() - started
        elif line.startswith("rss"):
            rss = float(line.split()[1])
    if proc.wait() != 0 or painted is None or rss is None:
        raise SystemExit(f"a start failed (exit {proc.returncode})")
    return painted, rss


def main() -> int:
    """Alternate bare and Broadsheet starts; print medians and ratios."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--library", type=Path, required=True)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    settings = Path(os.environ.get("TMPDIR", "/tmp")) / f"broadsheet-bench-{os.getpid()}.ini"
    # Byte code as a user's machine has it after the first start. Where the environment says
    # PYTHONDONTWRITEBYTECODE, every edited module would be compiled again at each start.
    import broadsheet

    compileall.compile_dir(Path(broadsheet.__file__).parent, quiet=1)
    results: dict[str, list[tuple[float, float]]] = {"bare": [], "broadsheet": []}
    start_once(BARE)  # warm the page cache for Qt's libraries
    for _ in range(args.runs):
        results["bare"].append(start_once(BARE))
        results["broadsheet"].append(start_once(BROADSHEET, str(args.library), str(settings)))
    settings.unlink(missing_ok=True)
    summary = {name: {"start_s": round(statistics.median(t for t, _ in runs), 3),
                      "rss_mb": round(statistics.median(m for _, m in runs), 1)}
               for name, runs in results.items()}
    ratio = [b[0] / a[0] for a, b in zip(results["bare"], results["broadsheet"], strict=True)]
    document = {"library": str(args.library), "runs": args.runs, **summary,
                "start_ratio": round(statistics.median(ratio), 2),
                "extra_rss_mb": round(summary["broadsheet"]["rss_mb"]
                                      - summary["bare"]["rss_mb"], 1),
                "platform": os.environ["QT_QPA_PLATFORM"]}
    if args.json:
        print(json.dumps(document, indent=1))
        return 0
    print(f"library {args.library}, {args.runs} runs each, medians "
          f"({document['platform']} platform)")
    print(f"{'':12}{'start s':>9}{'RSS MB':>9}")
    for name, s in summary.items():
        print(f"{name:12}{s['start_s']:>9.3f}{s['rss_mb']:>9.1f}")
    print(f"start ratio broadsheet/bare: {document['start_ratio']:.2f}   "
          f"extra memory: {document['extra_rss_mb']:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
