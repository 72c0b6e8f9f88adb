"""The window's saved searches: save the query under a name, list them with unread counts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QMenu

from broadsheet.core.library import Library
from broadsheet.ui import saved_searches
from broadsheet.ui.accessibility import name_input
from broadsheet.ui.saved_searches import Saved

if TYPE_CHECKING:
    from broadsheet.ui.main_window import MainWindow

# Like bookmarks in a browser's or file manager's Go menu: Go › Saved Searches, the submenu
# of the Ctrl+B action, which also pops it up under the search field.
SAVED_COMMAND = "show_saved_searches"
# Kept at the foot of the submenu, as "Organize Bookmarks" is; they are in Edit as well.
MANAGE_COMMANDS = ("save_search", "delete_saved_search")
RECOUNT_DELAY_MS = 1500  # unread counts settle this long after the last change


def _saved_job(change=None):
    """A worker job: apply a change (save, delete) if any, then list with unread counts."""
    def job(library: Library) -> list[Saved]:
        if change is not None:
            change(library)
        return saved_searches.saved(library)
    return job


class SavedCommands:
    """Mixed into MainWindow: Ctrl+S saves, Ctrl+B lists; entries are in Go › Saved Searches."""

    def _build_saved(self: MainWindow) -> None:
        self.saved: list[Saved] = []
        self.saved_actions: list[QAction] = []
        self.saved_menu = QMenu(self)
        self.saved_menu.setObjectName("savedSearchesMenu")
        self.saved_menu.setAccessibleName("Saved searches")
        self.saved_separator = self.saved_menu.addSeparator()
        for command in MANAGE_COMMANDS:
            self.saved_menu.addAction(self.actions_by_command[command])
        self.actions_by_command[SAVED_COMMAND].setMenu(self.saved_menu)
        self.saved_recount = QTimer(self)
        self.saved_recount.setSingleShot(True)
        self.saved_recount.setInterval(RECOUNT_DELAY_MS)
        self.saved_recount.timeout.connect(self.refresh_saved)
        self.refresh_saved()

    def refresh_saved(self: MainWindow) -> None:
        """Read the saved searches and their unread counts again (on the worker)."""
        self.queries.submit("saved", _saved_job())

    def _show_saved(self: MainWindow, found: list[Saved]) -> None:
        self.saved = found
        for action in self.saved_actions:
            self.saved_menu.removeAction(action)
            action.deleteLater()
        self.saved_actions = []
        if not found:
            empty = QAction("No saved searches yet: Ctrl+S saves the one you typed", self)
            empty.setEnabled(False)
            self.saved_actions.append(empty)
        for number, item in enumerate(found, start=1):
            key = f"&{number}  " if number <= 9 else "    "
            label = f"{key}{item.name.replace('&', '&&')}"
            if item.unread_text:
                label += f"\t{item.unread_text}"
            action = QAction(label, self)
            action.setToolTip(item.query)
            action.setData(item.query)
            action.triggered.connect(self._run_saved)
            self.saved_actions.append(action)
        self.saved_menu.insertActions(self.saved_separator, self.saved_actions)

    def _run_saved(self: MainWindow) -> None:
        action = self.sender()
        if isinstance(action, QAction):
            self.run_saved_query(str(action.data()))

    def run_saved_query(self: MainWindow, query: str) -> None:
        """Search for a saved query at once, and move into its results."""
        if not self.searching() and self.before_search is None:
            self.before_search = self.current_id
        self.search_field.setText(query)
        self._run_search()
        self.list_view.setFocus()

    def save_search(self: MainWindow) -> None:
        """Ctrl+S: keep the current query under a name."""
        query = self.search_text()
        if not query:
            self.statusBar().showMessage("Type a search first; Ctrl+S then saves it.", 5000)
            return
        dialog = QInputDialog(self)
        dialog.setObjectName("saveSearchDialog")
        dialog.setWindowTitle("Save search")
        dialog.setLabelText(f"Save “{query}” as:")
        dialog.setTextValue(query)
        name_input(dialog, "Name for the search")
        dialog.textValueSelected.connect(lambda name: self._save_as(name, query))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _save_as(self: MainWindow, name: str, query: str) -> None:
        name = " ".join(name.split())
        if not name:
            self.statusBar().showMessage("Not saved: a saved search needs a name.", 5000)
            return
        self.queries.submit("saved_change", _saved_job(
            lambda library: saved_searches.save(library, name, query)), latest_only=False)
        self.statusBar().showMessage(f"Saved “{name}”: Ctrl+B lists saved searches.", 5000)

    def show_saved_searches(self: MainWindow) -> None:
        """Ctrl+B: Go › Saved Searches, opened under the search field, on the first one."""
        field = self.search_field
        self.saved_menu.popup(field.mapToGlobal(field.rect().bottomLeft()))
        first = next((a for a in self.saved_actions if a.isEnabled()), None)
        if first is not None:
            self.saved_menu.setActiveAction(first)

    def delete_saved_search(self: MainWindow) -> None:
        """Edit › Delete a Saved Search…: choose one to forget."""
        if not self.saved:
            self.statusBar().showMessage("There are no saved searches.", 4000)
            return
        dialog = QInputDialog(self)
        dialog.setObjectName("deleteSearchDialog")
        dialog.setWindowTitle("Delete a saved search")
        dialog.setLabelText("Forget this saved search:")
        dialog.setComboBoxItems([item.name for item in self.saved])
        dialog.setOkButtonText("Delete")
        name_input(dialog, "Saved search to delete")
        dialog.textValueSelected.connect(self._delete_saved)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _delete_saved(self: MainWindow, name: str) -> None:
        self.queries.submit("saved_change", _saved_job(
            lambda library: saved_searches.delete(library, name)), latest_only=False)
        self.statusBar().showMessage(f"Deleted the saved search “{name}”.", 5000)
