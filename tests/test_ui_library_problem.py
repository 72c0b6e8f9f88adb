"""The start-up dialog for a library that cannot be opened, driven through the real dialogs."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QWidget

from broadsheet.core import backup
from broadsheet.core.importer import import_paths
from broadsheet.core.library import Library, LibraryError
from broadsheet.ui.library_problem import LibraryProblemDialog, recover
from conftest import SEEDS

SEEDED = 16


class Script:
    """Answers the modal dialogs as they come up, in order, like a user would.

    Should a step fail (or a dialog never come), every dialog still up is dismissed so the
    test fails instead of hanging; ``steps`` then still holds what was not done.
    """

    def __init__(self, *steps: tuple[type[QWidget], Callable[[QWidget], None]]) -> None:
        self.steps = list(steps)
        self.seen: list[QWidget] = []
        self.tries = 0
        self.failed = False
        QTimer.singleShot(0, self._poll)

    def _poll(self) -> None:
        self.tries += 1
        widget = QApplication.activeModalWidget()
        if self.failed or self.tries > 500:  # ten seconds
            if isinstance(widget, QDialog):
                widget.reject()
            if self.tries < 1000:
                QTimer.singleShot(20, self._poll)
            return
        if not self.steps:
            return
        kind, act = self.steps[0]
        if isinstance(widget, kind) and widget.isVisible() and widget not in self.seen:
            self.seen.append(widget)
            try:
                act(widget)
            except BaseException:
                self.failed = True
                QTimer.singleShot(20, self._poll)
                raise
            self.steps.pop(0)
        QTimer.singleShot(20, self._poll)


def pick(path: Path, expect: Path | None = None) -> Callable[[QWidget], None]:
    """A step that picks ``path`` in a file dialog, after checking what it offered."""
    def act(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog)
        if expect is not None:
            assert [Path(p) for p in dialog.selectedFiles()] == [expect]
        dialog.selectFile(str(path))
        dialog.accept()
    return act


def _click(name: str, seen: dict[str, str] | None = None) -> Callable[[QWidget], None]:
    def act(dialog: QWidget) -> None:
        assert isinstance(dialog, LibraryProblemDialog)
        if seen is not None:
            seen.update(text=dialog.text(), details=dialog.informativeText(),
                        default=dialog.defaultButton().text())
        getattr(dialog, name).click()
    return act


@pytest.fixture
def library_file(tmp_path: Path) -> Path:
    """A library of the sample articles with one backup next to it, both closed."""
    path = tmp_path / "library.db"
    with Library(path) as library:
        import_paths(library, [SEEDS])
    backup.back_up_file(path)
    return path


def _refusal(path: Path) -> LibraryError:
    with pytest.raises(LibraryError) as caught:
        Library(path)
    return caught.value


def test_a_damaged_library_is_restored_from_the_backup_next_to_it(qtbot, library_file: Path
                                                                  ) -> None:
    data = library_file.read_bytes()
    library_file.write_bytes(data[:len(data) // 2])
    damaged = library_file.read_bytes()
    (newest,) = backup.find_backups(library_file)
    seen: dict[str, str] = {}
    script = Script((LibraryProblemDialog, _click("backup_button", seen)),
                    (QFileDialog, pick(newest, expect=newest)))
    opened = recover(library_file, _refusal(library_file))
    assert not script.steps
    assert seen["text"] == "The library file is damaged."
    assert str(library_file) in seen["details"]
    assert "restore a backup" in seen["details"]
    assert newest.name in seen["details"]
    assert seen["default"] == "Open a Backup…"
    assert opened is not None
    with opened:
        assert opened.path == library_file
        assert opened.count() == SEEDED
    kept = [p for p in backup.find_backups(library_file) if "damaged" in p.name]
    assert [p.read_bytes() for p in kept] == [damaged]


def test_a_fresh_library_never_takes_the_bad_files_place(qtbot, library_file: Path) -> None:
    library_file.write_text("not a library at all\n" * 40, encoding="utf-8")
    before = library_file.read_bytes()
    suggested: list[Path] = []

    def accept_the_suggestion(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog)
        suggested.extend(Path(p) for p in dialog.selectedFiles())
        dialog.accept()

    seen: dict[str, str] = {}
    script = Script((LibraryProblemDialog, _click("fresh_button", seen)),
                    (QFileDialog, accept_the_suggestion))
    opened = recover(library_file, _refusal(library_file))
    assert not script.steps
    assert seen["text"] == "This file is not a Broadsheet library."
    assert suggested == [library_file.with_name("library-new.db")]
    assert opened is not None
    with opened:
        assert opened.path == suggested[0]
        assert opened.count() == 0
    assert library_file.read_bytes() == before


def test_quit_leaves_everything_as_it_was(qtbot, library_file: Path) -> None:
    shutil.copy(library_file, library_file.with_name("copy.db"))
    library_file.chmod(0o444)
    before = sorted((p.name, p.read_bytes()) for p in library_file.parent.iterdir())
    seen: dict[str, str] = {}
    script = Script((LibraryProblemDialog, _click("quit_button", seen)))
    assert recover(library_file, _refusal(library_file)) is None
    assert not script.steps
    assert seen["text"] == "The library file is read-only."
    assert "chmod u+w" in seen["details"]
    assert sorted((p.name, p.read_bytes()) for p in library_file.parent.iterdir()) == before


def test_a_bad_backup_is_explained_and_the_dialog_comes_back(qtbot, library_file: Path,
                                                           tmp_path: Path) -> None:
    data = library_file.read_bytes()
    library_file.write_bytes(data[:len(data) // 2])
    damaged = library_file.read_bytes()
    # Named like a backup, so the dialog lists it, but it holds no library.
    not_a_backup = tmp_path / f"{library_file.name}{backup.MARK}holiday"
    not_a_backup.write_text("postcards\n", encoding="utf-8")
    second: dict[str, str] = {}
    script = Script((LibraryProblemDialog, _click("backup_button")),
                    (QFileDialog, pick(not_a_backup)),
                    (LibraryProblemDialog, _click("quit_button", second)))
    assert recover(library_file, _refusal(library_file)) is None
    assert not script.steps
    assert str(not_a_backup) in second["details"]
    assert library_file.read_bytes() == damaged
