"""The SQLite library: schema and migrations, storing articles, and the queries the app needs."""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from broadsheet.core.article import Article, Link, Section
from broadsheet.core.compression import inflate, pack_body, pack_raw, unpack_raw
from broadsheet.core.sketch import sketch
from broadsheet.core.titles import title_key, unlabelled_key

if TYPE_CHECKING:
    import sqlite_utils

    from broadsheet.core.removal import Removal

log = logging.getLogger("broadsheet.library")

SCHEMA_VERSION = 3
FTS_COLUMNS = ("title", "summary", "author", "body")
FTS_TOKENIZE = "porter unicode61 remove_diacritics 2"

# sqlite3 error codes that come from the environment, not from a bug of ours.
_KNOWN_ERRORS = {
    sqlite3.SQLITE_BUSY: "the library is locked by another program",
    sqlite3.SQLITE_LOCKED: "the library is locked by another program",
    sqlite3.SQLITE_READONLY: "the library file is read-only",
    sqlite3.SQLITE_IOERR: "the disk could not be read or written",
    sqlite3.SQLITE_CORRUPT: "the library file is damaged",
    sqlite3.SQLITE_FULL: "the disk is full",
    sqlite3.SQLITE_CANTOPEN: "the library file cannot be opened",
    sqlite3.SQLITE_NOTADB: "the file is not a Broadsheet library (not an SQLite database)",
    sqlite3.SQLITE_PERM: "permission denied",
}


class LibraryError(Exception):
    """The library cannot be used; the message says what is wrong and what to do.

    ``kind`` names the failure for callers that offer a way out: one of ``KINDS``.
    """

    def __init__(self, message: str, kind: str = "other") -> None:
        super().__init__(message)
        self.kind = kind


# What went wrong with a library file, and what the user can do about each.
KINDS = {
    "corrupt": "restore a backup or open a fresh library; the damaged file is left as it is",
    "not-a-database": "check the path, or choose another library file",
    "newer": "update Broadsheet to open it",
    "read-only": "make the file writable (chmod u+w) or open a copy of it",
    "locked": "close the other program or Broadsheet window using it, then try again",
    "missing": "import articles to create it, or choose another library file",
    "other": "check the file and the disk, or choose another library file",
}
_CODE_KINDS = {
    sqlite3.SQLITE_BUSY: "locked", sqlite3.SQLITE_LOCKED: "locked",
    sqlite3.SQLITE_READONLY: "read-only", sqlite3.SQLITE_PERM: "read-only",
    sqlite3.SQLITE_CORRUPT: "corrupt", sqlite3.SQLITE_NOTADB: "not-a-database",
}


def describe(error: sqlite3.Error) -> str | None:
    """A user-facing reason for an environmental SQLite error, or None for a bug."""
    code = getattr(error, "sqlite_errorcode", None)
    if code is None:
        return None
    return _KNOWN_ERRORS.get(code & 0xFF)


def explain(path: Path, error: sqlite3.Error) -> LibraryError:
    """A LibraryError for an SQLite error on this file: what is wrong and what to do."""
    code = (getattr(error, "sqlite_errorcode", None) or 0) & 0xFF
    kind = _CODE_KINDS.get(code, "other")
    return LibraryError(f"{path}: {describe(error) or error}; {KINDS[kind]}", kind)


def newer_library(path: Path, version: int) -> LibraryError:
    """The refusal of a library file whose schema ``version`` is past this Broadsheet's."""
    return LibraryError(f"{path}: made by a newer Broadsheet (library version {version}, this"
                        f" one reads up to {SCHEMA_VERSION}); {KINDS['newer']}", "newer")


@dataclass(frozen=True, slots=True)
class ArticleRow:
    """What the article list shows for one article."""

    id: int
    title: str
    author: str | None
    published: str | None
    source_path: str | None
    sha256: str


@dataclass(frozen=True, slots=True)
class Stats:
    """Totals for ``broadsheet stats``."""

    articles: int
    authors: int
    earliest: str | None
    latest: str | None
    bytes: int


@dataclass(frozen=True, slots=True)
class StoredLink:
    """One READ: line as stored: where it is, what it says, where it points."""

    from_id: int
    position: int
    text: str
    target_id: int | None


