"""The keyboard shortcuts sheet, built from the keymap so it can never fall out of date."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from broadsheet.ui.key_bindings import sequences
from broadsheet.ui.keymap import KEYMAP, MENUS, Binding


def plain_label(label: str) -> str:
    """A menu label without its mnemonic ampersand or ellipsis."""
    return label.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")


def key_text(item: Binding) -> str:
    """A binding's keys as the platform writes them, joined with 'or'; letters in lower case."""
    native = QKeySequence.SequenceFormat.NativeText
    texts = [sequence.toString(native) for sequence in sequences(item)]
    # "J" in a cheat sheet reads as Shift+J; the key to press is j.
    return "  or  ".join(t.lower() if len(t) == 1 and t.isalpha() else t for t in texts)


def sheet_rows() -> list[tuple[str, str, str]]:
    """(menu, action, keys) for every binding with keys, by menu in menu-bar order."""
    return [(plain_label(menu), plain_label(item.label), key_text(item))
            for menu in MENUS for item in KEYMAP if item.menu == menu and item.keys]


class ShortcutsDialog(QDialog):
    """Every shortcut, grouped by menu; typing filters the list, Escape clears or closes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle("Keyboard shortcuts")
        self.setAccessibleName("Keyboard shortcuts")
        self.resize(680, 680)
        layout = QVBoxLayout(self)
        self.filter = QLineEdit()
        self.filter.setObjectName("shortcutsFilter")
        self.filter.setPlaceholderText("Type to find a command or key")
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName("Find a shortcut")
        self.filter.setAccessibleDescription("Shows only the commands or keys containing this text")
        label = QLabel("&Find:")
        label.setBuddy(self.filter)
        layout.addWidget(label)
        layout.addWidget(self.filter)
        self.table = QTreeWidget()
        self.table.setObjectName("shortcutsTable")
        self.table.setAccessibleName("Shortcuts by menu")
        self.table.setHeaderLabels(["Action", "Keys"])
        self.table.setRootIsDecorated(False)
        self.table.setItemsExpandable(False)
        self.table.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self._fill()
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.filter.textChanged.connect(self.show_matching)
        self.filter.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """Escape clears a filter first, and closes the sheet once nothing is typed."""
        if event.key() == Qt.Key.Key_Escape and self.filter.text():
            self.filter.clear()
            self.filter.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        super().keyPressEvent(event)

    def _fill(self) -> None:
        groups: dict[str, QTreeWidgetItem] = {}
        for menu, action, keys in sheet_rows():
            if menu not in groups:
                group = groups[menu] = QTreeWidgetItem(self.table, [menu, ""])
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            QTreeWidgetItem(groups[menu], [action, keys])
        self.table.expandAll()

    def show_matching(self, text: str) -> None:
        """Hide the rows whose action and keys both lack ``text``, and menus left empty."""
        needle = text.strip().casefold()
        for number in range(self.table.topLevelItemCount()):
            group = self.table.topLevelItem(number)
            shown = 0
            for row in range(group.childCount()):
                child = group.child(row)
                hit = not needle or any(needle in child.text(c).casefold() for c in (0, 1))
                child.setHidden(not hit)
                shown += hit
            group.setHidden(shown == 0)

    def rows(self) -> list[tuple[str, str, str]]:
        """(menu, action, keys) of the rows showing now, top to bottom."""
        found = []
        for number in range(self.table.topLevelItemCount()):
            group = self.table.topLevelItem(number)
            for row in range(group.childCount()):
                child = group.child(row)
                if not group.isHidden() and not child.isHidden():
                    found.append((group.text(0), child.text(0), child.text(1)))
        return found
