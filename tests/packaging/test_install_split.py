"""Two programs, two installs: the desk runs without the hub's packages.

``pip install .`` is the desk alone; the hub's packages come with the ``hub`` extra. These
tests run the desk in fresh interpreters where the hub's packages cannot be imported, as in
a desk-only install (CI also installs the built wheel alone into a fresh virtualenv and runs
its ``self-check`` there: ``.ci/run``).
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
HUB_ONLY = ("fastapi", "uvicorn", "psycopg", "argon2", "starlette", "pydantic", "multipart")

# Make the hub's packages unimportable, as in an install without the extra.
_HIDE = "import sys\nfor _n in {names!r}:\n    sys.modules[_n] = None\n"


def _run(code: str, *, hide: tuple[str, ...] = (), args: list[str] | None = None):
    prelude = _HIDE.format(names=hide) if hide else ""
    return subprocess.run(
        [sys.executable, "-c", prelude + code, *(args or [])],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO_ROOT,
    )


def test_pyproject_keeps_hub_packages_out_of_the_desk_install():
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    base = " ".join(project["dependencies"]).lower()
    for name in ("fastapi", "uvicorn", "psycopg", "argon2"):
        assert name not in base, name
    hub = " ".join(project["optional-dependencies"]["hub"]).lower()
    for name in ("fastapi", "uvicorn", "psycopg", "argon2"):
        assert name in hub, name


def test_desk_modules_import_no_hub_package():
    # psycopg is left out: peewee itself probes for it when it is installed (harmless).
    hub_only = tuple(n for n in HUB_ONLY if n != "psycopg")
    code = (
        "import importlib, pkgutil, sys\n"
        "import hai_desktop, hai_desktop.cli\n"
        "for m in pkgutil.walk_packages(hai_desktop.__path__, 'hai_desktop.'):\n"
        "    if m.name.startswith('hai_desktop.resources'):\n"
        "        continue\n"
        "    importlib.import_module(m.name)\n"
        f"bad = sorted(n for n in sys.modules if n.split('.')[0] in {hub_only!r})\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    result = _run(code)
    assert result.returncode == 0, result.stdout + result.stderr


def test_self_check_runs_without_the_hub_packages(tmp_path):
    result = _run(
        "import sys; from hai_desktop.cli import main; sys.exit(main(sys.argv[1:]))",
        hide=HUB_ONLY,
        args=["--data-dir", str(tmp_path / "desk"), "self-check"],
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_demo_without_the_hub_extra_fails_clearly(tmp_path):
    result = _run(
        "import sys; from hai_desktop.cli import main; sys.exit(main(sys.argv[1:]))",
        hide=HUB_ONLY,
        args=["--demo", "--no-gui"],
    )
    assert result.returncode == 1
    # No traceback: a message naming the extra to install.
    assert "Traceback" not in result.stderr
    assert "[hub]" in result.stderr
