"""The window's reading state: read after a dwell, mark all read, and undo."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from broadsheet.core.library import Library
from broadsheet.ui import reading_state
from broadsheet.ui.search_results import SearchResultsModel

if TYPE_CHECKING:
    from broadsheet.ui.main_window import MainWindow

DWELL_KEY = "reading/dwell_ms"
DWELL_MS = 1500  # an article on screen this long counts as read; 0 marks it at once
UNDO_LIMIT = 100


@dataclass(frozen=True, slots=True)
class Change:
    """What undo puts back: these articles' read and/or starred flags as they were."""

    what: str
    ids: tuple[int, ...]
    read: bool | None = None
    starred: bool | None = None


def _mark_all_job(where: str, params: list[object]):
    return lambda library: reading_state.mark_read_where(library, where, params)


def _set_read_job(ids: list[int], read: bool):
    def job(library: Library) -> None:
        reading_state.set_read_many(library, ids, read)
    return job


class StateCommands:
    """Mixed into MainWindow: m, s, Shift+M, Ctrl+Z and the dwell before an article is read."""

    def _build_reading(self: MainWindow) -> None:
        self.undo_stack: list[Change] = []
        self.dwell_timer = QTimer(self)
        self.dwell_timer.setSingleShot(True)
        self.dwell_timer.timeout.connect(self._dwell_elapsed)
        self.view_counts: dict[str, int] = {}

    def dwell_ms(self: MainWindow) -> int:
        """How long an article stays open before it counts as read (QSettings)."""
        return self.settings.value(DWELL_KEY, DWELL_MS, type=int)

    def _opened(self: MainWindow, article_id: int) -> None:
        """An article is on screen: start the dwell, show its state, mark search hits."""
        state = self.known_state(article_id)
        self.actions_by_command["toggle_read"].setChecked(state.read)
        self.actions_by_command["toggle_star"].setChecked(state.starred)
        self.dwell_timer.stop()
        if not state.read:
            if self.dwell_ms() <= 0:
                self._set_state(article_id, read=True)
            else:
                self.dwell_timer.start(self.dwell_ms())
        self._request_marks()

    def known_state(self: MainWindow, article_id: int) -> reading_state.State:
        """The state shown for an article; read from the library if the list has not got it.

        An article opened from a link may not be in the list; what the library says about
        it is then passed to the models, so changes start from the truth.
        """
        model = self.list_view.model()
        if model.knows(article_id):
            return model.state(article_id)
        state = reading_state.get(self.library, article_id)
        for each in {id(m): m for m in (model, self.model)}.values():
            if not each.knows(article_id):
                each.set_state(article_id, state)
        return state

    def _dwell_elapsed(self: MainWindow) -> None:
        if self.current_id is not None:
            self._set_state(self.current_id, read=True)

    # -- commands ---------------------------------------------------------------------------

    def toggle_read(self: MainWindow) -> None:
        """m: mark the article read or unread."""
        if self.current_id is not None:
            self.dwell_timer.stop()  # the reader said so: the dwell does not overrule it
            state = self.list_view.model().state(self.current_id)
            self._remember(Change("mark as read" if not state.read else "mark as unread",
                                  (self.current_id,), read=state.read))
            self._set_state(self.current_id, read=not state.read)

    def toggle_star(self: MainWindow) -> None:
        """s: star or unstar the article."""
        if self.current_id is not None:
            state = self.list_view.model().state(self.current_id)
            self._remember(Change("unstar" if state.starred else "star", (self.current_id,),
                                  starred=state.starred))
            self._set_state(self.current_id, starred=not state.starred)

    def mark_all_read(self: MainWindow) -> None:
        """Shift+M: every article in the list as shown now is read (Ctrl+Z undoes it)."""
        self.dwell_timer.stop()
        model = self.list_view.model()
        if isinstance(model, SearchResultsModel):
            ids = [i for i in model.ids() if not model.state(i).read]
            for article_id in ids:
                self._show_state(article_id, read=True)
            self.queries.submit("write", _set_read_job(ids, True), latest_only=False)
            self._marked_all(ids)
            return
        where, params = self.model.view.where()
        self.queries.submit("mark_all", _mark_all_job(where, params), latest_only=False)

    def _marked_all(self: MainWindow, ids: list[int]) -> None:
        """After Shift+M: say how many, and let Ctrl+Z take it back."""
        if not ids:
            self.statusBar().showMessage("Everything in this list was read already.", 4000)
            return
        self._remember(Change("mark all read", tuple(ids), read=False))
        self._recount_after_writes()
        self.statusBar().showMessage(
            f"Marked {len(ids):,} article{'s' if len(ids) != 1 else ''} read."
            " Ctrl+Z marks them unread again.", 8000)

    def undo(self: MainWindow) -> None:
        """Ctrl+Z: put back the reading state as it was before the last change."""
        if not self.undo_stack:
            self.statusBar().showMessage("Nothing to undo.", 3000)
            return
        change = self.undo_stack.pop()
        if len(change.ids) == 1:
            self._set_state(change.ids[0], read=change.read, starred=change.starred)
            if change.ids[0] == self.current_id:
                self.dwell_timer.stop()
        else:
            self._undo_many(change)
        self.statusBar().showMessage(f"Undone: {change.what}.", 5000)

    def _undo_many(self: MainWindow, change: Change) -> None:
        ids = list(change.ids)
        self.dwell_timer.stop()
        self.queries.submit("write", _set_read_job(ids, bool(change.read)), latest_only=False)
        if isinstance(self.list_view.model(), SearchResultsModel):
            for article_id in ids:
                self._show_state(article_id, read=bool(change.read))
        self._recount_after_writes()

    def _remember(self: MainWindow, change: Change) -> None:
        self.undo_stack.append(change)
        del self.undo_stack[:-UNDO_LIMIT]

    def _recount_after_writes(self: MainWindow) -> None:
        """Recount once the worker has written what was queued before this."""
        self.queries.submit("reread", lambda library: None, latest_only=False)

    def _reread(self: MainWindow) -> None:
        """The worker finished the writes queued before: read the list and counts again."""
        if not self.searching():
            self.model.refresh()
            self._select_current()
        self._recount()
        self.saved_recount.start()

    def _show_state(self: MainWindow, article_id: int, *, read: bool) -> None:
        """Show a state on screen only (the caller writes it in bulk)."""
        model = self.list_view.model()
        old = model.state(article_id)
        new = reading_state.State(read, old.starred, old.position)
        for each in {id(m): m for m in (model, self.model)}.values():
            each.set_state(article_id, new)
