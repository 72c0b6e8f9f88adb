"""What people type into a search box, made into a safe FTS5 query with filters and ranking."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field
from datetime import date, timedelta

from broadsheet.core.library import Library

# bm25 weights for title, summary, author and body: a hit in the title counts most.
RANK = "bm25(articles_fts, 10.0, 4.0, 2.0, 1.0)"
HIT_START, HIT_END = "\ue000", "\ue001"  # private-use marks; callers render them
_SNIPPET = f"snippet(articles_fts, -1, '{HIT_START}', '{HIT_END}', '…', 16)"

_TOKEN = re.compile(
    r'(?P<neg>-)?(?:(?P<field>[A-Za-z]+):)?(?:"(?P<phrase>[^"]*)"?|(?P<word>[^\s"]+))'
)
_FIELDS = {"author", "before", "after", "title", "is"}
_DATE = re.compile(r"(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?")
_WORD_CHAR = re.compile(r"\w")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True, slots=True)
class Hit:
    """One search result, best first; the snippet marks matches with HIT_START/HIT_END."""

    id: int
    title: str
    published: str | None
    snippet: str
    score: float


@dataclass(slots=True)
class Query:
    """A parsed query: an FTS5 expression, SQL filters, and hints about what was ignored."""

    positive: list[str] = field(default_factory=list)
    negative: list[str] = field(default_factory=list)
    where: list[str] = field(default_factory=list)
    params: list[object] = field(default_factory=list)
    hints: list[str] = field(default_factory=list)

    @property
    def match(self) -> str | None:
        """The FTS5 MATCH expression, or None when only filters or exclusions were given."""
        if not self.positive:
            return None
        expression = " AND ".join(self.positive)
        if self.negative:
            expression = f"({expression}) NOT ({' OR '.join(self.negative)})"
        return expression

    @property
    def is_empty(self) -> bool:
        """True when the query asks for nothing at all."""
        return not (self.positive or self.negative or self.where)


def fts_string(text: str) -> str:
    """Quote text as an FTS5 string: always a literal, whatever punctuation it holds."""
    return '"' + text.replace('"', '""') + '"'


def parse_query(text: str) -> Query:
    """Turn user input into a Query; never raises."""
    query = Query()
    text = _CONTROL.sub(" ", text)
    for match in _TOKEN.finditer(text):
        field_name = (match["field"] or "").lower()
        value = match["phrase"] if match["phrase"] is not None else match["word"]
        if field_name and field_name not in _FIELDS:
            value = f"{match['field']} {value}"  # "Explainer: Brexit" is two words
            field_name = ""
        if field_name in ("", "title"):
            _add_term(query, value, negated=bool(match["neg"]), phrase=match["phrase"] is not None,
                      column="title" if field_name else None)
        else:
            _add_filter(query, field_name, value, negated=bool(match["neg"]))
    return query


def _add_term(query: Query, value: str, *, negated: bool, phrase: bool,
              column: str | None) -> None:
    if not _WORD_CHAR.search(value):
        return
    prefix = not phrase and value.endswith("*")
    term = fts_string(value.rstrip("*") if prefix else value) + ("*" if prefix else "")
    if column:
        term = f"{column} : {term}"
    (query.negative if negated else query.positive).append(term)


def _add_filter(query: Query, name: str, value: str, *, negated: bool) -> None:
    if name == "author":
        if value.strip():
            like = "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            op = "NOT LIKE" if negated else "LIKE"
            query.where.append(f"coalesce(articles.author, '') {op} ? ESCAPE '\\'")
            query.params.append(like)
    elif name in ("before", "after"):
        bounds = date_bounds(value)
        if bounds is None:
            query.hints.append(f"{name}: wants a date like 2020-08-23, 2020-08 or 2020")
        elif name == "before":
            query.where.append("articles.local_date < ?")
            query.params.append(bounds[0])
        else:
            query.where.append("articles.local_date >= ?")
            query.params.append(bounds[0])
    elif name == "is":
        _add_state_filter(query, value.lower(), negated)


def _add_state_filter(query: Query, value: str, negated: bool) -> None:
    conditions = {
        "unread": "coalesce((SELECT read FROM state WHERE article_id = articles.id), 0) = 0",
        "read": "coalesce((SELECT read FROM state WHERE article_id = articles.id), 0) = 1",
        "starred": "coalesce((SELECT starred FROM state WHERE article_id = articles.id), 0) = 1",
    }
    if value in conditions:
        query.where.append(("NOT " if negated else "") + f"({conditions[value]})")
    else:
        query.hints.append("is: takes unread, read or starred")


def date_bounds(value: str) -> tuple[str, str] | None:
    """First day of the day, month or year a filter names, and the first day after it.

    Dates compare with the date printed on the article (its own time zone), as ISO strings.
    """
    match = _DATE.fullmatch(value.strip())
    if not match:
        return None
    year, month, day = int(match[1]), int(match[2] or 0), int(match[3] or 0)
    try:
        if day:
            start = date(year, month, day)
            end = start + timedelta(days=1)
        elif month:
            start = date(year, month, 1)
            end = date(year + month // 12, month % 12 + 1, 1)
        else:
            start, end = date(year, 1, 1), date(year + 1, 1, 1)
    except (ValueError, OverflowError):
        return None
    return start.isoformat(), end.isoformat()


def search(library: Library, text: str, limit: int = 50) -> list[Hit]:
    """Search the library; best first. Filters alone list matching articles newest first."""
    query = parse_query(text)
    if query.is_empty:
        return []
    try:
        return _run(library, query, limit)
    except sqlite3.OperationalError as error:
        if "fts5" not in str(error).lower():
            raise
        # Our quoting should make this unreachable; a bare-words retry is the safe answer.
        words = re.findall(r"\w+", text)
        return _run(library, parse_query(" ".join(words)), limit) if words else []


def _run(library: Library, query: Query, limit: int) -> list[Hit]:
    where = list(query.where)
    params: list[object] = []
    if query.match is None:
        if query.negative:
            where.append("articles.id NOT IN (SELECT rowid FROM articles_fts"
                         " WHERE articles_fts MATCH ?)")
            params.append(" OR ".join(query.negative))
        sql = ("SELECT articles.id, articles.title, articles.published, articles.summary, 0.0"
               " FROM articles" + _where(where) +
               " ORDER BY articles.sort_date DESC, articles.id DESC LIMIT ?")
        rows = library.db.execute(sql, (*query.params, *params, limit)).fetchall()
        return [Hit(i, t, p, _trim(s), score) for i, t, p, s, score in rows]
    sql = (f"SELECT articles.id, articles.title, articles.published, {_SNIPPET}, {RANK}"
           " FROM articles_fts JOIN articles ON articles.id = articles_fts.rowid"
           " WHERE articles_fts MATCH ?" + "".join(f" AND {w}" for w in where) +
           f" ORDER BY {RANK} LIMIT ?")
    rows = library.db.execute(sql, (query.match, *query.params, limit)).fetchall()
    return [Hit(i, t, p, s, round(-rank, 4)) for i, t, p, s, rank in rows]


def _where(conditions: list[str]) -> str:
    return (" WHERE " + " AND ".join(conditions)) if conditions else ""


def _trim(text: str, words: int = 30) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")
