"""Searching in the window: typing, results best first, marks in the list and the reader, keys."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from broadsheet.core.importer import import_paths
from broadsheet.core.library import Library
from broadsheet.core.search import HIT_START, find
from broadsheet.ui import reading_state
from broadsheet.ui.main_window import MainWindow
from broadsheet.ui.search_results import SNIPPET_ROLE, SearchResultsModel
from broadsheet.ui.window_search import SEARCH_LIMIT, search_job
from ui_support import close_window, open_window, wait_idle, write_articles


def press(qtbot, key: Qt.Key,
          modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A key press on whatever has focus."""
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def results_for(qtbot, window: MainWindow, text: str) -> SearchResultsModel:
    """Wait until the list shows the results of exactly this query."""
    def shown() -> bool:
        model = window.list_view.model()
        return isinstance(model, SearchResultsModel) and model.query == text
    qtbot.waitUntil(shown, timeout=5000)
    return window.list_view.model()


def type_query(qtbot, window: MainWindow, text: str) -> SearchResultsModel:
    """Focus the field with / and type, as a person would."""
    press(qtbot, Qt.Key.Key_Slash)
    assert window.search_field.hasFocus()
    qtbot.keyClicks(window.search_field, text)
    return results_for(qtbot, window, text)


def test_typing_shows_the_best_matches_first_with_their_count(qtbot, window: MainWindow,
                                                              library: Library) -> None:
    results = type_query(qtbot, window, "flood")
    expected = find(library, "flood")
    assert [results.article_id(r) for r in range(results.total())] == [
        h.id for h in expected.hits]
    assert window.search_bar.info.isVisible()
    assert window.search_bar.info.text().startswith(f"{expected.total} matches")
    snippet = results.index(0, 0).data(SNIPPET_ROLE)
    assert HIT_START in snippet
    assert window.list_view.viewport().grab().width() > 0  # the two-line rows paint
    assert window.list_view.rowHeight(0) > window.fontMetrics().height() * 2


def test_typing_on_replaces_the_results_and_stale_answers_are_dropped(
        qtbot, window: MainWindow) -> None:
    first = type_query(qtbot, window, "Lenh*")
    assert first.total() >= 2
    window.queries.submit("search", search_job("Lukashenko", "relevance", "all"))
    wait_idle(qtbot, window)
    assert window.list_view.model() is first  # an answer to a query no longer typed
    qtbot.keyClicks(window.search_field, " bridge")
    narrower = results_for(qtbot, window, "Lenh* bridge")
    assert 0 < narrower.total() <= first.total()


@pytest.mark.parametrize("text", ['"', "-", "e*", "((", "NEAR(", "\\", "before:someday",
                                  "author:", "title:", "is:nothing", "'; DROP TABLE x; --",
                                  "zzzzqqq", ":::", "-flood -the"])
def test_any_input_is_answered_with_results_or_an_explanation(qtbot, window: MainWindow,
                                                              text: str) -> None:
    window.search_field.setFocus()
    qtbot.keyClicks(window.search_field, text)
    results = results_for(qtbot, window, text.strip())
    if results.total() == 0:
        assert window.list_view.placeholder
    if results.results.hints:
        assert window.search_bar.info.isVisible()
        assert results.results.hints[0] in window.search_bar.info.text()


def test_nothing_found_says_so_and_suggests(qtbot, window: MainWindow) -> None:
    type_query(qtbot, window, "zzzzqqq")
    assert "Nothing matches “zzzzqqq”" in window.list_view.placeholder
    assert window.search_bar.info.text() == "0 matches"


def test_enter_moves_into_the_results(qtbot, window: MainWindow) -> None:
    results = type_query(qtbot, window, "Carrowmere")
    window.list_view.clearSelection()
    window.list_view.setCurrentIndex(results.index(-1, -1))
    press(qtbot, Qt.Key.Key_Return)
    assert window.list_view.hasFocus()
    assert window.current_id == results.article_id(0)


def test_escape_from_the_list_clears_and_brings_back_the_article(qtbot,
                                                               window: MainWindow) -> None:
    before = window.current_id
    results = type_query(qtbot, window, "bridge")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_J)
    assert window.current_id == results.article_id(window.list_view.currentIndex().row())
    assert window.current_id != before
    press(qtbot, Qt.Key.Key_Escape)
    assert window.list_view.model() is window.model
    assert window.current_id == before
    assert window.model.article_id(window.list_view.currentIndex().row()) == before
    assert not window.search_bar.info.isVisible()


def test_matches_are_marked_in_the_reader_and_n_and_p_step_through_them(
        qtbot, window: MainWindow) -> None:
    results = type_query(qtbot, window, "flood")
    press(qtbot, Qt.Key.Key_Return)
    first = window.current_id
    assert first == results.article_id(0)
    qtbot.waitUntil(lambda: len(window.reader_marks.cursors) > 0)
    marks = window.reader_marks
    count = len(marks.cursors)
    assert len(window.reader.extraSelections()) == count
    assert all(c.selectedText().lower().startswith("flood") for c in marks.cursors)
    for expected in range(count):
        press(qtbot, Qt.Key.Key_N)
        assert marks.index == expected
        assert window.reader.textCursor().position() == marks.cursors[expected].selectionStart()
    press(qtbot, Qt.Key.Key_N)  # past the last match here: on to the next result's first
    assert window.current_id == results.article_id(1)
    qtbot.waitUntil(lambda: window.reader_marks.index == 0)
    press(qtbot, Qt.Key.Key_P)  # before the first: back to the last match of the one before
    assert window.current_id == first
    qtbot.waitUntil(lambda: window.reader_marks.index == count - 1)


