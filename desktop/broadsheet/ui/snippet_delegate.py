"""The title cell of a search result: the title, and under it the snippet with matches marked."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from broadsheet.core.search import HIT_END, HIT_START
from broadsheet.ui.search_results import SNIPPET_ROLE

Index = QModelIndex | QPersistentModelIndex
MARK = QColor(255, 214, 10, 110)  # a highlighter's yellow, see-through on any background
LEAD_WORDS = 3  # words kept before the first match


def segments(snippet: str) -> list[tuple[str, bool]]:
    """A marked snippet as (text, is_match) pieces, in order, whitespace folded."""
    pieces: list[tuple[str, bool]] = []
    rest = " ".join(snippet.split())
    while rest:
        start = rest.find(HIT_START)
        if start < 0:
            pieces.append((rest, False))
            break
        end = rest.find(HIT_END, start)
        end = len(rest) if end < 0 else end
        if start:
            pieces.append((rest[:start], False))
        pieces.append((rest[start + 1:end], True))
        rest = rest[end + 1:]
    pieces = [(text, hit) for text, hit in pieces if text]
    if len(pieces) > 1 and not pieces[0][1]:
        words = pieces[0][0].split(" ")
        if len(words) > LEAD_WORDS + 1:  # a narrow column should still show the first match
            pieces[0] = ("…" + " ".join(words[-LEAD_WORDS - 1:]), False)
    return pieces


def _fit_first_match(pieces: list[tuple[str, bool]], plain: QFontMetrics,
                     strong: QFontMetrics, width: int) -> list[tuple[str, bool]]:
    """Drop words before the first match until the match fits the column."""
    if len(pieces) < 2 or pieces[0][1]:
        return pieces
    lead, match = pieces[0][0], pieces[1][0]
    words = lead.lstrip("…").split(" ")
    while len(words) > 1 and (plain.horizontalAdvance("…" + " ".join(words))
                              + strong.horizontalAdvance(match)) > width:
        words.pop(0)
    return [("…" + " ".join(words), False), *pieces[1:]]


class SnippetDelegate(QStyledItemDelegate):
    """Draws two lines when the model gives a snippet; otherwise the usual one-line cell."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        """Background, star and selection as usual; then title and snippet lines."""
        snippet = index.data(SNIPPET_ROLE)
        if snippet is None:
            super().paint(painter, option, index)
            return
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        title = item.text
        item.text = ""
        widget = item.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, widget)
        area = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, item, widget)
        area = area.adjusted(4, 3, -4, -3)
        selected = bool(item.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorGroup.Normal
        ink = item.palette.color(group, QPalette.ColorRole.HighlightedText if selected
                                 else QPalette.ColorRole.Text)
        painter.save()
        painter.setFont(item.font)
        painter.setPen(ink)
        metrics = QFontMetrics(item.font)
        top = QRect(area.left(), area.top(), area.width(), metrics.height())
        painter.drawText(top, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         metrics.elidedText(title, Qt.TextElideMode.ElideRight, area.width()))
        line = QRect(area.left(), top.bottom() + 2, area.width(), area.bottom() - top.bottom() - 2)
        self._paint_snippet(painter, line, snippet, item.font, ink, selected)
        painter.restore()

    def _paint_snippet(self, painter: QPainter, area: QRect, snippet: str, base: QFont,
                       ink: QColor, selected: bool) -> None:
        font = QFont(base)
        font.setBold(False)
        font.setPointSizeF(max(base.pointSizeF() * 0.9, 7.0))
        strong = QFont(font)
        strong.setBold(True)
        faint = QColor(ink)
        if not selected:
            faint.setAlphaF(0.7)
        x, right = area.left(), area.right()
        pieces = _fit_first_match(segments(snippet), QFontMetrics(font), QFontMetrics(strong),
                                  area.width())
        for text, hit in pieces:
            current = strong if hit else font
            metrics = QFontMetrics(current)
            room = right - x
            shown = text if metrics.horizontalAdvance(text) <= room else metrics.elidedText(
                text, Qt.TextElideMode.ElideRight, room)
            width = metrics.horizontalAdvance(shown)
            box = QRect(x, area.top(), width, area.height())
            if hit and not selected:
                painter.fillRect(box.adjusted(-1, 1, 1, -1), MARK)
            painter.setFont(current)
            painter.setPen(ink if hit else faint)
            painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             shown)
            x += width
            if shown != text or x >= right:
                break

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        """Two lines tall when there is a snippet line."""
        size = super().sizeHint(option, index)
        if index.data(SNIPPET_ROLE) is not None:
            size.setHeight(QFontMetrics(option.font).height() * 2 + 10)
        return size
