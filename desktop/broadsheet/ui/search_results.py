"""Search results as a list model the article view can show in place of the whole library."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal

from broadsheet.core.search import HIT_END, HIT_START, Hit, Results
from broadsheet.ui.article_list import COLUMNS, HEADERS, TITLE, ArticleTableModel
from broadsheet.ui.listing import Sort
from broadsheet.ui.reading_state import State
from broadsheet.ui.signals import emit

SNIPPET_ROLE = Qt.ItemDataRole.UserRole + 2  # the snippet with HIT_START/HIT_END marks
SNIPPET_PAGE = 20  # snippets asked for at a time, as rows come into view
MORE = 200  # hits added at a time when the list is scrolled to its end
Index = QModelIndex | QPersistentModelIndex


def plain_snippet(snippet: str) -> str:
    """A snippet with its match marks removed."""
    return snippet.replace(HIT_START, "").replace(HIT_END, "")


def search_order(column: int, descending: bool) -> str:
    """The search order (see search.SEARCH_ORDERS) a click on a column header asks for."""
    return Sort(COLUMNS[column], descending).order


class SearchResultsModel(ArticleTableModel):
    """A fixed list of hits in the order searched; read state is supplied by the window.

    Snippets not worked out with the results are asked for (``snippets_wanted``) a page at
    a time when a view first shows their rows.
    """

    snippets_wanted = Signal(list)
    sort_requested = Signal(str)
    more_wanted = Signal(int)  # how many hits the list would like to hold
    lines = 2  # a title line and a snippet line

    def __init__(self, query: str, results: Results | list[Hit], states: dict[int, State],
                 parent=None, order: str = "relevance") -> None:
        super().__init__(parent, states)
        self.query = query
        self.results = results if isinstance(results, Results) else Results(
            hits=list(results), total=len(results))
        self.order = order
        self._hits = list(self.results.hits)
        self._asked: set[int] = set()  # pages of rows whose missing snippets were asked for
        self._more_asked = False

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        """One row per hit."""
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """What one cell shows; the title cell also carries the snippet."""
        if not index.isValid() or index.row() >= len(self._hits):
            return None
        hit = self._hits[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display_text(hit, column)
        if role == SNIPPET_ROLE and column == TITLE:
            self._want_snippet(index.row())
            return hit.snippet
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_snippet(hit.snippet) or hit.title
        return self._state_data(hit.id, column, role)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: N802, B008
        """True while more matches are counted than listed (the window fetches them)."""
        return (not parent.isValid() and not self._more_asked
                and len(self._hits) < self.results.total)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: N802, B008
        """Ask once for the next page of hits; ``extend`` brings them."""
        if self.canFetchMore(parent):
            self._more_asked = True
            emit(self.more_wanted, len(self._hits) + MORE)

    def extend(self, results: Results, states: dict[int, State]) -> None:
        """More hits of the same search: the first ones are the ones already listed."""
        self._more_asked = False
        known = {h.id for h in self._hits}
        new = [h for h in results.hits if h.id not in known]
        if not new:
            self.results.total = len(self._hits)  # no more after all: stop asking
            return
        self._states.update(states)
        self.beginInsertRows(QModelIndex(), len(self._hits), len(self._hits) + len(new) - 1)
        self._hits.extend(new)
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Ask the window to search again in this order (the best hits in it, not a re-sort)."""
        if 0 <= column < len(COLUMNS):
            wanted = search_order(column, order == Qt.SortOrder.DescendingOrder)
            if wanted != self.order:
                emit(self.sort_requested, wanted)

    # -- snippets -------------------------------------------------------------------------

    def _want_snippet(self, row: int) -> None:
        first = row - row % SNIPPET_PAGE
        if first in self._asked or not self.results.match:
            return
        self._asked.add(first)
        ids = [h.id for h in self._hits[first:first + SNIPPET_PAGE] if not h.snippet]
        if ids:
            emit(self.snippets_wanted, ids)

    def set_snippets(self, snippets: dict[int, str]) -> None:
        """Snippets fetched for rows scrolled into view."""
        for row, hit in enumerate(self._hits):
            snippet = snippets.get(hit.id)
            if snippet:
                self._hits[row] = Hit(hit.id, hit.title, hit.published, snippet, hit.score,
                                      hit.author)
                emit(self.dataChanged, self.index(row, TITLE), self.index(row, TITLE))

    # -- for the window -------------------------------------------------------------------

    def total(self) -> int:
        """How many hits are listed (``results.total`` counts every match)."""
        return len(self._hits)

    def ids(self) -> list[int]:
        """Every listed article, in order."""
        return [h.id for h in self._hits]

    def article_id(self, row: int) -> int | None:
        """The article at a row."""
        return self._hits[row].id if 0 <= row < len(self._hits) else None

    def ensure_loaded(self, row: int) -> bool:
        """Every hit is loaded already."""
        return 0 <= row < len(self._hits)

    def row_of(self, article_id: int) -> int | None:
        """The row of an article among the hits."""
        return next((r for r, h in enumerate(self._hits) if h.id == article_id), None)

    def unread_row(self, after: int, forward: bool = True) -> int | None:
        """The nearest unread hit from ``after``."""
        rows = range(after + 1, len(self._hits)) if forward else range(after - 1, -1, -1)
        return next((r for r in rows if not self.state(self._hits[r].id).read), None)

    def knows(self, article_id: int) -> bool:
        """True when ``state`` is the truth for this article (it is one of the hits)."""
        return article_id in self._states or self.row_of(article_id) is not None

    def set_state(self, article_id: int, state: State) -> None:
        """Show a changed reading state."""
        self._states[article_id] = state
        row = self.row_of(article_id)
        if row is not None:
            emit(self.dataChanged, self.index(row, 0), self.index(row, len(HEADERS) - 1))
