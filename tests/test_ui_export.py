"""Keeping and sharing in the window: export, print preview, copy, show source, remove and undo."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, QTimer, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication, QImage
from PySide6.QtPrintSupport import QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QApplication, QFileDialog, QPushButton, QWidget

from broadsheet.core.importer import import_paths
from broadsheet.core.library import Library
from broadsheet.core.search import search
from broadsheet.ui import reading_state
from broadsheet.ui.main_window import MainWindow
from conftest import SEEDS
from ui_support import close_window, open_window, wait_idle, write_articles

PDFTOPPM = shutil.which("pdftoppm")


def when_modal(qtbot, kind: type[QWidget], answer: Callable[[QWidget], None]) -> list[QWidget]:
    """Answer the next modal dialog of a kind, as a user would, once it is up."""
    seen: list[QWidget] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and dialog.isVisible():
            seen.append(dialog)
            answer(dialog)
        else:
            QTimer.singleShot(20, look)

    QTimer.singleShot(0, look)
    return seen


def save_as(qtbot, path: Path) -> list[QWidget]:
    """Type a file name into the save dialog and press Save."""
    def answer(dialog: QFileDialog) -> None:
        dialog.selectFile(str(path))
        dialog.accept()
    return when_modal(qtbot, QFileDialog, answer)


def run(window: MainWindow, command: str) -> None:
    window.actions_by_command[command].trigger()


def current_title(window: MainWindow) -> str:
    return window.library.get(window.current_id).title


def shown_titles(window: MainWindow) -> list[str]:
    model = window.list_view.model()
    model.ensure_loaded(model.total() - 1)
    return [window.library.get(model.article_id(row)).title for row in range(model.total())]


def ink(png: Path) -> float:
    """The share of a page image that is not white."""
    image = QImage(str(png))
    assert not image.isNull()
    dark = sum(1 for y in range(0, image.height(), 2) for x in range(0, image.width(), 2)
               if image.pixelColor(x, y).lightness() < 200)
    return dark / ((image.width() // 2) * (image.height() // 2))


# -- export -------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "start"), [("a.html", "<!DOCTYPE html>"), ("a.md", "# "),
                                             ("a.txt", "")])
def test_export_the_article_as_text_formats(qtbot, window: MainWindow, tmp_path: Path,
                                            name: str, start: str) -> None:
    title = current_title(window)
    target = tmp_path / "out" / name
    target.parent.mkdir()
    dialogs = save_as(qtbot, target)
    run(window, "export_article")
    assert dialogs, "the save dialog was not shown"
    content = target.read_text(encoding="utf-8")
    assert content.startswith(start)
    assert title.replace("'", "&#x27;") in content or title in content
    assert "exported" in window.statusBar().currentMessage().lower()
    assert [p.name for p in target.parent.iterdir()] == [name]


def test_export_without_an_extension_uses_the_chosen_filter(qtbot, window: MainWindow,
                                                            tmp_path: Path) -> None:
    def answer(dialog: QFileDialog) -> None:
        dialog.selectNameFilter("Markdown (*.md *.markdown)")
        dialog.selectFile(str(tmp_path / "notes"))
        dialog.accept()

    when_modal(qtbot, QFileDialog, answer)
    run(window, "export_article")
    assert (tmp_path / "notes.md").read_text(encoding="utf-8").startswith(
        f"# {current_title(window)}"[:20])


def test_export_the_article_as_pdf_and_look_at_it(qtbot, window: MainWindow,
                                                  tmp_path: Path) -> None:
    target = tmp_path / "article.pdf"
    save_as(qtbot, target)
    run(window, "export_article")
    assert target.read_bytes().startswith(b"%PDF")
    if PDFTOPPM is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed: the page is not looked at")
    subprocess.run([PDFTOPPM, "-png", "-r", "60", "-f", "1", "-l", "1", str(target),
                    str(tmp_path / "page")], check=True, timeout=60)
    page = tmp_path / "page-1.png"
    image = QImage(str(page))
    assert abs(image.width() / image.height() - 210 / 297) < 0.01  # A4
    assert 0.01 < ink(page) < 0.5  # text on it, but not a black page


def test_export_the_list_in_its_order(qtbot, window: MainWindow, tmp_path: Path) -> None:
    run(window, "sort_title")
    titles = shown_titles(window)
    target = tmp_path / "list.md"
    save_as(qtbot, target)
    run(window, "export_view")
    qtbot.waitUntil(lambda: window.view_export is None, timeout=10_000)
    headings = [line[2:] for line in target.read_text(encoding="utf-8").splitlines()
                if line.startswith("# ")]
    assert len(headings) == 16
    assert [h.replace("\\", "") for h in headings] == titles
    assert "Exported 16 articles" in window.statusBar().currentMessage()


def test_export_search_results_as_pdf(qtbot, window: MainWindow, tmp_path: Path) -> None:
    window.search_for("Carrowmere")
    qtbot.waitUntil(lambda: window.searching() and window.list_view.model().total() > 0)
    matches = window.list_view.model().results.total
    assert 1 < matches < 16
    target = tmp_path / "search.pdf"
    save_as(qtbot, target)
    run(window, "export_view")
    qtbot.waitUntil(lambda: window.view_export is None, timeout=20_000)
    assert target.read_bytes().startswith(b"%PDF")
    assert f"Exported {matches} articles" in window.statusBar().currentMessage()
    if PDFTOPPM is not None:
        pages = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True,
                               check=False).stdout if shutil.which("pdfinfo") else ""
        if pages:
            count = int(next(line.split()[-1] for line in pages.splitlines()
                             if line.startswith("Pages:")))
            assert count >= matches  # each article starts on a page of its own


def test_cancel_a_long_export_leaves_no_file(qtbot, library: Library, tmp_path: Path) -> None:
    import_paths(library, [*write_articles(tmp_path / "many", 400)])
    window = open_window(qtbot, library, tmp_path / "settings.ini")
    try:
        target = tmp_path / "out" / "all.txt"
        target.parent.mkdir()
        save_as(qtbot, target)
        run(window, "export_view")
        assert window.view_export is not None
        window.view_export[2].findChild(QPushButton).click()  # the progress dialog's Cancel
        qtbot.waitUntil(lambda: window.view_export is None, timeout=20_000)
        assert "cancelled" in window.statusBar().currentMessage()
        assert list(target.parent.iterdir()) == []
    finally:
        close_window(window)


# -- print, copy ----------------------------------------------------------------------------

def test_print_preview_shows_the_article_on_pages(qtbot, window: MainWindow) -> None:
    pages: list[int] = []

    def answer(dialog: QPrintPreviewDialog) -> None:
        preview = dialog.findChild(QPrintPreviewWidget)
        pages.append(preview.pageCount())
        dialog.reject()

    dialogs = when_modal(qtbot, QPrintPreviewDialog, answer)
    run(window, "print_article")
    assert dialogs
    assert pages
    assert pages[0] >= 1
    assert current_title(window) in dialogs[0].windowTitle()


def test_copy_as_text_and_as_markdown(window: MainWindow) -> None:
    title = current_title(window)
    clipboard = QGuiApplication.clipboard()
    run(window, "copy_as_text")
    text = clipboard.text()
    assert text.splitlines()[:2] == [title, "=" * len(title)]
    run(window, "copy_as_markdown")
    try:
        mime = clipboard.mimeData()
        markdown = bytes(mime.data("text/markdown")).decode("utf-8")
        assert markdown.startswith("# ")
        assert "\n## " in markdown
        assert mime.text() == markdown  # pasting into a plain editor gives the Markdown too
    finally:
        # Qt's offscreen platform (the tests') crashes at exit while its clipboard holds
        # QMimeData set from Python; a real display does not.
        clipboard.clear()


# -- the source file --------------------------------------------------------------------------

class _Opened(QObject):
    """Where QDesktopServices was asked to open file:// addresses."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


