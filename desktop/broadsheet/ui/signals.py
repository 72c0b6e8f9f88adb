"""Emitting signals safely: PySide6 6.12's emit() returns a bool it holds no reference to."""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal, SignalInstance

_PROBES = 8


class _Probe(QObject):
    pinged = Signal()


def _emit_drops_a_reference() -> bool:
    """Measure once: does each emit() take a reference to True away?"""
    probe = _Probe()
    before = sys.getrefcount(True)
    results = [probe.pinged.emit() for _ in range(_PROBES)]
    lost = before + len(results) - sys.getrefcount(True)
    broken = lost >= _PROBES and all(r is True for r in results)
    if broken:
        for _ in results:  # give back what the probe itself cost
            ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))
    return broken


# Uncorrected, every emit() from Python lowers True's reference count by one, and the
# interpreter aborts ("bool_dealloc") once it reaches zero: a few hundred article changes.
_BROKEN = _emit_drops_a_reference()


def emit(signal: SignalInstance, *args: object) -> None:
    """``signal.emit(*args)``, giving back the reference PySide6 6.12 drops."""
    try:
        result = signal.emit(*args)
    except RuntimeError as error:
        # The sender was destroyed under a worker thread: the process is ending (Qt exits
        # at once when the display goes away). Nobody is left to hear it.
        if "deleted" in str(error):
            return
        raise
    if _BROKEN and isinstance(result, bool):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(result))
