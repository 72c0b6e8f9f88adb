#!/usr/bin/env python3
"""Every budget of issue #6 on one corpus and its library, written up as docs/performance.md.

Runs each benchmark script in its own process with --json, then writes a table of every
budget row (baseline measured in the same run, figure, target, met or not) with the machine,
the versions and the date. A library that does not exist yet is imported from the corpus
first. --quick runs few rounds: a smoke run (CI uses 1,000 files), not figures to quote.
A "## Notes" section at the end of the document being replaced is written by hand: it is
kept as it was.

    python tests/benchmarks/run_all.py --corpus DIR --library DB [--quick] [--out FILE]
        [--stalls-corpus DIR] [--skip NAME ...]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_OUT = HERE.parent.parent / "docs" / "performance.md"
LARGE = 500_000  # from this many articles the 1M targets apply
NOTES = "## Notes"  # from this heading on, the document is written by hand and kept
SCRIPTS = ("startup", "article_switch", "related_sidebar", "search_speed", "ui_stalls",
           "memory", "import_speed")


def arguments(name: str, args: argparse.Namespace) -> list[str]:
    """The command line of one script, full or quick."""
    quick = args.quick
    library, corpus = ["--library", str(args.library)], ["--corpus", str(args.corpus)]
    return {
        "startup": [*library, "--runs", "1" if quick else "5"],
        "article_switch": [*library, "--presses", "20" if quick else "200"],
        "related_sidebar": [*library, "--presses", "10" if quick else "100"],
        "search_speed": [*corpus, *library, "--queries", "40" if quick else "400",
                         "--grep-words", "2" if quick else "5"],
        "ui_stalls": ["--corpus", str(args.stalls_corpus or args.corpus),
                      "--idle-seconds", "1.5" if quick else "3"],
        "memory": [*library, "--rounds", "1" if quick else "3"],
        "import_speed": [*corpus, "--rounds", "1"],
    }[name]


def run_script(name: str, args: argparse.Namespace) -> dict:
    """One script's JSON document, or {"error": why} when it failed."""
    command = [sys.executable, str(HERE / f"{name}.py"), *arguments(name, args), "--json"]
    print(f"running {name} …", file=sys.stderr, flush=True)
    started = time.perf_counter()
    try:
        proc = subprocess.run(command, capture_output=True, text=True, cwd=HERE, check=False,
                              timeout=args.timeout)
    except subprocess.TimeoutExpired:
        return {"error": f"no answer in {args.timeout} s", "seconds": args.timeout}
    seconds = time.perf_counter() - started
    if proc.returncode:
        tail = (proc.stderr.strip().splitlines() or ["no message"])[-1]
        return {"error": f"exit {proc.returncode}: {tail}", "seconds": round(seconds, 1)}
    try:
        document = json.loads(proc.stdout)
    except json.JSONDecodeError:
        return {"error": "its output was not JSON", "seconds": round(seconds, 1)}
    document["seconds"] = round(seconds, 1)
    return document


def ensure_library(corpus: Path, library: Path) -> None:
    """Import the corpus into a new library when the one named does not exist."""
    if library.exists():
        return
    from broadsheet.core.importer import import_paths
    from broadsheet.core.library import Library

    print(f"importing {corpus} into {library} …", file=sys.stderr, flush=True)
    with Library(library) as opened:
        import_paths(opened, [corpus])


# -- the machine ---------------------------------------------------------------------------

def machine() -> dict:
    """CPU count and model, memory, and the versions that matter."""
    model = "unknown"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    ram_gb = 0.0
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        for line in meminfo.read_text(encoding="ascii", errors="replace").splitlines():
            if line.startswith("MemTotal:"):
                ram_gb = int(line.split()[1]) / 1024 / 1024
    import PySide6
    from PySide6.QtCore import qVersion

    return {"cpus": os.cpu_count(), "cpu_model": model, "ram_gb": round(ram_gb, 1),
            "python": platform.python_version(), "pyside6": PySide6.__version__,
            "qt": qVersion(), "sqlite": sqlite3.sqlite_version, "os": platform.platform()}


# -- the budget table ------------------------------------------------------------------------

def _num(value: float | None, unit: str = "", digits: int = 1) -> str:
    return "—" if value is None else f"{value:,.{digits}f}{unit}"


def _verdict(ok: bool | None) -> str:
    return "not run" if ok is None else ("met" if ok else "**not met**")


Row = tuple[str, str, str, str, bool | None]  # what, baseline, figure, target, met


