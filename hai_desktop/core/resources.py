"""Find the desk's bundled resources (styles, icons, translations, demo data, the logo).

They are package data: ``hai_desktop/resources/`` inside the installed package, so a source
checkout, an editable install, a plain wheel install and a PyInstaller bundle (where the
package sits below ``sys._MEIPASS``, i.e. ``_internal/hai_desktop/resources``) all find
them the same way — relative to this module, never to the repository or the executable.

``HAI_RESOURCES_DIR`` in the environment overrides the folder (tests, unusual installs).

The reference data (offices, SLA targets) is not here: it is package data of the contract
that both programs import (``hai_contract.reference``).

No Qt here: the hub, the CLI and the tests use this module too.
"""

from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

ENV_VAR = "HAI_RESOURCES_DIR"
# A folder only counts as the resources folder if it holds this file: an unrelated
# "resources" directory (there are many) must never be picked up by accident.
MARKER = Path("styles") / "desk.qss"


def package_resources() -> Path:
    """``hai_desktop/resources`` next to this package (may not exist in a broken install)."""
    return Path(__file__).resolve().parents[1] / "resources"


def _candidates() -> list[Path]:
    """Possible resources folders, best first."""
    found: list[Path] = []
    env = os.environ.get(ENV_VAR)
    if env:
        found.append(Path(env))
    found.append(package_resources())
    return found


@lru_cache(maxsize=1)
def resources_root() -> Path:
    """The resources folder; raises ``FileNotFoundError`` naming every place looked at."""
    candidates = _candidates()
    for candidate in candidates:
        if (candidate / MARKER).is_file():
            return candidate
    looked = ", ".join(str(c) for c in candidates)
    raise FileNotFoundError(f"resources folder not found (looked in: {looked})")


def resource_path(*parts: str) -> Path:
    """The path of ``<resources>/<parts...>``, e.g. ``resource_path("styles", "desk.qss")``.

    The returned path is not checked for existence (a caller may look for optional files).
    """
    if any(Path(p).is_absolute() or ".." in Path(p).parts for p in parts):
        raise ValueError("resource path parts must be relative and stay inside resources/")
    return resources_root().joinpath(*parts)


def load_json(*parts: str) -> Any:
    """Parse the JSON file ``<resources>/<parts...>`` (UTF-8)."""
    with resource_path(*parts).open(encoding="utf-8") as fh:
        return json.load(fh)


def clear_cache() -> None:
    """Forget the located folder (tests that change ``HAI_RESOURCES_DIR``)."""
    resources_root.cache_clear()
