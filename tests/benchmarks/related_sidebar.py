#!/usr/bin/env python3
"""Related sidebar: from the key press (j) to the sidebar painted with its related articles.

Drives the real MainWindow (offscreen unless QT_QPA_PLATFORM says otherwise) on an
existing library: j moves to the next article, the worker works out backlinks, the same
story and more like this, and the time runs until the sidebar's viewport has painted that
answer. Each press waits for its answer before the next. The first answer after the window
opens, which also reads the library's word frequencies, is reported on its own.

    python tests/benchmarks/related_sidebar.py --library DB [--presses N] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from gui import PaintWatch, open_window, spin_until
from measure import spread

TIMEOUT_S = 120.0  # the first answer on a million articles can take this long


def main() -> int:
    """Press j N times, each time waiting for the sidebar; print p50/p95/max in ms."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--library", type=Path, required=True)
    ap.add_argument("--presses", type=int, default=100)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    answered = {"at": 0.0}

    def on_answer(kind: str, _result: object) -> None:
        if kind == "related":  # the window's own slot, connected first, has filled the sidebar
            answered["at"] = time.perf_counter()

    times: list[float] = []
    with open_window(args.library) as window:
        opened = time.perf_counter()
        window.related_queries.answered.connect(on_answer)
        watch = PaintWatch(window.sidebar.viewport())
        if not window.model.total():
            raise SystemExit(f"{args.library}: no articles")
        window.go_to_row(0)
        window.list_view.setFocus()
        spin_until(lambda: answered["at"] and watch.painted_at > answered["at"], TIMEOUT_S)
        first_ms = (watch.painted_at - opened) * 1000
        for _ in range(args.presses):
            answered["at"] = 0.0
            pressed = time.perf_counter()
            QTest.keyClick(window.list_view, Qt.Key.Key_J)
            filled = spin_until(lambda: answered["at"] and watch.painted_at > answered["at"],
                                TIMEOUT_S)
            times.append((watch.painted_at - pressed) * 1000 if filled else TIMEOUT_S * 1000)
        articles = window.model.total()
    document = {"library": str(args.library), "articles": articles, "presses": len(times),
                "first_ms": round(first_ms, 1), **spread(times),
                "platform": os.environ["QT_QPA_PLATFORM"]}
    if args.json:
        print(json.dumps(document, indent=1))
    else:
        print(f"{document['presses']} presses of j on {args.library} ({articles:,} articles,"
              f" {document['platform']} platform): sidebar filled p50 {document['p50_ms']} ms,"
              f" p95 {document['p95_ms']} ms, max {document['max_ms']} ms;"
              f" first after opening {document['first_ms']} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
