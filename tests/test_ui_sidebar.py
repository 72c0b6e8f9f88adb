"""The related sidebar on the sample library: four sections, all reachable by keyboard."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from broadsheet.core.library import Library
from broadsheet.ui.main_window import MainWindow
from broadsheet.ui.sidebar import LOOKING, SECTIONS


def ids_by_prefix(library: Library) -> dict[str, int]:
    """Seed prefix ("011") -> article id."""
    return {Path(row.source_path or "").name[:3]: row.id for row in library.iter_rows()}


def open_and_wait(qtbot, window: MainWindow, article_id: int) -> None:
    """Open an article and wait for the worker's related articles to reach the sidebar."""
    window.open_article(article_id)
    qtbot.waitUntil(lambda: window.sidebar.section_titles("More like this") != [LOOKING])


def press(qtbot, key: Qt.Key,
          modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A key press on whatever has focus."""
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def focus_sidebar(qtbot, window: MainWindow) -> None:
    """Tab from the reader, as a user would get there."""
    window.reader.setFocus()
    press(qtbot, Qt.Key.Key_Tab)
    assert window.sidebar.hasFocus()


def test_all_four_sections_are_filled_for_a_seed(qtbot, window: MainWindow,
                                                 library: Library) -> None:
    ids = ids_by_prefix(library)
    open_and_wait(qtbot, window, ids["011"])
    sidebar = window.sidebar
    assert sidebar.section_targets("In this article") == [ids["010"], ids["009"]]
    assert set(sidebar.section_targets("Linked from")) == {ids["012"], ids["013"]}
    assert sidebar.section_targets("Same story") == [ids["015"]]
    similar = sidebar.section_targets("More like this")
    assert 0 < len(similar) <= 8
    assert ids["015"] not in similar
    assert ids["011"] not in similar
    headings = [sidebar.item(r).text() for r in range(sidebar.count())
                if sidebar.item(r).flags() == Qt.ItemFlag.NoItemFlags]
    assert headings == [name.upper() for name in SECTIONS]


def test_arrows_and_ctrl_arrows_reach_every_section_and_enter_opens(
        qtbot, window: MainWindow, library: Library) -> None:
    ids = ids_by_prefix(library)
    open_and_wait(qtbot, window, ids["011"])
    focus_sidebar(qtbot, window)
    sidebar = window.sidebar
    assert sidebar.current_section() == "In this article"
    visited = [sidebar.current_section()]
    for _ in range(3):
        press(qtbot, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
        visited.append(sidebar.current_section())
    assert visited == list(SECTIONS)
    press(qtbot, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert sidebar.current_section() == "Same story"
    press(qtbot, Qt.Key.Key_Up)  # the heading between is skipped
    assert sidebar.current_section() == "Linked from"
    press(qtbot, Qt.Key.Key_Down)
    assert sidebar.currentItem().text() == library.get(ids["015"]).title
    press(qtbot, Qt.Key.Key_Return)
    assert window.current_id == ids["015"]


def test_alt_left_returns_to_the_article_the_sidebar_was_opened_from(
        qtbot, window: MainWindow, library: Library) -> None:
    ids = ids_by_prefix(library)
    open_and_wait(qtbot, window, ids["011"])
    focus_sidebar(qtbot, window)
    assert window.sidebar.currentItem().data(Qt.ItemDataRole.UserRole + 1) == ids["010"]
    press(qtbot, Qt.Key.Key_Return)
    assert window.current_id == ids["010"]
    press(qtbot, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.current_id == ids["011"]


def test_an_unresolved_line_offers_a_search_for_its_words(qtbot, window: MainWindow,
                                                          library: Library) -> None:
    ids = ids_by_prefix(library)
    open_and_wait(qtbot, window, ids["001"])  # names a flood warning not in the library
    assert window.sidebar.section_targets("In this article") == [None]
    focus_sidebar(qtbot, window)
    line = library.get(ids["001"]).links[0].text
    assert window.sidebar.currentItem().text().startswith(line)
    press(qtbot, Qt.Key.Key_Return)
    assert window.search_field.text() == line
    assert window.search_field.hasFocus()
    qtbot.waitUntil(window.searching)


def test_notes_and_headings_cannot_be_chosen(qtbot, window: MainWindow,
                                             library: Library) -> None:
    ids = ids_by_prefix(library)
    open_and_wait(qtbot, window, ids["010"])  # no READ: lines: its section says None
    sidebar = window.sidebar
    assert sidebar.section_titles("In this article") == []
    focus_sidebar(qtbot, window)
    assert sidebar.current_section() == "Linked from"
    press(qtbot, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert sidebar.current_section() == "Linked from"  # nothing above to choose
    for row in (0, 1):  # the first heading, and the "None" under it
        sidebar.setCurrentRow(row)
        assert not sidebar.activate_current()
    assert sidebar.item(1).text() == "None"
    assert window.current_id == ids["010"]


def test_links_and_the_same_story_do_not_wait_for_more_like_this(
        qtbot, window: MainWindow, library: Library) -> None:
    ids = ids_by_prefix(library)
    open_and_wait(qtbot, window, ids["000"])
    # As on a large library just opened, where more like this first reads the word
    # frequencies for seconds: its worker is busy, and has not answered yet.
    gate = threading.Event()
    window.related_queries.submit("busy", lambda _library: gate.wait(30), latest_only=False)
    window.related_warm = False
    try:
        window.open_article(ids["011"])
        sidebar = window.sidebar
        qtbot.waitUntil(lambda: set(sidebar.section_targets("Linked from"))
                        == {ids["012"], ids["013"]})
        assert sidebar.section_targets("Same story") == [ids["015"]]
        assert sidebar.section_titles("More like this") == [LOOKING]
    finally:
        gate.set()
    qtbot.waitUntil(lambda: sidebar.section_titles("More like this") != [LOOKING])
    assert 0 < len(sidebar.section_targets("More like this")) <= 8
    assert set(sidebar.section_targets("Linked from")) == {ids["012"], ids["013"]}
