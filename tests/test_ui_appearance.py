"""Reading comfort: themes, typography, layout, full screen, Preferences; kept across restarts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget

from broadsheet.core.library import Library
from broadsheet.ui import typography
from broadsheet.ui.main_window import MainWindow
from broadsheet.ui.preferences import Choices, PreferencesDialog
from broadsheet.ui.signals import emit
from broadsheet.ui.theme import INKS
from broadsheet.ui.typography import Typography
from ui_support import close_window, open_window, seed, settings_at


@pytest.fixture(autouse=True)
def _palette_put_back(qapp: QApplication) -> Iterator[None]:
    """Themes change the application's palette: later tests get the one they started with."""
    before = QPalette(qapp.palette())
    yield
    qapp.setPalette(before)


def press(qtbot, window: MainWindow, key: Qt.Key,
          modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A key press on whatever has focus, as the user's keyboard would send it."""
    qtbot.keyClick(QApplication.focusWidget() or window, key, modifier)


def painted(widget: QWidget) -> QColor:
    """The colour actually drawn near a widget's top-left corner (where no text is)."""
    return widget.grab().toImage().pixelColor(2, 2)


def assert_themed(window: MainWindow, name: str) -> None:
    ink = INKS[name]
    base = QPalette.ColorRole.Base
    assert window.reader.viewport().palette().color(base) == QColor(ink.base)
    assert window.list_view.palette().color(base) == QColor(ink.base)
    assert window.sidebar.palette().color(QPalette.ColorRole.Window) == QColor(ink.window)
    assert window.menuBar().palette().color(QPalette.ColorRole.WindowText) == QColor(ink.text)
    assert painted(window.reader.viewport()) == QColor(ink.base)
    css = window.reader.document().defaultStyleSheet()
    assert f"color: {ink.link}" in css
    assert f"color: {ink.muted}" in css


@pytest.mark.parametrize("name", ["dark", "sepia", "light"])
def test_a_theme_colours_the_whole_window_and_the_article(qtbot, window: MainWindow,
                                                          name: str) -> None:
    getattr(window, f"set_theme_{name}")()
    assert_themed(window, name)
    assert window.actions_by_command[f"set_theme_{name}"].isChecked()
    assert not window.actions_by_command["set_theme_system"].isChecked()


def test_dark_and_light_really_differ_on_screen(qtbot, window: MainWindow) -> None:
    window.set_theme_dark()
    dark = painted(window.reader.viewport())
    window.set_theme_light()
    light = painted(window.reader.viewport())
    assert dark.lightness() < 60 < 200 < light.lightness()


def test_the_system_theme_follows_the_desktop(qtbot, window: MainWindow) -> None:
    hints = QGuiApplication.styleHints()
    assert window.theme.choice == "system"  # the default
    assert window.actions_by_command["set_theme_system"].isChecked()
    try:
        emit(hints.colorSchemeChanged, Qt.ColorScheme.Dark)
        assert_themed(window, "dark")
        emit(hints.colorSchemeChanged, Qt.ColorScheme.Light)
        assert_themed(window, "light")
        window.set_theme_sepia()
        emit(hints.colorSchemeChanged, Qt.ColorScheme.Dark)  # a chosen theme stays
        assert_themed(window, "sepia")
    finally:
        emit(hints.colorSchemeChanged, hints.colorScheme())


def test_text_size_keys_go_far_up_and_back(qtbot, window: MainWindow) -> None:
    normal = window.reader.document().defaultFont().pointSizeF()
    for _ in range(25):
        press(qtbot, window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.reader.document().defaultFont().pointSizeF() > 8 * normal
    press(qtbot, window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.reader.document().defaultFont().pointSizeF() == pytest.approx(normal)


def test_preferences_change_the_reader_and_the_list_at_once(qtbot,
                                                            window: MainWindow) -> None:
    window.resize(1200, 700)
    window.splitter.setSizes([150, 900, 150])
    press(qtbot, window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(PreferencesDialog)
    assert dialog is not None
    assert dialog.isVisible()
    margin = window.reader.document().rootFrame().frameFormat().leftMargin()
    row = window.list_view.rowHeight(0)

    dialog.measure.setValue(40)
    narrower = window.reader.document().rootFrame().frameFormat().leftMargin()
    assert narrower > margin + 50  # a shorter line leaves more room either side
    dialog.family.setCurrentIndex(dialog.family.findData("sans"))
    assert window.reader.document().defaultFont().families()[0] == "Source Sans 3"
    dialog.size.setValue(16)
    assert window.reader.document().defaultFont().pointSizeF() == pytest.approx(16)
    dialog.line_height.setValue(185)
    assert "line-height: 185%" in window.reader.document().defaultStyleSheet()
    dialog.list_size.setValue(20)
    assert window.list_view.font().pointSizeF() == pytest.approx(20)
    assert window.list_view.rowHeight(0) > row
    dialog.dwell.setValue(4)
    assert window.dwell_ms() == 4000
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    assert_themed(window, "dark")

    qtbot.keyClick(dialog.size, Qt.Key.Key_Return)  # Return closes; it never resets
    qtbot.waitUntil(lambda: window.findChild(PreferencesDialog) is None)
    assert window.typography.size == pytest.approx(16)

    window.show_preferences()
    again = window.findChild(PreferencesDialog)
    assert again.size.value() == pytest.approx(16)  # the dialog shows what is in use
    qtbot.mouseClick(again.findChild(QDialogButtonBox).button(
        QDialogButtonBox.StandardButton.RestoreDefaults), Qt.MouseButton.LeftButton)
    assert window.typography == Typography()
    assert window.theme.choice == "system"
    assert window.dwell_ms() == 4000  # not a look: kept
    again.close()


def test_the_list_moves_above_the_reader_and_back(qtbot, window: MainWindow) -> None:
    list_pane = window.list_view.parentWidget()
    assert list_pane.x() < window.reader.x()
    press(qtbot, window, Qt.Key.Key_L,
          Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.splitter.orientation() == Qt.Orientation.Vertical
    assert list_pane.y() < window.reader.y()
    assert list_pane.height() > 100
    assert window.reader.height() > list_pane.height()
    assert window.actions_by_command["toggle_layout"].isChecked()
    window.toggle_layout()
    assert window.splitter.orientation() == Qt.Orientation.Horizontal
    assert list_pane.x() < window.reader.x()


def test_f9_hides_and_shows_the_sidebar(qtbot, window: MainWindow) -> None:
    assert window.sidebar.isVisible()
    press(qtbot, window, Qt.Key.Key_F9)
    assert not window.sidebar.isVisible()
    assert not window.actions_by_command["toggle_sidebar"].isChecked()
    press(qtbot, window, Qt.Key.Key_F9)
    assert window.sidebar.isVisible()


def test_f11_reads_full_screen_and_escape_comes_back(qtbot, window: MainWindow) -> None:
    press(qtbot, window, Qt.Key.Key_F11)
    qtbot.waitUntil(window.isFullScreen)
    for chrome in (window.menuBar(), window.statusBar(), window.list_view, window.sidebar):
        assert not chrome.isVisible()
    assert window.reader.isVisible()
    assert window.reader.hasFocus()
    press(qtbot, window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.isFullScreen())
    for chrome in (window.menuBar(), window.statusBar(), window.list_view, window.sidebar):
        assert chrome.isVisible()
    press(qtbot, window, Qt.Key.Key_Escape)  # Escape is "back to the list" again
    assert window.list_view.hasFocus()
    press(qtbot, window, Qt.Key.Key_F11)
    press(qtbot, window, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert window.menuBar().isVisible()


def test_appearance_survives_a_restart(qtbot, library: Library, tmp_path: Path) -> None:
    seed(library)
    settings = tmp_path / "settings.ini"
    first = open_window(qtbot, library, settings)
    text = Typography(family="sans", size=15.5, line_height=170, measure=60, list_size=13)
    first.apply_choices(Choices(theme="sepia", typography=text, list_above=True,
                                sidebar=False, dwell_ms=2500))
    first.toggle_full_screen()  # closed while full screen: comes back as a normal window
    close_window(first)

    second = open_window(qtbot, library, settings, dwell_ms=None)
    try:
        assert_themed(second, "sepia")
        assert second.typography == text
        assert second.reader.document().defaultFont().pointSizeF() == pytest.approx(15.5)
        assert second.list_view.font().pointSizeF() == pytest.approx(13)
        assert second.splitter.orientation() == Qt.Orientation.Vertical
        assert not second.sidebar.isVisible()
        assert second.dwell_ms() == 2500
        assert not second.isFullScreen()
        assert second.menuBar().isVisible()
    finally:
        close_window(second)


def test_odd_settings_fall_back_to_something_readable(qtbot, library: Library,
                                                      tmp_path: Path) -> None:
    seed(library)
    path = tmp_path / "settings.ini"
    odd = settings_at(path)
    for key, value in (("appearance/theme", "purple"), ("reader/family", "comic"),
                       ("reader/size", "9000"), ("reader/line_height", "not a number"),
                       ("reader/measure", "-5")):
        odd.setValue(key, value)
    odd.sync()
    window = open_window(qtbot, library, path)
    try:
        assert window.theme.choice == "system"
        assert window.typography == Typography(size=typography.SIZE_RANGE[1],
                                               measure=typography.MEASURE_RANGE[0])
        assert window.reader.toPlainText()  # the article is still there to read
    finally:
        close_window(window)


def test_reader_css_carries_the_typography_and_the_theme() -> None:
    text = Typography(line_height=200)
    css = typography.reader_css(text, INKS["dark"])
    assert "line-height: 200%" in css
    assert INKS["dark"].link in css
    assert INKS["light"].link not in css
    assert typography.checked(Typography(family="x", size=1, measure=1000)) == Typography(
        size=typography.SIZE_RANGE[0], measure=typography.MEASURE_RANGE[1])
