"""The window's keeping and sharing: export, print, copy, show the source, remove with undo."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, Qt, QThread, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QProgressDialog

from broadsheet.core.article import Article
from broadsheet.core.export import (
    SUFFIXES,
    ExportError,
    format_for,
    to_markdown,
    to_text,
    write_article,
)
from broadsheet.core.library import Library, LibraryError
from broadsheet.ui.search_results import SearchResultsModel

# broadsheet.ui.export and Qt's print support are imported when first used: neither is
# needed to open the window, and together they cost start-up about 20 ms.
if TYPE_CHECKING:
    from broadsheet.core.export import ViewExport
    from broadsheet.core.removal import Removal
    from broadsheet.ui.export import PaperLook, ViewExportWorker
    from broadsheet.ui.main_window import MainWindow

FOLDER_KEY = "export/folder"  # where the last export went: the next one starts there
FILTERS = {"html": "Web page (*.html *.htm)", "markdown": "Markdown (*.md *.markdown)",
           "text": "Plain text (*.txt)", "pdf": "PDF (*.pdf)"}
VIEW_TITLES = {"all": "All articles", "unread": "Unread articles", "starred": "Starred articles"}
_UNSAFE = re.compile(r"[^\w\- ,.'’()]+")


@dataclass(frozen=True, slots=True)
class Removed:
    """An undo entry: articles taken out of the library, and what puts them back."""

    what: str
    snapshot: Removal


def file_name(title: str) -> str:
    """A file name from a title: no slashes or odd characters, not too long."""
    name = " ".join(_UNSAFE.sub(" ", title).split())[:80].strip(" .")
    return name or "article"


def _remove_job(article_id: int):
    return lambda library: library.remove([article_id])


def _restore_job(snapshot: Removal):
    def job(library: Library) -> tuple[Removal, str | None]:
        try:
            library.restore(snapshot)
        except LibraryError as error:
            return snapshot, str(error)
        return snapshot, None
    return job


class ExportCommands:
    """Mixed into MainWindow: File › Export and Print, Edit › Copy, Article › Source, Remove."""

    def _build_export(self: MainWindow) -> None:
        self.view_export: tuple[QThread, ViewExportWorker, QProgressDialog] | None = None
        self.queries.answered.connect(self._on_export_answer)

    def _open_article(self: MainWindow, doing: str) -> Article | None:
        """The article on screen, or None with a word in the status bar."""
        article = self.library.get(self.current_id) if self.current_id is not None else None
        if article is None:
            self.statusBar().showMessage(f"Open an article to {doing} it.", 4000)
        return article

    def _paper(self: MainWindow) -> PaperLook:
        from broadsheet.ui.export import paper_look

        return paper_look(self.reader.typography)

    # -- export ---------------------------------------------------------------------------

    def choose_export_path(self: MainWindow, caption: str, title: str) -> tuple[Path, str] | None:
        """Ask where to export and in which format (by the file's extension or the filter)."""
        folder = self.settings.value(FOLDER_KEY, str(Path.home()), type=str)
        dialog = QFileDialog(self, caption, folder)
        dialog.setObjectName("exportDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setNameFilters(list(FILTERS.values()))
        dialog.selectFile(file_name(title) + SUFFIXES["html"])
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
                return None
            path = Path(dialog.selectedFiles()[0])
            fmt = format_for(path)
            if fmt is None:
                chosen = dialog.selectedNameFilter()
                fmt = next((f for f, text in FILTERS.items() if text == chosen), "html")
                path = path.with_name(path.name + SUFFIXES[fmt])
        finally:
            dialog.deleteLater()  # parented to the window: it would last as long otherwise
        self.settings.setValue(FOLDER_KEY, str(path.parent))
        return path, fmt

    def export_article(self: MainWindow) -> None:
        """File › Export Article…: HTML, Markdown, plain text or PDF."""
        from broadsheet.ui.export import write_pdf

        article = self._open_article("export")
        if article is None:
            return
        choice = self.choose_export_path("Export Article", article.title)
        if choice is None:
            return
        path, fmt = choice
        try:
            if fmt == "pdf":
                write_pdf([article], path, article.title, self._paper())
            else:
                write_article(article, path, fmt)
        except ExportError as error:
            self._export_failed(str(error))
            return
        self.statusBar().showMessage(f"Exported “{article.title}” to {path}.", 8000)

    def export_view(self: MainWindow) -> None:
        """File › Export This List…: every article of the list as shown, into one file."""
        from broadsheet.ui.export import ViewExportWorker, list_ids, search_ids

        if self.view_export is not None:
            self.view_export[2].show()
            return
        model = self.list_view.model()
        view = self.model.view.name
        if isinstance(model, SearchResultsModel):
            count, title = model.results.total, f"Search: {model.query}"
            ids = search_ids(model.query, model.order, view, model.results.total,
                             model.results.capped)
        else:
            count, title = self.model.total(), VIEW_TITLES.get(view, "Articles")
            ids = list_ids(self.model.sort_by, self.model.view)
        if not count:
            self.statusBar().showMessage("There is nothing in this list to export.", 4000)
            return
        choice = self.choose_export_path("Export This List", title)
        if choice is None:
            return
        path, fmt = choice
        worker = ViewExportWorker(self.library.path, ids, path, fmt, title, self._paper())
        progress = QProgressDialog(f"Exporting {count:,} articles to {path.name}…", "Cancel",
                                   0, count, self)
        progress.setObjectName("exportProgress")
        progress.setWindowTitle("Export")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)  # a quick export never flashes a dialog
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        # Direct: a queued call would wait for the worker's thread, busy with the export.
        progress.canceled.connect(worker.cancel, Qt.ConnectionType.DirectConnection)
        worker.progressed.connect(progress.setValue)
        worker.finished.connect(self._view_exported)
        worker.failed.connect(self._view_export_failed)
        self.view_export = (worker.start_on(self, "broadsheet-export"), worker, progress)

    def _end_view_export(self: MainWindow) -> None:
        if self.view_export is None:
            return
        thread, worker, progress = self.view_export
        self.view_export = None
        worker.stop(thread)
        progress.close()
        progress.deleteLater()

    def _view_exported(self: MainWindow, result: ViewExport) -> None:
        self._end_view_export()
        if result.cancelled:
            self.statusBar().showMessage(
                f"Export cancelled after {result.articles:,} articles; nothing was written.",
                8000)
            return
        self.statusBar().showMessage(
            f"Exported {result.articles:,} article{'s' if result.articles != 1 else ''}"
            f" to {result.path}.", 8000)

    def _view_export_failed(self: MainWindow, message: str) -> None:
        self._end_view_export()
        self._export_failed(message)

    def _export_failed(self: MainWindow, message: str) -> None:
        self.statusBar().showMessage(f"Could not export: {message}", 10000)
        QMessageBox.warning(self, "Could not export", message)

    # -- print and copy -------------------------------------------------------------------

    def print_article(self: MainWindow) -> None:
        """File › Print…: the article as it will come out of the printer, then print it."""
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

        from broadsheet.ui.export import page_layout, paint_articles

        article = self._open_article("print")
        if article is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(page_layout())
        printer.setDocName(article.title)
        look = self._paper()
        dialog = QPrintPreviewDialog(printer, self)
        dialog.setObjectName("printPreview")
        dialog.setWindowTitle(f"Print “{article.title}”")
        dialog.paintRequested.connect(lambda device: paint_articles([article], device, look))
        dialog.exec()
        dialog.deleteLater()

    def copy_as_text(self: MainWindow) -> None:
        """Edit › Copy Article as Text."""
        article = self._open_article("copy")
        if article is not None:
            QGuiApplication.clipboard().setText(to_text(article))
            self.statusBar().showMessage("Copied the article as plain text.", 4000)

    def copy_as_markdown(self: MainWindow) -> None:
        """Edit › Copy Article as Markdown (as text/markdown, and as plain text for the rest)."""
        article = self._open_article("copy")
        if article is not None:
            markdown = to_markdown(article)
            mime = QMimeData()
            mime.setText(markdown)
            mime.setData("text/markdown", markdown.encode("utf-8"))
            QGuiApplication.clipboard().setMimeData(mime)
            self.statusBar().showMessage("Copied the article as Markdown.", 4000)

    # -- the source file ------------------------------------------------------------------

    def show_source_file(self: MainWindow) -> None:
        """Article › Show Source File: open the folder holding the file it was imported from."""
        article = self._open_article("find the file of")
        if article is None:
            return
        if not article.source_path:
            self.statusBar().showMessage("This article has no source file on record.", 6000)
            return
        path = Path(article.source_path).absolute()
        if not path.is_file():
            self.statusBar().showMessage(f"The source file is no longer there: {path}", 10000)
            return
        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent))):
            self.statusBar().showMessage(f"Opened the folder holding {path.name}.", 6000)
        else:
            self.statusBar().showMessage(f"Could not open the folder {path.parent}.", 10000)

    # -- remove, and undo -------------------------------------------------------------------

    def remove_article(self: MainWindow) -> None:
        """Article › Remove from Library: the list moves on; Ctrl+Z brings it back."""
        if self.current_id is None:
            self.statusBar().showMessage("Open an article to remove it.", 4000)
            return
        removed = self.current_id
        model = self.list_view.model()
        row = self._current_row()
        following = (model.article_id(row + 1) if model.ensure_loaded(row + 1)
                     else model.article_id(row - 1))
        # Leave it first: the position written on leaving goes before the removal.
        if following is not None and following != removed:
            self.open_article(following)
        else:
            self._leave_current()
            self.current_id = None
            self.reader.show_nothing()
        self.dwell_timer.stop()
        self.queries.submit("remove", _remove_job(removed), latest_only=False)

    def undo(self: MainWindow) -> None:
        """Ctrl+Z: put back the last removal, or the last change of reading state."""
        if self.undo_stack and isinstance(self.undo_stack[-1], Removed):
            entry = self.undo_stack.pop()
            self.queries.submit("restore", _restore_job(entry.snapshot), latest_only=False)
            return
        super().undo()

    def _on_export_answer(self: MainWindow, kind: str, result: object) -> None:
        if kind == "remove":
            self._removed(result)
        elif kind == "restore":
            self._restored(*result)

    def _removed(self: MainWindow, snapshot: Removal) -> None:
        if not snapshot.ids:
            return
        title = snapshot.titles[0]
        self._remember(Removed(f"remove “{title}”", snapshot))
        self._after_membership_change()
        self.statusBar().showMessage(
            f"Removed “{title}” from the library; its file is untouched."
            " Ctrl+Z puts it back.", 8000)

    def _restored(self: MainWindow, snapshot: Removal, problem: str | None) -> None:
        if problem is not None:
            self.statusBar().showMessage(problem, 10000)
            return
        # Opening the article put back replaces the open one: no need to show that again,
        # unless it is that same article (open_article then does nothing).
        self._after_membership_change(refresh_reader=snapshot.ids[0] == self.current_id)
        self.open_article(snapshot.ids[0])
        self.statusBar().showMessage(f"Put back “{snapshot.titles[0]}”.", 5000)

    def _after_membership_change(self: MainWindow, *, refresh_reader: bool = True) -> None:
        """Articles came or went: the list, counts and (``refresh_reader``) the open
        article's links again."""
        self.model.refresh()  # while searching too: leaving the search shows it
        if self.searching():
            self._run_search()
        else:
            self._select_current()
        self._recount()
        self.saved_recount.start()
        if refresh_reader:
            self.refresh_current()
