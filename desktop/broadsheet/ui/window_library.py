"""The window's library commands: File › Back Up Library… and Restore Library…

Both run on the query worker (its own connection), so a large library never stalls the
window; restoring goes through SQLite, so every connection sees the restored library.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from broadsheet.core import backup
from broadsheet.core.library import SCHEMA_VERSION
from broadsheet.ui.choose_file import backup_filters, choose_file
from broadsheet.ui.history import History

if TYPE_CHECKING:
    from broadsheet.ui.main_window import MainWindow

_KINDS = ("library_backup", "library_restore")  # kinds of worker job; unique in the window


class LibraryCommands:
    """Mixed into MainWindow: copies of the library, and putting one back."""

    def back_up_library(self: MainWindow) -> None:
        """File › Back Up Library…: copy the library to a file of the user's choosing."""
        path = self.library.path
        chosen = choose_file(self, "Back Up the Library", backup.backup_path(path, SCHEMA_VERSION),
                             save=True, filters=backup_filters(path))
        if chosen is None:
            return
        self._listen_for_library_answers()
        self.statusBar().showMessage(f"Backing up the library to {chosen}…")
        self.queries.submit("library_backup", lambda library: backup.back_up(
            library.conn, chosen), latest_only=False)

    def restore_library(self: MainWindow) -> None:
        """File › Restore Library…: replace the library with a backup, keeping it as one."""
        if self.import_dialog is not None and self.import_dialog.is_running():
            self.statusBar().showMessage(
                "An import is running; restore when it has finished.", 6000)
            return
        path = self.library.path
        found = backup.find_backups(path)
        chosen = choose_file(self, "Restore the Library from a Backup",
                             found[0] if found else path, save=False, filters=backup_filters(path))
        if chosen is None:
            return
        answer = QMessageBox.question(
            self, "Replace the library?",
            f"Replace the library with the backup {chosen.name}?\n\nThe library as it is now "
            "is kept as a backup next to it first, so restoring that one undoes this.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._listen_for_library_answers()
        self.statusBar().showMessage(f"Restoring the library from {chosen}…")
        self.queries.submit("library_restore", lambda library: backup.restore_into(
            library.conn, library.path, chosen), latest_only=False)

    def _listen_for_library_answers(self: MainWindow) -> None:
        if not getattr(self, "_library_listening", False):
            self.queries.answered.connect(self._on_library_answer)
            self.queries.failed.connect(self._on_library_failure)
            self._library_listening = True

    def _on_library_answer(self: MainWindow, kind: str, result: object) -> None:
        if isinstance(result, backup.Backup) and kind == "library_backup":
            self.statusBar().showMessage(
                f"Backed up {result.articles:,} articles to {result.path}.", 15000)
        elif isinstance(result, backup.Restored) and kind == "library_restore":
            self._show_restored(result)

    def _show_restored(self: MainWindow, result: backup.Restored) -> None:
        """Everything on screen came from the old library: start over on the new one."""
        # Its ids, scroll positions, history, undo entries, search results and the articles
        # a view keeps after they changed all belong to the old library: ids mean other
        # articles now.
        self.current_id = None
        self.model.settle_view()
        self.positions.clear()
        self.history = History()
        self.undo_stack.clear()
        self.before_search = None
        if self.searching():
            self.clear_search()
        self._reread()
        self._show_library_or_welcome()
        if not self.showing_welcome():
            self.go_to_row(0)
        self.statusBar().showMessage(
            f"Restored {result.articles:,} articles; the library before is kept at "
            f"{result.kept}.", 15000)

    def _on_library_failure(self: MainWindow, kind: str, message: str) -> None:
        if kind not in _KINDS:
            return
        self.statusBar().clearMessage()
        box = QMessageBox(QMessageBox.Icon.Warning,
                          "Backup failed" if kind == "library_backup" else "Restore failed",
                          message, QMessageBox.StandardButton.Close, self)
        box.setObjectName("libraryFailure")
        box.open()  # window-modal, without a nested event loop on the answer's slot
