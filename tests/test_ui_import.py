"""Importing from the window: the dialog and its worker, Cancel, the summary, drops, welcome."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from broadsheet.core.library import Library
from broadsheet.ui.import_dialog import ImportDialog
from broadsheet.ui.main_window import MainWindow
from conftest import SEEDS
from ui_support import close_window, open_window, seed, write_articles

COPY = Qt.DropAction.CopyAction
LEFT = Qt.MouseButton.LeftButton
NONE = Qt.KeyboardModifier.NoModifier


def mime_for(*paths: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def drag_over(window: MainWindow, mime: QMimeData) -> QDragEnterEvent:
    event = QDragEnterEvent(QPoint(300, 300), COPY, mime, LEFT, NONE)
    QApplication.sendEvent(window, event)
    return event


def drop_on(window: MainWindow, mime: QMimeData) -> QDropEvent:
    drag_over(window, mime)
    event = QDropEvent(QPointF(300, 300), COPY, mime, LEFT, NONE)
    QApplication.sendEvent(window, event)
    return event


@pytest.fixture
def empty_window(qtbot, library: Library, tmp_path: Path):
    win = open_window(qtbot, library, tmp_path / "settings.ini")
    yield win
    close_window(win)


def finished(qtbot, window: MainWindow):
    """Wait for the running import to finish; returns its report."""
    dialog = window.import_dialog
    assert dialog is not None
    if dialog.is_running():
        with qtbot.waitSignal(dialog.import_finished, timeout=60000) as done:
            pass
        return done.args[0]
    return dialog.report


def test_dialog_imports_on_a_worker_and_cancel_stops_it(qtbot, library: Library,
                                                        tmp_path: Path) -> None:
    write_articles(tmp_path / "many", 600)
    dialog = ImportDialog(library.path)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.import_finished, timeout=60000) as done:
        dialog.start([tmp_path / "many"])
        assert dialog.is_running()
        dialog.cancel()
    report = done.args[0]
    assert report.cancelled
    assert report.imported < 600
    assert library.count() == report.imported  # whole articles or none
    assert "cancelled" in dialog.heading.text().lower()
    assert dialog.close_button.isVisible()
    assert not dialog.cancel_button.isVisible()


def test_summary_lists_duplicates_and_refused_files(qtbot, library: Library,
                                                    tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    write_articles(folder, 3)
    shutil.copy(folder / "00000.txt", folder / "copy.txt")
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    dialog = ImportDialog(library.path)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.import_finished, timeout=60000) as done:
        dialog.start([folder])
    report = done.args[0]
    assert (report.imported, report.duplicates) == (3, 1)
    rows = {dialog.details.topLevelItem(i).text(0).rsplit("/", 1)[-1]:
            dialog.details.topLevelItem(i).text(1)
            for i in range(dialog.details.topLevelItemCount())}
    assert set(rows) == {"copy.txt", "photo.png", "binary.txt"}
    assert "duplicate" in rows["copy.txt"]
    assert rows["photo.png"]
    assert rows["binary.txt"]
    assert dialog.isVisible()
    assert dialog.details.isVisible()
    assert "3 articles imported" in dialog.heading.text()


def test_an_empty_library_shows_the_welcome_view(empty_window: MainWindow) -> None:
    assert empty_window.showing_welcome()
    assert empty_window.welcome.files_button.isVisible()
    assert not empty_window.actions_by_command["next_article"].isEnabled()


def test_the_sample_library_fills_the_window(qtbot, empty_window: MainWindow,
                                             library: Library) -> None:
    empty_window.welcome.sample_button.click()
    finished(qtbot, empty_window)
    assert library.count() == len(list(SEEDS.glob("*.txt")))
    assert not empty_window.showing_welcome()
    assert empty_window.model.total() == library.count()
    assert empty_window.current_id is not None
    assert empty_window.actions_by_command["next_article"].isEnabled()


def test_dropping_files_and_folders_imports_them(qtbot, empty_window: MainWindow,
                                                 library: Library, tmp_path: Path) -> None:
    folder = tmp_path / "dropped"
    write_articles(folder / "inner", 4)
    single = write_articles(tmp_path / "one", 1, prefix="Lone")[0]
    mime = mime_for(folder, single)  # kept referenced: the event does not own it
    event = drag_over(empty_window, mime)
    assert event.isAccepted()
    assert empty_window.overlay.isVisible()
    assert "Drop to import 2 items" in empty_window.overlay.message
    drop = QDropEvent(QPointF(300, 300), COPY, mime, LEFT, NONE)
    QApplication.sendEvent(empty_window, drop)
    assert drop.isAccepted()
    assert not empty_window.overlay.isVisible()
    report = finished(qtbot, empty_window)
    assert report.imported == 5
    assert empty_window.model.total() == 5 == library.count()
    assert not empty_window.showing_welcome()


def test_dropping_pictures_or_web_addresses_is_refused(qtbot, empty_window: MainWindow,
                                                       tmp_path: Path) -> None:
    picture = tmp_path / "photo.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n")
    drag_over(empty_window, mime_for(picture))
    assert empty_window.overlay.refused
    QApplication.sendEvent(empty_window, QDragLeaveEvent())
    assert not empty_window.overlay.isVisible()
    drop_on(empty_window, mime_for(picture))
    assert "Not text articles: photo.png" in empty_window.statusBar().currentMessage()
    assert empty_window.import_dialog is None
    web = QMimeData()
    web.setUrls([QUrl("https://example.org/story.txt")])
    drop_on(empty_window, web)
    assert "not web addresses" in empty_window.statusBar().currentMessage()
    text = QMimeData()
    text.setText("just some words")
    drop_on(empty_window, text)
    assert "Only text files" in empty_window.statusBar().currentMessage()
    assert empty_window.import_dialog is None


def test_new_articles_appear_and_the_selection_is_kept(qtbot, library: Library,
                                                       tmp_path: Path) -> None:
    seed(library)
    window = open_window(qtbot, library, tmp_path / "s.ini")
    try:
        window.go_to_row(4)
        reading = window.current_id
        before = window.model.total()
        drop_on(window, mime_for(*write_articles(tmp_path / "more", 3, prefix="Extra")))
        finished(qtbot, window)
        assert window.model.total() == before + 3
        assert window.current_id == reading
        row = window.list_view.currentIndex().row()
        assert window.model.article_id(row) == reading
        assert f"{before + 3} articles" in window.count_label.text()
    finally:
        close_window(window)


def test_a_second_import_waits_for_the_first(qtbot, empty_window: MainWindow,
                                             tmp_path: Path) -> None:
    write_articles(tmp_path / "a", 300)
    assert empty_window.start_import([tmp_path / "a"])
    assert not empty_window.start_import([tmp_path / "a"])
    assert "already running" in empty_window.statusBar().currentMessage()
    finished(qtbot, empty_window)
