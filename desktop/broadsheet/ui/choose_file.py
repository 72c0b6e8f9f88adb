"""Asking for one library or backup file: Qt's own file dialog, the same on every desktop.

Qt's dialog rather than the platform's: it can start on a suggested name in a given folder
everywhere, and tests drive the real dialog (QApplication.activeModalWidget()).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from broadsheet.core import backup


def choose_file(parent: QWidget | None, title: str, suggestion: Path, *, save: bool,
                filters: tuple[str, ...] = ("All files (*)",)) -> Path | None:
    """A file picked by the user, starting at ``suggestion``; None if they cancelled.

    With ``save`` the file may not exist yet, and Qt asks before choosing an existing one.
    """
    dialog = QFileDialog(parent, title, str(suggestion.parent))
    dialog.setObjectName("chooseFile")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setNameFilters(list(filters))
    if save:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    else:
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.selectFile(suggestion.name)
    try:
        if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return None
        return Path(dialog.selectedFiles()[0])
    finally:
        dialog.deleteLater()


def backup_filters(library: Path) -> tuple[str, ...]:
    """File-dialog filters for the backups of a library, then every file."""
    return (f"Backups of {library.name} ({library.name}{backup.MARK}*)", "All files (*)")