def budget_rows(results: dict[str, dict], large: bool) -> list[Row]:
    """One row per budget of the issue, from whatever the scripts measured."""
    rows: list[Row] = []
    for build in (_startup, _switch, _search, _related, _stalls, _memory, _size, _import):
        rows.append(build(results, large))
    return rows


def _failed(results: dict[str, dict], name: str) -> str | None:
    found = results.get(name)
    if found is None:
        return "skipped"
    return f"failed ({found['error']})" if "error" in found else None


def _guard(name: str, what: str, target: str):
    """Decorate a row builder: a script that did not run gives a row that says so."""
    def wrap(build: Callable[[dict, bool], Row]) -> Callable[[dict[str, dict], bool], Row]:
        def row(results: dict[str, dict], large: bool) -> Row:
            problem = _failed(results, name)
            if problem is not None:
                return what, "—", problem, target.split("|")[int(large)], None
            return build(results[name], large)
        return row
    return wrap


@_guard("startup", "Start to first painted list", "≤ 2 × bare|≤ 3 × bare")
def _startup(r: dict, large: bool) -> Row:
    limit = 3.0 if large else 2.0
    return ("Start to first painted list", f"bare window {_num(r['bare']['start_s'], ' s', 3)}",
            f"{_num(r['broadsheet']['start_s'], ' s', 3)} = {r['start_ratio']:.2f} × bare",
            f"≤ {limit:g} × bare", r["start_ratio"] <= limit)


@_guard("article_switch", "Article switch, key press to reader painted", "p95 ≤ 16 ms|p95 ≤ 16 ms")
def _switch(r: dict, large: bool) -> Row:
    return ("Article switch, key press to reader painted", "—",
            f"p95 {_num(r['p95_ms'], ' ms')} (p50 {_num(r['p50_ms'], ' ms')},"
            f" {r['presses']} presses)", "p95 ≤ 16 ms", r["p95_ms"] <= 16)


@_guard("search_speed", "Search to list filled", "p95 ≤ 15 ms|p95 ≤ 50 ms")
def _search(r: dict, large: bool) -> Row:
    limit = 50 if large else 15
    best = r["relevance"]
    return ("Search to list filled", f"`grep -ril` p50 {_num(r['grep']['p50_ms'], ' ms', 0)}",
            f"p95 {_num(best['p95_ms'], ' ms')} (CPU p95 {_num(best['cpu']['p95_ms'], ' ms')},"
            f" {r['queries']} queries)", f"p95 ≤ {limit} ms", best["p95_ms"] <= limit)


@_guard("related_sidebar", "Related sidebar filled after a switch",
        "p95 ≤ 30 ms|none at 1M (≤ 30 ms at 100k)")
def _related(r: dict, large: bool) -> Row:
    figure = (f"p95 {_num(r['p95_ms'], ' ms')} (p50 {_num(r['p50_ms'], ' ms')}; first after"
              f" opening {_num(r['first_ms'] / 1000, ' s', 2)})")
    if large:
        return ("Related sidebar filled after a switch", "—", figure,
                "none at 1M (≤ 30 ms at 100k)", None)
    return ("Related sidebar filled after a switch", "—", figure, "p95 ≤ 30 ms",
            r["p95_ms"] <= 30)


@_guard("ui_stalls", "Longest UI stall while importing", "≤ 50 ms|≤ 50 ms")
def _stalls(r: dict, large: bool) -> Row:
    worst = r["importing"]["max_ms"]
    return ("Longest UI stall while importing",
            f"idle loop max {_num(r['idle']['max_ms'], ' ms')}",
            f"{_num(worst, ' ms')} importing {r['articles']:,} files"
            f" ({r['importing']['over_50ms']} stalls > 50 ms)", "≤ 50 ms", worst <= 50)


@_guard("memory", "Memory with the library open", "≤ bare + 100 MB|≤ bare + 100 MB")
def _memory(r: dict, large: bool) -> Row:
    extra = max(r["extra_open_mb"], r["extra_used_mb"])
    return ("Memory with the library open", f"bare window {_num(r['bare']['open_mb'], ' MB')}",
            f"{_num(r['broadsheet']['open_mb'], ' MB')} open,"
            f" {_num(r['broadsheet']['used_mb'], ' MB')} after use (bare + {extra:.0f} MB)",
            "≤ bare + 100 MB", extra <= 100)


@_guard("import_speed", "Library file size", "≤ 1.5 × raw|≤ 1.5 × raw")
def _size(r: dict, large: bool) -> Row:
    return ("Library file size", f"raw text {_num(r['raw_mb'], ' MB')}",
            f"{_num(r['broadsheet']['db_mb'], ' MB')} = {r['db_to_raw']:.2f} × raw",
            "≤ 1.5 × raw", r["db_to_raw"] <= 1.5)


