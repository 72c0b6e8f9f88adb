"""The list models: Qt's model tester, lazy pages, and every sort order against the library."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt

from broadsheet.core.importer import import_paths
from broadsheet.core.library import Library
from broadsheet.core.search import search
from broadsheet.ui import listing, reading_state
from broadsheet.ui.article_list import COLUMNS, ID_ROLE, PAGE, ArticleListModel
from broadsheet.ui.listing import Sort
from broadsheet.ui.search_results import SearchResultsModel
from ui_support import seed, write_articles


def all_ids(model: ArticleListModel) -> list[int]:
    model.ensure_loaded(model.total() - 1)
    return [model.article_id(row) for row in range(model.rowCount())]


def test_list_model_passes_the_model_tester(qtmodeltester, library: Library) -> None:
    seed(library)
    qtmodeltester.check(ArticleListModel(library))


def test_empty_list_model_passes_the_model_tester(qtmodeltester, library: Library) -> None:
    qtmodeltester.check(ArticleListModel(library))


def test_search_model_passes_the_model_tester(qtmodeltester, library: Library) -> None:
    seed(library)
    hits = search(library, "Carrowmere", 50)
    assert hits
    states = reading_state.flags(library, (h.id for h in hits))
    qtmodeltester.check(SearchResultsModel("Carrowmere", hits, states))


@pytest.fixture
def big(library: Library, tmp_path: Path) -> Library:
    """A library with a few pages of articles."""
    write_articles(tmp_path / "many", PAGE * 2 + 37)
    import_paths(library, [tmp_path / "many"])
    return library


def test_every_row_is_counted_but_only_the_pages_shown_are_read(big: Library) -> None:
    model = ArticleListModel(big)
    assert model.rowCount() == PAGE * 2 + 37 == model.total()
    assert model.pages_held() == 0
    expected = [r.id for r in big.iter_rows("newest")]
    assert model.index(PAGE + 5, 0).data(ID_ROLE) == expected[PAGE + 5]
    assert model.pages_held() == 1


def test_the_last_row_is_read_without_the_rows_before_it(big: Library) -> None:
    model = ArticleListModel(big)
    last = model.total() - 1
    assert model.ensure_loaded(last)
    assert model.pages_held() == 1
    assert model.article_id(last) == next(big.iter_rows("oldest")).id
    assert not model.ensure_loaded(last + 1)


def test_only_the_latest_pages_are_kept(big: Library) -> None:
    model = ArticleListModel(big)
    model.kept_pages = 2
    expected = [r.id for r in big.iter_rows("newest")]
    for row in (0, PAGE, PAGE * 2, 0):
        assert model.article_id(row) == expected[row]
    assert model.pages_held() == 2
    assert model.row_of(expected[PAGE + 1]) == PAGE + 1  # found again when not held


@pytest.mark.parametrize("column", COLUMNS)
@pytest.mark.parametrize("descending", [False, True])
def test_every_sort_matches_the_library(big: Library, column: str, descending: bool) -> None:
    sort = Sort(column, descending)
    model = ArticleListModel(big, sort)
    shown = all_ids(model)
    expected = [r.id for r in big.iter_rows(sort.order)]
    assert shown == (expected[::-1] if sort.reversed else expected)
    assert len(set(shown)) == big.count()
    some = shown[PAGE + 3]
    assert listing.row_of(big, sort, some, big.count()) == PAGE + 3


def test_sorting_through_qt_rereads_the_list(library: Library) -> None:
    seed(library)
    model = ArticleListModel(library)
    model.sort(COLUMNS.index("title"), Qt.SortOrder.AscendingOrder)
    titles = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert titles == sorted(titles, key=str.casefold)
    model.sort(COLUMNS.index("title"), Qt.SortOrder.DescendingOrder)
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == titles[::-1]


def test_unread_rows_are_bold_and_found_in_order(library: Library) -> None:
    seed(library)
    model = ArticleListModel(library)
    ids = all_ids(model)
    reading_state.set_read(library, ids[1], True)
    reading_state.set_read(library, ids[2], True)
    model.refresh()
    assert model.index(0, 0).data(Qt.ItemDataRole.FontRole).bold()
    assert model.index(1, 0).data(Qt.ItemDataRole.FontRole) is None
    assert model.unread_row(0) == 3
    assert model.unread_row(3, forward=False) == 0
    assert model.index(3, 0).data(ID_ROLE) == ids[3]
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.data(QModelIndex()) is None


@pytest.mark.parametrize("column", COLUMNS)
@pytest.mark.parametrize("descending", [False, True])
def test_rows_and_next_unread_agree_with_the_whole_list(library: Library, column: str,
                                                        descending: bool) -> None:
    # The seeds have articles without an author or a date: those sort as NULLs do.
    seed(library)
    model = ArticleListModel(library, Sort(column, descending))
    shown = all_ids(model)
    assert [model.row_of(i) for i in shown] == list(range(len(shown)))
    read = (1, 4, 5, 9)
    for row in read:
        reading_state.set_read(library, shown[row], True)
    model.refresh()
    unread = [r for r in range(len(shown)) if r not in read]
    for after in range(-1, len(shown) + 1):
        assert model.unread_row(after) == next((r for r in unread if r > after), None)
        assert model.unread_row(after, forward=False) == next(
            (r for r in reversed(unread) if r < after), None)
