"""The window's views and orders: All / Unread / Starred, sorting, and the counts per view."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QActionGroup

from broadsheet.ui import listing
from broadsheet.ui.article_list import COLUMNS
from broadsheet.ui.listing import SORTS, VIEWS, Sort
from broadsheet.ui.window_search import EMPTY_VIEW

if TYPE_CHECKING:
    from broadsheet.ui.main_window import MainWindow

VIEW_KEY = "list/view"
VIEW_LABELS = {"all": "articles", "unread": "unread", "starred": "starred"}
# Sort commands: (list column, descending); relevance has no column.
SORT_COMMANDS = {"sort_newest": ("date", True), "sort_oldest": ("date", False),
                 "sort_title": ("title", False), "sort_author": ("author", False)}


def saved_view(settings) -> str:
    """The view the window was left in."""
    name = settings.value(VIEW_KEY, "all", type=str)
    return name if name in VIEWS else "all"


class ViewCommands:
    """Mixed into MainWindow: 1/2/3, the sort commands, and the status bar counts."""

    def show_all(self: MainWindow) -> None:
        """1: every article."""
        self._switch_view("all")

    def show_unread(self: MainWindow) -> None:
        """2: only articles not read yet."""
        self._switch_view("unread")

    def show_starred(self: MainWindow) -> None:
        """3: only starred articles."""
        self._switch_view("starred")

    def _switch_view(self: MainWindow, name: str) -> None:
        self.model.set_view(name)
        self.settings.setValue(VIEW_KEY, name)
        self._sync_view_actions()
        if self.searching() or self.search_text():
            self._run_search()
        else:
            self._select_current()
        self._recount()

    def _show_view_placeholder(self: MainWindow) -> None:
        if not self.searching():
            self.list_view.set_placeholder(EMPTY_VIEW.get(self.model.view.name, ""))

    def _group_view_actions(self: MainWindow) -> None:
        """Views and orders as radio items (keymap.SEPARATED sets them apart in the menu)."""
        views = QActionGroup(self)
        for name in VIEWS:
            views.addAction(self.actions_by_command[f"show_{name}"])
        orders = QActionGroup(self)
        orders.setExclusionPolicy(QActionGroup.ExclusionPolicy.ExclusiveOptional)
        for command in (*SORT_COMMANDS, "sort_relevance"):
            orders.addAction(self.actions_by_command[command])

    def _sync_view_actions(self: MainWindow) -> None:
        for name in VIEWS:
            self.actions_by_command[f"show_{name}"].setChecked(self.model.view.name == name)

    # -- counts ---------------------------------------------------------------------------

    def _recount(self: MainWindow) -> None:
        """Count every view again (the list has counted its own view's articles already)."""
        total = self.model.total() if self.model.view.name == "all" else None
        self.view_counts = listing.counts(self.library, total)
        self._show_view_placeholder()
        self._update_status()

    def _count_change(self: MainWindow, was_read: bool, read: bool, was_starred: bool,
                      starred: bool) -> None:
        """Keep the counts right as one article changes, without asking the library."""
        counts = self.view_counts
        counts["unread"] = counts.get("unread", 0) + int(was_read) - int(read)
        counts["starred"] = counts.get("starred", 0) + int(starred) - int(was_starred)

    def _counts_text(self: MainWindow) -> str:
        """'<b>15 articles</b> · 12 unread · 1 starred', the current view in bold."""
        counts = dict(self.view_counts)
        counts["all"] = self.model.total() if self.model.view.name == "all" else counts.get(
            "all", self.model.total())
        parts = []
        for name in VIEWS:
            number = counts.get(name, 0)
            noun = VIEW_LABELS[name] if name != "all" or number != 1 else "article"
            text = f"{number:,} {noun}"
            parts.append(f"<b>{text}</b>" if name == self.model.view.name else text)
        return " · ".join(parts)

    # -- sorting ----------------------------------------------------------------------------

    def sort_newest(self: MainWindow) -> None:
        """View › Sort by Date, Newest First."""
        self._sort_by("sort_newest")

    def sort_oldest(self: MainWindow) -> None:
        """View › Sort by Date, Oldest First."""
        self._sort_by("sort_oldest")

    def sort_title(self: MainWindow) -> None:
        """View › Sort by Title."""
        self._sort_by("sort_title")

    def sort_author(self: MainWindow) -> None:
        """View › Sort by Author."""
        self._sort_by("sort_author")

    def sort_relevance(self: MainWindow) -> None:
        """View › Sort by Relevance: best match first, while searching."""
        if self.searching():
            self._sort_search("relevance")
        else:
            self.statusBar().showMessage("Relevance orders search results: search first.", 4000)
        self._sync_sort_actions()

    def _sort_by(self: MainWindow, command: str) -> None:
        column, descending = SORT_COMMANDS[command]
        if self.searching():
            self._sort_search(Sort(column, descending).order)
            return
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        self.list_view.sortByColumn(COLUMNS.index(column), order)
        self._sync_sort_actions()

    def _apply_sort_indicator(self: MainWindow) -> None:
        header = self.list_view.horizontalHeader()
        if self.searching():
            found = next(((c, d) for c, (asc, desc) in SORTS.items()
                          for d, o in ((False, asc), (True, desc)) if o == self.search_order),
                         None)
            if found is None:  # relevance: no column
                header.setSortIndicator(-1, Qt.SortOrder.DescendingOrder)
                return
            sort = Sort(*found)
        else:
            sort = self.model.sort_by
        order = Qt.SortOrder.DescendingOrder if sort.descending else Qt.SortOrder.AscendingOrder
        header.setSortIndicator(COLUMNS.index(sort.column), order)

    def _sync_sort_actions(self: MainWindow) -> None:
        if self.searching():
            current = next((c for c, (col, desc) in SORT_COMMANDS.items()
                            if Sort(col, desc).order == self.search_order),
                           "sort_relevance")
        else:
            sort = self.model.sort_by
            current = next((c for c, wanted in SORT_COMMANDS.items()
                            if wanted == (sort.column, sort.descending)), "")
        for command in (*SORT_COMMANDS, "sort_relevance"):
            self.actions_by_command[command].setChecked(command == current)
        self.actions_by_command["sort_relevance"].setEnabled(self.searching())
