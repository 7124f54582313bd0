"""Self-check of what the installed program carries (no Qt): its version, its resource
files, the contract's reference data and the CA certificates for HTTPS.

A frozen (PyInstaller) build or a plain wheel install fails here when a data file was left
out of the package. ``hai-desktop self-check`` runs this after the profile's database checks
(``core/selfcheck.py``) and before the Qt checks (``gui/selfcheck_qt.py``).
"""

from __future__ import annotations

import platform
import sys
from collections.abc import Callable

from hai_desktop.core.selfcheck import CheckResult

# Files the desk cannot do without, relative to its resources folder.
REQUIRED_RESOURCES = (
    ("styles", "desk.qss"),
    ("translations", "hai_desktop_en.qm"),
    ("icons", "hai-desk.svg"),
    ("icons", "hai-desk-256.png"),
)


def _run(results: list[CheckResult], name: str, fn: Callable[[], str]) -> None:
    try:
        results.append((name, True, fn()))
    except Exception as exc:  # a self-check reports every failure, whatever it is
        results.append((name, False, f"{type(exc).__name__}: {exc}"))


def _program() -> str:
    from hai_desktop import __version__

    how = "frozen bundle" if getattr(sys, "frozen", False) else "Python package"
    return f"HAI Desk {__version__} ({how}, Python {platform.python_version()}, {sys.platform})"


def _resources() -> str:
    from hai_desktop.core.resources import resource_path, resources_root

    missing = ["/".join(p) for p in REQUIRED_RESOURCES if not resource_path(*p).is_file()]
    if missing:
        raise FileNotFoundError(f"missing in {resources_root()}: {', '.join(missing)}")
    return f"{resources_root()} ({len(REQUIRED_RESOURCES)} required files present)"


def _reference() -> str:
    from hai_contract.reference import load_reference, reference_path

    data = load_reference()
    return f"{reference_path()} (version {data.get('version')}, {len(data.get('offices', []))} offices)"


def _ca_bundle() -> str:
    # requests falls back to certifi's file when the OS store is not used; a bundle that
    # left it out fails every HTTPS call with a confusing error.
    from pathlib import Path

    import certifi

    path = Path(certifi.where())
    if not path.is_file() or path.stat().st_size == 0:
        raise FileNotFoundError(str(path))
    return f"{path}"


def run_bundle_checks() -> list[CheckResult]:
    """``(name, ok, detail)`` for the program's own files."""
    results: list[CheckResult] = []
    _run(results, "program", _program)
    _run(results, "resources", _resources)
    _run(results, "contract_reference", _reference)
    _run(results, "ca_certificates", _ca_bundle)
    return results
