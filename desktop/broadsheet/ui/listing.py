"""The article list in any column order, both directions, a page at a time, per view (no Qt)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass

from broadsheet.core.library import ORDERS, ArticleRow, Library
from broadsheet.core.query import STATES

# Sort column -> (order when ascending, order when descending, or None to reverse ascending).
SORTS: dict[str, tuple[str, str | None]] = {
    "title": ("title", "title_desc"),
    "date": ("oldest", "newest"),
    "author": ("author", "author_desc"),
}

VIEWS = ("all", "unread", "starred")
_VIEW_SQL = {name: STATES[name] for name in ("unread", "starred")}


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
    return library.conn.execute(f"SELECT count(*) FROM articles{where}", params).fetchone()[0]


def counts(library: Library, total: int | None = None) -> dict[str, int]:
    """Articles in each view, for the status bar; ``total`` when the caller counted already.

    Only the state table is read besides the total: its rows are the few articles read or
    starred, so this stays cheap however large the library grows.
    """
    if total is None:
        total = library.conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    unread_gone, starred = library.conn.execute(
        "SELECT (SELECT count(*) FROM state JOIN articles ON articles.id = state.article_id"
        "  WHERE state.read = 1),"
        " (SELECT count(*) FROM state JOIN articles ON articles.id = state.article_id"
        "  WHERE state.starred = 1)").fetchone()
    return {"all": total, "unread": total - unread_gone, "starred": starred}


# Order columns the schema declares NOT NULL: no need to count their NULLs (a full scan).
_NOT_NULL = frozenset({"articles.id", "articles.title"})


@dataclass(frozen=True, slots=True)
class _Key:
    """One column of an order: its SQL, the collation it sorts with, and its direction."""

    column: str
    collate: str
    descending: bool

    def before(self, value: object, flip: bool) -> list[tuple[str, list[object]]]:
        """Conditions (each an index range) for values that sort strictly before ``value``.

        SQLite sorts NULL first ascending and last descending.
        """
        descending = self.descending != flip
        if value is None:
            return [(f"{self.column} IS NOT NULL", [])] if descending else []
        if descending:
            return [(f"{self.column}{self.collate} > ?", [value])]
        smaller = [(f"{self.column}{self.collate} < ?", [value])]
        return smaller if self.column in _NOT_NULL else [*smaller, (f"{self.column} IS NULL", [])]

    def equal(self, value: object) -> tuple[str, list[object]]:
        """The condition for values that sort level with ``value``."""
        if value is None:
            return f"{self.column} IS NULL", []
        return f"{self.column}{self.collate} = ?", [value]


def _keys(order: str) -> list[_Key]:
    keys = []
    for term in ORDERS[order].split(","):
        words = term.split()
        collate = " COLLATE " + words[words.index("COLLATE") + 1] if "COLLATE" in words else ""
        keys.append(_Key(words[0], collate, words[-1] == "DESC"))
    return keys


def _order_by(keys: list[_Key], flip: bool = False) -> str:
    return ", ".join(f"{k.column}{k.collate} {'DESC' if k.descending != flip else 'ASC'}"
                     for k in keys)


def _beyond(keys: list[_Key], values: tuple, flip: bool) -> list[tuple[str, list[object]]]:
    """Disjoint conditions that together hold the rows before a row, nearest group first.

    Flipped, the rows after it. Each condition is an equality prefix and one range, which
    the index of the order answers without reading the rows it skips.
    """
    groups = []
    for depth in range(len(keys) - 1, -1, -1):
        prefix = [keys[i].equal(values[i]) for i in range(depth)]
        for condition, params in keys[depth].before(values[depth], flip):
            parts = [*prefix, (condition, params)]
            groups.append((" AND ".join(c for c, _ in parts), [p for _, ps in parts for p in ps]))
    return groups


def _key_values(library: Library, keys: list[_Key], article_id: int,
                view: View) -> tuple | None:
    where, params = view.where()
    where = f"{where} AND articles.id = ?" if where else " WHERE articles.id = ?"
    return library.conn.execute(
        f"SELECT {', '.join(k.column for k in keys)} FROM articles{where}",
        (*params, article_id)).fetchone()


def _rows(library: Library, order: str, offset: int, limit: int, view: View,
          flip: bool = False) -> list[ArticleRow]:
    where, params = view.where()
    sql = (f"SELECT id, title, author, published, source_path, sha256 FROM articles{where}"
           f" ORDER BY {_order_by(_keys(order), flip)} LIMIT ? OFFSET ?")
    return [ArticleRow(*row) for row in library.conn.execute(sql, (*params, limit, offset))]


def page(library: Library, sort: Sort, offset: int, limit: int, total: int,
         view: View = ALL) -> list[ArticleRow]:
    """Rows offset..offset+limit of the list as shown.

    A page in the far half is read from the other end, so no page skips more than half the
    list (End on a million articles skips none).
    """
    count = max(min(limit, total - offset), 0)
    if not count:
        return []
    # Where the page sits in the library order; reversed sorts show that order back to front.
    start = total - offset - count if sort.reversed else offset
    if start + count > total - start:  # nearer the far end: read it from there
        rows = _rows(library, sort.order, total - start - count, count, view, flip=True)
        rows.reverse()
    else:
        rows = _rows(library, sort.order, start, count, view)
    if sort.reversed:
        rows.reverse()
    return rows


def ids(library: Library, sort: Sort, view: View = ALL) -> Iterator[int]:
    """Every article id of the list as shown, in one statement read as it goes."""
    where, params = view.where()
    # The orders are total (they end on id), so flipped is exactly back to front.
    sql = f"SELECT id FROM articles{where} ORDER BY {_order_by(_keys(sort.order), sort.reversed)}"
    for (article_id,) in library.conn.execute(sql, params):
        yield article_id


def row_of(library: Library, sort: Sort, article_id: int, total: int,
           view: View = ALL) -> int | None:
    """Where an article sits in the list as shown, or None when it is not in the list.

    The rows before it are counted a range of the order's index at a time: no row is read,
    nothing is sorted.
    """
    keys = _keys(sort.order)
    values = _key_values(library, keys, article_id, view)
    if values is None:
        return None
    where, params = view.where()
    joiner = f"{where} AND" if where else " WHERE"
    before = 0
    for condition, extra in _beyond(keys, values, flip=False):
        before += library.conn.execute(f"SELECT count(*) FROM articles{joiner} {condition}",
                                     (*params, *extra)).fetchone()[0]
    return total - 1 - before if sort.reversed else before


def unread_near(library: Library, sort: Sort, article_id: int | None, forward: bool = True,
                view: View = ALL) -> int | None:
    """The nearest unread article after (or before) an article in the list as shown.

    With no article, the first (or last) unread one. The order's index is read from the
    article on, so the cost grows with the read articles skipped, not with the library.
    """
    keys = _keys(sort.order)
    flip = forward == sort.reversed  # True when walking towards the start of the order
    where, params = view.where()
    unread = STATES["unread"]
    joiner = f"{where} AND {unread}" if where else f" WHERE {unread}"
    if article_id is None:
        groups = [("1", [])]
    else:
        values = _key_values(library, keys, article_id, ALL)
        if values is None:
            return None
        groups = _beyond(keys, values, flip=not flip)
    for condition, extra in groups:
        found = library.conn.execute(
            f"SELECT articles.id FROM articles{joiner} AND {condition}"
            f" ORDER BY {_order_by(keys, flip)} LIMIT 1", (*params, *extra)).fetchone()
        if found is not None:
            return found[0]
    return None
