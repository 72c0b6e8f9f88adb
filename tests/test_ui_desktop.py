"""Desktop manners: menus in the usual order, standard keys, the shortcut sheet, About, HiDPI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import PySide6
from PySide6.QtCore import QSize, Qt, qVersion
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QLabel

from broadsheet import __version__
from broadsheet.core.library import Library
from broadsheet.ui.about import AboutDialog
from broadsheet.ui.app import app_icon
from broadsheet.ui.help import ShortcutsDialog, plain_label
from broadsheet.ui.key_bindings import sequences
from broadsheet.ui.keymap import KEYMAP, MENUS, SEPARATED
from broadsheet.ui.main_window import MainWindow
from broadsheet.ui.resources import ICON_SIZES
from conftest import ROOT

NATIVE = QKeySequence.SequenceFormat.NativeText


def press(qtbot, key: Qt.Key,
          modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A key press on whatever has focus."""
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def menu_labels(window: MainWindow) -> dict[str, list[str]]:
    """Each menu's entries, as shown."""
    return {a.text(): [b.text() for b in a.menu().actions() if not b.isSeparator()]
            for a in window.menuBar().actions()}


def open_sheet(qtbot, window: MainWindow) -> ShortcutsDialog:
    press(qtbot, Qt.Key.Key_F1)
    sheet = window.findChild(ShortcutsDialog)
    assert sheet is not None
    qtbot.waitUntil(sheet.isVisible)
    return sheet


# -- menus and keys ------------------------------------------------------------------------


def test_menus_are_in_the_usual_desktop_order(window: MainWindow) -> None:
    menus = menu_labels(window)
    assert list(menus) == ["&File", "&Edit", "&View", "&Go", "&Article", "&Help"]
    assert menus["&File"][-1] == "&Quit"
    assert menus["&Edit"][0] == "&Undo"
    assert {"&Search…", "Sa&ve This Search…"} <= set(menus["&Edit"])
    assert "Saved Searc&hes" in menus["&Go"]
    assert menus["&Help"][-1] == "&About Broadsheet"


def test_menus_group_their_entries_with_lines(window: MainWindow) -> None:
    for top in window.menuBar().actions():
        shown = ["-" if a.isSeparator() else a.text() for a in top.menu().actions()]
        text = "|".join(shown)
        assert shown[0] != "-", text
        assert shown[-1] != "-", text
        assert "-|-" not in text, text
    gone = SEPARATED - {item.command for item in KEYMAP}
    assert gone == set(), "a line above a command that is not in the keymap"
    file_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")
    assert [a.isSeparator() for a in file_menu.actions()[-2:]] == [True, False]  # … | Quit


def test_standard_keys_work_beside_ours_and_no_key_does_two_things(qtbot,
                                                                   window: MainWindow) -> None:
    owner: dict[str, str] = {}
    for item in KEYMAP:
        keys = [s.toString() for s in window.actions_by_command[item.command].shortcuts()]
        # Ours first: the menu shows the first.
        assert keys[:len(item.keys)] == [QKeySequence(k).toString() for k in item.keys]
        for key in keys:
            assert key not in owner, f"{key} runs both {owner.get(key)} and {item.command}"
            owner[key] = item.command
    for item in KEYMAP:
        if item.standard:  # every ordinary key the platform has for it does something
            platform = QKeySequence.keyBindings(QKeySequence.StandardKey[item.standard])
            assert all(s.toString() in owner for s in platform
                       if s[0].key().value < Qt.Key.Key_Help.value), item.command
    # F1 is HelpContents on Linux and Windows desktops: it opens the shortcut sheet.
    assert owner["F1"] == "show_shortcuts"
    open_sheet(qtbot, window).reject()


def test_backspace_still_edits_the_search_field(qtbot, window: MainWindow) -> None:
    # Some platforms make Backspace "Back"; typing in a field must win over it.
    before = window.current_id
    press(qtbot, Qt.Key.Key_Slash)
    qtbot.keyClicks(window.search_field, "flood")
    press(qtbot, Qt.Key.Key_Backspace)
    assert window.search_field.text() == "floo"
    press(qtbot, Qt.Key.Key_Escape)
    assert window.current_id == before


# -- the shortcut sheet --------------------------------------------------------------------


def test_the_sheet_lists_every_bound_key_by_menu_in_menu_order(qtbot, window: MainWindow) -> None:
    sheet = open_sheet(qtbot, window)
    rows = sheet.rows()
    for item in KEYMAP:
        if not item.keys:
            continue
        (row,) = [r for r in rows if r[:2] == (plain_label(item.menu), plain_label(item.label))]
        for sequence in sequences(item):
            assert sequence.toString(NATIVE).lower() in row[2].lower(), (item.command, row)
    menus_shown = list(dict.fromkeys(menu for menu, _action, _keys in rows))
    assert menus_shown == [plain_label(m) for m in MENUS
                           if any(b.menu == m and b.keys for b in KEYMAP)]
    assert not any("&" in action or action.endswith("…") for _menu, action, _keys in rows)
    sheet.reject()


