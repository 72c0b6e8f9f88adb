"""The emit() work-around: signals can be emitted any number of times without harm."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal

from broadsheet.ui.signals import emit


class Sender(QObject):
    """Something with a signal."""

    changed = Signal(int)


def test_emitting_often_leaves_true_alone(qapp) -> None:
    sender = Sender()
    received: list[int] = []
    sender.changed.connect(received.append)
    before = sys.getrefcount(True)
    for number in range(2000):
        emit(sender.changed, number)
    assert len(received) == 2000
    assert abs(sys.getrefcount(True) - before) < 50
