"""File › Back Up Library… and Restore Library… in the real window, through the real dialogs."""

from __future__ import annotations

import re
import sqlite3
from contextlib import closing
from pathlib import Path

from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from broadsheet.core import backup
from broadsheet.core.importer import import_paths
from broadsheet.core.library import SCHEMA_VERSION, Library
from broadsheet.ui import reading_state
from broadsheet.ui.main_window import MainWindow
from test_ui_library_problem import Script, pick
from ui_support import write_articles

SEEDED = 16


def count(path: Path) -> int:
    with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as conn:
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0]


def _press(button: QMessageBox.StandardButton):
    def act(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        box.button(button).click()
    return act


def _modal_name() -> str:
    widget = QApplication.activeModalWidget()
    return "" if widget is None else widget.objectName()


def _status(window: MainWindow) -> str:
    return window.statusBar().currentMessage()


def _small_backup(folder: Path) -> Path:
    """A backup of another library: three articles."""
    path = folder / "other.db"
    with Library(path) as library:
        import_paths(library, write_articles(folder / "three", 3, prefix="Pier"))
    return backup.back_up_file(path).path


def _restore_from_the_menu(qtbot, window: MainWindow, chosen: Path) -> None:
    """File › Restore Library…, choosing ``chosen`` and saying yes; waits until it is done."""
    script = Script((QFileDialog, pick(chosen)),
                    (QMessageBox, _press(QMessageBox.StandardButton.Yes)))
    window.actions_by_command["restore_library"].trigger()
    qtbot.waitUntil(lambda: _status(window).startswith("Restored"), timeout=10000)
    assert not script.steps


def test_back_up_from_the_file_menu(qtbot, window: MainWindow) -> None:
    suggested: list[Path] = []

    def accept_the_suggestion(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog)
        suggested.extend(Path(p) for p in dialog.selectedFiles())
        dialog.accept()

    script = Script((QFileDialog, accept_the_suggestion))
    window.actions_by_command["back_up_library"].trigger()
    qtbot.waitUntil(lambda: _status(window).startswith("Backed up"), timeout=10000)
    assert not script.steps
    (made,) = suggested
    assert made.parent == window.library.path.parent
    assert re.fullmatch(rf"library\.db\.backup-v{SCHEMA_VERSION}-\d{{8}}T\d{{6}}", made.name)
    assert _status(window) == f"Backed up {SEEDED} articles to {made}."
    assert count(made) == SEEDED
    assert backup.find_backups(window.library.path) == [made]


def test_restore_from_the_file_menu_shows_the_backup_and_keeps_the_old_library(
        qtbot, window: MainWindow, tmp_path: Path) -> None:
    _restore_from_the_menu(qtbot, window, _small_backup(tmp_path / "elsewhere"))
    assert window.model.total() == 3
    assert window.library.count() == 3
    assert window.current_id is not None
    assert window.library.get(window.current_id).title.startswith("Pier number")
    (kept,) = backup.find_backups(window.library.path)
    assert _status(window).endswith(f"kept at {kept}.")
    assert count(kept) == SEEDED


def test_restore_cancelled_at_the_question_changes_nothing(qtbot, window: MainWindow,
                                                           tmp_path: Path) -> None:
    small = _small_backup(tmp_path / "elsewhere")
    script = Script((QFileDialog, pick(small)),
                    (QMessageBox, _press(QMessageBox.StandardButton.Cancel)))
    window.actions_by_command["restore_library"].trigger()
    assert not script.steps
    assert window.library.count() == SEEDED
    assert backup.find_backups(window.library.path) == []


def test_restoring_a_file_that_is_not_a_backup_says_why(qtbot, window: MainWindow,
                                                        tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("groceries\n" * 30, encoding="utf-8")
    script = Script((QFileDialog, pick(notes)),
                    (QMessageBox, _press(QMessageBox.StandardButton.Yes)))
    window.actions_by_command["restore_library"].trigger()
    assert not script.steps
    qtbot.waitUntil(lambda: _modal_name() == "libraryFailure", timeout=10000)
    failure = QApplication.activeModalWidget()
    assert isinstance(failure, QMessageBox)
    assert failure.windowTitle() == "Restore failed"
    assert str(notes) in failure.text()
    failure.close()
    assert window.library.count() == SEEDED
    assert window.model.total() == SEEDED
    assert backup.find_backups(window.library.path) == []


def test_a_restore_leaves_nothing_of_the_old_library_to_undo_or_search(
        qtbot, window: MainWindow, tmp_path: Path) -> None:
    window.remove_article()  # an undo entry that names an id of the old library
    qtbot.waitUntil(lambda: window.library.count() == SEEDED - 1)
    window.search_for("flood")  # results from the old library
    qtbot.waitUntil(lambda: window.searching() and window.list_view.model().total() > 0)
    _restore_from_the_menu(qtbot, window, _small_backup(tmp_path / "elsewhere"))
    assert not window.searching()
    assert window.search_text() == ""
    assert window.list_view.model().total() == 3
    assert window.library.get(window.current_id).title.startswith("Pier number")
    window.undo()
    window.queries.stop()  # every queued write done
    assert window.library.count() == 3


def test_a_restore_drops_the_articles_a_view_kept_from_the_old_library(
        qtbot, window: MainWindow, tmp_path: Path) -> None:
    """Read in Unread, an article stays listed until the view changes: not across a restore."""
    chosen = _small_backup(tmp_path / "elsewhere")  # articles 1 to 3
    window.show_unread()
    target = next(i for i in (1, 2, 3) if not reading_state.get(window.library, i).read)
    with Library(chosen) as other:
        reading_state.set_read(other, target, True)  # read in the backup too
    row = window.model.row_of(target)
    assert row is not None
    window.model.index(row, 0).data()  # its row on screen, as the list shows it
    window.open_article(target)  # read as it opens: kept on screen, as one just read is
    qtbot.waitUntil(lambda: reading_state.get(window.library, target).read)
    assert target in window.model.view.kept
    _restore_from_the_menu(qtbot, window, chosen)
    assert window.model.view.name == "unread"
    assert window.model.total() == 2
