"""The article list: a lazy table model over the library, and the view that shows it."""

from __future__ import annotations

from collections import OrderedDict
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
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

if TYPE_CHECKING:
    from broadsheet.core.search import Hit

TITLE, DATE, AUTHOR = range(3)
COLUMNS = ("title", "date", "author")
HEADERS = ("Title", "Date", "Author")
ID_ROLE = Qt.ItemDataRole.UserRole + 1
PAGE = 200
KEPT_PAGES = 64  # pages of rows held at once: 12,800 rows, a few MB
Index = QModelIndex | QPersistentModelIndex
_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.FontRole,
                    Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.DecorationRole, ID_ROLE})


class ArticleTableModel(QAbstractTableModel):
    """What the library's list and a search's results share: the three columns, and reading
    state shown as bold (unread) and a star."""

    def __init__(self, parent=None, states: dict[int, State] | None = None) -> None:
        super().__init__(parent)
        self._states: dict[int, State] = dict(states or {})
        self._dates: dict[int, str] = {}  # article id -> its date as the list shows it
        self._bold = QFont()
        self._bold.setBold(True)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        """Title, date, author."""
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Column names."""
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(HEADERS)):
            return HEADERS[section]
        return None

    def state(self, article_id: int) -> State:
        """Reading state as this list knows it."""
        return self._states.get(article_id, State())

    def _display_text(self, row: ArticleRow | Hit, column: int) -> str:
        """What the title, date or author cell of a row shows."""
        if column == DATE:
            shown = self._dates.get(row.id)
            if shown is None:  # formatting a date is the costliest part of a paint
                shown = self._dates[row.id] = short_date(row.published)
            return shown
        return row.title if column == TITLE else row.author or ""

    def _state_data(self, article_id: int, column: int, role: int) -> object:
        """The roles a row's reading state and id answer; None for the others."""
        if role == Qt.ItemDataRole.FontRole and not self.state(article_id).read:
            return self._bold
        if role == Qt.ItemDataRole.DecorationRole and column == TITLE:
            return star_icon() if self.state(article_id).starred else None
        if role == ID_ROLE:
            return article_id
        return None


