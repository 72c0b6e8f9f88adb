#!/usr/bin/env python3
"""Longest stall of the window's event loop while an import runs, against the idle loop.

Drives the real MainWindow (offscreen unless QT_QPA_PLATFORM says otherwise): a timer
ticks every 2 ms and every gap between ticks is recorded, first with nothing happening
(the baseline: timer jitter on this machine), then while the window imports a folder the
way a drop does.

    python tests/benchmarks/ui_stalls.py --corpus DIR [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


class Ticker:
    """Records the gaps between timer ticks of the event loop, in milliseconds."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.gaps: list[float] = []
        self.last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setInterval(2)
        self.timer.timeout.connect(self.tick)

    def tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append((now - self.last) * 1000)
        self.last = now

    def start(self) -> None:
        self.gaps.clear()
        self.last = time.perf_counter()
        self.timer.start()

    def stop(self) -> list[float]:
        self.timer.stop()
        return list(self.gaps)


def summary(gaps: list[float]) -> dict:
    """Longest gap (and when, as a share of the run), 99th percentile, gaps over 50 ms."""
    ordered = sorted(gaps) or [0.0]
    worst_at = gaps.index(ordered[-1]) / len(gaps) if gaps else 0.0
    return {"ticks": len(gaps), "max_ms": round(ordered[-1], 1),
            "max_at": round(worst_at, 3),
            "p99_ms": round(ordered[int(0.99 * (len(ordered) - 1))], 1),
            "median_ms": round(statistics.median(ordered), 2),
            "over_50ms": sum(1 for g in gaps if g > 50)}


def main() -> int:
    """Measure idle, then import; print a table or JSON."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, required=True)
    ap.add_argument("--idle-seconds", type=float, default=3.0)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    from PySide6.QtCore import QEventLoop, QSettings, QTimer

    from broadsheet.core.library import Library
    from broadsheet.ui.app import app_icon, application
    from broadsheet.ui.main_window import MainWindow

    app = application()
    with tempfile.TemporaryDirectory() as tmp:
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)
        settings = QSettings(str(Path(tmp) / "bench.ini"), QSettings.Format.IniFormat)
        library = Library(Path(tmp) / "bench.db")
        window = MainWindow(library, settings, app_icon())
        window.show()
        ticker = Ticker()
        loop = QEventLoop()

        ticker.start()
        QTimer.singleShot(int(args.idle_seconds * 1000), loop.quit)
        loop.exec()
        idle = summary(ticker.stop())

        started = time.perf_counter()
        ticker.start()
        window.start_import([args.corpus])
        assert window.import_dialog is not None
        window.import_dialog.import_finished.connect(loop.quit)
        loop.exec()
        importing = summary(ticker.stop())
        seconds = time.perf_counter() - started
        articles = library.count()
        window.close()
        library.close()
    del app
    document = {"corpus": str(args.corpus), "articles": articles,
                "import_seconds": round(seconds, 1), "idle": idle, "importing": importing,
                "platform": os.environ["QT_QPA_PLATFORM"]}
    if args.json:
        print(json.dumps(document, indent=1))
        return 0
    print(f"{articles} articles imported in {seconds:.1f} s "
          f"({document['platform']} platform)")
    print(f"{'':11}{'ticks':>8}{'median ms':>11}{'p99 ms':>9}{'max ms':>9}{'at':>7}"
          f"{'> 50 ms':>9}")
    for name, s in (("idle", idle), ("importing", importing)):
        print(f"{name:11}{s['ticks']:>8}{s['median_ms']:>11}{s['p99_ms']:>9}{s['max_ms']:>9}"
              f"{s['max_at']:>7.0%}{s['over_50ms']:>9}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
