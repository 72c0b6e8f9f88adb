"""Everything can be reached by keyboard and has a name a screen reader can say."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAction
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QInputDialog,
    QMenu,
    QWidget,
)

from broadsheet.core.library import Library
from broadsheet.ui import saved_searches
from broadsheet.ui.import_dialog import ImportDialog
from broadsheet.ui.main_window import MainWindow
from ui_support import close_window, open_window, wait_idle, write_articles


def press(qtbot, key: Qt.Key,
          modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A key press on whatever has focus, as the keyboard would send it."""
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def spoken_name(widget: QWidget) -> str:
    """The name assistive technology gets for a widget (its own, a buddy's, or its text)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface is not None else ""


def control(widget: QWidget) -> QWidget:
    """The control a widget is part of: a spin box for its inner editor, say."""
    parent = widget.parentWidget()
    if isinstance(parent, QAbstractSpinBox | QComboBox) or (
            parent is not None and parent.focusProxy() is widget):
        return parent
    return widget


def unnamed_controls(dialog: QWidget) -> list[str]:
    """Visible controls Tab can reach that have no accessible name."""
    return [f"{type(w).__name__} {w.objectName()!r}" for w in dialog.findChildren(QWidget)
            if w.isVisible() and w.focusPolicy() & Qt.FocusPolicy.TabFocus
            and not spoken_name(control(w)).strip()]


def walk(qtbot, steps: int, modifier=Qt.KeyboardModifier.NoModifier) -> list[QWidget]:
    """Where focus is, then where each of ``steps`` Tab presses takes it."""
    seen = [QApplication.focusWidget()]
    for _ in range(steps):
        press(qtbot, Qt.Key.Key_Tab, modifier)
        seen.append(QApplication.focusWidget())
    return seen


# -- the main window --------------------------------------------------------------------------


def test_tab_walks_search_list_reader_sidebar_and_round(qtbot, window: MainWindow) -> None:
    press(qtbot, Qt.Key.Key_Slash)
    assert window.search_field.hasFocus()
    panes = [window.search_field, window.list_view, window.reader, window.sidebar]
    assert walk(qtbot, 4) == [*panes, window.search_field]
    assert walk(qtbot, 4, Qt.KeyboardModifier.ShiftModifier) == [
        window.search_field, *reversed(panes)]
    for pane in panes:
        assert pane.accessibleName().strip(), pane.objectName()
        assert spoken_name(pane) == pane.accessibleName()
        assert pane.accessibleDescription().strip(), pane.objectName()


def test_qt_focus_chain_matches_the_panes_order(window: MainWindow) -> None:
    # Tab is a window shortcut; the focus chain still matters to tools that follow it.
    chain = [window.search_field]
    for _ in range(3):
        chain.append(chain[-1].nextInFocusChain())
        while not chain[-1].focusPolicy() & Qt.FocusPolicy.TabFocus:
            chain[-1] = chain[-1].nextInFocusChain()
    assert chain == [window.search_field, window.list_view, window.reader, window.sidebar]


def test_status_bar_lines_have_names(window: MainWindow) -> None:
    for label in (window.count_label, window.position_label, window.import_label):
        assert label.accessibleName().strip()
    assert window.count_label.text()  # there is something to read out, too


def test_every_command_is_in_a_menu_with_a_label(window: MainWindow) -> None:
    in_menus: set[QAction] = set()
    menus = [a.menu() for a in window.menuBar().actions()]
    while menus:
        menu = menus.pop()
        for action in menu.actions():
            if isinstance(action.menu(), QMenu):
                menus.append(action.menu())
            if not action.isSeparator():
                in_menus.add(action)
                assert action.text().strip()
    missing = [c for c, a in window.actions_by_command.items() if a not in in_menus]
    assert missing == []


def test_the_welcome_view_is_walked_by_tab_with_names(qtbot, library: Library,
                                                      tmp_path: Path) -> None:
    window = open_window(qtbot, library, tmp_path / "settings.ini")
    try:
        assert window.showing_welcome()
        buttons = [window.welcome.files_button, window.welcome.folder_button,
                   window.welcome.sample_button]
        assert walk(qtbot, 2) == buttons
        assert [b.accessibleName() for b in buttons] == [
            "Import files", "Import folder", "Open the sample library"]
    finally:
        close_window(window)


# -- dialogs --------------------------------------------------------------------------------


@pytest.mark.parametrize(("command", "name"), [("show_shortcuts", "shortcutsDialog"),
                                              ("show_about", "aboutDialog"),
                                              ("show_preferences", "preferencesDialog")])
def test_dialogs_from_the_menus_name_their_controls(qtbot, window: MainWindow, command: str,
                                                    name: str) -> None:
    window.actions_by_command[command].trigger()
    dialog = window.findChild(QDialog, name)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert spoken_name(dialog).strip()
    assert unnamed_controls(dialog) == []
    dialog.reject()


def test_import_dialog_controls_have_names(qtbot, window: MainWindow, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_articles(folder, 2)
    (folder / "empty.txt").write_text("   \n", encoding="utf-8")  # refused: details show
    window.start_import([folder])
    dialog = window.findChild(ImportDialog)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10000)
    assert dialog.details.isVisible()
    assert unnamed_controls(dialog) == []
    dialog.accept()


@pytest.mark.parametrize("command", ["save_search", "delete_saved_search"])
def test_saved_search_dialogs_controls_have_names(qtbot, window: MainWindow, library: Library,
                                                  command: str) -> None:
    saved_searches.save(library, "Bridges", "bridge")
    window.refresh_saved()
    wait_idle(qtbot, window)
    window.search_field.setText("flood")
    window.actions_by_command[command].trigger()
    dialog = next(d for d in window.findChildren(QInputDialog) if d.isVisible())
    assert dialog.accessibleName() == dialog.windowTitle()
    assert unnamed_controls(dialog) == []
    qtbot.waitUntil(lambda: dialog.isAncestorOf(QApplication.focusWidget() or dialog))
    field = QApplication.focusWidget()
    assert field.accessibleName() in ("Name for the search", "Saved search to delete")
    dialog.reject()

