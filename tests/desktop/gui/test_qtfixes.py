"""Canary for a Qt-binding bug: emitting signals must not eat references to True.

PySide6 6.12.0's ``SignalInstance.emit()`` returned ``True`` without taking a reference, so
every emit lowered the count of the ``True`` singleton and the interpreter aborted after a
few hundred ("bool_dealloc: deallocating True or False"). The project pins a release without
the bug (pyproject excludes 6.12.0, constraints.txt names the tested version) instead of
patching the binding. This test fails if an upgrade brings the bug back; it emits in a child
interpreter, so the abort shows as a failure rather than killing the test run.
"""

from __future__ import annotations

import subprocess
import sys

_EMITS = """
import sys
from PySide6.QtCore import QCoreApplication, QObject, Signal

class Sender(QObject):
    number = Signal(int)
    flag = Signal(bool)

app = QCoreApplication([])
sender = Sender()
seen = []
sender.flag.connect(lambda value: seen.append(None))  # hold no reference to True
before = sys.getrefcount(True)
for i in range(5000):
    sender.number.emit(i)
    sender.flag.emit(i % 2 == 0)
assert len(seen) == 5000
print(before - sys.getrefcount(True))
"""


def test_many_emits_keep_the_true_refcount():
    result = subprocess.run(
        [sys.executable, "-c", _EMITS], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr[-2000:]
    # With the 6.12.0 bug this drops by 10,000 (and the interpreter aborts on the way).
    assert abs(int(result.stdout.strip())) < 50
