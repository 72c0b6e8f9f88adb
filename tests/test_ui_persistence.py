"""What the window remembers across a restart, and reading state kept in the library."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from broadsheet.core.library import Library
from broadsheet.ui import reading_state
from broadsheet.ui.article_list import COLUMNS
from broadsheet.ui.listing import Sort
from broadsheet.ui.window_state import load
from ui_support import close_window, open_window, seed, settings_at


def test_a_restarted_window_comes_back_as_it_was_left(qtbot, library: Library,
                                                      tmp_path: Path) -> None:
    seed(library)
    settings = tmp_path / "settings.ini"
    first = open_window(qtbot, library, settings)
    first.resize(760, 520)  # inside the offscreen screen, which restoring clamps to
    first.splitter.setSizes([250, 330, 170])
    sizes = first.splitter.sizes()
    first.list_view.sortByColumn(COLUMNS.index("title"), Qt.SortOrder.AscendingOrder)
    first.list_view.horizontalHeader().resizeSection(COLUMNS.index("author"), 151)
    first.go_to_row(5)
    reading = first.current_id
    first.zoom_in()
    first.zoom_in()
    close_window(first)

    assert load(settings_at(settings)).sort == Sort("title", descending=False)
    second = open_window(qtbot, library, settings)
    try:
        assert (second.width(), second.height()) == (760, 520)
        assert second.splitter.sizes() == sizes
        assert second.model.sort_by == Sort("title", descending=False)
        header = second.list_view.horizontalHeader()
        assert header.sortIndicatorSection() == COLUMNS.index("title")
        assert header.sectionSize(COLUMNS.index("author")) == 151
        assert second.current_id == reading
        assert second.list_view.currentIndex().row() == 5
        assert second.reader.zoom_step == 2
    finally:
        close_window(second)


def test_reading_state_survives_in_the_library(qtbot, library: Library,
                                               tmp_path: Path) -> None:
    seed(library)
    window = open_window(qtbot, library, tmp_path / "s.ini")
    first = window.current_id
    window.toggle_star()
    window.next_article()
    window.toggle_read()  # the second one back to unread
    second = window.current_id
    close_window(window)  # waits for the worker's writes

    assert reading_state.get(library, first) == reading_state.State(True, True, 0.0)
    assert not reading_state.get(library, second).read
    again = open_window(qtbot, library, tmp_path / "s.ini")
    try:
        assert again.current_id == second
        assert again.model.state(first).starred
        assert again.actions_by_command["toggle_read"].isChecked()  # opening reads it
    finally:
        close_window(again)


def test_the_scroll_position_is_remembered_per_article(qtbot, library: Library,
                                                       tmp_path: Path) -> None:
    seed(library)
    window = open_window(qtbot, library, tmp_path / "s.ini")
    try:
        window.resize(900, 420)
        qtbot.waitUntil(lambda: window.reader.verticalScrollBar().maximum() > 0)
        first = window.current_id
        window.page_down()
        window.page_down()
        where = window.reader.position()
        assert where > 0
        window.next_article()
        window.open_article(first)
        assert window.reader.position() == paged(where)
    finally:
        close_window(window)


def paged(value: float) -> float:
    """Positions are stored as fractions; allow for the rounding of a pixel."""
    return pytest.approx(value, abs=0.02)
