"""The library cannot be opened at start-up: say what is wrong, and offer a way out.

The way out never touches the file that failed, except to restore a backup in its place,
and then the file is kept under a backup name first (core/backup.py).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from broadsheet.core import backup
from broadsheet.core.library import Library, LibraryError
from broadsheet.ui.choose_file import backup_filters, choose_file

log = logging.getLogger("broadsheet.ui.library_problem")

HEADLINES = {
    "corrupt": "The library file is damaged.",
    "not-a-database": "This file is not a Broadsheet library.",
    "newer": "This library was made by a newer version of Broadsheet.",
    "read-only": "The library file is read-only.",
    "locked": "Another program is using the library.",
    "missing": "There is no library at this place.",
}
LIBRARY_FILTERS = ("Broadsheet libraries (*.db)", "All files (*)")


class LibraryProblemDialog(QMessageBox):
    """What is wrong with the library, and buttons for what the user can do instead."""

    def __init__(self, path: Path, error: LibraryError, backups: list[Path],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryProblem")
        self.setIcon(QMessageBox.Icon.Critical)
        self.setWindowTitle("Broadsheet cannot open the library")
        self.setText(HEADLINES.get(error.kind, "Broadsheet cannot open the library."))
        found = (f"{len(backups)} backup{'s' if len(backups) != 1 else ''} of it "
                 f"{'is' if len(backups) == 1 else 'are'} next to it; the newest is "
                 f"{backups[0].name}." if backups else "No backups of it were found next to it.")
        self.setInformativeText(f"{error}\n\nThe file has not been changed. {found}")
        self.fresh_button = self.addButton("Open a Fresh Library…",
                                           QMessageBox.ButtonRole.ActionRole)
        self.backup_button = self.addButton("Open a Backup…", QMessageBox.ButtonRole.ActionRole)
        self.retry_button = None
        if error.kind == "locked":
            self.retry_button = self.addButton("Try Again", QMessageBox.ButtonRole.AcceptRole)
        self.quit_button = self.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.backup_button if backups else self.fresh_button)
        self.setEscapeButton(self.quit_button)


def fresh_path(path: Path) -> Path:
    """A name for a new library next to the one that failed, never the failed one."""
    candidate, number = path.with_name(f"{path.stem}-new{path.suffix}"), 1
    while candidate.exists():
        number += 1
        candidate = path.with_name(f"{path.stem}-new-{number}{path.suffix}")
    return candidate


def recover(path: Path, error: LibraryError, parent: QWidget | None = None) -> Library | None:
    """Ask until the user opens a library instead (returned) or quits (None)."""
    while True:
        backups = backup.find_backups(path)
        dialog = LibraryProblemDialog(path, error, backups, parent)
        dialog.exec()
        clicked = dialog.clickedButton()
        dialog.deleteLater()
        try:
            if clicked is dialog.fresh_button:
                chosen = choose_file(parent, "Open a Fresh Library", fresh_path(path),
                                     save=True, filters=LIBRARY_FILTERS)
                if chosen is not None and chosen.resolve() == path.resolve():
                    error = LibraryError(f"{path}: this is the library that cannot be opened;"
                                         " choose a new file for a fresh library", error.kind)
                elif chosen is not None:
                    return Library(chosen)
            elif clicked is dialog.backup_button:
                chosen = choose_file(
                    parent, "Open a Backup", backups[0] if backups else path, save=False,
                    filters=backup_filters(path))
                if chosen is not None:
                    done = backup.restore(chosen, path)
                    log.warning("%s: restored from %s; the file it replaced is kept at %s",
                                path, chosen, done.kept)
                    return Library(path)
            elif clicked is not None and clicked is dialog.retry_button:
                return Library(path)
            else:
                return None
        except LibraryError as failure:
            error = failure
