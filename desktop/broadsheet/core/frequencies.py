"""Word document frequencies kept in the library, so "more like this" need not wait for them.

Working them out reads the whole full-text index: a second at 100,000 articles, twelve at a
million, before the first "more like this" after opening. The last ones worked out are
kept in one row of ``word_frequencies``, with the newest article id and the article count
they were taken at; whoever reads them decides whether they are still fresh enough.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from broadsheet.core.compression import inflate, pack_body
from broadsheet.core.library import Library

log = logging.getLogger("broadsheet.frequencies")


@dataclass(frozen=True, slots=True)
class Frequencies:
    """How many articles hold each word (stemmed as the index stems it), and when."""

    top_id: int  # the newest article id when they were taken
    articles: int  # how many articles the library held then
    df: dict[str, int]


def load(library: Library,
         fresh: Callable[[int], bool] = lambda top_id: True) -> Frequencies | None:
    """The frequencies last kept in the library, or None when there are none to trust.

    ``fresh`` says from the newest article id they were taken at whether they are still
    worth reading: unpacking them costs more than reading the row.
    """
    row = library.conn.execute(
        "SELECT top_id, articles, data FROM word_frequencies WHERE id = 1").fetchone()
    if row is None or not fresh(row[0]):
        return None
    top_id, articles, data = row
    try:
        df = json.loads(inflate(data))
    except (ValueError, TypeError) as error:  # damaged bytes, text not JSON, or not bytes
        log.warning("%s: kept word frequencies unreadable (%s); working them out again",
                    library.path, error)
        return None
    if not isinstance(df, dict):
        return None
    return Frequencies(top_id, articles, df)


def save(library: Library, frequencies: Frequencies) -> bool:
    """Keep these frequencies in the library; False when it cannot be written just now.

    Never waits for the write lock: an import holding it must not hold up the sidebar, and
    the frequencies are worked out again next time if they were not kept.
    """
    conn = library.conn
    if conn.in_transaction:
        return False
    data = pack_body(json.dumps(frequencies.df, ensure_ascii=False, separators=(",", ":")))
    timeout = conn.execute("PRAGMA busy_timeout").fetchone()[0]
    conn.execute("PRAGMA busy_timeout = 0")
    try:
        conn.execute("INSERT OR REPLACE INTO word_frequencies (id, top_id, articles, data)"
                     " VALUES (1, ?, ?, ?)", (frequencies.top_id, frequencies.articles, data))
    except sqlite3.OperationalError as error:  # locked by another writer, or read-only
        log.info("%s: word frequencies not kept (%s)", library.path, error)
        return False
    finally:
        conn.execute(f"PRAGMA busy_timeout = {int(timeout)}")
    return True
