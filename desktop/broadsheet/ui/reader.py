"""The reader pane: one article as clean typography in a QTextBrowser that loads nothing remote."""

from __future__ import annotations

import logging

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QFontMetricsF, QResizeEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from broadsheet.core.article import Article
from broadsheet.ui.article_html import article_html, article_id_from
from broadsheet.ui.link_places import link_places
from broadsheet.ui.locale_dates import long_datetime
from broadsheet.ui.signals import emit

log = logging.getLogger("broadsheet.ui.reader")

BASE_POINT_SIZE = 12.0
ZOOM_STEPS = (-4, 8)  # smallest and largest steps from the base size
COLUMN_CHARS = 72  # a comfortable line length for reading
STYLE = """
h1.title { font-size: 160%; font-weight: 700; margin-bottom: 8px; }
p { line-height: 150%; margin-top: 0px; margin-bottom: 14px; }
p.summary { font-size: 112%; font-style: italic; margin-bottom: 12px; }
p.byline { font-size: 88%; color: #6b6b6b; margin-bottom: 2px; }
p.credit { font-size: 82%; color: #858585; margin-bottom: 4px; }
h2 { font-size: 118%; font-weight: 700; margin-top: 18px; margin-bottom: 8px; }
h2.also { font-size: 100%; color: #6b6b6b; }
p.readlink { margin-left: 18px; margin-bottom: 14px; font-size: 95%; }
span.label { font-weight: 700; color: #a3262a; font-size: 80%; }
span.missing { color: #6b6b6b; }
span.note { color: #858585; font-size: 85%; }
a { text-decoration: none; }
"""
EMPTY_HTML = ('<p style="color:#858585; margin-top: 40px" align="center">'
              "Choose an article from the list.</p>")


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
        self.document().setDefaultStyleSheet(STYLE)
        self.anchorClicked.connect(self._on_anchor)
        self.zoom_step = 0
        self.article_id: int | None = None
        self._pending: float | None = None
        self.document().documentLayout().documentSizeChanged.connect(self._apply_pending)
        self._apply_font()
        self.show_nothing()

    def loadResource(self, kind: int, name: QUrl) -> object:  # noqa: N802
        """Nothing is ever fetched: no images, no stylesheets, local or remote."""
        log.debug("refused to load resource %s", name.toString())
        return None

    def show_article(self, article: Article) -> None:
        """Render an article from the top."""
        self.article_id = article.id
        html = article_html(article, long_datetime, link_places(article))
        self._set_html(html)

    def show_nothing(self) -> None:
        """The empty state."""
        self.article_id = None
        self._set_html(EMPTY_HTML)

    def _set_html(self, html: str) -> None:
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
        bar.setValue(bar.value() + (step if down else -step))

    def position(self) -> float:
        """How far down the article is scrolled, 0 to 1."""
        bar = self.verticalScrollBar()
        return bar.value() / bar.maximum() if bar.maximum() > 0 else 0.0

    def set_position(self, fraction: float) -> None:
        """Scroll to a remembered place, once the article is laid out if it is not yet."""
        bar = self.verticalScrollBar()
        if bar.maximum() > 0:
            bar.setValue(round(fraction * bar.maximum()))
            self._pending = None
        else:
            self._pending = fraction

    def _apply_pending(self) -> None:
        if self._pending is not None:
            self.set_position(self._pending)

    # -- text size -------------------------------------------------------------------

    def zoom(self, steps: int | None) -> None:
        """Change text size by steps; None goes back to the normal size."""
        low, high = ZOOM_STEPS
        self.zoom_step = 0 if steps is None else min(max(self.zoom_step + steps, low), high)
        self._apply_font()

    def _apply_font(self) -> None:
        font = self.document().defaultFont()
        font.setFamilies(["Georgia", "Charter", "Source Serif Pro", "DejaVu Serif",
                          "Noto Serif", "Times New Roman", "serif"])
        font.setPointSizeF(BASE_POINT_SIZE * (1.1 ** self.zoom_step))
        self.document().setDefaultFont(font)
        self._fit_column()

    def _fit_column(self) -> None:
        """Centre a column of comfortable width; wide windows get wide margins, not long lines."""
        document: QTextDocument = self.document()
        width = self.viewport().width()
        line = QFontMetricsF(document.defaultFont()).averageCharWidth() * COLUMN_CHARS
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