@pytest.fixture
def opened() -> object:
    handler = _Opened()
    QDesktopServices.setUrlHandler("file", handler, "open")
    yield handler
    QDesktopServices.unsetUrlHandler("file")


def test_show_source_file_opens_its_folder(window: MainWindow, opened: _Opened) -> None:
    source = Path(window.library.get(window.current_id).source_path)
    run(window, "show_source_file")
    assert [u.toLocalFile() for u in opened.urls] == [str(source.parent)]
    assert source.name in window.statusBar().currentMessage()


def test_show_source_file_says_when_it_is_gone(qtbot, library: Library, tmp_path: Path,
                                               opened: _Opened) -> None:
    (path,) = write_articles(tmp_path / "gone", 1)
    import_paths(library, [path])
    path.unlink()
    window = open_window(qtbot, library, tmp_path / "settings.ini")
    try:
        run(window, "show_source_file")
        assert opened.urls == []
        message = window.statusBar().currentMessage()
        assert "no longer there" in message
        assert str(path) in message
    finally:
        close_window(window)


# -- remove and undo ---------------------------------------------------------------------------

def test_remove_moves_on_and_undo_brings_it_back(qtbot, window: MainWindow,
                                                 library: Library) -> None:
    files = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in SEEDS.glob("*.txt")}
    window.go_to_row(2)
    removed = window.current_id
    following = window.list_view.model().article_id(3)
    title = current_title(window)
    run(window, "toggle_star")
    wait_idle(qtbot, window)
    assert reading_state.get(library, removed) == reading_state.State(True, True, 0.0)
    words = " ".join(title.split()[:4])
    assert removed in [h.id for h in search(library, words)]

    window.list_view.setFocus()
    qtbot.keyClick(window.list_view, Qt.Key.Key_Delete)  # the key, as the user presses it
    qtbot.waitUntil(lambda: library.get(removed) is None)
    wait_idle(qtbot, window)
    assert window.current_id == following
    assert window.list_view.model().total() == 15
    assert title not in shown_titles(window)
    assert removed not in [h.id for h in search(library, words)]
    assert "Ctrl+Z" in window.statusBar().currentMessage()
    assert {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in files} == files

    qtbot.keyClick(window.list_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: library.get(removed) is not None)
    wait_idle(qtbot, window)
    assert window.current_id == removed
    assert window.list_view.model().total() == 16
    assert title in shown_titles(window)
    assert reading_state.get(library, removed).starred
    assert window.list_view.model().state(removed).starred
    assert removed in [h.id for h in search(library, words)]
    # The undo before the removal (the star) is still there, next in line.
    qtbot.keyClick(window.list_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.list_view.model().state(removed).starred)


