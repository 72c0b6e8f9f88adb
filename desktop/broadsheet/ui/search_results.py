"""Search results as a list model the article view can show in place of the whole library."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from broadsheet.core.search import HIT_END, HIT_START, Hit
from broadsheet.ui.article_list import ID_ROLE, TITLE
from broadsheet.ui.glyphs import star_icon
from broadsheet.ui.locale_dates import short_date
from broadsheet.ui.reading_state import State
from broadsheet.ui.signals import emit

HEADERS = ("Title", "Date", "Match")
Index = QModelIndex | QPersistentModelIndex


def plain_snippet(snippet: str) -> str:
    """A snippet with its match marks removed."""
    return snippet.replace(HIT_START, "").replace(HIT_END, "")


class SearchResultsModel(QAbstractTableModel):
    """A fixed list of hits, best first; read state is supplied by the window."""

    def __init__(self, query: str, hits: list[Hit], states: dict[int, State],
                 parent=None) -> None:
        super().__init__(parent)
        self.query = query
        self._hits = hits
        self._states = dict(states)
        self._bold = QFont()
        self._bold.setBold(True)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        """One row per hit."""
        return 0 if parent.isValid() else len(self._hits)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        """Title, date, match."""
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """What one cell shows."""
        if not index.isValid() or index.row() >= len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (hit.title, short_date(hit.published), plain_snippet(hit.snippet))[
                index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_snippet(hit.snippet) or hit.title
        if role == Qt.ItemDataRole.FontRole and not self.state(hit.id).read:
            return self._bold
        if role == Qt.ItemDataRole.DecorationRole and index.column() == TITLE:
            return star_icon() if self.state(hit.id).starred else None
        if role == ID_ROLE:
            return hit.id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Column names."""
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(HEADERS)):
            return HEADERS[section]
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Results stay best first."""

    def total(self) -> int:
        """How many hits."""
        return len(self._hits)

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

    def state(self, article_id: int) -> State:
        """Reading state as known here."""
        return self._states.get(article_id, State())

    def set_state(self, article_id: int, state: State) -> None:
        """Show a changed reading state."""
        self._states[article_id] = state
        row = self.row_of(article_id)
        if row is not None:
            emit(self.dataChanged, self.index(row, 0), self.index(row, len(HEADERS) - 1))