ORDERS = {
    "library": "articles.id",
    "newest": "articles.sort_date DESC, articles.id DESC",
    "oldest": "articles.sort_date ASC, articles.id ASC",
    "title": "articles.title COLLATE NOCASE ASC, articles.id ASC",
    "author": "articles.author COLLATE NOCASE ASC, articles.sort_date DESC, articles.id DESC",
    # The exact reverses, so an index serves them read backwards.
    "title_desc": "articles.title COLLATE NOCASE DESC, articles.id DESC",
    "author_desc": "articles.author COLLATE NOCASE DESC, articles.sort_date ASC, articles.id ASC",
}


@dataclass(slots=True)
class Prepared:
    """An article flattened into what its rows hold, worked out on any thread or process.

    It is what crosses from the reading process to the writer, so it carries the body once,
    compressed, and the raw text as what it adds to the parsed fields (see ``pack_raw``).
    """

    sha256: str
    source_path: str | None
    row: tuple  # the articles row without its id and import time, in _ARTICLE_COLUMNS order
    links: list[tuple[str, str, str | None, int]]  # (text, key, alt_key, after_paragraph)
    title_key: str
    title_alt_key: str | None
    sketch: list[int]  # near-duplicate hashes of the body's opening (core/sketch.py)


def prepare(article: Article, raw_text: str, encoding: str, size: int) -> Prepared:
    """Compress the raw text and compute keys: the CPU work of storing, done off the writer."""
    a = article
    sections = json.dumps([[s.heading, len(s.paragraphs)] for s in a.sections],
                          ensure_ascii=False)
    key, alt = title_key(a.title), unlabelled_key(a.title)
    when = a.published or a.updated
    row = (a.sha256, a.title, a.summary, a.author, a.image_credit, _iso(a.updated),
           _iso(a.published), _timestamp(when), when.date().isoformat() if when else None,
           a.source_path, pack_body(a.body), sections,
           pack_raw(raw_text, a.title, a.summary, a.author, a.image_credit, a.body),
           encoding, size, key, alt)
    links = [(link.text, title_key(link.text), unlabelled_key(link.text), link.after_paragraph)
             for link in a.links]
    return Prepared(a.sha256, a.source_path, row, links, key, alt, sketch(a.body))


