"""The keyboard shortcuts sheet, built from the keymap so it can never fall out of date."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from broadsheet.ui.keymap import KEYMAP, MENUS


def plain_label(label: str) -> str:
    """A menu label without its mnemonic ampersand or ellipsis."""
    return label.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")


def key_text(keys: tuple[str, ...]) -> str:
    """Shortcuts as the platform writes them, joined with 'or'; plain letters in lower case."""
    native = QKeySequence.SequenceFormat.NativeText
    texts = [QKeySequence(k).toString(native) for k in keys]
    # "J" in a cheat sheet reads as Shift+J; the key to press is j.
    return "  or  ".join(t.lower() if len(t) == 1 and t.isalpha() else t for t in texts)


class ShortcutsDialog(QDialog):
    """Every shortcut, grouped by menu."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle("Keyboard shortcuts")
        self.resize(520, 620)
        layout = QVBoxLayout(self)
        self.table = QTreeWidget()
        self.table.setHeaderLabels(["Action", "Keys"])
        self.table.setRootIsDecorated(False)
        self.table.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        for menu in MENUS:
            rows = [b for b in KEYMAP if b.menu == menu and b.keys]
            if not rows:
                continue
            group = QTreeWidgetItem(self.table, [plain_label(menu), ""])
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for item in rows:
                QTreeWidgetItem(self.table, [plain_label(item.label), key_text(item.keys)])
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
