"""The words a search matched, marked in the open article, and stepping through them with n/p."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextEdit

if TYPE_CHECKING:
    from broadsheet.ui.reader import ReaderView

MATCH = QColor(255, 214, 10, 120)  # every match: a highlighter's yellow
CURRENT = QColor(255, 140, 0, 180)  # the one being looked at


def highlights(cursors: list[QTextCursor], current: int) -> list[QTextEdit.ExtraSelection]:
    """Marks for matches in a text view: all of them, and the current one stronger."""
    selections = []
    for number, cursor in enumerate(cursors):
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        form = QTextCharFormat()
        form.setBackground(CURRENT if number == current else MATCH)
        selection.format = form
        selections.append(selection)
    return selections


class ReaderMarks:
    """Marks strings found in the reader's document; ``step`` scrolls from one to the next."""

    def __init__(self, reader: ReaderView) -> None:
        self.reader = reader
        self.cursors: list[QTextCursor] = []
        self.index = -1

    def show(self, words: list[str]) -> int:
        """Mark every whole-word, case-blind occurrence of these strings; how many."""
        document = self.reader.document()
        found: dict[int, QTextCursor] = {}
        taken: list[tuple[int, int]] = []
        for word in words:  # longest first: a phrase wins over the words inside it
            cursor = QTextCursor(document)
            while True:
                cursor = document.find(word, cursor, QTextDocument.FindFlag.FindWholeWords)
                if cursor.isNull():
                    break
                span = (cursor.selectionStart(), cursor.selectionEnd())
                if not any(s < span[1] and span[0] < e for s, e in taken):
                    taken.append(span)
                    found[span[0]] = QTextCursor(cursor)
        self.cursors = [found[start] for start in sorted(found)]
        self.index = -1
        self._paint()
        return len(self.cursors)

    def clear(self) -> None:
        """No marks."""
        self.cursors = []
        self.index = -1
        self.reader.setExtraSelections([])

    def step(self, forward: bool = True) -> bool:
        """Go to the next (or previous) mark; False when there is none that way."""
        target = self.index + 1 if forward else (
            self.index - 1 if self.index >= 0 else len(self.cursors) - 1)
        if not 0 <= target < len(self.cursors):
            return False
        self.go_to(target)
        return True

    def go_to(self, index: int) -> None:
        """Make one mark current and bring it into view, a third of the way down."""
        self.index = index
        self._paint()
        cursor = QTextCursor(self.reader.document())
        cursor.setPosition(self.cursors[index].selectionStart())
        self.reader.forget_place()
        self.reader.setTextCursor(cursor)
        bar = self.reader.verticalScrollBar()
        rect = self.reader.cursorRect(cursor)
        bar.setValue(bar.value() + rect.top() - self.reader.viewport().height() // 3)

    def _paint(self) -> None:
        self.reader.setExtraSelections(highlights(self.cursors, self.index))
