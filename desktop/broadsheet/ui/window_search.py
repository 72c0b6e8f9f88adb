"""The window's searching: the field as you type, results in the list, hits in the reader."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QWidget

from broadsheet.core.library import Library
from broadsheet.core.search import Results, find, matched_words, snippets_for
from broadsheet.ui import reading_state
from broadsheet.ui.article_list import COLUMNS, ArticleListModel
from broadsheet.ui.reader_marks import ReaderMarks
from broadsheet.ui.search_bar import SearchBar
from broadsheet.ui.search_results import SearchResultsModel
from broadsheet.ui.snippet_delegate import SnippetDelegate

if TYPE_CHECKING:
    from broadsheet.ui.main_window import MainWindow

SEARCH_DELAY_MS = 200  # typing pauses this long before the search runs
SEARCH_LIMIT = 200  # hits listed at first; scrolling to the end fetches more
EMPTY_VIEW = {
    "unread": "Nothing unread here. Press 1 to see all articles.",
    "starred": "No starred articles yet. Press s to star the article you are reading.",
}


def search_job(text: str, order: str, view: str, limit: int = SEARCH_LIMIT):
    """A worker job: the results of a query, with their reading state."""
    def job(library: Library) -> tuple[str, str, str, Results, dict]:
        results = find(library, text, limit=limit, order=order,
                       state=None if view == "all" else view)
        states = reading_state.flags(library, (h.id for h in results.hits))
        return text, order, view, results, states
    return job


def _snippets_job(match: str, ids: list[int]):
    return lambda library: (match, snippets_for(library, match, ids))


def _marks_job(match: str, article_id: int):
    return lambda library: (match, article_id, matched_words(library, match, article_id))


class SearchCommands:
    """Mixed into MainWindow: the search bar, the results model and n/p through hits."""

    def _build_search_bar(self: MainWindow) -> QWidget:
        self.search_bar = SearchBar()
        self.search_field = self.search_bar.field
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self._run_search)
        self.search_field.textChanged.connect(self._on_search_edited)
        self.search_field.returnPressed.connect(self._enter_results)
        self.search_order = "relevance"
        self.before_search: int | None = None  # selected when the search began
        self.jump_to_hit: bool | None = None  # n/p crossed into this article: first/last hit
        self.marks_pending = False  # asked the worker for this article's matches
        return self.search_bar

    def _connect_search(self: MainWindow) -> None:
        self.reader_marks = ReaderMarks(self.reader)
        self.list_view.setItemDelegateForColumn(COLUMNS.index("title"),
                                                SnippetDelegate(self.list_view))

    # -- typing ---------------------------------------------------------------------------

    def searching(self: MainWindow) -> bool:
        """True while the list shows search results."""
        return isinstance(self.list_view.model(), SearchResultsModel)

    def search_text(self: MainWindow) -> str:
        """The query as typed, trimmed."""
        return self.search_field.text().strip()

    def _on_search_edited(self: MainWindow, text: str) -> None:
        if text.strip():
            if not self.searching() and self.before_search is None:
                self.before_search = self.current_id
            self.search_timer.start()
        else:
            self._leave_search()

    def _run_search(self: MainWindow) -> None:
        """Ask the worker for results now (typing pauses, a new order or view)."""
        self.search_timer.stop()
        text = self.search_text()
        if not text:
            self._leave_search()
            return
        self.queries.submit("search", search_job(text, self.search_order, self.model.view.name))

    def _show_results(self: MainWindow, text: str, order: str, view: str, results: Results,
                      states: dict) -> None:
        if (text, order, view) != (self.search_text(), self.search_order, self.model.view.name):
            return  # typed on, or the order or view changed since: a newer answer is coming
        model = SearchResultsModel(text, results, states, self, order)
        model.snippets_wanted.connect(self._want_snippets)
        model.sort_requested.connect(self._sort_search)
        model.more_wanted.connect(self._want_more)
        self._use_model(model)
        self.search_bar.say(results.total_text, results.hints)
        self.list_view.set_placeholder(self._nothing_found(text, results))
        self._request_marks()

    def _nothing_found(self: MainWindow, text: str, results: Results) -> str:
        if results.hits:
            return ""
        if results.match is None and not results.total and results.hints and not any(
                c.isalnum() for c in text.replace("is:", "").replace(":", " ")):
            return "Type a word to search for."
        lines = [f"Nothing matches “{text}”."]
        if self.model.view.name != "all":
            lines.append(f"Only {self.model.view.name} articles are searched: press 1 to"
                         " search them all.")
        lines.append("Fewer words, or a word ending in * (elect* finds election and"
                     " electric), find more.")
        return "\n\n".join(lines)

    def _leave_search(self: MainWindow) -> None:
        """Back to the whole list, with the article chosen before the search."""
        self.search_timer.stop()
        self.search_bar.say()
        self.search_order = "relevance"
        self.reader_marks.clear()
        if self.searching():
            self._use_model(self.model)
        before, self.before_search = self.before_search, None
        if before is not None and before != self.current_id:
            self.open_article(before)
        self._show_view_placeholder()

    def search_for(self: MainWindow, text: str) -> None:
        """Search for these words now (a READ: line not in the library), ready to refine."""
        self.search_field.setText(text)
        self._run_search()
        self.search_field.setFocus(Qt.FocusReason.OtherFocusReason)

    def clear_search(self: MainWindow) -> None:
        """Empty the field; the list and selection go back to how they were."""
        self.search_field.clear()
        self._leave_search()

    def _enter_results(self: MainWindow) -> None:
        """Enter in the field: into the list, on the best match unless one was chosen."""
        self.focus_into_list()

    def focus_into_list(self: MainWindow) -> None:
        """Focus the list on the best match, or on the result already chosen with the arrows."""
        if self.search_timer.isActive():
            self._run_search()
        self.list_view.setFocus(Qt.FocusReason.ShortcutFocusReason)
        chosen = self._current_row() >= 0 and (
            not self.searching() or self.current_id != self.before_search)
        if not chosen and self.list_view.model().total():
            self.go_to_row(0)

    # -- results in the list --------------------------------------------------------------

    def _use_model(self: MainWindow, model: ArticleListModel | SearchResultsModel) -> None:
        old = self.list_view.model()
        old_selection = self.list_view.selectionModel()
        header = self.list_view.horizontalHeader()
        if old is self.model:
            self.library_header = header.saveState()  # setModel resets the column widths
        self.list_view.setSortingEnabled(False)
        self.list_view.setModel(model)
        if self.library_header is not None:
            header.restoreState(self.library_header)
        self._apply_sort_indicator()
        self.list_view.setSortingEnabled(True)
        if old_selection is not None:
            old_selection.deleteLater()
        if isinstance(old, SearchResultsModel) and old is not model:
            old.deleteLater()
        self._select_current()
        self._sync_sort_actions()
        self._update_status()

    def _want_more(self: MainWindow, limit: int) -> None:
        model = self.list_view.model()
        if isinstance(model, SearchResultsModel):
            self.queries.submit("more", search_job(model.query, model.order,
                                                   self.model.view.name, limit))

    def _got_more(self: MainWindow, text: str, order: str, view: str, results: Results,
                  states: dict) -> None:
        model = self.list_view.model()
        if (isinstance(model, SearchResultsModel) and (text, order) == (model.query, model.order)
                and view == self.model.view.name):
            model.extend(results, states)
            self._update_status()

    def _want_snippets(self: MainWindow, ids: list[int]) -> None:
        model = self.list_view.model()
        if isinstance(model, SearchResultsModel) and model.results.match:
            self.queries.submit("snippets", _snippets_job(model.results.match, ids),
                                latest_only=False)

    def _got_snippets(self: MainWindow, match: str, snippets: dict[int, str]) -> None:
        model = self.list_view.model()
        if isinstance(model, SearchResultsModel) and model.results.match == match:
            model.set_snippets(snippets)

    # -- hits in the reader ---------------------------------------------------------------

    def _current_match(self: MainWindow) -> str | None:
        model = self.list_view.model()
        return model.results.match if isinstance(model, SearchResultsModel) else None

    def _request_marks(self: MainWindow) -> None:
        """Mark the search's words in the open article (worked out on the worker)."""
        self.reader_marks.clear()
        match = self._current_match()
        self.marks_pending = bool(match and self.current_id is not None)
        if match and self.current_id is not None:
            self.queries.submit("marks", _marks_job(match, self.current_id))

    def _show_marks(self: MainWindow, match: str, article_id: int, words: list[str]) -> None:
        if article_id != self.current_id or match != self._current_match():
            return
        self.marks_pending = False
        found = self.reader_marks.show(words)
        jump, self.jump_to_hit = self.jump_to_hit, None
        if found and jump is not None:
            self.reader_marks.go_to(0 if jump else found - 1)
        if found:
            self.statusBar().showMessage(
                f"{found} match{'es' if found != 1 else ''} in this article: n and p step"
                " through them.", 5000)

    def step_hit(self: MainWindow, forward: bool) -> bool:
        """n/p while searching: the next match here, or the first in the next result.

        False when not searching for words, so n/p keep their unread meaning.
        """
        if self._current_match() is None or self.current_id is None:
            return False
        if self.marks_pending:  # this article's matches are on their way: start there
            self.jump_to_hit = forward
            return True
        if self.reader_marks.step(forward):
            return True
        row = self._current_row() + (1 if forward else -1)
        if not self.go_to_row(row):
            self.statusBar().showMessage(
                "That was the last match." if forward else "This is the first match.", 3000)
            return True
        self.jump_to_hit = forward
        return True

    def _after_import(self: MainWindow) -> None:
        """New articles: counts, saved searches' unread counts, and a search under way."""
        self._recount()
        self.refresh_saved()
        if self.searching():
            self._run_search()

    # -- order ------------------------------------------------------------------------------

    def _sort_search(self: MainWindow, order: str) -> None:
        """Search again for the best hits in another order."""
        if order != self.search_order:
            self.search_order = order
            self._apply_sort_indicator()
            self._sync_sort_actions()
            self._run_search()
