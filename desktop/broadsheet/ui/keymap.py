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


MENUS = ("&File", "&Go", "&Search", "&Article", "&View", "&Help")

KEYMAP: tuple[Binding, ...] = (
    Binding("import_files", "&Import Files…", "&File", ("Ctrl+O",)),
    Binding("import_folder", "Import &Folder…", "&File", ("Ctrl+Shift+O",)),
    Binding("quit", "&Quit", "&File", ("Ctrl+Q",)),
    Binding("next_article", "&Next Article", "&Go", ("J", "Down")),
    Binding("previous_article", "&Previous Article", "&Go", ("K", "Up")),
    Binding("next_unread", "Next &Unread (Next Match While Searching)", "&Go", ("N",)),
    Binding("previous_unread", "Previous Unrea&d (Previous Match)", "&Go", ("P",)),
    Binding("first_article", "&First Article", "&Go", ("Home", "G")),
    Binding("last_article", "&Last Article", "&Go", ("End", "Shift+G")),
    Binding("page_down", "Page Down, Then Next Article", "&Go", ("Space",)),
    Binding("page_up", "Page Up, Then Previous Article", "&Go", ("Shift+Space",)),
    Binding("go_back", "&Back", "&Go", ("Alt+Left",)),
    Binding("go_forward", "F&orward", "&Go", ("Alt+Right",)),
    Binding("focus_reader", "&Read the Article", "&Go", ("Return", "Enter")),
    Binding("focus_list", "Back to the &List", "&Go", ("Escape",)),
    Binding("next_pane", "Next &Pane", "&Go", ("Tab",)),
    Binding("previous_pane", "Previous Pa&ne", "&Go", ("Shift+Tab",)),
    Binding("focus_search", "&Search…", "&Search", ("/", "Ctrl+K", "Ctrl+F")),
    Binding("save_search", "Sa&ve This Search…", "&Search", ("Ctrl+S",)),
    Binding("show_saved_searches", "Saved Searc&hes…", "&Search", ("Ctrl+B",)),
    Binding("delete_saved_search", "&Delete a Saved Search…", "&Search"),
    Binding("toggle_read", "Mark as &Read", "&Article", ("M",), checkable=True),
    Binding("toggle_star", "&Star", "&Article", ("S",), checkable=True),
    Binding("mark_all_read", "Mark &All in This List Read", "&Article", ("Shift+M",)),
    Binding("undo", "&Undo", "&Article", ("Ctrl+Z",)),
    Binding("show_all", "&All Articles", "&View", ("1",), checkable=True),
    Binding("show_unread", "&Unread Articles", "&View", ("2",), checkable=True),
    Binding("show_starred", "&Starred Articles", "&View", ("3",), checkable=True),
    Binding("sort_newest", "Sort by Date, Ne&west First", "&View", checkable=True),
    Binding("sort_oldest", "Sort by Date, Ol&dest First", "&View", checkable=True),
    Binding("sort_title", "Sort by &Title", "&View", checkable=True),
    Binding("sort_author", "Sort by Aut&hor", "&View", checkable=True),
    Binding("sort_relevance", "Sort by &Relevance (While Searching)", "&View",
            checkable=True),
    Binding("zoom_in", "&Larger Text", "&View", ("Ctrl+=", "Ctrl++")),
    Binding("zoom_out", "S&maller Text", "&View", ("Ctrl+-",)),
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