def test_n_keeps_its_unread_meaning_when_no_words_are_searched(qtbot,
                                                               window: MainWindow) -> None:
    results = type_query(qtbot, window, "is:unread")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_N)
    assert window.current_id == results.article_id(1)
    assert window.reader.extraSelections() == []


def test_results_sort_by_date_title_and_back_to_relevance(qtbot, window: MainWindow,
                                                          library: Library) -> None:
    best = [find(library, "flood").hits[r].id for r in range(3)]
    type_query(qtbot, window, "flood")
    window.actions_by_command["sort_newest"].trigger()
    newest = results_for(qtbot, window, "flood")
    qtbot.waitUntil(lambda: window.list_view.model().order == "newest")
    newest = window.list_view.model()
    dates = [newest.index(r, 1).data() for r in range(newest.total())]
    assert [d for d in dates if d] == sorted((d for d in dates if d), reverse=True)
    assert window.actions_by_command["sort_newest"].isChecked()
    header = window.list_view.horizontalHeader()
    assert header.sortIndicatorSection() == 1
    window.list_view.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # a click on Title
    qtbot.waitUntil(lambda: window.list_view.model().order == "title")
    by_title = window.list_view.model()
    titles = [by_title.index(r, 0).data() for r in range(by_title.total())]
    assert titles == sorted(titles, key=str.casefold)
    window.actions_by_command["sort_relevance"].trigger()
    qtbot.waitUntil(lambda: window.list_view.model().order == "relevance")
    again = window.list_view.model()
    assert [again.article_id(r) for r in range(3)] == best
    assert header.sortIndicatorSection() == -1


def test_the_list_order_is_kept_while_searching(qtbot, window: MainWindow) -> None:
    window.actions_by_command["sort_title"].trigger()
    assert window.model.sort_by.column == "title"
    type_query(qtbot, window, "flood")
    assert window.list_view.model().order == "relevance"
    press(qtbot, Qt.Key.Key_Escape)
    assert window.model.sort_by.column == "title"
    assert window.actions_by_command["sort_title"].isChecked()
    assert not window.actions_by_command["sort_relevance"].isEnabled()


def test_snippets_and_more_hits_arrive_as_rows_come_into_view(qtbot, library: Library,
                                                              tmp_path: Path) -> None:
    write_articles(tmp_path / "many", 230)
    import_paths(library, [tmp_path / "many"])
    window = open_window(qtbot, library, tmp_path / "s.ini")
    try:
        window.resize(900, 400)
        results = type_query(qtbot, window, "harbour")
        assert results.total() == SEARCH_LIMIT < 230
        assert window.search_bar.info.text() == "230 matches"
        far = 150
        assert results.index(far, 0).data(SNIPPET_ROLE) == ""
        window.list_view.scrollTo(results.index(far, 0))
        qtbot.waitUntil(lambda: HIT_START in (results.index(far, 0).data(SNIPPET_ROLE) or ""))
        window.list_view.setFocus()
        press(qtbot, Qt.Key.Key_End)  # to the end of the list: the rest are fetched
        qtbot.waitUntil(lambda: results.total() == 230)
        assert len(set(results.ids())) == 230
        press(qtbot, Qt.Key.Key_End)
        assert window.position_label.text() == "230 of 230 matches"
    finally:
        close_window(window)


def test_searching_within_a_view(qtbot, window: MainWindow, library: Library) -> None:
    results = type_query(qtbot, window, "flood")
    read = results.article_id(0)
    window.open_article(read)  # read at once in these tests
    press(qtbot, Qt.Key.Key_Return)  # into the list, where 2 switches the view
    press(qtbot, Qt.Key.Key_2)
    qtbot.waitUntil(lambda: window.list_view.model() is not results)
    unread = results_for(qtbot, window, "flood")
    ids = [unread.article_id(r) for r in range(unread.total())]
    assert read not in ids
    assert ids == [i for i in results.ids() if not reading_state.get(library, i).read]
    press(qtbot, Qt.Key.Key_3)
    qtbot.waitUntil(lambda: window.list_view.model().total() == 0)
    assert "press 1" in window.list_view.placeholder
    press(qtbot, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: window.list_view.model().total() == results.total())


def test_n_right_after_opening_waits_for_the_matches_of_that_article(
        qtbot, window: MainWindow) -> None:
    results = type_query(qtbot, window, "flood")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_N)  # before the worker has said where the matches are
    qtbot.waitUntil(lambda: window.reader_marks.index == 0)
    assert window.current_id == results.article_id(0)


@pytest.mark.parametrize("key", [Qt.Key.Key_K, Qt.Key.Key_F])
def test_ctrl_k_and_ctrl_f_focus_the_search_field_too(qtbot, window: MainWindow,
                                                      key: Qt.Key) -> None:
    window.search_field.setText("bridge")
    window.list_view.setFocus()
    press(qtbot, key, Qt.KeyboardModifier.ControlModifier)
    assert window.search_field.hasFocus()
    assert window.search_field.selectedText() == "bridge"  # typing replaces the last query
