"""Find in the open article: a small bar over the reader, every match marked, "3 of 12"."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
)

from broadsheet.ui.reader import ReaderView
from broadsheet.ui.reader_marks import highlights
from broadsheet.ui.signals import emit

MARGIN = 10  # between the bar and the reader's edges


class FindField(QLineEdit):
    """The find text: Escape closes, Return and Shift+Return step, before any window shortcut."""

    escaped = Signal()
    stepped = Signal(bool)

    def event(self, event: QEvent) -> bool:
        """Claim Escape and Return, which the window binds to other commands."""
        if (event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """Escape closes the bar; Return finds the next match, Shift+Return the previous."""
        if event.key() == Qt.Key.Key_Escape:
            emit(self.escaped)
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            forward = not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            emit(self.stepped, bool(forward))
        else:
            super().keyPressEvent(event)


class FindBar(QFrame):
    """A strip along the top of a text view; finds case-blind, wraps round at either end."""

    closed = Signal()

    def __init__(self, view: ReaderView) -> None:
        super().__init__(view)
        self.view = view
        self.setObjectName("findBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.field = FindField()
        self.field.setObjectName("findField")
        self.field.setPlaceholderText("Find in article")
        self.field.setClearButtonEnabled(True)
        self.field.setMinimumWidth(220)
        self.field.setAccessibleName("Find in article")
        self.count = QLabel()
        self.count.setObjectName("findCount")
        self.count.setAccessibleName("Matches found")
        self.count.setMinimumWidth(self.count.fontMetrics().horizontalAdvance("888 of 888") + 8)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 4, 4)
        layout.setSpacing(4)
        layout.addWidget(self.field)
        layout.addWidget(self.count)
        for text, name, tip, slot in (
                ("↑", "Previous match", "Previous match (Shift+F3)", self.find_previous),
                ("↓", "Next match", "Next match (F3)", self.find_next),
                ("✕", "Close the find bar", "Close (Escape)", self.close_bar)):
            button = QToolButton()
            button.setText(text)
            button.setAccessibleName(name)  # a screen reader would otherwise say "up arrow"
            button.setToolTip(tip)
            button.setAutoRaise(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(slot)
            layout.addWidget(button)
        self.matches: list[QTextCursor] = []
        self.index = -1
        self.field.textChanged.connect(self._search)
        self.field.escaped.connect(self.close_bar)
        self.field.stepped.connect(self.step)
        view.textChanged.connect(self._article_changed)
        view.installEventFilter(self)
        self.hide()

    # -- for the window ---------------------------------------------------------------

    def open(self) -> None:
        """Show the bar with its text selected, matches marked again."""
        self.show()
        self.raise_()
        self._place()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        self._search()

    def close_bar(self) -> None:
        """Hide the bar and its marks."""
        if self.isHidden():
            return
        self.hide()
        self.view.setViewportMargins(0, 0, 0, 0)
        self.matches, self.index = [], -1
        self.view.setExtraSelections([])
        emit(self.closed)

    def find_next(self) -> bool:
        """The next match, wrapping round to the first; False when there is none."""
        return self.step(True)

    def find_previous(self) -> bool:
        """The previous match, wrapping round to the last; False when there is none."""
        return self.step(False)

    def step(self, forward: bool = True) -> bool:
        """Move to the next or previous match; False when there is none."""
        if not self.matches:
            return False
        self.index = (self.index + (1 if forward else -1)) % len(self.matches)
        self._show_current()
        return True

    def count_text(self) -> str:
        """What the count says: "3 of 12", "No matches" or nothing."""
        return self.count.text()

    # -- finding ------------------------------------------------------------------------

    def _search(self) -> None:
        text = self.field.text()
        document = self.view.document()
        self.matches = []
        cursor = QTextCursor(document)
        while text:
            cursor = document.find(text, cursor)
            if cursor.isNull():
                break
            self.matches.append(QTextCursor(cursor))
        # Start from what is on screen, not from the top of the article.
        top = self.view.cursorForPosition(QPoint(0, 0)).position()
        self.index = next((i for i, c in enumerate(self.matches) if c.selectionStart() >= top),
                          0) if self.matches else -1
        self._show_current()

    def _show_current(self) -> None:
        self.view.setExtraSelections(highlights(self.matches, self.index))
        if self.matches:
            self.count.setText(f"{self.index + 1} of {len(self.matches)}")
            self.view.forget_place()
            self.view.setTextCursor(self.matches[self.index])
            self.view.ensureCursorVisible()
        else:
            self.count.setText("No matches" if self.field.text() else "")

    def _article_changed(self) -> None:
        if self.isVisible():
            # After the window has finished opening the article (which clears marks).
            QTimer.singleShot(0, self._search_if_open)

    def _search_if_open(self) -> None:
        if self.isVisible():
            self._search()

    # -- placing ------------------------------------------------------------------------

    def _place(self) -> None:
        """Above the text, never over it: the view's viewport moves down to make room."""
        self.adjustSize()
        self.view.setViewportMargins(0, self.height() + 2 * MARGIN, 0, 0)
        area = self.view.viewport().geometry()
        self.move(QPoint(max(area.right() - self.width() - MARGIN, area.left()),
                         area.top() - self.height() - MARGIN))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Stay in the corner when the reader is resized."""
        if watched is self.view and event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return False

    def sizeHint(self) -> QSize:  # noqa: N802
        """Wide enough for the field, the count and the buttons; never wider than the reader."""
        hint = super().sizeHint()
        hint.setWidth(min(hint.width(), max(self.view.viewport().width() - 2 * MARGIN, 120)))
        return hint
