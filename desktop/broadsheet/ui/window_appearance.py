"""The window's looks: theme, typography, layout, full screen, find in the article, Preferences."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QActionGroup, QKeySequence
from PySide6.QtWidgets import QApplication

from broadsheet.ui import typography
from broadsheet.ui.find_bar import FindBar
from broadsheet.ui.key_bindings import sequences
from broadsheet.ui.keymap import binding
from broadsheet.ui.theme import THEME_KEY, Theme
from broadsheet.ui.window_reading import DWELL_KEY

if TYPE_CHECKING:
    from broadsheet.ui.main_window import MainWindow
    from broadsheet.ui.preferences import Choices, PreferencesDialog

LIST_ABOVE_KEY = "layout/list_above"
SIDEBAR_KEY = "layout/sidebar"
THEME_COMMANDS = {"set_theme_system": "system", "set_theme_light": "light",
                  "set_theme_dark": "dark", "set_theme_sepia": "sepia"}
BESIDE_SHARES = (0.33, 0.45, 0.22)  # list, reader, sidebar: of the width
ABOVE_SHARES = (0.3, 0.55, 0.15)  # of the height


@dataclass(frozen=True, slots=True)
class _Chrome:
    """What full screen hid, to put back as it was."""

    state: Qt.WindowState
    list_pane: bool
    sidebar: bool
    menu_bar: bool
    status_bar: bool


class AppearanceCommands:
    """Mixed into MainWindow: themes, text, panes, F11, Ctrl+F in the reader, Preferences."""

    def _build_appearance(self: MainWindow) -> None:
        """Read the appearance settings and apply them; call once the panes and actions exist."""
        self.chrome: _Chrome | None = None  # set while reading full screen
        self.preferences_dialog: PreferencesDialog | None = None
        self.find_bar = FindBar(self.reader)
        self.find_bar.closed.connect(self._find_closed)
        group = QActionGroup(self)
        for command in THEME_COMMANDS:
            group.addAction(self.actions_by_command[command])
        self.typography = typography.load(self.settings)
        self._lay_out(self.settings.value(LIST_ABOVE_KEY, False, type=bool))
        self._show_sidebar(self.settings.value(SIDEBAR_KEY, True, type=bool))
        self.theme = Theme(self)
        self.theme.changed.connect(self._apply_look)
        self.theme.choose(self.settings.value(THEME_KEY, "system", type=str))

    # -- applying ----------------------------------------------------------------------

    def _apply_look(self: MainWindow) -> None:
        """Typography and theme colours into the reader and the list."""
        css = typography.reader_css(self.typography, self.theme.ink)
        self.reader.set_look(self.typography, css)
        self.list_view.setFont(typography.list_font(self.typography, QApplication.font()))
        for command, name in THEME_COMMANDS.items():
            self.actions_by_command[command].setChecked(name == self.theme.choice)
        if self.searching():
            self._request_marks()  # setting the article again took its marks away

    def _lay_out(self: MainWindow, above: bool) -> None:
        """The list beside the reader (columns) or above it (rows)."""
        wanted = Qt.Orientation.Vertical if above else Qt.Orientation.Horizontal
        if self.splitter.orientation() != wanted:
            self.splitter.setOrientation(wanted)
            # Before the window is first shown the splitter has no size yet; the window has.
            length = self.height() if above else self.width()
            shares = ABOVE_SHARES if above else BESIDE_SHARES
            self.splitter.setSizes([round(length * share) for share in shares])
        self.actions_by_command["toggle_layout"].setChecked(above)

    def _show_sidebar(self: MainWindow, shown: bool) -> None:
        self.sidebar.setVisible(shown)
        self.actions_by_command["toggle_sidebar"].setChecked(shown)

    def list_above(self: MainWindow) -> bool:
        """True when the list is laid out above the reader."""
        return self.splitter.orientation() == Qt.Orientation.Vertical

    def sidebar_shown(self: MainWindow) -> bool:
        """True unless the sidebar was switched off (full screen hides it only for a while)."""
        return (self.chrome.sidebar if self.chrome is not None
                else not self.sidebar.isHidden())

    # -- commands ------------------------------------------------------------------------

    def set_theme_system(self: MainWindow) -> None:
        """View › Follow the System: light or dark as the desktop is."""
        self._choose_theme("system")

    def set_theme_light(self: MainWindow) -> None:
        """View › Light Theme."""
        self._choose_theme("light")

    def set_theme_dark(self: MainWindow) -> None:
        """View › Dark Theme."""
        self._choose_theme("dark")

    def set_theme_sepia(self: MainWindow) -> None:
        """View › Sepia Theme."""
        self._choose_theme("sepia")

    def _choose_theme(self: MainWindow, name: str) -> None:
        self.settings.setValue(THEME_KEY, name)
        self.theme.choose(name)

    def toggle_sidebar(self: MainWindow) -> None:
        """F9: the related-articles sidebar on or off."""
        shown = not self.sidebar_shown()
        self.settings.setValue(SIDEBAR_KEY, shown)
        if self.chrome is not None:
            self.toggle_full_screen()  # asking for a pane is asking to leave full screen
        self._show_sidebar(shown)

    def toggle_layout(self: MainWindow) -> None:
        """Ctrl+Shift+L: the list beside the reader, or above it."""
        above = not self.list_above()
        self.settings.setValue(LIST_ABOVE_KEY, above)
        self._lay_out(above)

    def toggle_full_screen(self: MainWindow) -> None:
        """F11: the article alone on the screen; F11 or Escape brings everything back."""
        if self.chrome is None:
            self._enter_full_screen()
        else:
            self._leave_full_screen()

    def _enter_full_screen(self: MainWindow) -> None:
        list_pane = self.list_view.parentWidget()
        self.chrome = _Chrome(self.windowState(), not list_pane.isHidden(),
                              not self.sidebar.isHidden(), not self.menuBar().isHidden(),
                              not self.statusBar().isHidden())
        for widget in (list_pane, self.sidebar, self.menuBar(), self.statusBar()):
            widget.hide()
        # Escape means "leave full screen" here, not "back to the list" (which is hidden).
        self.actions_by_command["focus_list"].setShortcuts([])
        self.actions_by_command["toggle_full_screen"].setShortcuts(
            [*sequences(binding("toggle_full_screen")), QKeySequence("Escape")])
        self.showFullScreen()
        self.actions_by_command["toggle_full_screen"].setChecked(True)
        self.reader.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _leave_full_screen(self: MainWindow) -> None:
        chrome, self.chrome = self.chrome, None
        if chrome is None:
            return
        for command in ("focus_list", "toggle_full_screen"):
            self.actions_by_command[command].setShortcuts(sequences(binding(command)))
        self.setWindowState(chrome.state & ~Qt.WindowState.WindowFullScreen)
        for widget, shown in ((self.list_view.parentWidget(), chrome.list_pane),
                              (self.sidebar, chrome.sidebar), (self.menuBar(), chrome.menu_bar),
                              (self.statusBar(), chrome.status_bar)):
            widget.setVisible(shown)
        self.actions_by_command["toggle_full_screen"].setChecked(False)

    def leave_full_screen(self: MainWindow) -> None:
        """Back to the normal window if reading full screen (before saving the geometry)."""
        self._leave_full_screen()

    def find_in_article(self: MainWindow) -> None:
        """Ctrl+F: find in the article while reading it; elsewhere, search the library."""
        focus = QApplication.focusWidget()
        in_reader = focus is not None and (focus is self.reader or self.reader.isAncestorOf(focus))
        if self.current_id is not None and (in_reader or self.chrome is not None):
            self.find_bar.open()
        else:
            self.focus_search()

    def find_next(self: MainWindow) -> None:
        """F3: the next match in the article (opens the find bar if it is closed)."""
        self._find_step(True)

    def find_previous(self: MainWindow) -> None:
        """Shift+F3: the previous match in the article."""
        self._find_step(False)

    def _find_step(self: MainWindow, forward: bool) -> None:
        if self.current_id is None:
            return
        if self.find_bar.isHidden() or not self.find_bar.field.text():
            self.find_bar.open()
        elif not self.find_bar.step(forward):
            self.statusBar().showMessage(
                f"“{self.find_bar.field.text()}” is not in this article.", 4000)

    def _find_closed(self: MainWindow) -> None:
        self.reader.setFocus(Qt.FocusReason.OtherFocusReason)
        if self.searching():
            self._request_marks()  # the search's own marks, which the find bar covered

    def show_preferences(self: MainWindow) -> None:
        """Ctrl+,: the Preferences dialog; what is changed there applies at once."""
        if self.preferences_dialog is not None:
            self.preferences_dialog.raise_()
            return
        from broadsheet.ui.preferences import PreferencesDialog  # only once asked for

        dialog = PreferencesDialog(self.choices(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.changed.connect(self.apply_choices)
        dialog.finished.connect(self._preferences_closed)
        self.preferences_dialog = dialog
        dialog.open()

    def _preferences_closed(self: MainWindow) -> None:
        self.preferences_dialog = None

    def choices(self: MainWindow) -> Choices:
        """The preferences as they are now."""
        from broadsheet.ui.preferences import Choices

        return Choices(theme=self.theme.choice, typography=self.typography,
                       list_above=self.list_above(), sidebar=self.sidebar_shown(),
                       dwell_ms=self.dwell_ms())

    def apply_choices(self: MainWindow, choices: Choices) -> None:
        """Save and apply preferences (what the dialog reports as it is edited)."""
        text = typography.checked(choices.typography)
        typography.save(self.settings, text)
        self.settings.setValue(DWELL_KEY, max(choices.dwell_ms, 0))
        self.settings.setValue(LIST_ABOVE_KEY, choices.list_above)
        self.settings.setValue(SIDEBAR_KEY, choices.sidebar)
        self._lay_out(choices.list_above)
        if choices.sidebar != self.sidebar_shown():
            self.toggle_sidebar()
        if text != self.typography or choices.theme != self.theme.choice:
            self.typography = text
            self.settings.setValue(THEME_KEY, choices.theme)
            self.theme.choose(choices.theme)  # applies typography and colours together
