"""Words stemmed exactly as the library's full-text index stems them: by its own tokenizer."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from broadsheet.core.library import FTS_TOKENIZE

# The index's tokenizer without its stemmer: words folded (case, accents) as the index
# folds them, but whole.
FOLD_TOKENIZE = FTS_TOKENIZE.removeprefix("porter ")
_TABLES = {FTS_TOKENIZE: "broadsheet_stems", FOLD_TOKENIZE: "broadsheet_folds"}


def stem_words(conn: sqlite3.Connection, words: Iterable[str],
               tokenize: str = FTS_TOKENIZE) -> dict[str, str | None]:
    """Each word's stem in the index, None for a word that is not one token (or none).

    Runs the words through a temporary content-less FTS5 table of this connection, so the
    stems are the tokenizer's own rather than a port's that could differ at the edges.
    ``tokenize=FOLD_TOKENIZE`` folds the words as the index does without stemming them.
    """
    wanted = list(dict.fromkeys(words))
    if not wanted:
        return {}
    table = _TABLES[tokenize]
    conn.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{table} USING fts5("
                 f"word, content='', tokenize='{tokenize}')")
    conn.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{table}_vocab"
                 f" USING fts5vocab(temp, {table}, 'instance')")
    # One transaction for the lookup, unless the caller's is open; one left open would pin
    # this connection to an old snapshot and refuse the next BEGIN IMMEDIATE.
    opened = not conn.in_transaction
    if opened:
        conn.execute("BEGIN")
    try:
        conn.executemany(f"INSERT INTO temp.{table} (rowid, word) VALUES (?, ?)",
                         enumerate(wanted, 1))
        found: dict[int, list[str]] = {}
        for term, row in conn.execute(f"SELECT term, doc FROM temp.{table}_vocab"):
            found.setdefault(row, []).append(term)
        conn.execute(f"INSERT INTO temp.{table} ({table}) VALUES ('delete-all')")
    finally:
        if opened and conn.in_transaction:
            conn.commit()
    stems: dict[str, str | None] = {}
    for row, word in enumerate(wanted, 1):
        terms = found.get(row, ())
        stems[word] = terms[0] if len(terms) == 1 else None
    return stems
