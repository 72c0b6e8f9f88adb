"""Freeze the current schema version as tests/schemas/vN.sql, for tests/test_migrations.py.

Run once when a schema version is new (``python tests/schemas/freeze.py``): it builds a
library of three small articles (links, reading state, a saved search) with this version of
Broadsheet and writes its schema and rows as SQL. Later versions must open that file with
every row intact. Never regenerate an older version's file: it stands for libraries that
exist out there.
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
from contextlib import closing
from pathlib import Path

from broadsheet.core.importer import import_paths
from broadsheet.core.library import SCHEMA_VERSION, Library, register_functions

HERE = Path(__file__).resolve().parent
ARTICLES = {
    "a.txt": "Harbour tolls to rise\n\nFishing boats will pay more to moor from April.\n\n"
             "Reported by: Jane Doe\n\nThe harbour board said the increase would pay for "
             "dredging.\n\nREAD: Storm closes the harbour road\n\nSkippers said smaller boats "
             "would be hit hardest.\n\nREAD: A story that is not in this library\n\n"
             "Published March 3rd, 2021 at 08:15 IST\n",
    "b.txt": "Storm closes the harbour road\n\nHigh tides washed over the coast road "
             "overnight.\n\nReported by: Omar Haddad\n\nThe council closed the road until the "
             "tide turned.\n\nREAD: Harbour tolls to rise\n\n"
             "Published March 1st, 2021 at 06:40 IST\n",
    "c.txt": "Lighthouse keeper retires after forty years\n\nThe last keeper of the Saltings "
             "light hands over the keys.\n\nHe climbed the hundred and twelve steps every "
             "night.\n",
}
# Rows of these tables are written out; everything else (the full-text index) is rebuilt by
# the schema's own triggers as the rows go back in.
DATA_TABLES = ("articles", "links", "sketches", "state", "saved_searches")


def freeze(out: Path) -> None:
    """Write the current version's schema and the three articles' rows to ``out``."""
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work) / "articles"
        folder.mkdir()
        for name, text in ARTICLES.items():
            (folder / name).write_text(text, encoding="utf-8")
        path = Path(work) / "library.db"
        with Library(path) as library:
            import_paths(library, sorted(folder.iterdir()))
            library.conn.execute("INSERT INTO state (article_id, read, starred, position,"
                               " read_at) VALUES (1, 1, 1, 0.25, '2026-11-27T00:00:00+00:00')")
            library.conn.execute("INSERT INTO saved_searches VALUES ('harbour', 'harbour -storm',"
                               " 0, '2026-11-27T00:00:00+00:00')")
            # Names relative to nowhere: the file must not carry this machine's folders.
            library.conn.execute("UPDATE articles SET source_path = replace(source_path, ?, '')",
                               (f"{folder}/",))
            library.conn.commit()
        with closing(sqlite3.connect(path)) as conn:
            register_functions(conn)  # dumping reads the full-text index through them
            lines = [f"-- Broadsheet library schema version {SCHEMA_VERSION}, frozen by"
                     " tests/schemas/freeze.py: the schema exactly as this version created it",
                     "-- and three articles with links, sketches, reading state and a saved"
                     " search. Never edit it.", "BEGIN;"]
            lines += [f"{sql};" for (sql,) in conn.execute(
                "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE"
                " 'articles_fts_%' AND name NOT LIKE 'sqlite_%' ORDER BY rowid")]
            lines += [line for line in conn.iterdump()
                      if line.startswith(tuple(f'INSERT INTO "{t}" ' for t in DATA_TABLES))]
            lines += [f"PRAGMA user_version = {SCHEMA_VERSION};", "COMMIT;"]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    target = HERE / f"v{SCHEMA_VERSION}.sql"
    if target.exists() and "--force" not in sys.argv:
        sys.exit(f"{target} exists; frozen files are never regenerated (--force to overwrite)")
    freeze(target)
    print(f"wrote {target}")
