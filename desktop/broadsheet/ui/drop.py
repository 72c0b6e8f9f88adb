"""Drag-and-drop: which dropped things can be imported, and the highlight shown while dragging."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QObject, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QWidget

from broadsheet.core.walk import TEXT_SUFFIXES


def dropped_paths(mime: QMimeData) -> list[Path]:
    """The local files and folders in a drag, in order."""
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


def importable(paths: list[Path]) -> list[Path]:
    """The paths an import would look at: folders, and files with a text suffix."""
    return [p for p in paths if p.is_dir() or p.suffix.lower() in TEXT_SUFFIXES]


def refusal(mime: QMimeData) -> str | None:
    """Why a drag cannot be imported, or None when it can."""
    paths = dropped_paths(mime)
    if not paths:
        if mime.hasUrls():
            return "Only files and folders on this computer can be imported, not web addresses."
        return "Only text files and folders of them can be imported."
    if not importable(paths):
        names = ", ".join(p.name for p in paths[:3]) + ("…" if len(paths) > 3 else "")
        return f"Not text articles: {names}. Broadsheet imports .txt files and folders."
    return None


class DropOverlay(QWidget):
    """A translucent layer with a dashed frame over the whole window while something is dragged."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("dropOverlay")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.message = ""
        self.refused = False
        parent.installEventFilter(self)
        self.hide()

    def show_for(self, message: str, refused: bool) -> None:
        """Cover the parent and say what a drop would do."""
        self.message, self.refused = message, refused
        self.setGeometry(self.parentWidget().rect())
        self.raise_()
        self.show()
        self.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Follow the parent's size."""
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.parentWidget().rect())
        return False

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        """Tinted background, dashed rounded frame, and the message in the middle."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        accent = QColor("#b3261e") if self.refused else \
            self.palette().color(QPalette.ColorRole.Highlight)
        tint = QColor(accent)
        tint.setAlpha(40)
        painter.fillRect(self.rect(), tint)
        pen = QPen(accent, 3, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        frame = self.rect().adjusted(12, 12, -12, -12)
        painter.drawRoundedRect(frame, 14, 14)
        font = painter.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        painter.setFont(font)
        box = QRect(frame.center().x() - 300, frame.center().y() - 60, 600, 120)
        background = self.palette().color(QPalette.ColorRole.Base)
        background.setAlpha(235)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(background)
        painter.drawRoundedRect(box, 10, 10)
        painter.setPen(accent)
        painter.drawText(box.adjusted(16, 0, -16, 0),
                         Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.message)
        painter.end()
