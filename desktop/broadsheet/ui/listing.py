"""The article list in any column order, both directions, a page at a time (no Qt)."""

from __future__ import annotations

from dataclasses import dataclass

from broadsheet.core.library import ORDERS, ArticleRow, Library

# Sort column -> (order when ascending, order when descending, or None to reverse ascending).
SORTS: dict[str, tuple[str, str | None]] = {
    "title": ("title", None),
    "date": ("oldest", "newest"),
    "author": ("author", None),
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


def page(library: Library, sort: Sort, offset: int, limit: int, total: int) -> list[ArticleRow]:
    """Rows offset..offset+limit of the list as shown."""
    if not sort.reversed:
        return library.rows(sort.order, offset, limit)
    # A descending page is an ascending page read from the far end, back to front.
    start = max(total - offset - limit, 0)
    count = max(min(limit, total - offset), 0)
    return list(reversed(library.rows(sort.order, start, count))) if count else []


def _ranked(sort: Sort) -> str:
    return (f"SELECT articles.id AS id, row_number() OVER (ORDER BY {ORDERS[sort.order]}) - 1"
            " AS n FROM articles")


def row_of(library: Library, sort: Sort, article_id: int, total: int) -> int | None:
    """Where an article sits in the list as shown, or None when it is not in the library."""
    found = library.db.execute(f"SELECT n FROM ({_ranked(sort)}) WHERE id = ?",
                               (article_id,)).fetchone()
    if found is None:
        return None
    return total - 1 - found[0] if sort.reversed else found[0]


def unread_row(library: Library, sort: Sort, after: int, total: int,
               forward: bool = True) -> int | None:
    """The nearest unread article after (or before) row ``after`` in the list as shown."""
    if sort.reversed:
        after, forward = total - 1 - after, not forward
    compare, direction = (">", "ASC") if forward else ("<", "DESC")
    found = library.db.execute(
        f"SELECT r.n FROM ({_ranked(sort)}) r LEFT JOIN state ON state.article_id = r.id"
        f" WHERE coalesce(state.read, 0) = 0 AND r.n {compare} ? ORDER BY r.n {direction}"
        " LIMIT 1", (after,)).fetchone()
    if found is None:
        return None
    return total - 1 - found[0] if sort.reversed else found[0]
