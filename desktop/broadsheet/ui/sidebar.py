"""The related-links sidebar: READ: links, what links here, the same story, more like this."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QListView, QListWidget, QListWidgetItem, QWidget

from broadsheet.core.article import Article
from broadsheet.core.related import Related
from broadsheet.ui.signals import emit

ID_ROLE = Qt.ItemDataRole.UserRole + 1
Entry = tuple[int | None, str]
SECTIONS = ("In this article", "Linked from", "Same story", "More like this")
# Keys the tree uses itself while it has focus, instead of the window's shortcuts.
_OWN_KEYS = {Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter,
             Qt.Key.Key_Home, Qt.Key.Key_End, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown,
             Qt.Key.Key_Left, Qt.Key.Key_Right}


class Sidebar(QListWidget):
    """Section headings and article titles; activating a title opens that article."""

    article_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
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

    def clear_all(self) -> None:
        """No article: empty sections."""
        self._entries = {name: [] for name in SECTIONS}
        self._redraw()

    def _redraw(self) -> None:
        """Rebuild every item (clear() deletes them, so items are never reused)."""
        current = self.currentRow()
        self.clear()
        for name, entries in self._entries.items():
            heading = QListWidgetItem(name.upper())
            heading.setFont(self._heading_font)
            heading.setFlags(Qt.ItemFlag.NoItemFlags)
            heading.setForeground(self._muted())
            # Taller than a title row, text at the bottom: air above each section.
            heading.setSizeHint(QSize(10, round(self.fontMetrics().height() * 2.3)))
            heading.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
            self.addItem(heading)
            for target, text in entries or [(None, "None")]:
                self.addItem(self._item(target, text))
        if current >= 0:
            self.setCurrentRow(min(current, self.count() - 1))
        self._fit_rows()

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

    def _item(self, target: int | None, text: str) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setToolTip(text)
        if target is None:
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            item.setForeground(self._muted())
        else:
            item.setData(ID_ROLE, target)
        return item

    def _muted(self) -> QColor:
        return self.palette().color(QPalette.ColorRole.PlaceholderText)

    def show_article(self, article: Article) -> None:
        """Fill the READ: links at once; the rest follows with ``set_related``."""
        self._entries = {name: [(None, "Looking…")] for name in SECTIONS}
        self._entries["In this article"] = [
            (link.target_id, link.text if link.target_id is not None
             else f"{link.text} — not in the library") for link in article.links]
        self.setCurrentRow(-1)
        self._redraw()

    def set_related(self, related: Related) -> None:
        """Show backlinks, same story and similar articles."""
        self._entries["Linked from"] = list(related.backlinks)
        self._entries["Same story"] = list(related.same_story)
        self._entries["More like this"] = [(i, t) for i, t, _score in related.similar]
        self._redraw()

    def section_titles(self, name: str) -> list[str]:
        """The texts listed under a section (for tests and accessibility)."""
        return [text for _target, text in self._entries[name]]

    def section_targets(self, name: str) -> list[int | None]:
        """The article ids listed under a section, None for unresolved links."""
        return [target for target, _text in self._entries[name]]

    def _on_activated(self, item: QListWidgetItem) -> None:
        target = item.data(ID_ROLE)
        if target is not None:
            emit(self.article_chosen, int(target))

    def activate_current(self) -> bool:
        """Open the current item's article; False when it is not a link."""
        item = self.currentItem()
        if item is None or item.data(ID_ROLE) is None:
            return False
        self._on_activated(item)
        return True

    def focusInEvent(self, event) -> None:  # noqa: N802
        """Start on the first link, so arrows and Enter work straight away."""
        super().focusInEvent(event)
        item = self.currentItem()
        if item is None or item.data(ID_ROLE) is None:
            for row in range(self.count()):
                if self.item(row).data(ID_ROLE) is not None:
                    self.setCurrentRow(row)
                    return

    def event(self, event: QEvent) -> bool:
        """Claim the arrow keys and Enter from the window's shortcuts while focused."""
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) \
                and event.key() in _OWN_KEYS and not event.modifiers():
            event.accept()
            return True
        return super().event(event)
