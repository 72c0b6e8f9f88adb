"""Articles on paper and in files: PDF pages, print preview, and whole views on a worker."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt, Signal, Slot
from PySide6.QtGui import (
    QFont,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from broadsheet.core.article import Article
from broadsheet.core.export import (
    ExportError,
    ViewExport,
    replacing,
    stream_articles,
    write_view,
)
from broadsheet.core.library import Library, LibraryError
from broadsheet.core.search import find
from broadsheet.ui import listing
from broadsheet.ui.article_html import article_html
from broadsheet.ui.background_job import BackgroundJob
from broadsheet.ui.link_places import link_places
from broadsheet.ui.listing import Sort, View
from broadsheet.ui.locale_dates import long_datetime
from broadsheet.ui.signals import emit
from broadsheet.ui.theme import INKS
from broadsheet.ui.typography import Typography, families, reader_css

MARGINS_MM = QMarginsF(20, 20, 20, 18)
PDF_DPI = 300
IdSource = Callable[[Library], Iterable[int]]


def page_layout() -> QPageLayout:
    """A4 portrait with comfortable margins."""
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                       MARGINS_MM, QPageLayout.Unit.Millimeter)


@dataclass(frozen=True, slots=True)
class PaperLook:
    """The reader's typeface, size and stylesheet, in ink for white paper."""

    font: QFont
    css: str


def paper_look(typography: Typography) -> PaperLook:
    """The reader's typography at its normal size (not zoomed), in the light theme's ink."""
    font = QFont()
    font.setFamilies(families(typography))
    font.setPointSizeF(typography.size)
    return PaperLook(font, reader_css(typography, INKS["light"]))


def article_document(article: Article, look: PaperLook) -> QTextDocument:
    """The article as the reader lays it out: same HTML, stylesheet and typeface."""
    document = QTextDocument()
    document.setDefaultStyleSheet(look.css)
    document.setDefaultFont(QFont(look.font))
    document.setDocumentMargin(0)
    document.setHtml(article_html(article, long_datetime, link_places(article)))
    return document


class Pager:
    """Paints documents onto a paged device, each from a new page, numbering every page."""

    def __init__(self, device: QPagedPaintDevice) -> None:
        self.device = device
        self.painter = QPainter()
        if not self.painter.begin(device):
            raise ExportError("the page could not be started (is the file writable?)")
        self.pages = 0
        number_font = QFont(self.painter.font())
        number_font.setPointSizeF(9)
        self.number_font = number_font
        self.footer = self.painter.fontMetrics().height() * 3

    def add(self, document: QTextDocument) -> None:
        """Paint one document; a long one runs over as many pages as it needs."""
        width, height = self.device.width(), self.device.height()
        body = height - self.footer
        document.documentLayout().setPaintDevice(self.device)
        document.setPageSize(QSizeF(width, body))
        for page in range(document.pageCount()):
            if self.pages:
                self.device.newPage()
            self.pages += 1
            self.painter.save()
            self.painter.translate(0, -page * body)
            document.drawContents(self.painter, QRectF(0, page * body, width, body))
            self.painter.restore()
            self.painter.save()
            self.painter.setFont(self.number_font)
            self.painter.setPen(Qt.GlobalColor.darkGray)
            self.painter.drawText(QRectF(0, height - self.footer / 2, width, self.footer / 2),
                                  Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                                  str(self.pages))
            self.painter.restore()

    def finish(self) -> None:
        """End the last page (for a PDF, write the file)."""
        self.painter.end()


def paint_articles(articles: Iterable[Article], device: QPagedPaintDevice, look: PaperLook,
                   progress: Callable[[int], bool] | None = None) -> tuple[int, bool]:
    """Paint articles one after another; returns (how many, whether stopped by ``progress``)."""
    pager = Pager(device)
    count = 0
    try:
        for article in articles:
            pager.add(article_document(article, look))
            count += 1
            if progress is not None and not progress(count):
                return count, True
    finally:
        pager.finish()
    return count, False


def pdf_writer(path: Path, title: str) -> QPdfWriter:
    """A PDF writer for A4 pages at PDF_DPI."""
    writer = QPdfWriter(str(path))
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(page_layout())
    writer.setTitle(title)
    writer.setCreator("Broadsheet")
    return writer


def write_pdf(articles: Iterable[Article], path: Path, title: str, look: PaperLook,
              progress: Callable[[int], bool] | None = None) -> ViewExport:
    """Articles as one PDF; it appears whole at ``path`` or not at all."""
    path = Path(path)
    with replacing(path) as part:
        writer = pdf_writer(part.path, title)
        count, cancelled = paint_articles(articles, writer, look, progress)
        del writer  # the file is complete once the writer is gone
        if cancelled:
            part.abandon()
        elif not part.path.is_file() or part.path.stat().st_size == 0:
            raise ExportError("could not be written (nothing came out)")
    return ViewExport(path, count, cancelled)


# -- which articles a view holds ------------------------------------------------------------

def list_ids(sort: Sort, view: View) -> IdSource:
    """The list's articles in the order shown, read as the export goes."""
    def ids(library: Library) -> Iterator[int]:
        return listing.ids(library, sort, view)
    return ids


def search_ids(text: str, order: str, view: str, total: int, capped: bool) -> IdSource:
    """Every match of a search, in the order the results are listed."""
    def ids(library: Library) -> list[int]:
        limit = max(total, 1) if not capped else 1_000_000
        results = find(library, text, limit=limit, order=order, snippets=0,
                       state=None if view == "all" else view)
        return [hit.id for hit in results.hits]
    return ids


class ViewExportWorker(BackgroundJob):
    """Writes a view to one file on its own thread, with its own Library connection."""

    progressed = Signal(int)
    finished = Signal(object)  # ViewExport
    failed = Signal(str)

    def __init__(self, library_path: Path, ids: IdSource, path: Path, fmt: str, title: str,
                 look: PaperLook) -> None:
        super().__init__()
        self.library_path = library_path
        self.ids = ids
        self.path = path
        self.fmt = fmt
        self.title = title
        self.look = look

    @Slot()
    def run(self) -> None:
        """Export every article of the view, then report."""
        try:
            with Library(self.library_path) as library:
                articles = stream_articles(library, self.ids(library))
                if self.fmt == "pdf":
                    result = write_pdf(articles, self.path, self.title, self.look,
                                       self._progress)
                else:
                    result = write_view(articles, self.path, self.fmt, self.title,
                                        self._progress)
        except (LibraryError, ExportError) as error:
            emit(self.failed, str(error))
            return
        emit(self.finished, result)

    def _progress(self, done: int) -> bool:
        if self._progress_due():
            emit(self.progressed, done)
        return not self.cancelled()
