"""Words stemmed exactly as the library's full-text index stems them: by its own tokenizer."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from broadsheet.core.library import FTS_TOKENIZE


def stem_words(conn: sqlite3.Connection, words: Iterable[str]) -> dict[str, str | None]:
    """Each word's stem in the index, None for a word that is not one token (or none).

    Runs the words through a temporary content-less FTS5 table of this connection, so the
    stems are the tokenizer's own rather than a port's that could differ at the edges.
    """
    wanted = list(dict.fromkeys(words))
    if not wanted:
        return {}
    conn.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.broadsheet_stems USING fts5("
                 f"word, content='', tokenize='{FTS_TOKENIZE}')")
    conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.broadsheet_stems_vocab"
                 " USING fts5vocab(temp, broadsheet_stems, 'instance')")
    # One transaction for the lookup, unless the caller's is open; one left open would pin
    # this connection to an old snapshot and refuse the next BEGIN IMMEDIATE.
    opened = not conn.in_transaction
    if opened:
        conn.execute("BEGIN")
    try:
        conn.executemany("INSERT INTO temp.broadsheet_stems (rowid, word) VALUES (?, ?)",
                         enumerate(wanted, 1))
        found: dict[int, list[str]] = {}
        for term, row in conn.execute("SELECT term, doc FROM temp.broadsheet_stems_vocab"):
            found.setdefault(row, []).append(term)
        conn.execute("INSERT INTO temp.broadsheet_stems (broadsheet_stems) VALUES ('delete-all')")
    finally:
        if opened and conn.in_transaction:
            conn.commit()
    stems: dict[str, str | None] = {}
    for row, word in enumerate(wanted, 1):
        terms = found.get(row, ())
        stems[word] = terms[0] if len(terms) == 1 else None
    return stems
