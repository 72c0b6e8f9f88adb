"""Find in the open article: Ctrl+F in the reader, every match marked, F3 / Shift+F3, Escape."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from broadsheet.ui.main_window import MainWindow


def press(qtbot, window: MainWindow, key: Qt.Key,
          modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A key press on whatever has focus, as the user's keyboard would send it."""
    qtbot.keyClick(QApplication.focusWidget() or window, key, modifier)


def occurrences(window: MainWindow, word: str) -> int:
    """How often a word appears in the article as shown, counted without Qt's help."""
    return len(re.findall(re.escape(word), window.reader.toPlainText(), re.IGNORECASE))


def find(qtbot, window: MainWindow, word: str) -> None:
    """Read the article, Ctrl+F, type the word."""
    press(qtbot, window, Qt.Key.Key_Return)
    assert window.reader.hasFocus()
    press(qtbot, window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.find_bar.isVisible()
    assert window.find_bar.field.hasFocus()
    qtbot.keyClicks(window.find_bar.field, word)


def test_ctrl_f_in_the_reader_marks_every_match_and_counts_them(qtbot,
                                                                 window: MainWindow) -> None:
    expected = occurrences(window, "the")
    assert expected > 3
    find(qtbot, window, "the")
    assert window.find_bar.count_text() == f"1 of {expected}"
    assert len(window.reader.extraSelections()) == expected
    assert window.reader.textCursor().selectedText().lower() == "the"
    first = window.reader.textCursor().selectionStart()

    press(qtbot, window, Qt.Key.Key_F3)
    assert window.find_bar.count_text() == f"2 of {expected}"
    assert window.reader.textCursor().selectionStart() > first
    press(qtbot, window, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    press(qtbot, window, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert window.find_bar.count_text() == f"{expected} of {expected}"  # wrapped round
    press(qtbot, window, Qt.Key.Key_Return)  # in the field: the next match
    assert window.find_bar.count_text() == f"1 of {expected}"


def test_a_later_match_scrolls_into_view(qtbot, window: MainWindow) -> None:
    window.resize(900, 420)
    find(qtbot, window, "the")
    bar = window.reader.verticalScrollBar()
    assert bar.maximum() > 0
    for _ in range(occurrences(window, "the") - 1):
        press(qtbot, window, Qt.Key.Key_F3)
    assert bar.value() > 0
    assert window.reader.viewport().rect().contains(window.reader.cursorRect().center())


def test_letters_typed_in_the_bar_are_text_not_commands(qtbot, window: MainWindow) -> None:
    reading = window.current_id
    find(qtbot, window, "jam sp 1/?")
    assert window.find_bar.field.text() == "jam sp 1/?"
    assert window.current_id == reading
    assert window.find_bar.field.hasFocus()


def test_no_match_says_so(qtbot, window: MainWindow) -> None:
    find(qtbot, window, "zzqxw")
    assert window.find_bar.count_text() == "No matches"
    assert window.reader.extraSelections() == []
    press(qtbot, window, Qt.Key.Key_F3)
    assert "not in this article" in window.statusBar().currentMessage()


def test_escape_closes_the_bar_and_returns_to_the_same_article(qtbot,
                                                               window: MainWindow) -> None:
    reading = window.current_id
    find(qtbot, window, "the")
    press(qtbot, window, Qt.Key.Key_Escape)
    assert window.find_bar.isHidden()
    assert window.reader.hasFocus()
    assert window.reader.extraSelections() == []
    assert window.current_id == reading
    assert window.reader.viewportMargins().top() == 0  # the strip's room is given back


def test_ctrl_f_elsewhere_still_searches_the_library(qtbot, window: MainWindow) -> None:
    assert window.list_view.hasFocus()
    press(qtbot, window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search_field.hasFocus()
    assert window.find_bar.isHidden()


def test_the_count_follows_the_article_while_the_bar_is_open(qtbot,
                                                              window: MainWindow) -> None:
    find(qtbot, window, "the")
    window.next_article()
    expected = occurrences(window, "the")
    qtbot.waitUntil(lambda: window.find_bar.count_text() == f"1 of {expected}")
    assert len(window.reader.extraSelections()) == expected


def test_every_control_of_the_bar_has_a_name_a_screen_reader_can_say(qtbot,
                                                                     window: MainWindow) -> None:
    from PySide6.QtWidgets import QLabel, QLineEdit, QToolButton

    find(qtbot, window, "the")
    bar = window.find_bar
    # The bar's own controls, not the field's clear button inside it.
    controls = [c for c in bar.children() if isinstance(c, QLineEdit | QLabel | QToolButton)]
    names = [c.accessibleName() for c in controls if c.isVisible()]
    assert "Find in article" in names
    assert {"Previous match", "Next match", "Close the find bar"} <= set(names)
    assert all(name.strip() for name in names)
