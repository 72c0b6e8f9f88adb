"""The article list: a lazy table model over the library, and the view that shows it."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QKeyEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from broadsheet.core.library import ArticleRow, Library
from broadsheet.ui import listing, reading_state
from broadsheet.ui.glyphs import star_icon
from broadsheet.ui.listing import ALL, Sort, View
from broadsheet.ui.locale_dates import short_date
from broadsheet.ui.reading_state import State
from broadsheet.ui.signals import emit

TITLE, DATE, AUTHOR = range(3)
COLUMNS = ("title", "date", "author")
HEADERS = ("Title", "Date", "Author")
ID_ROLE = Qt.ItemDataRole.UserRole + 1
PAGE = 200
Index = QModelIndex | QPersistentModelIndex


class ArticleListModel(QAbstractTableModel):
    """Rows read from the library a page at a time; read state cached alongside."""

    def __init__(self, library: Library, sort: Sort | None = None, parent=None,
                 view: View = ALL) -> None:
        super().__init__(parent)
        self.library = library
        self.sort_by = sort or Sort()
        self.view = view
        self._rows: list[ArticleRow] = []
        self._loaded: set[int] = set()
        self._states: dict[int, State] = {}
        self._total = listing.count(library, view)
        self._bold = QFont()
        self._bold.setBold(True)

    # -- Qt model interface ------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        """Rows loaded so far (the view asks for more as it scrolls)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        """Title, date, author."""
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """What one cell shows."""
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.title, short_date(row.published), row.author or "")[column]
        if role == Qt.ItemDataRole.FontRole and not self.state(row.id).read:
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.title if column == TITLE else (row.published or None)
        if role == Qt.ItemDataRole.DecorationRole and column == TITLE:
            return star_icon() if self.state(row.id).starred else None
        if role == ID_ROLE:
            return row.id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Column names."""
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(HEADERS)):
            return HEADERS[section]
        return None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: N802, B008
        """True while rows remain beyond the loaded pages."""
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: N802, B008
        """Load the next page."""
        if not parent.isValid():
            self._load(PAGE)

    def _load(self, count: int) -> None:
        start = len(self._rows)
        batch = listing.page(self.library, self.sort_by, start, count, self._total, self.view)
        if not batch:
            self._total = start  # the library shrank under us
            return
        self._states.update(reading_state.flags(self.library, (r.id for r in batch)))
        self.beginInsertRows(QModelIndex(), start, start + len(batch) - 1)
        self._rows.extend(batch)
        self._loaded.update(r.id for r in batch)
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Re-read the list in a new order."""
        if not 0 <= column < len(COLUMNS):
            return
        wanted = Sort(COLUMNS[column], order == Qt.SortOrder.DescendingOrder)
        if wanted != self.sort_by:
            self.sort_by = wanted
            self.refresh()

    # -- for the window ------------------------------------------------------------

    def total(self) -> int:
        """How many articles the list holds, loaded or not."""
        return self._total

    def set_view(self, name: str) -> None:
        """Show all, unread or starred articles; what changed in the last view settles."""
        self.view = View(name)
        self.refresh()

    def refresh(self) -> None:
        """Re-read after an import or a new order, loading as many rows as before."""
        keep = max(len(self._rows), PAGE)
        self.beginResetModel()
        self._total = listing.count(self.library, self.view)
        self._rows = []
        self._loaded = set()
        self._states = {}
        self.endResetModel()
        if self._total:
            self._load(min(keep, self._total))

    def article_id(self, row: int) -> int | None:
        """The article shown at a row, if loaded."""
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def ensure_loaded(self, row: int) -> bool:
        """Load pages until ``row`` exists; False when the list is shorter."""
        if row >= len(self._rows) and self.canFetchMore():
            # One query up to the row (rounded to a page) rather than a page at a time.
            wanted = row + 1 - len(self._rows)
            self._load(-(-wanted // PAGE) * PAGE)
        return 0 <= row < len(self._rows)

    def row_of(self, article_id: int) -> int | None:
        """The row of an article, loading pages up to it."""
        for row, item in enumerate(self._rows):
            if item.id == article_id:
                return row
        row = listing.row_of(self.library, self.sort_by, article_id, self._total, self.view)
        return row if row is not None and self.ensure_loaded(row) else None

    def unread_row(self, after: int, forward: bool = True) -> int | None:
        """The nearest unread row from ``after``, trusting changes not yet written."""
        while True:
            row = listing.unread_row(self.library, self.sort_by, after, self._total, forward,
                                     self.view)
            if row is None or not self.ensure_loaded(row):
                return None
            if not self.state(self._rows[row].id).read:
                return row
            after = row  # marked read here, not yet on disk: keep looking

    def knows(self, article_id: int) -> bool:
        """True when ``state`` is the truth for this article (its row is loaded)."""
        return article_id in self._loaded or article_id in self._states

    def state(self, article_id: int) -> State:
        """Reading state as the list knows it."""
        return self._states.get(article_id, State())

    def set_state(self, article_id: int, state: State) -> None:
        """Show a changed reading state (the caller writes it to the library)."""
        self._states[article_id] = state
        for row, item in enumerate(self._rows):
            if item.id == article_id:
                if self.view.name != "all" and article_id not in self.view.kept:
                    self.view = View(self.view.name, self.view.kept | {article_id})
                emit(self.dataChanged, self.index(row, 0), self.index(row, len(COLUMNS) - 1))
                return


class ArticleListView(QTableView):
    """The list pane: whole rows, one selection, sortable headers."""

    article_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleList")
        self.placeholder = ""  # said in the middle when the list is empty: why, and what next
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self.setTabKeyNavigation(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.verticalHeader().hide()
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionsMovable(False)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.setSortingEnabled(True)

    def setModel(self, model) -> None:  # noqa: N802
        """Attach a model and follow its current row."""
        super().setModel(model)
        header = self.horizontalHeader()
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        lines = getattr(model, "lines", 1)  # search results add a snippet line
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() * lines + 10)
        self.selectionModel().currentRowChanged.connect(self._on_current_row)

    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            article_id = current.data(ID_ROLE)
            if article_id is not None:
                emit(self.article_chosen, int(article_id))

    def set_placeholder(self, text: str) -> None:
        """What an empty list says instead of nothing."""
        self.placeholder = text
        self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        """The rows; or, when there are none, the placeholder."""
        super().paintEvent(event)
        model = self.model()
        if not self.placeholder or model is None or model.rowCount() > 0:
            return
        painter = QPainter(self.viewport())
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        area = self.viewport().rect().adjusted(24, 24, -24, -24)
        painter.drawText(area, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
                         | Qt.TextFlag.TextWordWrap, self.placeholder)
        painter.end()

    def select_row(self, row: int) -> None:
        """Make a row current and selected, and scroll to it."""
        index = self.model().index(row, 0)
        if index.isValid():
            self.setCurrentIndex(index)
            self.scrollTo(index)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """Leave Space and letters to the window's shortcuts, not keyboard search."""
        if event.text() and event.text().isprintable() and not event.modifiers() & (
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            event.ignore()
            return
        super().keyPressEvent(event)
