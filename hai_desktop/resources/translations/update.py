"""Refresh the English translation of the desk GUI.

Indonesian is the source language (the strings in the code); ``hai_desktop_en.ts`` holds the
English translations (edit it with ``pyside6-linguist``). Run from the repository root:

    .venv/bin/python hai_desktop/resources/translations/update.py          # lupdate + lrelease
    .venv/bin/python hai_desktop/resources/translations/update.py --release  # lrelease only

The compiled ``.qm`` is committed; ``tests/desktop/gui/test_translations.py`` proves it is
current with the ``.ts``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]  # hai_desktop/resources/translations -> repository root
TS = HERE / "hai_desktop_en.ts"
QM = HERE / "hai_desktop_en.qm"


def tool(name: str) -> str:
    """A pyside6 tool next to the running interpreter, else on PATH."""
    local = Path(sys.executable).with_name(name)
    return str(local) if local.exists() else (shutil.which(name) or name)


def lupdate() -> None:
    sources = sorted(str(p) for p in (ROOT / "hai_desktop" / "gui").rglob("*.py"))
    subprocess.run(
        [
            tool("pyside6-lupdate"),
            *sources,
            "-ts",
            str(TS),
            "-source-language",
            "id",
            "-target-language",
            "en",
            "-no-obsolete",
            "-locations",
            "none",
        ],
        check=True,
    )


def lrelease(ts: Path = TS, qm: Path = QM) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


if __name__ == "__main__":
    if "--release" not in sys.argv:
        lupdate()
    lrelease()