def test_typing_filters_the_sheet_and_escape_clears_then_closes(qtbot, window: MainWindow) -> None:
    sheet = open_sheet(qtbot, window)
    everything = sheet.rows()
    qtbot.waitUntil(sheet.filter.hasFocus)  # typing goes straight into the filter
    qtbot.keyClicks(sheet.filter, "star")
    assert {action for _menu, action, _keys in sheet.rows()} == {"Star", "Starred Articles"}
    sheet.filter.clear()
    qtbot.keyClicks(sheet.filter, "ctrl+b")
    assert [(menu, action) for menu, action, _keys in sheet.rows()] == [("Go", "Saved Searches")]
    qtbot.keyClicks(sheet.filter, "zzz")
    assert sheet.rows() == []
    assert all(sheet.table.topLevelItem(n).isHidden()
               for n in range(sheet.table.topLevelItemCount()))
    press(qtbot, Qt.Key.Key_Escape)  # the first Escape clears what was typed
    assert sheet.isVisible()
    assert sheet.filter.text() == ""
    assert sheet.rows() == everything
    press(qtbot, Qt.Key.Key_Escape)  # the second closes the sheet
    qtbot.waitUntil(lambda: not sheet.isVisible())


# -- about ---------------------------------------------------------------------------------


def test_about_names_version_library_count_and_toolkit(qtbot, window: MainWindow,
                                                       library: Library) -> None:
    window.actions_by_command["show_about"].trigger()
    about = window.findChild(AboutDialog)
    qtbot.waitUntil(about.isVisible)
    shown = {what: label.text() for what, label in about.values.items()}
    assert shown == {"Version": __version__, "Library": str(library.path), "Articles": "16",
                     "Qt": qVersion(), "PySide6": PySide6.__version__}
    labels = about.findChildren(QLabel)
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in labels if label.text())
    assert not any(label.openExternalLinks() or "<a" in label.text() for label in labels)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is about)
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not about.isVisible())


# -- title and icons -----------------------------------------------------------------------


def test_the_window_title_names_the_open_article(qtbot, window: MainWindow,
                                                 library: Library) -> None:
    first = library.get(window.current_id)
    assert window.windowTitle() == f"{first.title} — Broadsheet"
    press(qtbot, Qt.Key.Key_J)
    second = library.get(window.current_id)
    assert second.id != first.id
    assert window.windowTitle() == f"{second.title} — Broadsheet"


def test_the_icon_holds_every_size_and_draws_sharp_at_double_density(qapp) -> None:
    icon = app_icon()
    sizes = {size.width() for size in icon.availableSizes()}
    assert set(ICON_SIZES) <= sizes
    for size in (8, 11, 12, 16, 24, 32, 48, 64, 128):
        pixmap = icon.pixmap(QSize(size, size), 2.0)
        assert pixmap.devicePixelRatio() == 2.0
        assert pixmap.width() == 2 * size  # real pixels, not a small image blown up


HIDPI_SCRIPT = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QSettings
from broadsheet.core.library import Library
from broadsheet.ui.app import app_icon, application
app = application()
from broadsheet.ui.main_window import MainWindow
library = Library(Path(sys.argv[1]))
window = MainWindow(library, QSettings(sys.argv[2], QSettings.Format.IniFormat), app_icon())
window.resize(800, 500)
window.show()
app.processEvents()
logo = window.welcome.findChildren(type(window.count_label))[0].pixmap()
shot = window.grab()
print(json.dumps({"ratio": window.devicePixelRatio(), "logo_ratio": logo.devicePixelRatio(),
                  "logo_width": logo.width(), "shot": [shot.width(), shot.height()],
                  "window": [window.width(), window.height()]}))
window.close()
library.close()
"""


def test_the_window_renders_at_device_pixel_ratio_two(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": "2",
           "BROADSHEET_NO_SINGLE_INSTANCE": "1"}
    run = subprocess.run([sys.executable, "-c", HIDPI_SCRIPT, str(tmp_path / "library.db"),
                          str(tmp_path / "settings.ini")],
                         capture_output=True, text=True, env=env, cwd=ROOT, timeout=60,
                         check=False)
    assert run.returncode == 0, run.stderr
    shown = json.loads(run.stdout.strip().splitlines()[-1])
    assert shown["ratio"] == 2.0
    assert shown["shot"] == [2 * n for n in shown["window"]]
    # The welcome view's 96 px logo is drawn from 192 real pixels, not scaled up.
    assert shown["logo_ratio"] == 2.0
    assert shown["logo_width"] == 192
