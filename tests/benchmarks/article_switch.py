#!/usr/bin/env python3
"""Article switch: from the key press (j) to the reader having painted the next article.

Drives the real MainWindow (offscreen unless QT_QPA_PLATFORM says otherwise) on an
existing library: focus on the list, press j, and time until the reader's viewport has
handled its paint event; repeated down the list.

    python tests/benchmarks/article_switch.py --library DB [--presses N] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

from gui import PaintWatch, open_window, spin_until
from measure import percentile, spread


def main() -> int:
    """Press j N times; print p50/p95/max in milliseconds."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--library", type=Path, required=True)
    ap.add_argument("--presses", type=int, default=200)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    times: list[float] = []
    cpu: list[float] = []  # the UI thread's own CPU time: what a quiet machine would see
    with open_window(args.library) as window:
        watch = PaintWatch(window.reader.viewport())
        window.go_to_row(0)
        window.list_view.setFocus()
        for _ in range(20):
            QApplication.processEvents()
        for _ in range(args.presses):
            watch.painted_at = 0.0
            pressed, pressed_cpu = time.perf_counter(), time.thread_time()
            QTest.keyClick(window.list_view, Qt.Key.Key_J)
            spin_until(lambda: watch.painted_at >= pressed, 2.0)  # noqa: B023 (waited on here)
            cpu.append((time.thread_time() - pressed_cpu) * 1000)
            times.append((watch.painted_at - pressed) * 1000 if watch.painted_at else 2000.0)
    document = {"library": str(args.library), "presses": len(times), **spread(times),
                "cpu_p50_ms": round(statistics.median(cpu), 2),
                "cpu_p95_ms": round(percentile(cpu, 0.95), 2),
                "load_average": round(os.getloadavg()[0], 2),
                "platform": os.environ["QT_QPA_PLATFORM"]}
    if args.json:
        print(json.dumps(document, indent=1))
    else:
        print(f"{document['presses']} presses of j on {args.library} "
              f"({document['platform']} platform): p50 {document['p50_ms']} ms, "
              f"p95 {document['p95_ms']} ms, max {document['max_ms']} ms; UI thread CPU"
              f" p50 {document['cpu_p50_ms']} ms, p95 {document['cpu_p95_ms']} ms"
              f" (load average {document['load_average']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
