"""The window's reading commands, named in the keymap: moving through articles and panes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from broadsheet.ui.about import AboutDialog
from broadsheet.ui.help import ShortcutsDialog

if TYPE_CHECKING:
    from broadsheet.ui.main_window import MainWindow


class ReadingCommands:
    """Mixed into MainWindow: every method here is a command a key or menu runs."""

    def _current_row(self: MainWindow) -> int:
        index = self.list_view.currentIndex()
        return index.row() if index.isValid() else -1

    def go_to_row(self: MainWindow, row: int) -> bool:
        """Select a row of the list (which opens its article); False past either end."""
        model = self.list_view.model()
        if row < 0 or not model.ensure_loaded(row):
            return False
        self.list_view.select_row(row)
        return True

    def _select_current(self: MainWindow) -> None:
        """Select the open article's row in the list as shown."""
        model = self.list_view.model()
        row = model.row_of(self.current_id) if self.current_id is not None else None
        if row is not None:
            self.list_view.select_row(row)

    def next_article(self: MainWindow) -> None:
        """j / Down."""
        if not self.go_to_row(self._current_row() + 1):
            self.statusBar().showMessage("That was the last article.", 3000)

    def previous_article(self: MainWindow) -> None:
        """k / Up."""
        if not self.go_to_row(max(self._current_row() - 1, 0)):
            self.statusBar().showMessage("This is the first article.", 3000)

    def next_unread(self: MainWindow) -> None:
        """n: the next unread article; while searching, the next match."""
        self._step_unread(forward=True)

    def previous_unread(self: MainWindow) -> None:
        """p: the previous unread article; while searching, the previous match."""
        self._step_unread(forward=False)

    def _step_unread(self: MainWindow, forward: bool) -> None:
        if self.step_hit(forward):
            return
        row = self.list_view.model().unread_row(self._current_row(), forward)
        if row is None or not self.go_to_row(row):
            where = "further down" if forward else "further up"
            self.statusBar().showMessage(f"No unread articles {where}.", 3000)

    def first_article(self: MainWindow) -> None:
        """Home / g."""
        self.go_to_row(0)

    def last_article(self: MainWindow) -> None:
        """End / G."""
        self.go_to_row(self.list_view.model().total() - 1)

    def page_down(self: MainWindow) -> None:
        """Space: a screen down, or the next article from the end of this one."""
        if self.reader.at_bottom():
            self.next_article()
        else:
            self.reader.page(down=True)

    def page_up(self: MainWindow) -> None:
        """Shift+Space: a screen up, or the previous article from the top of this one."""
        if self.reader.at_top():
            self.previous_article()
        else:
            self.reader.page(down=False)

    def go_back(self: MainWindow) -> None:
        """Alt+Left: the article read before this one."""
        article_id = self.history.back()
        if article_id is not None:
            self.open_article(article_id, record_history=False)

    def go_forward(self: MainWindow) -> None:
        """Alt+Right: undo a step back."""
        article_id = self.history.forward()
        if article_id is not None:
            self.open_article(article_id, record_history=False)

    def focus_search(self: MainWindow) -> None:
        """/, Ctrl+K or Ctrl+F."""
        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()

    def focus_reader(self: MainWindow) -> None:
        """Enter: read the selected article; from the search field, into the results."""
        if self.showing_welcome():
            return
        if self.search_field.hasFocus():
            self.focus_into_list()
            return
        if self.current_id is None:
            self.go_to_row(max(self._current_row(), 0))
        self.reader.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_list(self: MainWindow) -> None:
        """Escape: back to the list; from the list or the field, leave the search."""
        if self.search_field.text() and (self.list_view.hasFocus()
                                         or self.search_field.hasFocus()):
            self.clear_search()
        self.list_view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _panes(self: MainWindow) -> list[QWidget]:
        """The panes Tab visits, in the order it visits them (left to right, as laid out)."""
        return [self.search_field, self.list_view, self.reader, self.sidebar]

    def _cycle(self: MainWindow, step: int) -> None:
        focus = self.focusWidget()
        panes = self._panes()
        here = 1  # focus outside the panes counts as the list
        for number, pane in enumerate(panes):
            if focus is not None and (focus is pane or pane.isAncestorOf(focus)):
                here = number
        panes[(here + step) % len(panes)].setFocus(Qt.FocusReason.TabFocusReason)

    def next_pane(self: MainWindow) -> None:
        """Tab: search field, list, reader, sidebar, and round again."""
        self._cycle(1)

    def previous_pane(self: MainWindow) -> None:
        """Shift+Tab: the other way round."""
        self._cycle(-1)

    def zoom_in(self: MainWindow) -> None:
        """Ctrl+=: larger text."""
        self.reader.zoom(1)

    def zoom_out(self: MainWindow) -> None:
        """Ctrl+-: smaller text."""
        self.reader.zoom(-1)

    def zoom_reset(self: MainWindow) -> None:
        """Ctrl+0: normal text size."""
        self.reader.zoom(None)

    def show_shortcuts(self: MainWindow) -> None:
        """?: the shortcuts sheet."""
        dialog = ShortcutsDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def show_about(self: MainWindow) -> None:
        """Help › About."""
        dialog = AboutDialog(self.library.path, self.library.count(), self.icon, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def quit(self: MainWindow) -> None:
        """Ctrl+Q."""
        self.close()

