"""Every command the window offers, its menu and its keys: data, turned into QActions."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Binding:
    """One command: the MainWindow method it runs, its menu label, menu and shortcuts."""

    command: str
    label: str
    menu: str
    keys: tuple[str, ...] = ()
    checkable: bool = False


MENUS = ("&File", "&Go", "&Article", "&View", "&Help")

KEYMAP: tuple[Binding, ...] = (
    Binding("import_files", "&Import Files…", "&File", ("Ctrl+O",)),
    Binding("import_folder", "Import &Folder…", "&File", ("Ctrl+Shift+O",)),
    Binding("quit", "&Quit", "&File", ("Ctrl+Q",)),
    Binding("next_article", "&Next Article", "&Go", ("J", "Down")),
    Binding("previous_article", "&Previous Article", "&Go", ("K", "Up")),
    Binding("next_unread", "Next &Unread", "&Go", ("N",)),
    Binding("previous_unread", "Previous Unrea&d", "&Go", ("P",)),
    Binding("first_article", "&First Article", "&Go", ("Home", "G")),
    Binding("last_article", "&Last Article", "&Go", ("End", "Shift+G")),
    Binding("page_down", "Page Down, Then Next Article", "&Go", ("Space",)),
    Binding("page_up", "Page Up, Then Previous Article", "&Go", ("Shift+Space",)),
    Binding("go_back", "&Back", "&Go", ("Alt+Left",)),
    Binding("go_forward", "F&orward", "&Go", ("Alt+Right",)),
    Binding("focus_search", "&Search…", "&Go", ("/", "Ctrl+F")),
    Binding("focus_reader", "&Read the Article", "&Go", ("Return", "Enter")),
    Binding("focus_list", "Back to the &List", "&Go", ("Escape",)),
    Binding("next_pane", "Next &Pane", "&Go", ("Tab",)),
    Binding("previous_pane", "Previous Pa&ne", "&Go", ("Shift+Tab",)),
    Binding("toggle_read", "Mark as &Read", "&Article", ("M",), checkable=True),
    Binding("toggle_star", "&Star", "&Article", ("S",), checkable=True),
    Binding("zoom_in", "&Larger Text", "&View", ("Ctrl+=", "Ctrl++")),
    Binding("zoom_out", "&Smaller Text", "&View", ("Ctrl+-",)),
    Binding("zoom_reset", "&Normal Size", "&View", ("Ctrl+0",)),
    Binding("show_shortcuts", "&Keyboard Shortcuts", "&Help", ("?",)),
    Binding("show_about", "&About Broadsheet", "&Help"),
)


def binding(command: str) -> Binding:
    """The binding for a command name."""
    for item in KEYMAP:
        if item.command == command:
            return item
    raise KeyError(command)
