"""Help › About: which Broadsheet this is, which library it has open, and what it runs on."""

from __future__ import annotations

from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from broadsheet import __version__


def about_facts(library_path: Path, articles: int) -> list[tuple[str, str]]:
    """(what, value) lines the dialog shows, in order."""
    return [
        ("Version", __version__),
        ("Library", str(library_path)),
        ("Articles", f"{articles:,}"),
        ("Qt", qVersion()),
        ("PySide6", PySide6.__version__),
    ]


def _plain(text: str) -> QLabel:
    """A label that never turns text into markup or links, and can be copied from."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                  | Qt.TextInteractionFlag.TextSelectableByKeyboard)
    label.setWordWrap(True)
    return label


class AboutDialog(QDialog):
    """Version, library path and article count, Qt and PySide versions: plain text only."""

    def __init__(self, library_path: Path, articles: int, icon: QIcon | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle("About Broadsheet")
        self.setAccessibleName("About Broadsheet")
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        if icon is not None and not icon.isNull():
            picture = QLabel()
            picture.setPixmap(icon.pixmap(64, 64))
            picture.setAccessibleName("Broadsheet icon")
            layout.addWidget(picture, alignment=Qt.AlignmentFlag.AlignHCenter)
        title = _plain(f"Broadsheet {__version__}")
        font = title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        title.setFont(font)
        layout.addWidget(title)
        layout.addWidget(_plain("An offline reader for a personal archive of news articles "
                                "saved as text files."))
        form = QFormLayout()
        self.values: dict[str, QLabel] = {}
        for what, value in about_facts(library_path, articles):
            shown = self.values[what] = _plain(value)
            shown.setAccessibleName(what)
            name = QLabel(f"{what}:")
            name.setTextFormat(Qt.TextFormat.PlainText)
            name.setBuddy(shown)
            form.addRow(name, shown)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        buttons.button(QDialogButtonBox.StandardButton.Close).setFocus()