@_guard("import_speed", "Import throughput", "≥ 0.8 × floor|≥ 0.8 × floor, peak RSS < 250 MB")
def _import(r: dict, large: bool) -> Row:
    peak = r["broadsheet"]["peak_rss_mb"]
    target = "≥ 0.8 × floor, peak RSS < 250 MB" if large else "≥ 0.8 × floor"
    ok = r["ratio_to_floor"] >= 0.8 and (peak < 250 or not large)
    return ("Import throughput", f"floor {_num(r['floor']['files_per_second'], ' files/s', 0)}",
            f"{_num(r['broadsheet']['files_per_second'], ' files/s', 0)} ="
            f" {r['ratio_to_floor']:.2f} × floor, peak RSS {_num(peak, ' MB', 0)}", target, ok)


# -- the document -------------------------------------------------------------------------------

def write_document(out: Path, args: argparse.Namespace, results: dict[str, dict],
                   info: dict, articles: int, load: tuple[float, float], started: datetime,
                   ) -> None:
    """docs/performance.md: the table, the machine, every script's JSON, then kept notes."""
    large = articles >= LARGE
    lines = [
        "# Performance", "",
        f"Measured {started:%Y-%m-%d %H:%M} UTC on {articles:,} articles"
        f" ({'1M' if large else '100k'} targets)"
        + (" — a QUICK smoke run, not figures to quote." if args.quick else "."),
        "Each baseline is measured in the same run as its figure. Regenerate with:", "",
        "```",
        f"python tests/benchmarks/run_all.py --corpus {args.corpus} --library {args.library}"
        + (" --quick" if args.quick else ""),
        "```", "",
        "| Budget | Baseline | Figure | Target | Result |",
        "| --- | --- | --- | --- | --- |",
    ]
    for what, baseline, figure, target, ok in budget_rows(results, large):
        lines.append(f"| {what} | {baseline} | {figure} | {target} | {_verdict(ok)} |")
    lines += [
        "", "## Machine", "",
        f"- {info['cpus']} CPUs: {info['cpu_model']}; {info['ram_gb']} GB RAM; {info['os']}",
        f"- Python {info['python']}, PySide6 {info['pyside6']} (Qt {info['qt']}),"
        f" SQLite {info['sqlite']}",
        f"- load average {load[0]:.2f} before the run, {load[1]:.2f} after"
        " (other work on the machine inflates wall-clock figures; CPU times are given where"
        " the scripts measure them)",
        f"- corpus `{args.corpus}`, library `{args.library}`",
        "", "## Every script's figures", "",
    ]
    for name in SCRIPTS:
        if name in results:
            lines += [f"### {name}", "", "```json", json.dumps(results[name], indent=1), "```",
                      ""]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines) + kept_notes(out), encoding="utf-8")


def kept_notes(out: Path) -> str:
    """The hand-written NOTES section of the document being replaced, if any."""
    if not out.exists():
        return ""
    text = out.read_text(encoding="utf-8")
    start = text.find(NOTES)
    return "\n" + text[start:] if start >= 0 else ""


def main() -> int:
    """Run every script, then write the document."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, required=True, help="the folder of text files")
    ap.add_argument("--library", type=Path, required=True,
                    help="the library imported from it (imported first when missing)")
    ap.add_argument("--quick", action="store_true", help="few rounds: a smoke run")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--stalls-corpus", type=Path,
                    help="the folder ui_stalls imports (default: --corpus); 100k per the issue")
    ap.add_argument("--skip", nargs="*", default=[], choices=SCRIPTS)
    ap.add_argument("--timeout", type=float, default=3600, help="seconds per script")
    args = ap.parse_args()
    # The scripts run from their own folder: every path they are given is absolute.
    args.corpus, args.library, args.out = (p.resolve() for p in (args.corpus, args.library,
                                                                  args.out))
    if args.stalls_corpus is not None:
        args.stalls_corpus = args.stalls_corpus.resolve()
    started = datetime.now(UTC)
    ensure_library(args.corpus, args.library)
    load_before = os.getloadavg()[0]
    results = {name: run_script(name, args) for name in SCRIPTS if name not in args.skip}
    load = (load_before, os.getloadavg()[0])
    db = sqlite3.connect(args.library)
    try:
        articles = db.execute("SELECT count(*) FROM articles").fetchone()[0]
    finally:
        db.close()
    write_document(args.out, args, results, machine(), articles, load, started)
    failed = [name for name, r in results.items() if "error" in r]
    print(f"wrote {args.out}" + (f"; failed: {', '.join(failed)}" if failed else ""),
          file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
