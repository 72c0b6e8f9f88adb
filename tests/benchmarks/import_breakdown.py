#!/usr/bin/env python3
"""Where an import's time goes, and the best throughput those costs allow on this machine.

Times, in one run on the same files: the reading (each step's CPU time: read, decode, parse,
prepare), the writer alone storing what was read (each step of a batch, commit included),
the writer storing only the rows and their full-text index (every other index dropped: the
floor's work with Broadsheet's columns), and the floor of import_speed.py. An import runs
the reading and the writer side by side, so on C cores it cannot take less than the writer
alone nor less than (reading + writer) / C; "bound" gives the best ratio to the floor that
allows, for the full writer and for the rows-and-index-only one. Keeps every prepared file
in memory (about 4 kB a file).

    python tests/benchmarks/import_breakdown.py --corpus DIR [--files N] [--rounds N] [--json]
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from import_speed import corpus_files, run_floor

from broadsheet.core.decode import decode
from broadsheet.core.importer import (
    BATCH_SIZE,
    IMPORT_CACHE_KIB,
    split_duplicates,
    store_links,
)
from broadsheet.core.library import Library, Prepared, prepare
from broadsheet.core.parse import parse
from broadsheet.core.related import resolve_after_import, store_sketches

WRITER_STEPS = ("dedup", "rows and full-text index", "links", "sketches", "resolution",
                "commit")


def read_files(files: list[str]) -> tuple[list[Prepared], dict[str, float]]:
    """Every file prepared as the import's reading does it, and each step's CPU seconds."""
    seconds = dict.fromkeys(("read", "decode", "parse", "prepare"), 0.0)
    items = []
    for path in files:
        started = time.process_time()
        with open(path, "rb") as handle:
            data = handle.read()
        read = time.process_time()
        decoded = decode(data)
        decoded_at = time.process_time()
        article = parse(decoded.text, path)
        parsed = time.process_time()
        items.append(prepare(article, decoded.text, decoded.encoding, len(data)))
        done = time.process_time()
        seconds["read"] += read - started
        seconds["decode"] += decoded_at - read
        seconds["parse"] += parsed - decoded_at
        seconds["prepare"] += done - parsed
    return items, seconds


def _batches(items: list[Prepared]) -> list[list[Prepared]]:
    return [items[start:start + BATCH_SIZE] for start in range(0, len(items), BATCH_SIZE)]


def store_all(items: list[Prepared], db_file: Path) -> tuple[dict[str, float], dict[str, int]]:
    """The writer's part of an import, batch by batch as the importer stores them: each
    step's seconds, and how many rows each table holds at the end."""
    seconds = dict.fromkeys(WRITER_STEPS, 0.0)
    with Library(db_file) as library:
        conn = library.conn
        conn.execute(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB}")
        for batch in _batches(items):
            clock = _Clock(seconds)
            conn.execute("BEGIN IMMEDIATE")
            fresh, _ = clock("dedup", split_duplicates, library, batch)
            ids = clock("rows and full-text index", library.add_articles, fresh)
            clock("links", store_links, library, fresh, ids)
            clock("sketches", store_sketches, library, fresh, ids)
            clock("resolution", resolve_after_import, library, ids)
            clock("commit", conn.execute, "COMMIT")
        stored = {table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                  for table in ("articles", "links", "sketches")}
    return seconds, stored


def store_rows_only(items: list[Prepared], db_file: Path) -> float:
    """Seconds to store the rows with their full-text index and no other index."""
    with Library(db_file) as library:
        conn = library.conn
        conn.execute(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB}")
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'"
                                    " AND tbl_name = 'articles' AND sql IS NOT NULL").fetchall():
            conn.execute(f"DROP INDEX {name}")
        started = time.perf_counter()
        for batch in _batches(items):
            with library.transaction():
                library.add_articles(batch)
        return time.perf_counter() - started


class _Clock:
    """Calls a step and adds its wall-clock seconds to its total."""

    def __init__(self, totals: dict[str, float]) -> None:
        self.totals = totals

    def __call__(self, step: str, call: Callable, *args: object):
        started = time.perf_counter()
        result = call(*args)
        self.totals[step] += time.perf_counter() - started
        return result


def _timed(call: Callable[[Path], object]) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        call(Path(tmp) / "bench.db")
        return time.perf_counter() - started


def measure(files: list[str], rounds: int) -> dict:
    """Reading once, then floor, rows-only writer and full writer alternating, medians."""
    for path in files:  # warm the page cache, as import_speed.py does
        with open(path, "rb") as handle:
            handle.read()
    # The import lets go of each file once stored; kept here, they would make every full
    # pass of the garbage collector walk them all, a cost the import does not pay.
    gc.disable()
    items, reading = read_files(files)
    gc.freeze()
    gc.enable()
    floors: list[float] = []
    rows_only: list[float] = []
    writers: list[dict[str, float]] = []
    for _ in range(rounds):
        floors.append(_timed(lambda db: run_floor(files, db)))
        with tempfile.TemporaryDirectory() as tmp:
            rows_only.append(store_rows_only(items, Path(tmp) / "bench.db"))
        with tempfile.TemporaryDirectory() as tmp:
            seconds, stored = store_all(items, Path(tmp) / "bench.db")
            writers.append(seconds)
    steps = {step: round(statistics.median(w[step] for w in writers), 3) for step in WRITER_STEPS}
    floor = statistics.median(floors)
    writer = statistics.median(sum(w.values()) for w in writers)
    rows = statistics.median(rows_only)
    read_total = sum(reading.values())
    cores = len(os.sched_getaffinity(0))

    def best_ratio(writer_s: float) -> float:
        return round(floor / max(writer_s, (read_total + writer_s) / cores), 3)

    return {
        "files": len(files), "cores": cores, "rounds": rounds,
        "reading_cpu_s": round(read_total, 3),
        "reading_ms_per_file": {step: round(s * 1000 / len(files), 3)
                                for step, s in reading.items()},
        "floor_s": round(floor, 3),
        "writer_s": round(writer, 3),
        "writer_steps_s": steps,
        "stored": stored,
        "rows_and_index_only_s": round(rows, 3),
        "bound": {"full_writer": best_ratio(writer), "rows_and_index_only": best_ratio(rows)},
    }


def main() -> int:
    """Measure and print a summary or JSON."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, required=True)
    ap.add_argument("--files", type=int, default=0, help="the first N files (default: all)")
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    files = corpus_files(args.corpus)
    if args.files:
        files = files[:args.files]
    result = measure(files, args.rounds)
    if args.json:
        print(json.dumps(result, indent=1))
        return 0
    print(f"{result['files']} files, {result['cores']} cores, medians of {args.rounds} round(s)")
    print(f"reading (CPU)        {result['reading_cpu_s']:7.1f} s  "
          + ", ".join(f"{k} {v} ms" for k, v in result["reading_ms_per_file"].items())
          + " a file")
    print(f"floor                {result['floor_s']:7.1f} s")
    print(f"rows and index only  {result['rows_and_index_only_s']:7.1f} s")
    print(f"writer               {result['writer_s']:7.1f} s  "
          + ", ".join(f"{k} {v}" for k, v in result["writer_steps_s"].items()))
    bound = result["bound"]
    print(f"best ratio to the floor these allow: {bound['full_writer']:.2f} "
          f"(rows and index only: {bound['rows_and_index_only']:.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
