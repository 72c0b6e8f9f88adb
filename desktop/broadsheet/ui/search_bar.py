"""The search field above the list, and the line under it: how many matched, and any hints."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

PLACEHOLDER = "Search (/)   words  \"a phrase\"  -not  author:  after:2021"
SYNTAX = ("<b>Search</b> (/, Ctrl+K or Ctrl+F) as you type<br>"
          "<code>river flood</code> both words, any form (floods, flooding)<br>"
          "<code>\"swing bridge\"</code> the exact phrase<br>"
          "<code>bridge -lorries</code> without a word<br>"
          "<code>carrow*</code> words that start so<br>"
          "<code>title:strike</code> in the title<br>"
          "<code>author:marsh</code> by an author<br>"
          "<code>after:2022-06</code> <code>before:2023</code> by the date printed<br>"
          "<code>is:unread</code> <code>is:starred</code> <code>is:read</code><br>"
          "Return: into the results · Escape: back to where you were")


class SearchBar(QWidget):
    """A line edit and an information line that shows only while there is something to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchBar")
        self.field = QLineEdit()
        self.field.setObjectName("searchField")
        self.field.setPlaceholderText(PLACEHOLDER)
        self.field.setToolTip(SYNTAX)
        self.field.setClearButtonEnabled(True)
        self.field.setAcceptDrops(False)
        self.info = QLabel()
        self.info.setObjectName("searchInfo")
        self.info.setWordWrap(True)
        self.info.setContentsMargins(8, 3, 8, 4)
        self.info.setTextFormat(Qt.TextFormat.PlainText)
        self.info.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.field)
        layout.addWidget(self.info)

    def say(self, count: str = "", hints: list[str] | None = None) -> None:
        """Show the number of matches and hints; nothing hides the line."""
        parts = [count, *(hints or [])]
        text = "  ·  ".join(p for p in parts if p)
        self.info.setText(text)
        self.info.setVisible(bool(text))
