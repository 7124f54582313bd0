"""hai_desktop.core must stay free of Qt: import every module in a fresh interpreter."""

import subprocess
import sys

CODE = r"""
import importlib, pkgutil, sys
import hai_desktop.core as core
for info in pkgutil.walk_packages(core.__path__, core.__name__ + "."):
    importlib.import_module(info.name)
qt = sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6")))
print(",".join(qt))
"""


def test_core_imports_no_qt():
    out = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"core pulled in Qt modules: {out.stdout}"
