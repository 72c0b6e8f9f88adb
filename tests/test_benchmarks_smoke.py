"""The benchmark scripts run end to end: run_all.py --quick on 1,000 generated articles, and
the import breakdown on the seeds and 200 more."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from ui_support import write_articles

RUN_ALL = Path(__file__).resolve().parent / "benchmarks" / "run_all.py"
BREAKDOWN = RUN_ALL.with_name("import_breakdown.py")
SEEDS = Path(__file__).resolve().parent.parent / "seeds"
BUDGETS = ("Start to first painted list", "Article switch", "Search to list filled",
           "Related sidebar filled", "Longest UI stall", "Memory with the library open",
           "Library file size", "Import throughput")


def test_run_all_measures_every_budget_and_writes_the_document(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_articles(corpus, 1000)
    library, out = tmp_path / "library.db", tmp_path / "performance.md"
    run = subprocess.run(
        [sys.executable, str(RUN_ALL), "--corpus", str(corpus), "--library", str(library),
         "--quick", "--out", str(out)], capture_output=True, text=True, timeout=180,
        check=False)
    assert run.returncode == 0, run.stderr[-3000:]
    text = out.read_text(encoding="utf-8")
    assert f"{datetime.now(UTC):%Y-%m-%d}" in text
    assert "on 1,000 articles" in text
    assert "QUICK" in text
    rows = [line for line in text.splitlines() if line.startswith("| ")][2:]
    assert len(rows) == len(BUDGETS)
    assert all(row.startswith(f"| {budget}") for row, budget in zip(rows, BUDGETS, strict=True))
    for row in rows:
        cells = [c.strip() for c in row.strip("|").split("|")]
        assert len(cells) == 5, row
        assert re.search(r"\d", cells[2]), row  # a measured figure, not a failure
        assert cells[4] in ("met", "**not met**"), row
    machine = text[text.index("## Machine"):]
    assert re.search(r"\d+ CPUs: .+; [\d.]+ GB RAM", machine)
    assert re.search(r"Python 3\.\d+.*PySide6 .*\(Qt 6\.\d+.*SQLite 3\.\d+", machine)
    blocks = re.findall(r"```json\n(.*?)\n```", text, re.DOTALL)
    assert len(blocks) == 7
    assert all("error" not in json.loads(b) for b in blocks)
    assert json.loads(blocks[0])["broadsheet"]["start_s"] > 0


def test_import_breakdown_times_every_step_of_a_real_import(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_articles(corpus, 200)
    seeds = sorted(SEEDS.glob("*.txt"))
    for seed in seeds:
        shutil.copy(seed, corpus / seed.name)
    run = subprocess.run(
        [sys.executable, str(BREAKDOWN), "--corpus", str(corpus), "--json"],
        capture_output=True, text=True, timeout=180, check=False, cwd=BREAKDOWN.parent)
    assert run.returncode == 0, run.stderr[-3000:]
    result = json.loads(run.stdout)
    assert result["files"] == 200 + len(seeds)
    # The writer stored every file, the seeds' READ: lines and their sketches with them.
    assert result["stored"]["articles"] == 200 + len(seeds)
    assert result["stored"]["links"] >= len(seeds)
    assert result["stored"]["sketches"] > 0
    assert set(result["writer_steps_s"]) == {"dedup", "rows and full-text index", "links",
                                             "sketches", "resolution", "commit"}
    assert set(result["reading_ms_per_file"]) == {"read", "decode", "parse", "prepare"}
    assert set(result["bound"]) == {"full_writer", "rows_and_index_only"}
