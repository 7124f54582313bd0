"""Build the desk's one-folder bundle for the platform this runs on:

    python installer/build.py            # -> dist/hai-desktop/ (Windows: then installer/windows/)
    python installer/build.py --check    # and run the frozen self-check in a temporary data dir

Run it with an interpreter that has the desk and PyInstaller installed (the ``bundle``
extra), best a desk-only virtualenv (``scripts/bundle`` makes one from the built wheel, as
CI does); the spec keeps the hub and the test tools out either way. Prints the build time,
the bundle's size and, with ``--check``, the self-check's output and the frozen start time.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "installer" / "hai-desktop.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"


def bundle_dir() -> Path:
    return DIST / "hai-desktop"


def executable(cli: bool = True) -> Path:
    """The bundle's executable; on Windows the console variant for ``cli``."""
    if sys.platform == "win32":
        return bundle_dir() / ("hai-desktop-cli.exe" if cli else "hai-desktop.exe")
    return bundle_dir() / "hai-desktop"


def folder_size(path: Path) -> tuple[int, int]:
    """(bytes, files) below ``path``."""
    total = files = 0
    for p in path.rglob("*"):
        if p.is_file() and not p.is_symlink():
            total += p.stat().st_size
            files += 1
    return total, files


def build(clean: bool, keep_all: bool = False) -> float:
    """Run PyInstaller on the spec; returns the seconds it took. ``keep_all``: the bundle
    without the excludes and filters, in ``dist/keep-all/`` (to measure what they save)."""
    cmd = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(DIST / "keep-all" if keep_all else DIST),
        "--workpath",
        str(WORK.with_name("pyinstaller-keep-all") if keep_all else WORK),
        str(SPEC),
    ]
    if clean:
        cmd.insert(3, "--clean")
    env = dict(os.environ, HAI_BUNDLE_KEEP_ALL="1" if keep_all else "0")
    started = time.perf_counter()
    subprocess.run(cmd, check=True, cwd=ROOT, env=env)
    return time.perf_counter() - started


def self_check() -> int:
    data = Path(tempfile.mkdtemp(prefix="hai-frozen-check-"))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HAI_", "PYTHON"))}
    env["QT_QPA_PLATFORM"] = "offscreen"
    try:
        started = time.perf_counter()
        result = subprocess.run(
            [str(executable()), "--data-dir", str(data), "self-check"],
            env=env,
            cwd=data,
            text=True,
            capture_output=True,
        )
        took = time.perf_counter() - started
        sys.stdout.write(result.stdout)
        sys.stderr.write(result.stderr)
        print(f"frozen self-check: exit {result.returncode} in {took:.2f} s")
        return result.returncode
    finally:
        shutil.rmtree(data, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="run the frozen self-check")
    parser.add_argument("--clean", action="store_true", help="discard PyInstaller's cache")
    parser.add_argument(
        "--keep-all",
        action="store_true",
        help="also build without the excludes and filters (dist/keep-all/) and say what they save",
    )
    args = parser.parse_args(argv)
    took = build(args.clean)
    size, files = folder_size(bundle_dir())
    print(f"bundle: {bundle_dir()}  {size / 1e6:.1f} MB in {files} files, built in {took:.1f} s")
    if args.keep_all:
        full_took = build(args.clean, keep_all=True)
        full = DIST / "keep-all" / bundle_dir().name
        full_size, full_files = folder_size(full)
        print(
            f"without the excludes and filters: {full_size / 1e6:.1f} MB in {full_files} files"
            f" (built in {full_took:.1f} s); they save {(full_size - size) / 1e6:.1f} MB"
            f" ({(full_size - size) / full_size:.0%})"
        )
    if args.check:
        return self_check()
    return 0


if __name__ == "__main__":
    sys.exit(main())
