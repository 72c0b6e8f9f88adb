"""The main window: list, reader and sidebar in splitters, menus from the keymap, drops, status."""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QItemSelectionModel, QModelIndex, QSettings, Qt, QUrl
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDesktopServices,
    QIcon,
)
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from broadsheet.core.article import Article
from broadsheet.core.library import Library
from broadsheet.ui import reading_state, window_state
from broadsheet.ui.accessibility import describe_window
from broadsheet.ui.article_list import AUTHOR, DATE, ArticleListModel, ArticleListView
from broadsheet.ui.drop import DropOverlay
from broadsheet.ui.first_paint import after_first_paint
from broadsheet.ui.history import History
from broadsheet.ui.key_bindings import sequences
from broadsheet.ui.keymap import KEYMAP, MENUS, SEPARATED
from broadsheet.ui.listing import View
from broadsheet.ui.query_worker import QueryRunner
from broadsheet.ui.reader import ReaderView
from broadsheet.ui.reading_state import State
from broadsheet.ui.resources import sample_folder
from broadsheet.ui.sidebar import Sidebar
from broadsheet.ui.welcome import WelcomeView
from broadsheet.ui.window_appearance import AppearanceCommands
from broadsheet.ui.window_commands import ReadingCommands
from broadsheet.ui.window_export import ExportCommands
from broadsheet.ui.window_import import ImportCommands
from broadsheet.ui.window_library import LibraryCommands
from broadsheet.ui.window_reading import StateCommands
from broadsheet.ui.window_saved import SavedCommands
from broadsheet.ui.window_search import SearchCommands
from broadsheet.ui.window_views import ViewCommands, saved_view

if TYPE_CHECKING:
    from broadsheet.core.related import Related
    from broadsheet.ui.import_dialog import ImportDialog

# Commands that only make sense with articles on screen; off while the welcome view shows.
READING_MENUS = ("&Go", "&Article", "&View")
READING_COMMANDS = ("undo", "focus_search", "save_search", "delete_saved_search")


def _related_job(article_id: int, quick: bool = False):
    """A worker job: everything the sidebar shows for one article; with ``quick``, all but
    more like this (``similar`` None)."""
    def job(library: Library) -> tuple[int, Related | None]:
        # On the worker: not paid at start-up.
        from broadsheet.core.related import connections, related

        article = library.get(article_id)
        if article is None:
            return article_id, None
        return article_id, (connections if quick else related)(library, article)
    return job


