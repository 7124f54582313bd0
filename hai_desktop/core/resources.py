"""Find the bundled ``resources/`` folder (demo data, translations, styles, icons).

The reference data is not here: it is package data of the contract
(``hai_contract.reference``).

The folder lives at the repository root in a source checkout, so it is not inside the
``hai_desktop`` package. Where it is depends on how the app runs:

1. ``HAI_RESOURCES_DIR`` in the environment (tests, unusual installs) wins;
2. a PyInstaller bundle unpacks data below ``sys._MEIPASS``: ``<_MEIPASS>/resources``;
3. a source checkout or an editable install: ``<repo root>/resources`` next to the package;
4. an installed package that ships the folder inside itself: ``hai_desktop/resources``;
5. a wheel that installs it as data files: ``<sys.prefix>/share/hai-desk/resources``.

No Qt here: the hub, the CLI and the tests use this module too.
"""

from __future__ import annotations

import json
import os
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

ENV_VAR = "HAI_RESOURCES_DIR"
# A folder only counts as the resources folder if it holds this file: an unrelated
# "resources" directory (there are many) must never be picked up by accident.
MARKER = Path("styles") / "desk.qss"


def _candidates() -> list[Path]:
    """Possible resources folders, best first."""
    found: list[Path] = []
    env = os.environ.get(ENV_VAR)
    if env:
        found.append(Path(env))
    meipass = getattr(sys, "_MEIPASS", None)
    if meipass:
        found.append(Path(meipass) / "resources")
    package_dir = Path(__file__).resolve().parents[1]  # .../hai_desktop
    found.append(package_dir.parent / "resources")  # source checkout / editable install
    found.append(package_dir / "resources")
    found.append(Path(sys.prefix) / "share" / "hai-desk" / "resources")
    return found


@lru_cache(maxsize=1)
def resources_root() -> Path:
    """The ``resources/`` folder; raises ``FileNotFoundError`` naming every place looked at."""
    candidates = _candidates()
    for candidate in candidates:
        if (candidate / MARKER).is_file():
            return candidate
    looked = ", ".join(str(c) for c in candidates)
    raise FileNotFoundError(f"resources folder not found (looked in: {looked})")


def resource_path(*parts: str) -> Path:
    """The path of ``resources/<parts...>``, e.g. ``resource_path("styles", "desk.qss")``.

    The returned path is not checked for existence (a caller may look for optional files).
    """
    if any(Path(p).is_absolute() or ".." in Path(p).parts for p in parts):
        raise ValueError("resource path parts must be relative and stay inside resources/")
    return resources_root().joinpath(*parts)


def load_json(*parts: str) -> Any:
    """Parse the JSON file ``resources/<parts...>`` (UTF-8)."""
    with resource_path(*parts).open(encoding="utf-8") as fh:
        return json.load(fh)


def clear_cache() -> None:
    """Forget the located folder (tests that change ``HAI_RESOURCES_DIR`` or ``sys._MEIPASS``)."""
    resources_root.cache_clear()
