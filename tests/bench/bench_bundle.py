"""The frozen desk against the desk run from source, started the same way (issue 13).

    .venv/bin/python tests/bench/bench_bundle.py [--bundle dist/hai-desktop] [--runs 7]

Build the bundle first (``bash scripts/bundle`` or ``python installer/build.py``). Each run
is a fresh process on one ready profile, runs interleaved: the bundle's ``hai-desktop``, the
same program from source (``python -m hai_desktop``, from compiled bytecode as an installed
desk runs), and a bare PySide6 ``QMainWindow`` for scale. Both desks start with
``--exit-when-ready``: they print ``PAINT <epoch s>`` at the window's first paint and
``READY <epoch s>`` once the log form takes typing, then quit; the parent stamps the time
before spawning. Also prints the bundle's size and file count.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.bench.bench_startup import BARE_CHILD, env, prepare_profile, stamped_run_ms  # noqa: E402


def folder_size(path: Path) -> tuple[int, int]:
    """``installer/build.py``'s own count (loaded by path: ``build`` also names a PyPI package)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "hai_installer_build", ROOT / "installer" / "build.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.folder_size(path)


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--bundle", type=Path, default=ROOT / "dist" / "hai-desktop")
    p.add_argument("--runs", type=int, default=7)
    args = p.parse_args()
    exe = args.bundle / ("hai-desktop.exe" if sys.platform == "win32" else "hai-desktop")
    if not exe.exists():
        raise SystemExit(f"no bundle at {args.bundle}: build it first (bash scripts/bundle)")
    work = Path(tempfile.mkdtemp(prefix="hai-bench-bundle-"))
    profile = work / "profile"
    prepare_profile(profile)
    bare = work / "bare.py"
    bare.write_text(BARE_CHILD)
    source_env = env()
    frozen_env = {k: v for k, v in source_env.items() if not k.startswith("PYTHON")}
    cmds = {
        "bare QMainWindow": ([sys.executable, str(bare)], source_env),
        "desk from source": (
            [sys.executable, "-m", "hai_desktop", "--data-dir", str(profile), "--exit-when-ready"],
            source_env,
        ),
        "desk frozen": ([str(exe), "--data-dir", str(profile), "--exit-when-ready"], frozen_env),
    }
    for cmd, environ in cmds.values():  # warm-up: bytecode written, files in the page cache
        stamped_run_ms(cmd, environ)
    results: dict[str, list[dict[str, float]]] = {name: [] for name in cmds}
    for _ in range(args.runs):
        for name, (cmd, environ) in cmds.items():
            results[name].append(stamped_run_ms(cmd, environ))
    size, files = folder_size(args.bundle)
    print(f"bundle {args.bundle}: {size / 1e6:.1f} MB in {files} files")
    print(
        f"cold start, {args.runs} runs interleaved, QT_QPA_PLATFORM={source_env['QT_QPA_PLATFORM']}:"
    )
    source_ready = statistics.median(r["READY"] for r in results["desk from source"])
    for name, runs in results.items():
        paint = statistics.median(r["PAINT"] for r in runs)
        line = f"  {name:<18} first paint median {paint:5.0f} ms"
        if "READY" in runs[0]:
            ready = statistics.median(r["READY"] for r in runs)
            line += f", log form usable median {ready:5.0f} ms"
            line += f" ({ready / source_ready:.2f}x the source run)"
        print(line)


if __name__ == "__main__":
    main()
