#!/usr/bin/env python3
"""Import throughput against a floor measured in the same run.

The floor reads the same files and inserts title and body with sqlite-utils into a table
with an FTS5 index, nothing else. Broadsheet's import does that plus decoding, parsing,
dedup, links and resolution. Each side runs in its own process so peak RSS is its own.

    python tests/benchmarks/import_speed.py --corpus DIR [--rounds N] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def corpus_files(corpus: Path) -> list[str]:
    """Every text file under the corpus folder, as the import would see them."""
    return sorted(str(p) for p in corpus.rglob("*.txt") if not p.name.startswith("."))


def run_floor(files: list[str], db_file: Path) -> int:
    """Read files, insert title and body with sqlite-utils into an FTS5-indexed table."""
    import sqlite_utils

    db = sqlite_utils.Database(db_file)
    db.execute("PRAGMA journal_mode = WAL")
    db["floor"].create({"id": int, "title": str, "body": str}, pk="id")
    db["floor"].enable_fts(["title", "body"], create_triggers=True)

    def rows():
        for path in files:
            with open(path, "rb") as handle:
                text = handle.read().decode("utf-8", "replace")
            title, _, body = text.strip().partition("\n")
            yield {"title": title, "body": body}

    count = 0
    batch: list[dict] = []
    for row in rows():
        batch.append(row)
        if len(batch) == 500:
            with db.atomic():
                db["floor"].insert_all(batch)
            count += len(batch)
            batch = []
    with db.atomic():
        db["floor"].insert_all(batch)
    count += len(batch)
    db.close()
    return count


def run_broadsheet(corpus: Path, db_file: Path) -> int:
    """Broadsheet's own import of the folder into a fresh library."""
    from broadsheet.core.importer import import_paths
    from broadsheet.core.library import Library

    with Library(db_file) as library:
        report = import_paths(library, [corpus])
    return report.imported + report.duplicates


def _child(side: str, corpus: Path, db_file: Path) -> None:
    started = time.perf_counter()
    if side == "floor":
        count = run_floor(corpus_files(corpus), db_file)
    else:
        count = run_broadsheet(corpus, db_file)
    print(json.dumps({"files": count, "seconds": time.perf_counter() - started}))


def measure(side: str, corpus: Path) -> dict:
    """Run one side in a fresh process; its time, file count, peak RSS and library size."""
    with tempfile.TemporaryDirectory() as tmp:
        db_file = Path(tmp) / "bench.db"
        proc = subprocess.Popen([sys.executable, __file__, "--child", side, "--corpus",
                                 str(corpus), "--db", str(db_file)], stdout=subprocess.PIPE)
        assert proc.stdout is not None
        out = proc.stdout.read()
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode:
            raise SystemExit(f"{side} run failed with status {proc.returncode}")
        result = json.loads(out)
        size = sum(f.stat().st_size for f in Path(tmp).iterdir())
    # CPU of the side and its helper processes: on a machine of few cores, reading and
    # storing cannot finish sooner than cpu_s / cores however well they overlap.
    result.update(side=side, peak_rss_mb=usage.ru_maxrss / 1024, db_mb=size / 1e6,
                  files_per_second=result["files"] / result["seconds"],
                  cpu_s=usage.ru_utime + usage.ru_stime)
    return result


def main() -> int:
    """Measure both sides, alternating, and print a table or JSON."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, required=True)
    ap.add_argument("--rounds", type=int, default=1, help="alternate floor/broadsheet N times")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--child", choices=["floor", "broadsheet"], help=argparse.SUPPRESS)
    ap.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        _child(args.child, args.corpus, args.db)
        return 0
    files = corpus_files(args.corpus)
    raw_bytes = 0
    for path in files:  # warm the page cache so neither side pays for cold reads
        with open(path, "rb") as handle:
            raw_bytes += len(handle.read())
    runs: dict[str, list[dict]] = {"floor": [], "broadsheet": []}
    for _ in range(args.rounds):
        for side in ("floor", "broadsheet"):
            runs[side].append(measure(side, args.corpus))
    summary = {side: {
        "files_per_second": statistics.median(r["files_per_second"] for r in rs),
        "seconds": statistics.median(r["seconds"] for r in rs),
        "cpu_s": statistics.median(r["cpu_s"] for r in rs),
        "peak_rss_mb": max(r["peak_rss_mb"] for r in rs),
        "db_mb": rs[-1]["db_mb"],
    } for side, rs in runs.items()}
    ratio = summary["broadsheet"]["files_per_second"] / summary["floor"]["files_per_second"]
    document = {"corpus": str(args.corpus), "files": len(files), "raw_mb": raw_bytes / 1e6,
                "rounds": args.rounds, **summary, "ratio_to_floor": round(ratio, 3),
                "db_to_raw": round(summary["broadsheet"]["db_mb"] * 1e6 / raw_bytes, 3)}
    if args.json:
        print(json.dumps(document, indent=1))
        return 0
    print(f"corpus {args.corpus}: {len(files)} files, {raw_bytes / 1e6:.1f} MB, "
          f"{args.rounds} round(s), medians")
    print(f"{'':12}{'files/s':>10}{'seconds':>10}{'CPU s':>8}{'peak RSS MB':>13}{'db MB':>9}")
    for side, s in summary.items():
        print(f"{side:12}{s['files_per_second']:>10.0f}{s['seconds']:>10.1f}{s['cpu_s']:>8.1f}"
              f"{s['peak_rss_mb']:>13.0f}{s['db_mb']:>9.1f}")
    print(f"ratio broadsheet/floor: {ratio:.2f}   library size / raw text: "
          f"{document['db_to_raw']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
