"""Names a screen reader says for the window's parts, and the order Tab walks them in."""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QInputDialog, QLineEdit, QWidget

if TYPE_CHECKING:
    from broadsheet.ui.main_window import MainWindow


def name(widget: QWidget, accessible_name: str, description: str = "") -> None:
    """Give a widget the name (and, if any, the longer description) assistive tools read."""
    widget.setAccessibleName(accessible_name)
    if description:
        widget.setAccessibleDescription(description)


def describe_window(window: MainWindow) -> None:
    """Name every pane and status line, and make Tab's order the panes' left-to-right order."""
    name(window.search_field, "Search articles",
         "Results follow your typing; Return moves into them, Escape leaves the search")
    name(window.search_bar.info, "Search summary")
    name(window.list_view, "Articles",
         "j and k move through the list, Return reads the article, s stars, m marks read")
    name(window.reader, "Article text",
         "Space pages down and then on to the next article")
    name(window.sidebar, "Related articles",
         "Links in this article, articles linking here, the same story, more like this")
    name(window.count_label, "Article counts")
    name(window.position_label, "Position in the list")
    name(window.import_label, "Import progress")
    name(window.splitter, "Reading panes")
    order = [window.search_field, window.list_view, window.reader, window.sidebar]
    for before, after in pairwise(order):
        QWidget.setTabOrder(before, after)


def name_input(dialog: QInputDialog, accessible_name: str) -> None:
    """Name an input dialog and its field, which Qt leaves nameless."""
    dialog.setAccessibleName(dialog.windowTitle())
    for field in [*dialog.findChildren(QLineEdit), *dialog.findChildren(QComboBox)]:
        field.setAccessibleName(accessible_name)