class Library:
    """One open library file; use it from the thread that opened it only."""

    def __init__(self, path: Path | str, *, create: bool = True,
                 back_up_first: bool = True) -> None:
        self.path = Path(path)
        if not create and not self.path.exists():
            raise LibraryError(f"{self.path}: no library here", "missing")
        if self.path.is_file() and _read_only(self.path):
            raise LibraryError(f"{self.path}: the library file is read-only; "
                               f"{KINDS['read-only']}", "read-only")
        self.conn = _connect(self.path)
        try:
            # Where a copy was put before migrating the file; None when nothing migrated.
            self.migration_backup = _migrate(self.conn, self.path, back_up_first)
        except BaseException:
            self.conn.close()
            raise

    def migration_note(self) -> str | None:
        """What to tell the user when opening updated the file, or None when it did not."""
        if self.migration_backup is None:
            return None
        return (f"{self.path}: updated to library version {SCHEMA_VERSION} for this Broadsheet;"
                f" the library as it was is kept at {self.migration_backup}")

    def close(self) -> None:
        """Close the connection; the file is complete on disk after this."""
        self.conn.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Group writes into one transaction that holds the write lock: all land, or none."""
        conn = self.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    # -- writing ---------------------------------------------------------------

    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        """Which of these content hashes are already stored."""
        hashes = list(hashes)
        found: set[str] = set()
        for start in range(0, len(hashes), 500):
            chunk = hashes[start:start + 500]
            marks = ",".join("?" * len(chunk))
            found.update(row[0] for row in self.conn.execute(
                f"SELECT sha256 FROM articles WHERE sha256 IN ({marks})", chunk))
        return found

    def add_articles(self, items: list[Prepared]) -> list[int]:
        """Store prepared articles (inside ``transaction``); returns their new ids in order.

        Many rows per INSERT statement: FTS5 indexes a multi-row statement far faster than
        the same rows one statement each. Ids are assigned here, which is safe because
        ``transaction`` holds the write lock from its start.
        """
        if not items:
            return []
        first = self.top_id() + 1
        ids = list(range(first, first + len(items)))
        now = self._now
        _insert_rows(self.conn, "articles", _ARTICLE_COLUMNS,
                     [(i, *item.row, now) for i, item in zip(ids, items, strict=True)])
        return ids

    def add_links(self, rows: list[tuple]) -> None:
        """Store READ: links as rows in _LINK_COLUMNS order."""
        _insert_rows(self.conn, "links", _LINK_COLUMNS, rows)

    @property
    def _now(self) -> str:
        return datetime.now(UTC).isoformat(timespec="seconds")

    # -- reading ---------------------------------------------------------------

    def count(self) -> int:
        """How many articles the library holds."""
        return self.conn.execute("SELECT count(*) FROM articles").fetchone()[0]

    def top_id(self) -> int:
        """The newest article's id (ids only grow), 0 for an empty library."""
        return self.conn.execute("SELECT coalesce(max(id), 0) FROM articles").fetchone()[0]

    def rows(self, order: str = "library", offset: int = 0,
             limit: int | None = None) -> list[ArticleRow]:
        """A page of the article list in the given order (see ORDERS)."""
        sql = ("SELECT id, title, author, published, source_path, sha256 FROM articles"
               f" ORDER BY {ORDERS[order]} LIMIT ? OFFSET ?")
        return [ArticleRow(*row) for row in
                self.conn.execute(sql, (-1 if limit is None else limit, offset))]

    def iter_rows(self, order: str = "library", page: int = 2000) -> Iterator[ArticleRow]:
        """Every row in order, read a page at a time."""
        offset = 0
        while batch := self.rows(order, offset, page):
            yield from batch
            offset += len(batch)

    def get(self, article_id: int) -> Article | None:
        """The whole article, with its links resolved as far as the library allows."""
        row = self.conn.execute(
            "SELECT id, sha256, title, summary, author, image_credit, updated, published,"
            " source_path, body_z, sections FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        if row is None:
            return None
        (id_, sha, title, summary, author, credit, updated, published, path, body_z,
         sections_json) = row
        body = inflate(body_z)
        links = [Link(text, target, after) for text, target, after in self.conn.execute(
            "SELECT text, target_id, after_paragraph FROM links WHERE from_id = ?"
            " ORDER BY position", (article_id,))]
        return Article(
            id=id_, sha256=sha, title=title, summary=summary, author=author,
            image_credit=credit, updated=_from_iso(updated), published=_from_iso(published),
            source_path=path, sections=_rebuild_sections(body, json.loads(sections_json)),
            links=links,
        )

    def raw_text(self, article_id: int) -> str | None:
        """The text exactly as it was imported."""
        row = self.conn.execute(
            "SELECT raw_z, title, summary, author, image_credit, body_z FROM articles"
            " WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            return None
        raw_z, *fields, body_z = row
        return unpack_raw(raw_z, *fields, inflate(body_z))

    def links(self) -> Iterator[StoredLink]:
        """Every READ: link in the library, by article then position."""
        for row in self.conn.execute(
                "SELECT from_id, position, text, target_id FROM links ORDER BY from_id, position"):
            yield StoredLink(*row)

    def backlinks(self, article_id: int) -> list[tuple[int, str]]:
        """(id, title) of the articles whose READ: lines point at this one."""
        return list(self.conn.execute(
            "SELECT DISTINCT a.id, a.title FROM links l JOIN articles a ON a.id = l.from_id"
            " WHERE l.target_id = ? ORDER BY a.sort_date DESC, a.id", (article_id,)))

    def stats(self) -> Stats:
        """Totals over the whole library."""
        articles, authors, total = self.conn.execute(
            "SELECT count(*), count(DISTINCT author), coalesce(sum(bytes), 0) FROM articles"
        ).fetchone()
        earliest = self._extreme_date("ASC")
        latest = self._extreme_date("DESC")
        return Stats(articles, authors, earliest, latest, total)

    def _extreme_date(self, direction: str) -> str | None:
        row = self.conn.execute(
            "SELECT coalesce(published, updated) FROM articles WHERE sort_date IS NOT NULL"
            f" ORDER BY sort_date {direction} LIMIT 1").fetchone()
        return None if row is None else row[0]

    # -- removing, and putting back --------------------------------------------------------

    def remove(self, ids: Iterable[int]) -> Removal:
        """Take articles out of the library (never their files); ``restore`` undoes it."""
        from broadsheet.core import removal  # it builds on this module

        return removal.remove(self, ids)

    def restore(self, snapshot: Removal) -> list[int]:
        """Put removed articles back at their ids, with their links and state."""
        from broadsheet.core import removal

        return removal.restore(self, snapshot)


_ARTICLE_COLUMNS = (
    "id", "sha256", "title", "summary", "author", "image_credit", "updated", "published",
    "sort_date", "local_date", "source_path", "body_z", "sections", "raw_z", "encoding", "bytes",
    "title_key", "title_alt_key", "imported_at",  # prepare() builds rows in this order
)
_LINK_COLUMNS = ("from_id", "position", "text", "key", "alt_key", "after_paragraph",
                 "target_id")
_ROWS_PER_STATEMENT = 100


def _insert_rows(conn: sqlite3.Connection, table: str, columns: tuple[str, ...],
                 rows: list[tuple]) -> None:
    one = "(" + ",".join("?" * len(columns)) + ")"
    head = f"INSERT INTO {table} ({', '.join(columns)}) VALUES "
    for start in range(0, len(rows), _ROWS_PER_STATEMENT):
        chunk = rows[start:start + _ROWS_PER_STATEMENT]
        conn.execute(head + ",".join([one] * len(chunk)), [v for row in chunk for v in row])


def register_functions(conn: sqlite3.Connection) -> None:
    """SQL functions the schema uses: every connection to a library needs them.

    The full-text index reads bodies through the ``articles_text`` view, which inflates them.
    """
    conn.create_function("inflate", 1, inflate, deterministic=True)
    # Some builds distrust application functions used in views and triggers by default.
    conn.execute("PRAGMA trusted_schema = ON")


def _connect(path: Path) -> sqlite3.Connection:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Autocommit: a statement outside ``transaction()`` is committed as it runs, as
        # sqlite-utils does; sqlite3's implicit transactions would stay open, unnoticed.
        conn = sqlite3.connect(path, timeout=5, isolation_level=None)
        register_functions(conn)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 5000")
        # What sqlite-utils sets on every connection it wraps; set here so the triggers act
        # the same whether or not a connection was ever wrapped.
        conn.execute("PRAGMA recursive_triggers = ON")
    except sqlite3.Error as error:
        raise explain(path, error) from error
    except OSError as error:
        raise LibraryError(f"{path}: cannot create the library folder ({error.strerror})") \
            from error
    return conn


def _sqlite_utils_view(conn: sqlite3.Connection) -> sqlite_utils.Database:
    # Imported only for creating and migrating: it costs a tenth of a second at start-up,
    # and opening an up-to-date library needs nothing from it.
    import sqlite_utils

    return sqlite_utils.Database(conn)


def _use_wal(conn: sqlite3.Connection, path: Path) -> None:
    """Switch to WAL only once the file is known to be ours: the switch writes to it."""
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    conn.execute("PRAGMA synchronous = NORMAL")
    if mode.lower() != "wal":
        log.info("%s: journal mode is %s, not WAL", path, mode)


def _read_only(path: Path) -> bool:
    # No write bit at all counts too: someone marked it read-only, even for root.
    return not os.access(path, os.W_OK) or not path.stat().st_mode & 0o222


def table_names(conn: sqlite3.Connection) -> set[str]:
    """The names of the database's tables."""
    return {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def _migrate(conn: sqlite3.Connection, path: Path, back_up_first: bool = True) -> Path | None:
    """Bring the file to SCHEMA_VERSION; returns the backup taken first, if there was data.

    ``back_up_first`` False is for a file that is itself a private copy: no copy of it.
    """
    copy = None
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise newer_library(path, version)
        tables = table_names(conn)
        if version == 0 and tables and "articles" not in tables:
            raise LibraryError(f"{path}: an SQLite database, but not a Broadsheet library; "
                               f"{KINDS['not-a-database']}", "not-a-database")
        had_articles = "articles" in tables
        if version < SCHEMA_VERSION and had_articles and back_up_first:
            from broadsheet.core import backup  # it builds on this module

            copy = backup.back_up(conn, backup.backup_path(path, version)).path
            log.warning("%s: copied to %s before updating it to version %d",
                        path, copy, SCHEMA_VERSION)
        _use_wal(conn, path)
        if version < SCHEMA_VERSION:
            db = _sqlite_utils_view(conn)
            # All steps in one transaction: a file is never left between two versions.
            with db.atomic():
                for target in range(version + 1, SCHEMA_VERSION + 1):
                    _MIGRATIONS[target](db)
                db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        elif had_articles and "word_frequencies" not in tables:
            # Version 3 as first released, before it kept word frequencies. The table only
            # keeps what can be worked out again, so adding it needs no backup.
            conn.execute(_WORD_FREQUENCIES)
        if (version < SCHEMA_VERSION and had_articles
                and _SHRINKS & set(range(version + 1, SCHEMA_VERSION + 1))):
            log.warning("%s: compacting the updated library", path)
            conn.execute("VACUUM")  # hand back the space the old layout took
    except sqlite3.Error as error:
        failure = explain(path, error)
        if copy is not None:
            failure = LibraryError(f"{failure}; the library as it was is copied at {copy}",
                                   failure.kind)
        raise failure from error
    return copy


def _create_v1(db: sqlite_utils.Database) -> None:
    db["articles"].create(
        {"id": int, "sha256": str, "title": str, "summary": str, "author": str,
         "image_credit": str, "updated": str, "published": str, "sort_date": float,
         "local_date": str,
         "source_path": str, "body": str, "sections": str, "raw": bytes, "encoding": str,
         "bytes": int, "title_key": str, "title_alt_key": str, "imported_at": str},
        pk="id",
        not_null={"sha256", "title", "summary", "body", "sections", "raw", "bytes",
                  "title_key", "imported_at"},
    )
    db["articles"].create_index(["sha256"], unique=True)
    # Newest first, with what search filters by: a filtered list never reads the wide rows.
    db["articles"].create_index(["sort_date", "id", "local_date", "author"])
    db["articles"].create_index(["local_date"])
    db["articles"].create_index(["title_key"])
    db.execute("CREATE INDEX articles_title_alt_key ON articles(title_alt_key)"
               " WHERE title_alt_key IS NOT NULL")
    db["articles"].create_index(["author"])
    # The list sorted by title or author, a page at a time, without sorting the whole library.
    db.execute("CREATE INDEX articles_by_title ON articles(title COLLATE NOCASE, id)")
    db.execute("CREATE INDEX articles_by_author ON articles(author COLLATE NOCASE,"
               " sort_date DESC, id DESC)")
    # The same by id, for the articles a full-text match finds (search.FACETS).
    db.execute("CREATE INDEX articles_facets ON articles(id, sort_date, local_date, author)")
    db.execute(
        "CREATE TABLE links (from_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
        " position INTEGER NOT NULL, text TEXT NOT NULL, key TEXT NOT NULL, alt_key TEXT,"
        " after_paragraph INTEGER NOT NULL DEFAULT -1,"
        " target_id INTEGER REFERENCES articles(id) ON DELETE SET NULL,"
        " PRIMARY KEY (from_id, position)) WITHOUT ROWID")
    db.execute("CREATE INDEX links_target ON links(target_id) WHERE target_id IS NOT NULL")
    db.execute("CREATE INDEX links_key ON links(key)")
    db.execute("CREATE INDEX links_alt_key ON links(alt_key) WHERE alt_key IS NOT NULL")
    # Near-duplicate sketches (core/sketch.py): keyed by article for the cascade and for
    # reading one article's sketch, indexed by hash to find the articles sharing it.
    db.execute(
        "CREATE TABLE sketches (article_id INTEGER NOT NULL REFERENCES articles(id)"
        " ON DELETE CASCADE, hash INTEGER NOT NULL, PRIMARY KEY (article_id, hash))"
        " WITHOUT ROWID")
    db.execute("CREATE INDEX sketches_hash ON sketches(hash)")
    db["state"].create(
        {"article_id": int, "read": int, "starred": int, "position": float, "read_at": str},
        pk="article_id", not_null={"read", "starred"}, defaults={"read": 0, "starred": 0},
    )
    db.execute("CREATE INDEX state_read ON state(read, article_id)")
    db.execute("CREATE INDEX state_starred ON state(starred, article_id) WHERE starred = 1")
    db.execute("CREATE TABLE saved_searches (name TEXT PRIMARY KEY COLLATE NOCASE,"
               " query TEXT NOT NULL, position INTEGER NOT NULL, created_at TEXT NOT NULL)")
    db["articles"].enable_fts(FTS_COLUMNS, create_triggers=True, tokenize=FTS_TOKENIZE)
    db.execute("CREATE VIRTUAL TABLE articles_vocab USING fts5vocab(articles_fts, 'row')")


def _to_v2(db: sqlite_utils.Database) -> None:
    """Bodies and raw texts compressed: the library shrinks from about 3 to 1.5 times the text.

    The full-text index then reads bodies through a view that inflates them, and is rebuilt
    from it (the text it indexes is unchanged).
    """
    conn = db.conn
    conn.execute("DROP TABLE IF EXISTS articles_vocab")
    for trigger in ("articles_ai", "articles_ad", "articles_au"):
        conn.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    conn.execute("DROP TABLE IF EXISTS articles_fts")
    conn.execute("ALTER TABLE articles ADD COLUMN body_z BLOB NOT NULL DEFAULT x''")
    conn.execute("ALTER TABLE articles ADD COLUMN raw_z BLOB NOT NULL DEFAULT x''")
    rows = conn.execute("SELECT id, body, raw, title, summary, author, image_credit"
                        " FROM articles ORDER BY id")
    while batch := rows.fetchmany(1000):
        conn.executemany("UPDATE articles SET body_z = ?, raw_z = ? WHERE id = ?", [
            (pack_body(body),
             pack_raw(zlib.decompress(raw).decode("utf-8"), title, summary, author, credit,
                      body), id_)
            for id_, body, raw, title, summary, author, credit in batch])
    conn.execute("ALTER TABLE articles DROP COLUMN body")
    conn.execute("ALTER TABLE articles DROP COLUMN raw")
    conn.execute("CREATE VIEW articles_text AS SELECT id, title, summary, author,"
                 " inflate(body_z) AS body FROM articles")
    columns = ", ".join(FTS_COLUMNS)
    old = ", ".join(f"old.{c}" for c in FTS_COLUMNS[:-1]) + ", inflate(old.body_z)"
    new = ", ".join(f"new.{c}" for c in FTS_COLUMNS[:-1]) + ", inflate(new.body_z)"
    conn.execute(f"CREATE VIRTUAL TABLE articles_fts USING fts5 ({columns},"
                 f" content='articles_text', content_rowid='id', tokenize='{FTS_TOKENIZE}')")
    delete = (f"INSERT INTO articles_fts (articles_fts, rowid, {columns})"
              f" VALUES ('delete', old.id, {old});")
    insert = f"INSERT INTO articles_fts (rowid, {columns}) VALUES (new.id, {new});"
    # One statement each: executescript would commit the migration's transaction.
    for name, when, steps in (("articles_ai", "INSERT", insert), ("articles_ad", "DELETE", delete),
                              ("articles_au", "UPDATE", delete + " " + insert)):
        conn.execute(f"CREATE TRIGGER {name} AFTER {when} ON articles BEGIN {steps} END")
    conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')")
    conn.execute("CREATE VIRTUAL TABLE articles_vocab USING fts5vocab(articles_fts, 'row')")


def _to_v3(db: sqlite_utils.Database) -> None:
    """Bodies and raw texts are written as zstd frames from now on (core/compression.py),
    and the word frequencies "more like this" works with are kept (core/frequencies.py).

    Rows already stored stay zlib and read as before, so nothing is rewritten; the version
    says that a Broadsheet older than this cannot read the new rows.
    """
    db.execute(_WORD_FREQUENCIES)


_WORD_FREQUENCIES = ("CREATE TABLE word_frequencies (id INTEGER PRIMARY KEY CHECK (id = 1),"
                     " top_id INTEGER NOT NULL, articles INTEGER NOT NULL, data BLOB NOT NULL)")


_MIGRATIONS = {1: _create_v1, 2: _to_v2, 3: _to_v3}
_SHRINKS = {2}  # migrations after which the file is worth compacting


def _rebuild_sections(body: str, layout: list[list]) -> list[Section]:
    paragraphs = body.split("\n\n") if body else []
    sections, start = [], 0
    for heading, count in layout:
        sections.append(Section(heading, tuple(paragraphs[start:start + count])))
        start += count
    return sections


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _from_iso(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)


def _timestamp(value: datetime | None) -> float | None:
    return None if value is None else value.timestamp()
