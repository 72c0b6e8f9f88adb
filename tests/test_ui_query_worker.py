"""The query worker: a window closing does not wait for a long read it no longer needs."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

from broadsheet.core.library import Library
from broadsheet.ui.query_worker import QueryRunner

# Counts to a billion inside SQLite: minutes of work unless interrupted.
ENDLESS = ("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
           " WHERE i < 1000000000) SELECT count(*) FROM n")


def test_stop_abandons_a_long_read_and_reports_nothing(qtbot, db_path: Path) -> None:
    Library(db_path).close()
    runner = QueryRunner(db_path)
    started = threading.Event()
    answers: list[str] = []
    runner.answered.connect(lambda kind, _result: answers.append(kind))

    interrupted: list[str] = []

    def endless(library: Library) -> int:
        started.set()
        try:
            return library.conn.execute(ENDLESS).fetchone()[0]
        except sqlite3.OperationalError as error:
            interrupted.append(str(error))
            raise

    runner.submit("related", endless)
    assert started.wait(10)
    runner.stop(abandon=True)
    assert interrupted == ["interrupted"]  # stopped, not waited for to the end
    assert answers == []  # nothing half-done is reported


def test_stop_without_abandon_lets_the_running_job_finish(qtbot, db_path: Path) -> None:
    Library(db_path).close()
    runner = QueryRunner(db_path)
    done: list[int] = []

    def short(library: Library) -> None:
        time.sleep(0.2)
        done.append(library.conn.execute("SELECT 1").fetchone()[0])

    runner.submit("write", short, latest_only=False)
    runner.stop()
    assert done == [1]
