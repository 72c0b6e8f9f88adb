"""The reader pane: one article as clean typography in a QTextBrowser that loads nothing remote."""

from __future__ import annotations

import logging

from PySide6.QtCore import QByteArray, QUrl, Signal
from PySide6.QtGui import QFontMetricsF, QImage, QResizeEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from broadsheet.core.article import Article
from broadsheet.ui.article_html import article_html, article_id_from
from broadsheet.ui.link_places import link_places
from broadsheet.ui.locale_dates import long_datetime
from broadsheet.ui.signals import emit
from broadsheet.ui.theme import INKS
from broadsheet.ui.typography import Typography, families, reader_css

log = logging.getLogger("broadsheet.ui.reader")

ZOOM_STEPS = (-8, 30)  # steps of 10% from the normal size: down to ~45%, up to ~17 times
EMPTY_HTML = ('<p style="color:#858585; margin-top: 40px" align="center">'
              "Choose an article from the list.</p>")


def refusal(kind: int) -> object:
    """An empty resource of the kind asked for, which QTextDocument takes as the answer."""
    if kind == QTextDocument.ResourceType.ImageResource.value:
        return QImage()
    if kind in (QTextDocument.ResourceType.StyleSheetResource.value,
                QTextDocument.ResourceType.HtmlResource.value):
        return ""
    return QByteArray()


class ReaderView(QTextBrowser):
    """Shows sanitized article HTML; link clicks are reported, never followed by itself."""

    article_link_clicked = Signal(int)
    external_link_clicked = Signal(QUrl)
    link_refused = Signal(QUrl)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reader")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setSearchPaths([])
        self.typography = Typography()
        self.document().setDefaultStyleSheet(reader_css(self.typography, INKS["light"]))
        self._html = ""
        self.anchorClicked.connect(self._on_anchor)
        self.zoom_step = 0
        self.article_id: int | None = None
        # A remembered place is held, and taken again as the layout settles (the window is
        # shown, resized, the document laid out in steps), until the reader scrolls: Qt's own
        # adjustments on a resize must not make it forget.
        self._pending: float | None = None
        self.document().documentLayout().documentSizeChanged.connect(self._apply_pending)
        self.verticalScrollBar().actionTriggered.connect(self.forget_place)
        self._apply_font()
        self.show_nothing()

    def loadResource(self, kind: int, name: QUrl) -> object:  # noqa: N802
        """Only resources bundled into the program (qrc:) load; nothing local or remote."""
        if name.scheme() == "qrc":
            return super().loadResource(kind, name)
        log.debug("refused to load resource %s", name.toString())
        # An empty value, not None: on None QTextDocument reads local files (and data:
        # URLs) by itself.
        return refusal(kind)

    def show_article(self, article: Article) -> None:
        """Render an article from the top."""
        self.article_id = article.id
        html = article_html(article, long_datetime, link_places(article))
        self._set_html(html)

    def show_nothing(self) -> None:
        """The empty state."""
        self.article_id = None
        self._set_html(EMPTY_HTML)

    def set_look(self, typography: Typography, css: str) -> None:
        """New typography and stylesheet: the open article is set again where it was."""
        # An article not laid out yet may still be waiting to scroll to where it was left.
        position = self._pending if self._pending is not None else self.position()
        self.typography = typography
        self.document().setDefaultStyleSheet(css)
        self._apply_font()
        self._set_html(self._html)
        self.set_position(position)

    def _set_html(self, html: str) -> None:
        self._html = html
        self._pending = None
        self.setHtml(html)
        # The text cursor decides where a relayout scrolls to: keep it at the top.
        self.moveCursor(QTextCursor.MoveOperation.Start)
        self._fit_column()
        self.verticalScrollBar().setValue(0)

    # -- scrolling -------------------------------------------------------------------

    def at_bottom(self) -> bool:
        """True when the end of the article is on screen."""
        bar = self.verticalScrollBar()
        return bar.value() >= bar.maximum()

    def at_top(self) -> bool:
        """True when the start of the article is on screen."""
        bar = self.verticalScrollBar()
        return bar.value() <= bar.minimum()

    def page(self, down: bool) -> None:
        """Scroll one screen, keeping a line of overlap for the eye."""
        bar = self.verticalScrollBar()
        step = max(bar.pageStep() - self.fontMetrics().height() * 2, 1)
        self.forget_place()
        bar.setValue(bar.value() + (step if down else -step))

    def position(self) -> float:
        """How far down the article is scrolled, 0 to 1."""
        bar = self.verticalScrollBar()
        return bar.value() / bar.maximum() if bar.maximum() > 0 else 0.0

    def set_position(self, fraction: float) -> None:
        """Scroll to a remembered place, once the article is laid out if it is not yet."""
        self._pending = fraction
        self._apply_pending()

    def _apply_pending(self) -> None:
        bar = self.verticalScrollBar()
        # Before the window is shown the article is laid out for a size it will not have.
        if self._pending is not None and bar.maximum() > 0 and self.isVisible():
            bar.setValue(round(self._pending * bar.maximum()))

    def forget_place(self) -> None:
        """Scrolling elsewhere (the reader, a search mark, find): the remembered place is done."""
        self._pending = None

    # -- text size -------------------------------------------------------------------

    def zoom(self, steps: int | None) -> None:
        """Change text size by steps; None goes back to the normal size."""
        low, high = ZOOM_STEPS
        self.zoom_step = 0 if steps is None else min(max(self.zoom_step + steps, low), high)
        self._apply_font()

    def _apply_font(self) -> None:
        font = self.document().defaultFont()
        font.setFamilies(families(self.typography))
        font.setPointSizeF(self.typography.size * (1.1 ** self.zoom_step))
        self.document().setDefaultFont(font)
        self._fit_column()

    def _fit_column(self) -> None:
        """Centre a column of comfortable width; wide windows get wide margins, not long lines."""
        document: QTextDocument = self.document()
        width = self.viewport().width()
        line = QFontMetricsF(document.defaultFont()).averageCharWidth() * self.typography.measure
        side = max((width - line) / 2, 24.0)
        frame = document.rootFrame()
        layout = frame.frameFormat()
        if abs(layout.leftMargin() - side) < 1 and layout.topMargin() == 28:
            return
        layout.setLeftMargin(side)
        layout.setRightMargin(side)
        layout.setTopMargin(28)
        layout.setBottomMargin(48)
        frame.setFrameFormat(layout)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        """Keep the column centred."""
        super().resizeEvent(event)
        self._fit_column()
        self._apply_pending()

    def _on_anchor(self, url: QUrl) -> None:
        article_id = article_id_from(url.toString())
        if article_id is not None:
            emit(self.article_link_clicked, article_id)
        elif url.scheme() in ("http", "https"):
            emit(self.external_link_clicked, url)
        else:
            emit(self.link_refused, url)