class MainWindow(ReadingCommands, ImportCommands, SearchCommands, ViewCommands, ExportCommands,
                 StateCommands,  # after ExportCommands: its undo() hands on to this one's
                 SavedCommands, AppearanceCommands, LibraryCommands, QMainWindow):
    """One library, read in three panes."""

    def __init__(self, library: Library, settings: QSettings, icon: QIcon | None = None,
                 parent: QWidget | None = None, *, article_after_paint: bool = False) -> None:
        """``article_after_paint``: open the last article only once the list is on screen,
        as the program does at start-up (tests want it open when the window is made)."""
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.library = library
        self.settings = settings
        self.icon = icon or QIcon()
        self.history = History()
        self.current_id: int | None = None
        self.related_warm = False  # the related worker has answered once: it is quick now
        self.positions: dict[int, float] = {}  # written by the worker; read back from here
        self.import_dialog: ImportDialog | None = None
        self.library_header: QByteArray | None = None  # column widths kept while searching
        self.queries = QueryRunner(library.path, self)
        self.queries.answered.connect(self._on_answer)
        self.queries.failed.connect(self._on_query_failed)
        # Its own thread: more like this can take seconds the first time on a large library,
        # and searches and reading-state writes must not queue behind it.
        self.related_queries = QueryRunner(library.path, self)
        self.related_queries.answered.connect(self._on_answer)
        self.related_queries.failed.connect(self._on_query_failed)
        saved = window_state.load(settings)
        self.model = ArticleListModel(library, saved.sort, self, View(saved_view(settings)))
        self._build_reading()
        self._build_panes()
        self._build_status()
        describe_window(self)
        self.actions_by_command = self._build_actions()
        self._connect_search()
        self._build_saved()
        self._build_export()
        self._group_view_actions()
        self._sync_view_actions()
        self._sync_sort_actions()
        self._recount()
        self.overlay = DropOverlay(self)
        self.setAcceptDrops(True)
        # The look first: the last article is then laid out once, in its own typography.
        self._build_appearance()
        self._restore(saved, article_after_paint)
        self._show_library_or_welcome()
        if not self.showing_welcome():
            self.list_view.setFocus(Qt.FocusReason.OtherFocusReason)
        self._build_import_warm_up()
        if note := library.migration_note():
            # Left up until something else is said: where the old copy went matters.
            self.statusBar().showMessage(note)
        # What start-up made lives as long as the window: keep it out of the collector's full
        # passes, which otherwise walk it all and stall the window 25-60 ms each time.
        gc.freeze()

    # -- building ----------------------------------------------------------------------

    def _build_panes(self) -> None:
        search_bar = self._build_search_bar()
        self.list_view = ArticleListView()
        self.list_view.setModel(self.model)
        self.list_view.article_chosen.connect(self.open_article)
        self.list_view.horizontalHeader().sortIndicatorChanged.connect(self._after_sort)
        list_pane = QWidget()
        list_pane.setObjectName("listPane")
        column = QVBoxLayout(list_pane)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(search_bar)
        column.addWidget(self.list_view)
        self.reader = ReaderView()
        self.reader.article_link_clicked.connect(self.open_article)
        self.reader.external_link_clicked.connect(self._confirm_external)
        self.reader.link_refused.connect(self._refuse_link)
        self.sidebar = Sidebar()
        self.sidebar.article_chosen.connect(self.open_article)
        self.sidebar.search_requested.connect(self.search_for)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("panes")
        self.splitter.setChildrenCollapsible(False)
        for pane, stretch in ((list_pane, 0), (self.reader, 1), (self.sidebar, 0)):
            self.splitter.addWidget(pane)
            self.splitter.setStretchFactor(self.splitter.count() - 1, stretch)
        for widget in (self.list_view, self.reader, self.sidebar):
            widget.setAcceptDrops(False)
            widget.viewport().setAcceptDrops(False)
        self.welcome = WelcomeView(self.icon, sample_folder() is not None)
        self.welcome.import_files_clicked.connect(self.import_files)
        self.welcome.import_folder_clicked.connect(self.import_folder)
        self.welcome.sample_clicked.connect(self.open_sample)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.welcome)
        self.stack.addWidget(self.splitter)
        self.setCentralWidget(self.stack)
        self.setWindowTitle("Broadsheet")

    def _build_status(self) -> None:
        self.count_label = QLabel()
        self.position_label = QLabel()
        self.import_label = QLabel()
        self.import_label.hide()
        for label in (self.import_label, self.position_label, self.count_label):
            label.setContentsMargins(8, 0, 8, 0)
            self.statusBar().addPermanentWidget(label)

    def _build_actions(self) -> dict[str, QAction]:
        """One QAction per keymap entry, in its menu, with its shortcuts shown there."""
        menus = {name: self.menuBar().addMenu(name) for name in MENUS}
        actions: dict[str, QAction] = {}
        for item in KEYMAP:
            action = QAction(item.label, self)
            action.setObjectName(item.command)
            action.setShortcuts(sequences(item))
            action.setCheckable(item.checkable)
            action.triggered.connect(getattr(self, item.command))
            if item.command in SEPARATED and menus[item.menu].actions():
                menus[item.menu].addSeparator()
            menus[item.menu].addAction(action)
            self.addAction(action)  # shortcuts work even while the menu bar is hidden
            actions[item.command] = action
        return actions

    # -- library or welcome ------------------------------------------------------------

    def _show_library_or_welcome(self) -> None:
        empty = not self.view_counts.get("all") and not self.search_field.text()
        self.stack.setCurrentWidget(self.welcome if empty else self.splitter)
        for item in KEYMAP:
            if item.menu in READING_MENUS or item.command in READING_COMMANDS:
                self.actions_by_command[item.command].setEnabled(not empty)
        if empty:
            self.welcome.files_button.setFocus()
        self._update_status()

    def showing_welcome(self) -> bool:
        """True while the empty-library view is up."""
        return self.stack.currentWidget() is self.welcome

    # -- opening articles ---------------------------------------------------------------

    def open_article(self, article_id: int, record_history: bool = True) -> bool:
        """Show an article in the reader and sidebar, select it, and mark it read."""
        if article_id == self.current_id:
            return True
        article = self.library.get(article_id)
        if article is None:
            self.statusBar().showMessage(f"Article {article_id} is not in the library.", 5000)
            return False
        self._leave_current()
        self.current_id = article_id
        self._show(article)
        if record_history:
            self.history.visit(article_id)
        row = self.list_view.model().row_of(article_id)
        if row is not None and self.list_view.currentIndex().row() != row:
            self.list_view.select_row(row)
        self._update_status()
        return True

    def _show(self, article: Article) -> None:
        assert article.id is not None
        # First: the workers look up related articles while this thread lays out this one.
        self._ask_related(article.id)
        self.reader.show_article(article)
        self.sidebar.show_article(article)
        position = self.positions.get(article.id)
        if position is None:
            position = reading_state.get(self.library, article.id).position
        if position:
            self.reader.set_position(position)
        self._opened(article.id)
        self.setWindowTitle(f"{article.title} — Broadsheet")

    def refresh_current(self) -> None:
        """Show the open article again, where it was scrolled to, with fresh links."""
        article = self.library.get(self.current_id) if self.current_id is not None else None
        if article is None or article.id is None:
            return
        position = self.reader.position()
        self.reader.show_article(article)
        self.reader.set_position(position)
        self.sidebar.show_article(article)
        self._ask_related(article.id)

    def _ask_related(self, article_id: int) -> None:
        self.related_queries.submit("related", _related_job(article_id))
        if not self.related_warm:
            # The first answer reads the library's word frequencies for more like this (15 s
            # at 1,000,000 articles): meanwhile the other worker brings links and same story.
            self.queries.submit("connections", _related_job(article_id, quick=True))

    def _leave_current(self) -> None:
        """Remember how far down the article being left was read."""
        if self.current_id is not None:
            position = self.reader.position()
            article_id = self.current_id
            self.positions[article_id] = position
            self.queries.submit("write", lambda lib: reading_state.set_position(
                lib, article_id, position), latest_only=False)

    def _set_state(self, article_id: int, *, read: bool | None = None,
                   starred: bool | None = None) -> None:
        """Change reading state on screen now, and in the library on the worker."""
        model = self.list_view.model()
        old = model.state(article_id)
        new = State(old.read if read is None else read,
                    old.starred if starred is None else starred, old.position)
        if new != old:
            for each in (model, self.model) if model is not self.model else (model,):
                each.set_state(article_id, new)
            self._write_state(article_id, old, new)
            self._count_change(old.read, new.read, old.starred, new.starred)
            self._update_status()
            self.saved_recount.start()
        if article_id == self.current_id:
            self.actions_by_command["toggle_read"].setChecked(new.read)
            self.actions_by_command["toggle_star"].setChecked(new.starred)

    def _write_state(self, article_id: int, old: State, new: State) -> None:
        # On the worker: an import holding the write lock must not freeze the window.
        if new.read != old.read:
            self.queries.submit("write", lambda lib: reading_state.set_read(
                lib, article_id, new.read), latest_only=False)
        if new.starred != old.starred:
            self.queries.submit("write", lambda lib: reading_state.set_starred(
                lib, article_id, new.starred), latest_only=False)

    def _on_answer(self, kind: str, result: object) -> None:
        if kind in ("related", "connections"):
            article_id, found = result
            self.related_warm |= kind == "related"
            if article_id == self.current_id and found is not None:
                self.sidebar.set_related(found)
        elif kind == "search":
            self._show_results(*result)
        elif kind == "more":
            self._got_more(*result)
        elif kind == "snippets":
            self._got_snippets(*result)
        elif kind == "marks":
            self._show_marks(*result)
        elif kind in ("saved", "saved_change"):
            self._show_saved(result)
        elif kind == "mark_all":
            self._marked_all(result)
        elif kind == "reread":
            self._reread()

    def _on_query_failed(self, kind: str, message: str) -> None:
        self.statusBar().showMessage(f"Could not read the library: {message}", 10000)

    def _after_sort(self) -> None:
        """A new order resets the list: find the open article in it again."""
        if self.list_view.model() is self.model:
            self._select_current()
        self._sync_sort_actions()
        self._update_status()

    # -- links -------------------------------------------------------------------------

    def _confirm_external(self, url: QUrl) -> None:
        answer = QMessageBox.question(
            self, "Open in your web browser?",
            f"This link leaves Broadsheet:\n\n{url.toString()}\n\nOpen it in your web browser?",
            QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Open:
            QDesktopServices.openUrl(url)

    def _refuse_link(self, url: QUrl) -> None:
        self.statusBar().showMessage(
            f"Not opened: {url.scheme() or 'this kind of'} links are not followed.", 6000)

    # -- status and persistence -----------------------------------------------------------

    def _update_status(self) -> None:
        self.count_label.setText(self._counts_text())
        model = self.list_view.model()
        row = self._current_row()
        if row >= 0:
            of = model.results.total_text if self.searching() else f"{model.total():,}"
            self.position_label.setText(f"{row + 1:,} of {of}")
        else:
            self.position_label.setText("")

    def _restore(self, saved: window_state.WindowState, article_after_paint: bool) -> None:
        if saved.geometry is None or not self.restoreGeometry(saved.geometry):
            self.resize(1280, 800)
        if saved.splitter is None or not self.splitter.restoreState(saved.splitter):
            self.splitter.setSizes([440, 600, 280])
        header = self.list_view.horizontalHeader()
        if saved.header is None or not header.restoreState(saved.header):
            header.resizeSection(DATE, 96)
            header.resizeSection(AUTHOR, 120)
        self._apply_sort_indicator()
        self.reader.zoom(saved.zoom)
        if not self.model.total():
            return
        if article_after_paint:
            # The first frame needs only the list: laying out an article, and loading the
            # sanitizer for it, would hold the window back by about a tenth of a second.
            # Meanwhile the list has a current row, quietly: taking the focus, it would
            # otherwise choose its first row itself, and open it.
            self._set_current_quietly(self.list_view.model().index(0, 0))
            after_first_paint(self.list_view.viewport(),
                              lambda: self._open_first(saved.last_article))
        else:
            self._open_first(saved.last_article)

    def _open_first(self, last_article: int | None) -> None:
        """The article read last, or else the first in the list; nothing if one is open."""
        if self.current_id is not None:
            return  # the reader has moved on already
        self._set_current_quietly(QModelIndex())  # so that choosing the first row opens it
        if last_article is not None:
            self.open_article(last_article)
        if self.current_id is None and self.model.total():
            self.go_to_row(0)

    def _set_current_quietly(self, index: QModelIndex) -> None:
        selection = self.list_view.selectionModel()
        quiet = selection.blockSignals(True)
        selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
        selection.blockSignals(quiet)

    def current_state(self) -> window_state.WindowState:
        """What would be saved right now."""
        return window_state.WindowState(
            geometry=self.saveGeometry(), splitter=self.splitter.saveState(),
            header=(self.list_view.horizontalHeader().saveState()
                    if self.list_view.model() is self.model else self.library_header),
            sort=self.model.sort_by,
            zoom=self.reader.zoom_step, last_article=self.current_id)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """Save the window's state, finish pending writes, stop the workers."""
        self.leave_full_screen()  # the geometry saved is the normal window's
        window_state.save(self.settings, self.current_state())
        self._leave_current()
        if self.import_dialog is not None:
            self.import_dialog.shutdown()
            self.import_dialog.hide()  # a visible dialog would keep the application running
        self._end_view_export()
        self.queries.stop()
        self.related_queries.stop(abandon=True)
        super().closeEvent(event)
