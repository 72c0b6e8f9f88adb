"""The article list in any column order, both directions, a page at a time, per view (no Qt)."""

from __future__ import annotations

import json
from dataclasses import dataclass

from broadsheet.core.library import ORDERS, ArticleRow, Library

# Sort column -> (order when ascending, order when descending, or None to reverse ascending).
SORTS: dict[str, tuple[str, str | None]] = {
    "title": ("title", "title_desc"),
    "date": ("oldest", "newest"),
    "author": ("author", "author_desc"),
}

VIEWS = ("all", "unread", "starred")
_VIEW_SQL = {
    "unread": "articles.id NOT IN (SELECT article_id FROM state WHERE read = 1)",
    "starred": "articles.id IN (SELECT article_id FROM state WHERE starred = 1)",
}


@dataclass(frozen=True, slots=True)
class Sort:
    """Which column the list is sorted by, and which way."""

    column: str = "date"
    descending: bool = True

    @property
    def order(self) -> str:
        """The library order (a key of ORDERS) that reads rows in this sort or its reverse."""
        ascending, descending = SORTS[self.column]
        return descending if self.descending and descending else ascending

    @property
    def reversed(self) -> bool:
        """True when rows are read in ``order`` and shown back to front."""
        return self.descending and SORTS[self.column][1] is None


@dataclass(frozen=True, slots=True)
class View:
    """Which articles the list holds: all, unread or starred.

    ``kept`` are articles whose state changed while the view was on screen: one just read
    stays in the Unread list until the view is chosen again, so rows do not jump away.
    """

    name: str = "all"
    kept: frozenset[int] = frozenset()

    def where(self) -> tuple[str, list[object]]:
        """A WHERE clause on articles for this view, and its parameters."""
        condition = _VIEW_SQL.get(self.name)
        if condition is None:
            return "", []
        if not self.kept:
            return f" WHERE {condition}", []
        return (f" WHERE ({condition} OR articles.id IN (SELECT value FROM json_each(?)))",
                [json.dumps(sorted(self.kept))])


ALL = View()


def count(library: Library, view: View = ALL) -> int:
    """How many articles the view holds."""
    where, params = view.where()
    return library.db.execute(f"SELECT count(*) FROM articles{where}", params).fetchone()[0]


def counts(library: Library) -> dict[str, int]:
    """Articles in each view, for the status bar."""
    total, unread_gone, starred = library.db.execute(
        "SELECT (SELECT count(*) FROM articles),"
        " (SELECT count(*) FROM state JOIN articles ON articles.id = state.article_id"
        "  WHERE state.read = 1),"
        " (SELECT count(*) FROM state JOIN articles ON articles.id = state.article_id"
        "  WHERE state.starred = 1)").fetchone()
    return {"all": total, "unread": total - unread_gone, "starred": starred}


def _rows(library: Library, order: str, offset: int, limit: int,
          view: View) -> list[ArticleRow]:
    where, params = view.where()
    sql = (f"SELECT id, title, author, published, source_path, sha256 FROM articles{where}"
           f" ORDER BY {ORDERS[order]} LIMIT ? OFFSET ?")
    return [ArticleRow(*row) for row in library.db.execute(sql, (*params, limit, offset))]


def page(library: Library, sort: Sort, offset: int, limit: int, total: int,
         view: View = ALL) -> list[ArticleRow]:
    """Rows offset..offset+limit of the list as shown."""
    if not sort.reversed:
        return _rows(library, sort.order, offset, limit, view)
    # A descending page is an ascending page read from the far end, back to front.
    start = max(total - offset - limit, 0)
    count = max(min(limit, total - offset), 0)
    return list(reversed(_rows(library, sort.order, start, count, view))) if count else []


def _ranked(sort: Sort, view: View) -> tuple[str, list[object]]:
    where, params = view.where()
    return (f"SELECT articles.id AS id, row_number() OVER (ORDER BY {ORDERS[sort.order]}) - 1"
            f" AS n FROM articles{where}", params)


def row_of(library: Library, sort: Sort, article_id: int, total: int,
           view: View = ALL) -> int | None:
    """Where an article sits in the list as shown, or None when it is not in the list."""
    ranked, params = _ranked(sort, view)
    found = library.db.execute(f"SELECT n FROM ({ranked}) WHERE id = ?",
                               (*params, article_id)).fetchone()
    if found is None:
        return None
    return total - 1 - found[0] if sort.reversed else found[0]


def unread_row(library: Library, sort: Sort, after: int, total: int,
               forward: bool = True, view: View = ALL) -> int | None:
    """The nearest unread article after (or before) row ``after`` in the list as shown."""
    if sort.reversed:
        after, forward = total - 1 - after, not forward
    compare, direction = (">", "ASC") if forward else ("<", "DESC")
    ranked, params = _ranked(sort, view)
    found = library.db.execute(
        f"SELECT r.n FROM ({ranked}) r LEFT JOIN state ON state.article_id = r.id"
        f" WHERE coalesce(state.read, 0) = 0 AND r.n {compare} ? ORDER BY r.n {direction}"
        " LIMIT 1", (*params, after)).fetchone()
    if found is None:
        return None
    return total - 1 - found[0] if sort.reversed else found[0]