def test_remove_from_search_results_and_undo(qtbot, window: MainWindow,
                                             library: Library) -> None:
    window.search_for("Carrowmere")
    qtbot.waitUntil(lambda: window.searching() and window.list_view.model().total() > 2)
    window.focus_into_list()
    matches = window.list_view.model().total()
    removed = window.current_id
    run(window, "remove_article")
    qtbot.waitUntil(lambda: window.list_view.model().total() == matches - 1)
    assert removed not in window.list_view.model().ids()
    assert window.current_id == window.list_view.model().article_id(0)
    run(window, "undo")
    qtbot.waitUntil(lambda: window.list_view.model().total() == matches)
    assert window.current_id == removed
    window.clear_search()
    assert window.list_view.model().total() == 16


def test_remove_the_last_article_leaves_an_empty_list(qtbot, library: Library,
                                                      tmp_path: Path) -> None:
    import_paths(library, write_articles(tmp_path / "one", 1))
    window = open_window(qtbot, library, tmp_path / "settings.ini")
    try:
        run(window, "remove_article")
        qtbot.waitUntil(lambda: library.count() == 0)
        wait_idle(qtbot, window)
        assert window.current_id is None
        assert window.list_view.model().total() == 0
        run(window, "undo")
        qtbot.waitUntil(lambda: library.count() == 1)
        wait_idle(qtbot, window)
        assert window.current_id is not None
    finally:
        close_window(window)

