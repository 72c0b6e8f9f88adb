"""Saved searches: kept in the library, listed in Go › Saved Searches with unread counts."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog

from broadsheet.core.library import Library
from broadsheet.core.search import count
from broadsheet.ui import reading_state, saved_searches
from broadsheet.ui.main_window import MainWindow
from broadsheet.ui.search_results import SearchResultsModel
from ui_support import close_window, open_window, seed, wait_idle


def press(qtbot, key: Qt.Key,
          modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A key press on whatever has focus."""
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


@pytest.fixture
def window(qtbot, library: Library, tmp_path: Path):
    seed(library)
    win = open_window(qtbot, library, tmp_path / "settings.ini", dwell_ms=600_000)
    yield win
    close_window(win)


def entries(window: MainWindow) -> list[str]:
    """The saved-search lines of Go › Saved Searches, as shown."""
    return [a.text() for a in window.saved_actions if a.isEnabled()]


def save_as(qtbot, window: MainWindow, name: str) -> None:
    """Ctrl+S, type a name in the dialog, Enter."""
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(QInputDialog, "saveSearchDialog")
    assert dialog is not None
    assert dialog.isVisible()
    field = dialog.findChild(type(window.search_field))
    field.selectAll()
    qtbot.keyClicks(field, name)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: any(name in e for e in entries(window)))


# -- kept in the library ------------------------------------------------------------------


def test_saved_searches_are_kept_in_order_and_replaced_by_name(library: Library) -> None:
    seed(library)
    saved_searches.save(library, "Floods", "flood")
    saved_searches.save(library, "Bridges", "bridge -lorries")
    saved_searches.save(library, "floods", "flood after:2021")  # names ignore case
    found = saved_searches.saved(library)
    assert [(s.name, s.query) for s in found] == [("Floods", "flood after:2021"),
                                                  ("Bridges", "bridge -lorries")]
    assert found[1].unread == count(library, "bridge -lorries")[0] > 0
    assert found[1].unread_text == f"{found[1].unread} unread"
    saved_searches.delete(library, "FLOODS")
    assert [s.name for s in saved_searches.saved(library)] == ["Bridges"]


def test_unread_counts_follow_reading(library: Library) -> None:
    seed(library)
    saved_searches.save(library, "Lukashenko", "Lukashenko")
    (before,) = saved_searches.saved(library)
    assert before.unread == 1
    for row in library.rows():
        reading_state.set_read(library, row.id, True)
    (after,) = saved_searches.saved(library)
    assert after.unread == 0
    assert after.unread_text == ""


# -- in the window ----------------------------------------------------------------------------


def test_ctrl_s_saves_the_query_and_the_menu_lists_it_with_unread(qtbot, window: MainWindow,
                                                                  library: Library) -> None:
    assert window.saved_actions[0].text().startswith("No saved searches")
    press(qtbot, Qt.Key.Key_Slash)
    qtbot.keyClicks(window.search_field, "flood")
    qtbot.waitUntil(lambda: isinstance(window.list_view.model(), SearchResultsModel))
    save_as(qtbot, window, "River news")
    unread = count(library, "flood", state="unread")[0]
    assert entries(window) == [f"&1  River news\t{unread} unread"]
    assert [(s.name, s.query) for s in saved_searches.saved(library)] == [
        ("River news", "flood")]


def test_a_saved_search_runs_from_the_menu(qtbot, window: MainWindow,
                                           library: Library) -> None:
    saved_searches.save(library, "Bridges", "bridge -lorries")
    window.refresh_saved()
    qtbot.waitUntil(lambda: bool(entries(window)))
    window.saved_actions[0].trigger()
    qtbot.waitUntil(lambda: isinstance(window.list_view.model(), SearchResultsModel))
    assert window.search_field.text() == "bridge -lorries"
    assert window.list_view.model().query == "bridge -lorries"
    assert window.list_view.hasFocus()


def test_ctrl_b_opens_the_saved_searches_on_the_first(qtbot, window: MainWindow,
                                                      library: Library) -> None:
    saved_searches.save(library, "Bridges", "bridge")
    window.refresh_saved()
    qtbot.waitUntil(lambda: bool(entries(window)))
    press(qtbot, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.saved_menu.isVisible)
    assert window.saved_menu.activeAction() is window.saved_actions[0]
    window.saved_menu.close()


def test_unread_counts_in_the_menu_follow_reading(qtbot, window: MainWindow,
                                                  library: Library) -> None:
    saved_searches.save(library, "Lukashenko", "Lukashenko")
    window.refresh_saved()
    qtbot.waitUntil(lambda: entries(window) == ["&1  Lukashenko\t1 unread"])
    (hit,) = [r.id for r in library.rows() if "Lukashenko" in (library.get(r.id).body)]
    window.open_article(hit)
    window.toggle_read()
    qtbot.waitUntil(lambda: entries(window) == ["&1  Lukashenko"], timeout=10000)


def test_a_saved_search_can_be_deleted(qtbot, window: MainWindow, library: Library) -> None:
    saved_searches.save(library, "Bridges", "bridge")
    saved_searches.save(library, "Floods", "flood")
    window.refresh_saved()
    qtbot.waitUntil(lambda: len(entries(window)) == 2)
    window.delete_saved_search()
    dialog = window.findChild(QInputDialog, "deleteSearchDialog")
    dialog.setTextValue("Bridges")
    dialog.accept()
    qtbot.waitUntil(lambda: len(entries(window)) == 1)
    assert [s.name for s in saved_searches.saved(library)] == ["Floods"]


def test_saving_without_a_query_says_what_to_do(qtbot, window: MainWindow) -> None:
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert window.findChild(QInputDialog, "saveSearchDialog") is None
    assert "Type a search first" in window.statusBar().currentMessage()


def test_saved_searches_survive_a_restart(qtbot, library: Library, tmp_path: Path) -> None:
    seed(library)
    first = open_window(qtbot, library, tmp_path / "s.ini")
    first.search_field.setText("bridge")
    qtbot.waitUntil(lambda: isinstance(first.list_view.model(), SearchResultsModel))
    first.search_field.setFocus()
    save_as(qtbot, first, "Bridges")
    wait_idle(qtbot, first)
    close_window(first)
    second = open_window(qtbot, library, tmp_path / "s.ini")
    try:
        qtbot.waitUntil(lambda: bool(entries(second)))
        assert entries(second)[0].startswith("&1  Bridges")
    finally:
        close_window(second)


def test_saved_searches_are_a_submenu_of_go(qtbot, window: MainWindow,
                                            library: Library) -> None:
    saved_searches.save(library, "Bridges", "bridge")
    window.refresh_saved()
    qtbot.waitUntil(lambda: bool(entries(window)))
    go = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Go")
    (submenu,) = [a for a in go.actions() if a.menu() is not None]
    assert submenu.text() == "Saved Searc&hes"
    labels = [a.text() for a in submenu.menu().actions() if not a.isSeparator()]
    assert labels[0].startswith("&1  Bridges")
    assert labels[1:] == ["Sa&ve This Search…", "&Delete a Saved Search…"]
