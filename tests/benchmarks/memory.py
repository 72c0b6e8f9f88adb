#!/usr/bin/env python3
"""Memory with the library open, against a bare PySide6 window with the same three widgets.

Each side is a fresh process. The bare window (a table, a text browser and a list in a
splitter) is measured once painted. Broadsheet's window is measured once its first article
and sidebar are filled ("open"), and again after a session's worth of use ("used"): End,
Home, 50 presses of j, and a page of rows at every tenth of the list. RSS is VmRSS at that
moment; peak is VmHWM over the whole run.

    python tests/benchmarks/memory.py --library DB [--rounds N] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from measure import status_mb

SETTLE_MS = 500  # after the last paint, before reading RSS


def _work(seconds: float) -> None:
    """Let the window run for a moment: paints, worker answers."""
    from gui import spin_until

    until = time.perf_counter() + seconds
    spin_until(lambda: time.perf_counter() > until, seconds + 1)


def child_bare() -> dict:
    """RSS of the bare window once shown and painted."""
    from gui import PaintWatch, spin_until
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import (
        QApplication,
        QListWidget,
        QMainWindow,
        QSplitter,
        QTableView,
        QTextBrowser,
    )

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    splitter = QSplitter(Qt.Orientation.Horizontal)
    table = QTableView()
    for widget in (table, QTextBrowser(), QListWidget()):
        splitter.addWidget(widget)
    window.setCentralWidget(splitter)
    window.resize(1280, 800)
    watch = PaintWatch(table.viewport())
    window.show()
    spin_until(lambda: watch.painted_at > 0, 30)
    _work(SETTLE_MS / 1000)
    result = {"open_mb": status_mb("VmRSS")}
    result.update(used_mb=result["open_mb"], peak_mb=status_mb("VmHWM"))
    window.close()
    del app
    return result


def child_broadsheet(library: Path) -> dict:
    """RSS of Broadsheet's window open on the library, then after some use."""
    from gui import PaintWatch, open_window, spin_until
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from broadsheet.ui.sidebar import LOOKING

    with open_window(library) as window:
        watch = PaintWatch(window.list_view.viewport())
        spin_until(lambda: watch.painted_at > 0, 60)
        spin_until(lambda: window.sidebar.section_titles("More like this") != [LOOKING], 300)
        _work(SETTLE_MS / 1000)
        result = {"open_mb": status_mb("VmRSS"), "articles": window.model.total()}
        view = window.list_view
        view.setFocus()
        for key in (Qt.Key.Key_End, Qt.Key.Key_Home):
            QTest.keyClick(view, key)
            _work(0.05)
        for _ in range(50):
            QTest.keyClick(view, Qt.Key.Key_J)
            _work(0.005)
        total = window.model.total()
        for tenth in range(10):
            window.go_to_row(total * tenth // 10)
            _work(0.02)
        _work(2.0)  # the worker answers what the moves asked for
        _work(SETTLE_MS / 1000)
        result.update(used_mb=status_mb("VmRSS"), peak_mb=status_mb("VmHWM"))
    return result


def measure(side: str, library: Path) -> dict:
    """One side in a fresh process."""
    proc = subprocess.run([sys.executable, __file__, "--child", side, "--library", str(library)],
                          capture_output=True, text=True, check=False)
    if proc.returncode:
        raise SystemExit(f"{side} run failed ({proc.returncode}): {proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> int:
    """Alternate bare and Broadsheet; print medians."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--library", type=Path, required=True)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--child", choices=["bare", "broadsheet"], help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        result = child_bare() if args.child == "bare" else child_broadsheet(args.library)
        print(json.dumps(result))
        return 0
    runs: dict[str, list[dict]] = {"bare": [], "broadsheet": []}
    for _ in range(args.rounds):
        for side in runs:
            runs[side].append(measure(side, args.library))
    summary = {side: {key: round(statistics.median(r[key] for r in rs), 1)
                      for key in ("open_mb", "used_mb", "peak_mb")}
               for side, rs in runs.items()}
    bare = summary["bare"]["open_mb"]
    document = {"library": str(args.library), "articles": runs["broadsheet"][0]["articles"],
                "rounds": args.rounds, **summary,
                "extra_open_mb": round(summary["broadsheet"]["open_mb"] - bare, 1),
                "extra_used_mb": round(summary["broadsheet"]["used_mb"] - bare, 1),
                "extra_peak_mb": round(summary["broadsheet"]["peak_mb"]
                                       - summary["bare"]["peak_mb"], 1),
                "platform": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    if args.json:
        print(json.dumps(document, indent=1))
        return 0
    print(f"library {args.library} ({document['articles']:,} articles), {args.rounds} rounds,"
          f" medians in MB")
    print(f"{'':12}{'open':>9}{'used':>9}{'peak':>9}")
    for side, s in summary.items():
        print(f"{side:12}{s['open_mb']:>9.1f}{s['used_mb']:>9.1f}{s['peak_mb']:>9.1f}")
    print(f"over bare: open {document['extra_open_mb']} MB, after use"
          f" {document['extra_used_mb']} MB, peak {document['extra_peak_mb']} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
