"""The keys a keymap entry answers to: its own, plus the platform's standard ones."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from broadsheet.ui.keymap import KEYMAP, Binding

# Dedicated keys (Back, Find, Zoom In... on multimedia keyboards) would read as labels, not
# keys, in the shortcuts sheet and README, and few keyboards have them: only keys of an
# ordinary keyboard are taken from the platform's list.
FIRST_DEDICATED_KEY = Qt.Key.Key_Help.value


def _ordinary(sequence: QKeySequence) -> bool:
    return sequence.count() > 0 and all(
        sequence[n].key().value < FIRST_DEDICATED_KEY for n in range(sequence.count()))


@cache
def _bound() -> dict[str, tuple[str, ...]]:
    """Every command's keys in portable text: its own, then the platform's nobody has yet."""
    taken = {QKeySequence(key).toString() for item in KEYMAP for key in item.keys}
    found: dict[str, tuple[str, ...]] = {}
    for item in KEYMAP:
        keys = [QKeySequence(key).toString() for key in item.keys]
        if item.standard:
            for sequence in QKeySequence.keyBindings(QKeySequence.StandardKey[item.standard]):
                if _ordinary(sequence) and sequence.toString() not in taken:
                    keys.append(sequence.toString())
                    taken.add(sequence.toString())
        found[item.command] = tuple(keys)
    return found


def key_names(item: Binding) -> list[str]:
    """The binding's keys in portable text ("Ctrl+F"), as README writes them; own keys first."""
    return list(_bound()[item.command])


def sequences(item: Binding) -> list[QKeySequence]:
    """The binding's keys, for QAction.setShortcuts; own keys first, as menus show the first."""
    return [QKeySequence(key) for key in key_names(item)]
