"""Every command the window offers, its menu and its keys: data, turned into QActions."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Binding:
    """One command: the MainWindow method it runs, its menu label, menu and shortcuts.

    ``standard`` names a QKeySequence.StandardKey (as text, so this module stays Qt-free):
    the platform's own keys for the command, bound as well as ``keys``.
    """

    command: str
    label: str
    menu: str
    keys: tuple[str, ...] = ()
    checkable: bool = False
    standard: str = ""


MENUS = ("&File", "&Edit", "&View", "&Go", "&Article", "&Help")

KEYMAP: tuple[Binding, ...] = (
    Binding("import_files", "&Import Files…", "&File", ("Ctrl+O",), standard="Open"),
    Binding("import_folder", "Import &Folder…", "&File", ("Ctrl+Shift+O",)),
    Binding("back_up_library", "Bac&k Up Library…", "&File"),
    Binding("restore_library", "Rest&ore Library from a Backup…", "&File"),
    Binding("export_article", "&Export Article…", "&File", ("Ctrl+E",)),
    Binding("export_view", "Export &This List…", "&File", ("Ctrl+Shift+E",)),
    Binding("print_article", "&Print Article…", "&File", ("Ctrl+P",), standard="Print"),
    Binding("quit", "&Quit", "&File", ("Ctrl+Q",), standard="Quit"),
    Binding("undo", "&Undo", "&Edit", ("Ctrl+Z",), standard="Undo"),
    Binding("copy_as_text", "Copy Article as &Text", "&Edit"),
    Binding("copy_as_markdown", "Copy Article as &Markdown", "&Edit", ("Ctrl+Shift+C",)),
    Binding("focus_search", "&Search…", "&Edit", ("/", "Ctrl+K")),
    Binding("save_search", "Sa&ve This Search…", "&Edit", ("Ctrl+S",)),
    Binding("delete_saved_search", "&Delete a Saved Search…", "&Edit"),
    Binding("find_in_article", "&Find in Article…", "&Edit", ("Ctrl+F",), standard="Find"),
    Binding("find_next", "Find &Next", "&Edit", ("F3",), standard="FindNext"),
    Binding("find_previous", "Find P&revious", "&Edit", ("Shift+F3",),
            standard="FindPrevious"),
    Binding("show_preferences", "&Preferences…", "&Edit", ("Ctrl+,",), standard="Preferences"),
    Binding("next_article", "&Next Article", "&Go", ("J", "Down")),
    Binding("previous_article", "&Previous Article", "&Go", ("K", "Up")),
    Binding("next_unread", "Next &Unread (Next Match While Searching)", "&Go", ("N",)),
    Binding("previous_unread", "Previous Unrea&d (Previous Match)", "&Go", ("P",)),
    Binding("first_article", "&First Article", "&Go", ("Home", "G")),
    Binding("last_article", "&Last Article", "&Go", ("End", "Shift+G")),
    Binding("page_down", "Page Down, Then Next Article", "&Go", ("Space",)),
    Binding("page_up", "Page Up, Then Previous Article", "&Go", ("Shift+Space",)),
    Binding("go_back", "&Back", "&Go", ("Alt+Left",), standard="Back"),
    Binding("go_forward", "F&orward", "&Go", ("Alt+Right",), standard="Forward"),
    Binding("focus_reader", "&Read the Article", "&Go", ("Return", "Enter")),
    Binding("focus_list", "Back to the &List", "&Go", ("Escape",)),
    Binding("next_pane", "Next &Pane", "&Go", ("Tab",)),
    Binding("previous_pane", "Previous Pa&ne", "&Go", ("Shift+Tab",)),
    Binding("show_saved_searches", "Saved Searc&hes", "&Go", ("Ctrl+B",)),
    Binding("toggle_read", "Mark as &Read", "&Article", ("M",), checkable=True),
    Binding("toggle_star", "&Star", "&Article", ("S",), checkable=True),
    Binding("mark_all_read", "Mark &All in This List Read", "&Article", ("Shift+M",)),
    Binding("show_source_file", "Show Source &File", "&Article"),
    Binding("remove_article", "Re&move from Library", "&Article", ("Delete",)),
    Binding("show_all", "&All Articles", "&View", ("1",), checkable=True),
    Binding("show_unread", "&Unread Articles", "&View", ("2",), checkable=True),
    Binding("show_starred", "&Starred Articles", "&View", ("3",), checkable=True),
    Binding("sort_newest", "Sort by Date, Ne&west First", "&View", checkable=True),
    Binding("sort_oldest", "Sort by Date, Ol&dest First", "&View", checkable=True),
    Binding("sort_title", "Sort by &Title", "&View", checkable=True),
    Binding("sort_author", "Sort by Aut&hor", "&View", checkable=True),
    Binding("sort_relevance", "Sort by &Relevance (While Searching)", "&View",
            checkable=True),
    Binding("zoom_in", "&Larger Text", "&View", ("Ctrl+=", "Ctrl++"), standard="ZoomIn"),
    Binding("zoom_out", "S&maller Text", "&View", ("Ctrl+-",), standard="ZoomOut"),
    Binding("zoom_reset", "&Normal Size", "&View", ("Ctrl+0",)),
    Binding("set_theme_system", "System Th&eme", "&View", checkable=True),
    Binding("set_theme_light", "Li&ght Theme", "&View", checkable=True),
    Binding("set_theme_dark", "Dar&k Theme", "&View", checkable=True),
    Binding("set_theme_sepia", "Se&pia Theme", "&View", checkable=True),
    Binding("toggle_sidebar", "Show Side&bar", "&View", ("F9",), checkable=True),
    Binding("toggle_layout", "List Ab&ove the Reader", "&View", ("Ctrl+Shift+L",),
            checkable=True),
    Binding("toggle_full_screen", "&Full Screen", "&View", ("F11",), checkable=True,
            standard="FullScreen"),
    Binding("show_shortcuts", "&Keyboard Shortcuts", "&Help", ("?",), standard="HelpContents"),
    Binding("show_about", "&About Broadsheet", "&Help"),
)

# A menu draws a line above each of these commands, between groups of related ones.
SEPARATED = frozenset({
    "back_up_library", "export_article", "quit",
    "copy_as_text", "focus_search", "find_in_article", "show_preferences",
    "page_down", "go_back", "focus_reader", "show_saved_searches",
    "show_source_file",
    "sort_newest", "zoom_in", "set_theme_system", "toggle_sidebar",
    "show_about",
})


def binding(command: str) -> Binding:
    """The binding for a command name."""
    for item in KEYMAP:
        if item.command == command:
            return item
    raise KeyError(command)