class ArticleListModel(ArticleTableModel):
    """Every article as a row, read from the library a page at a time when first shown.

    The model is sparse: it knows how many rows there are and reads the page around any
    row asked for (End on a million articles reads one page, not all of them), keeping the
    most recently used pages. Read state is cached alongside.
    """

    kept_pages = KEPT_PAGES

    def __init__(self, library: Library, sort: Sort | None = None, parent=None,
                 view: View = ALL) -> None:
        super().__init__(parent)
        self.library = library
        self.sort_by = sort or Sort()
        self.view = view
        self._pages: OrderedDict[int, list[ArticleRow]] = OrderedDict()
        self._row_of: dict[int, int] = {}  # article id -> row, for the pages held
        self._total = listing.count(library, view)

    # -- Qt model interface ------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        """Every row of the list, read or not."""
        return 0 if parent.isValid() else self._total

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """What one cell shows."""
        if role not in _ROLES or not index.isValid():
            return None  # Qt asks a dozen roles per cell on every paint: most answer nothing
        row = self._row(index.row())
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display_text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.title if column == TITLE else (row.published or None)
        return self._state_data(row.id, column, role)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Re-read the list in a new order."""
        if not 0 <= column < len(COLUMNS):
            return
        wanted = Sort(COLUMNS[column], order == Qt.SortOrder.DescendingOrder)
        if wanted != self.sort_by:
            self.sort_by = wanted
            self.refresh()

    # -- pages ---------------------------------------------------------------------

    def _row(self, row: int) -> ArticleRow | None:
        if not 0 <= row < self._total:
            return None
        number = row // PAGE
        rows = self._pages.get(number)
        if rows is None:
            rows = self._load(number)
        else:
            self._pages.move_to_end(number)
        offset = row - number * PAGE
        return rows[offset] if offset < len(rows) else None

    def _load(self, number: int) -> list[ArticleRow]:
        first = number * PAGE
        rows = listing.page(self.library, self.sort_by, first, PAGE, self._total, self.view)
        for article_id, state in reading_state.flags(self.library, (r.id for r in rows)).items():
            # A change shown here but not yet written by the worker wins over the library.
            self._states.setdefault(article_id, state)
        self._pages[number] = rows
        self._row_of.update((r.id, first + i) for i, r in enumerate(rows))
        while len(self._pages) > self.kept_pages:
            _, dropped = self._pages.popitem(last=False)
            for item in dropped:
                self._row_of.pop(item.id, None)
                self._dates.pop(item.id, None)
        return rows

    def pages_held(self) -> int:
        """How many pages of rows are in memory (at most ``kept_pages``)."""
        return len(self._pages)

    # -- for the window ------------------------------------------------------------

    def total(self) -> int:
        """How many articles the list holds."""
        return self._total

    def set_view(self, name: str) -> None:
        """Show all, unread or starred articles; what changed in the last view settles."""
        self.view = View(name)
        self.refresh()

    def settle_view(self) -> None:
        """Let go of the articles kept on screen after their state changed (next refresh)."""
        self.view = View(self.view.name)

    def refresh(self) -> None:
        """Re-read after an import, a new order or a new view; pages load again as shown."""
        self.beginResetModel()
        self._total = listing.count(self.library, self.view)
        self._pages.clear()
        self._row_of = {}
        self._dates = {}
        self._states = {}
        self.endResetModel()

    def article_id(self, row: int) -> int | None:
        """The article shown at a row."""
        found = self._row(row)
        return None if found is None else found.id

    def ensure_loaded(self, row: int) -> bool:
        """Read the page holding ``row``; False when the list is shorter."""
        return self._row(row) is not None

    def row_of(self, article_id: int) -> int | None:
        """The row of an article, or None when it is not in the list."""
        row = self._row_of.get(article_id)
        if row is not None:
            return row
        row = listing.row_of(self.library, self.sort_by, article_id, self._total, self.view)
        return row if row is not None and self.ensure_loaded(row) else None

    def unread_row(self, after: int, forward: bool = True) -> int | None:
        """The nearest unread row from ``after``, trusting changes not yet written."""
        while True:
            anchor = self.article_id(after) if 0 <= after < self._total else None
            if anchor is None and (after >= 0 if forward else after < self._total):
                return None  # past the end it walks from
            found = listing.unread_near(self.library, self.sort_by, anchor, forward, self.view)
            row = None if found is None else self.row_of(found)
            if row is None:
                return None
            if not self.state(found).read:
                return row
            after = row  # marked read here, not yet on disk: keep looking

    def knows(self, article_id: int) -> bool:
        """True when ``state`` is the truth for this article (its row is held)."""
        return article_id in self._row_of or article_id in self._states

    def set_state(self, article_id: int, state: State) -> None:
        """Show a changed reading state (the caller writes it to the library)."""
        self._states[article_id] = state
        row = self._row_of.get(article_id)
        if row is None:
            return
        if self.view.name != "all" and article_id not in self.view.kept:
            self.view = View(self.view.name, self.view.kept | {article_id})
        emit(self.dataChanged, self.index(row, 0), self.index(row, len(COLUMNS) - 1))


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
        # Opaque, a scroll by one row moves the pixels and paints one new row; otherwise every
        # j at the foot of the list repaints all of it (8 ms a time). paintEvent fills first.
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def setModel(self, model) -> None:  # noqa: N802
        """Attach a model and follow its current row."""
        super().setModel(model)
        header = self.horizontalHeader()
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        self._fit_rows()
        self.selectionModel().currentRowChanged.connect(self._on_current_row)

    def _fit_rows(self) -> None:
        lines = getattr(self.model(), "lines", 1)  # search results add a snippet line
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() * lines + 10)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        """Rows as tall as a new text size needs."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_rows()

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
        background = QPainter(self.viewport())
        background.fillRect(event.rect(), self.viewport().palette().brush(
            self.viewport().backgroundRole()))
        background.end()
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
