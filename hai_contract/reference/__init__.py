"""The bundled reference data (``reference.json``: the seed of departments, channels,
applications, offices, SLA, ...), shipped as package data of the contract.

Find it only through these helpers, never by a path relative to the repository.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

REFERENCE_FILE = Path(__file__).with_name("reference.json")


def reference_path() -> Path:
    """Where the bundled ``reference.json`` is."""
    return REFERENCE_FILE


@lru_cache(maxsize=1)
def _load() -> str:
    return REFERENCE_FILE.read_text(encoding="utf-8")


def load_reference() -> dict[str, Any]:
    """The bundled reference document (a fresh copy each call; same shape as GET /reference)."""
    return json.loads(_load())
