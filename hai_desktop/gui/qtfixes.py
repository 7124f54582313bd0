"""Work-arounds for bugs of the Qt binding in use, applied once when ``hai_desktop.gui``
is imported.

PySide6 6.12.0: ``SignalInstance.emit()`` returns ``True`` without taking a reference, so
every Python-side ``emit`` lowers the reference count of the ``True`` singleton by one; after
a few hundred emits the interpreter aborts ("bool_dealloc: deallocating True or False").
The fix is detected, not assumed: a probe emits a few times and compensates only if the
count really drops, so a fixed PySide6 release needs no change here.
"""

from __future__ import annotations

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
    if leaked > 0:
        # Hold the references the probe lost until the patched emit can give them back
        # (ctypes is imported only then: it is not needed before the first paint).
        _owed.extend([True] * leaked)
    return leaked >= _PROBE_EMITS


_owed: list[bool] = []


def apply() -> bool:
    """Patch ``SignalInstance.emit`` if it leaks; True when the patch was needed."""
    if getattr(SignalInstance.emit, "_hai_fixed", False):
        return True
    if not _emit_leaks_true():
        return False
    original = SignalInstance.emit
    incref = None

    def emit(self, *args):
        nonlocal incref
        result = original(self, *args)
        if result is True:
            if incref is None:
                import ctypes

                incref = ctypes.pythonapi.Py_IncRef
                incref.argtypes = [ctypes.py_object]
                incref.restype = None
                for value in _owed:  # the probe's references, now given back for good
                    incref(value)
                _owed.clear()
            incref(result)  # the reference the binding forgot to take
        return result

    emit._hai_fixed = True  # type: ignore[attr-defined]
    SignalInstance.emit = emit
    return True
