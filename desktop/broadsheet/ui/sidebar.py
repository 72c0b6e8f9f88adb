"""The related-links sidebar: READ: links, what links here, the same story, more like this."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFocusEvent, QFont, QKeyEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QListView, QListWidget, QListWidgetItem, QWidget

from broadsheet.core.article import Article
from broadsheet.ui.signals import emit

if TYPE_CHECKING:  # the module itself loads on the worker, after start-up
    from broadsheet.core.related import Related

ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the article a row opens
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2  # the words an unresolved READ: line searches for
SECTION_ROLE = Qt.ItemDataRole.UserRole + 3  # which section a row belongs to

SECTIONS = ("In this article", "Linked from", "Same story", "More like this")
LOOKING = "Looking…"
NOTHING = "None"
NOT_IN_LIBRARY = " — not in the library"


@dataclass(frozen=True, slots=True)
class Entry:
    """One row under a section: an article to open, words to search for, or a plain note."""

    text: str
    target: int | None = None
    search: str | None = None

    @property
    def actionable(self) -> bool:
        """True when Enter does something with it."""
        return self.target is not None or self.search is not None


# Keys the list uses itself while it has focus, instead of the window's shortcuts.
_OWN_KEYS = {Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter,
             Qt.Key.Key_Home, Qt.Key.Key_End, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown,
             Qt.Key.Key_Left, Qt.Key.Key_Right}
# With Ctrl, Up and Down jump a whole section.
_SECTION_KEYS = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}


class Sidebar(QListWidget):
    """Section headings and their rows; Enter on a row opens its article or searches."""

    article_chosen = Signal(int)
    search_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.setAccessibleName("Related articles")
        self.setWordWrap(True)
        self.setUniformItemSizes(False)
        self.setResizeMode(QListView.ResizeMode.Adjust)  # re-wrap titles when the pane resizes
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSpacing(3)
        self.setViewportMargins(6, 0, 4, 0)
        self.itemActivated.connect(self._on_activated)
        self.itemClicked.connect(self._on_activated)
        self._heading_font = QFont(self.font())
        self._heading_font.setBold(True)
        self._heading_font.setPointSizeF(self.font().pointSizeF() * 0.85)
        self._entries: dict[str, list[Entry]] = {}
        self.clear_all()

    # -- filling ------------------------------------------------------------------------

    def clear_all(self) -> None:
        """No article: empty sections."""
        self._entries = {name: [] for name in SECTIONS}
        self._redraw()

    def show_article(self, article: Article) -> None:
        """Fill the READ: links at once; the rest follows with ``set_related``."""
        self._entries = {name: [Entry(LOOKING)] for name in SECTIONS}
        self._entries["In this article"] = [
            Entry(link.text, target=link.target_id) if link.target_id is not None
            else Entry(link.text + NOT_IN_LIBRARY, search=link.text)
            for link in article.links]
        self.setCurrentRow(-1)
        self._redraw()

    def set_related(self, related: Related) -> None:
        """Show backlinks and same story, and similar articles unless still to come."""
        self._entries["Linked from"] = [Entry(t, i) for i, t in related.backlinks]
        self._entries["Same story"] = [Entry(t, i) for i, t in related.same_story]
        if related.similar is not None:
            self._entries["More like this"] = [Entry(t, i) for i, t, _ in related.similar]
        self._redraw()

    def _redraw(self) -> None:
        """Rebuild every item (clear() deletes them, so items are never reused)."""
        place = self._place(self.currentItem())
        self.clear()
        for name, entries in self._entries.items():
            self.addItem(self._heading(name, entries))
            for position, entry in enumerate(entries or [Entry(NOTHING)]):
                self.addItem(self._item(name, position, entry))
        self._restore(place)
        self._fit_rows()

    def _heading(self, name: str, entries: list[Entry]) -> QListWidgetItem:
        heading = QListWidgetItem(name.upper())
        heading.setFont(self._heading_font)
        heading.setFlags(Qt.ItemFlag.NoItemFlags)
        heading.setForeground(self._muted())
        heading.setData(SECTION_ROLE, name)
        count = sum(e.actionable for e in entries)
        heading.setData(Qt.ItemDataRole.AccessibleTextRole,
                        f"{name}: {count} item{'s' if count != 1 else ''}")
        # Taller than a title row, text at the bottom: air above each section.
        heading.setSizeHint(QSize(10, round(self.fontMetrics().height() * 2.3)))
        heading.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
        return heading

    def _item(self, section: str, position: int, entry: Entry) -> QListWidgetItem:
        item = QListWidgetItem(entry.text)
        item.setData(SECTION_ROLE, (section, position))
        item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{section}: {entry.text}")
        if entry.target is not None:
            item.setData(ID_ROLE, entry.target)
            item.setToolTip(entry.text)
        elif entry.search is not None:
            item.setData(SEARCH_ROLE, entry.search)
            item.setForeground(self._muted())
            item.setToolTip(f"{entry.search}\nNot in the library: Enter searches for its words")
        else:
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)  # a note: skipped by the arrow keys
            item.setForeground(self._muted())
        return item

    def _place(self, item: QListWidgetItem | None) -> tuple[str, int] | None:
        return None if item is None else item.data(SECTION_ROLE)

    def _restore(self, place: tuple[str, int] | None) -> None:
        """Select the row that was selected, by section and position, not by row number."""
        if place is None:
            return
        for row in range(self.count()):
            item = self.item(row)
            if item.data(SECTION_ROLE) == place and self._actionable(item):
                self.setCurrentRow(row)
                return

    def _fit_rows(self) -> None:
        """Give each title the height its wrapped text needs at the current width.

        The list's own measure and its painting disagree by a few pixels, which cuts a
        three-line title to two with an ellipsis; measuring a little narrow never does.
        """
        width = max(self.viewport().width() - 16, 80)
        metrics = self.fontMetrics()
        for row in range(self.count()):
            item = self.item(row)
            if item.flags() == Qt.ItemFlag.NoItemFlags:
                continue  # a heading: sized when made
            box = metrics.boundingRect(QRect(0, 0, width, 10_000),
                                       Qt.TextFlag.TextWordWrap, item.text())
            item.setSizeHint(QSize(width, box.height() + 4))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        """Re-measure the titles for the new width."""
        super().resizeEvent(event)
        self._fit_rows()

    def _muted(self) -> QColor:
        return self.palette().color(QPalette.ColorRole.PlaceholderText)

    # -- reading back (tests and accessibility) ------------------------------------------

    def section_titles(self, name: str) -> list[str]:
        """The texts listed under a section."""
        return [entry.text for entry in self._entries[name]]

    def section_targets(self, name: str) -> list[int | None]:
        """The article ids listed under a section, None for unresolved links and notes."""
        return [entry.target for entry in self._entries[name]]

    def current_section(self) -> str | None:
        """The section of the selected row."""
        place = self._place(self.currentItem())
        return None if place is None else place[0]

    # -- acting -------------------------------------------------------------------------

    @staticmethod
    def _actionable(item: QListWidgetItem) -> bool:
        return item.data(ID_ROLE) is not None or item.data(SEARCH_ROLE) is not None

    def _on_activated(self, item: QListWidgetItem) -> None:
        target = item.data(ID_ROLE)
        if target is not None:
            emit(self.article_chosen, int(target))
        elif (words := item.data(SEARCH_ROLE)) is not None:
            emit(self.search_requested, str(words))

    def activate_current(self) -> bool:
        """Open the current row's article, or search for its words; False for neither."""
        item = self.currentItem()
        if item is None or not self._actionable(item):
            return False
        self._on_activated(item)
        return True

    def jump_section(self, step: int) -> bool:
        """Select the first row of the next (step 1) or previous (-1) section that has one."""
        here = self.current_section()
        order = list(SECTIONS)
        start = order.index(here) if here in order else (-1 if step > 0 else len(order))
        for index in range(start + step, len(order) if step > 0 else -1, step):
            row = self._first_row(order[index])
            if row is not None:
                self.setCurrentRow(row)
                return True
        return False

    def _first_row(self, section: str) -> int | None:
        for row in range(self.count()):
            item = self.item(row)
            place = item.data(SECTION_ROLE)
            if isinstance(place, tuple) and place[0] == section and self._actionable(item):
                return row
        return None

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """Ctrl+Down and Ctrl+Up move by section; the rest as any list."""
        step = _SECTION_KEYS.get(Qt.Key(event.key()))
        if step is not None and event.modifiers() == Qt.KeyboardModifier.ControlModifier:
            self.jump_section(step)
            event.accept()
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        """Start on the first row that does something, so arrows and Enter work at once."""
        super().focusInEvent(event)
        item = self.currentItem()
        if item is None or not self._actionable(item):
            for row in range(self.count()):
                if self._actionable(self.item(row)):
                    self.setCurrentRow(row)
                    return

    def event(self, event: QEvent) -> bool:
        """Claim the arrow keys and Enter from the window's shortcuts while focused."""
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            key, modifiers = Qt.Key(event.key()), event.modifiers()
            if (key in _OWN_KEYS and not modifiers) or (
                    key in _SECTION_KEYS and modifiers == Qt.KeyboardModifier.ControlModifier):
                event.accept()
                return True
        return super().event(event)
