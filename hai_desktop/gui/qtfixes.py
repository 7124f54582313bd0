"""Work-arounds for bugs of the Qt binding in use, applied once when ``hai_desktop.gui``
is imported.

PySide6 6.12.0: ``SignalInstance.emit()`` returns ``True`` without taking a reference, so
every Python-side ``emit`` lowers the reference count of the ``True`` singleton by one; after
a few hundred emits the interpreter aborts ("bool_dealloc: deallocating True or False").
The fix is detected, not assumed: a probe emits a few times and compensates only if the
count really drops, so a fixed PySide6 release needs no change here.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal, SignalInstance

_PROBE_EMITS = 8


class _Probe(QObject):
    ping = Signal()


def _emit_leaks_true() -> bool:
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(_PROBE_EMITS):
        probe.ping.emit()
    leaked = before - sys.getrefcount(True)
    if leaked > 0:  # give back what the probe itself took
        for _ in range(leaked):
            ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))
    return leaked >= _PROBE_EMITS


def apply() -> bool:
    """Patch ``SignalInstance.emit`` if it leaks; True when the patch was needed."""
    if getattr(SignalInstance.emit, "_hai_fixed", False):
        return True
    if not _emit_leaks_true():
        return False
    original = SignalInstance.emit
    incref = ctypes.pythonapi.Py_IncRef
    incref.argtypes = [ctypes.py_object]
    incref.restype = None

    def emit(self, *args):
        result = original(self, *args)
        if result is True:
            incref(result)  # the reference the binding forgot to take
        return result

    emit._hai_fixed = True  # type: ignore[attr-defined]
    SignalInstance.emit = emit
    return True
