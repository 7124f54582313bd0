"""What goes into the desk's PyInstaller bundle and what stays out, in one place that the
spec (``hai-desktop.spec``) uses and the tests check without running PyInstaller.

The desk uses QtCore, QtGui, QtWidgets and QtNetwork (the single-instance socket); QtSvg
comes along for the SVG icon and image plugins. Everything else of PySide6, the hub's
packages and the test tools are excluded. Qt plugins are filtered to what a desk PC needs.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP_NAME = "hai-desktop"

# Never in the desk bundle: the hub (a separate program and install) and the test tools.
HUB_AND_TEST_MODULES = [
    "hai_central",
    "fastapi",
    "starlette",
    "uvicorn",
    "pydantic",
    "pydantic_core",
    "psycopg",
    "psycopg_binary",
    "psycopg2",
    "argon2",
    "_argon2_cffi_bindings",
    "multipart",
    "python_multipart",
    "httptools",
    "uvloop",
    "watchfiles",
    "websockets",
    "anyio",
    "httpx",
    "httpcore",
    "pytest",
    "_pytest",
    "pytestqt",
    "pluggy",
    "hypothesis",
    "schemathesis",
    "ruff",
    "PyInstaller",
    "tkinter",
    "_tkinter",
]

# Qt modules the desk does not use (PySide6's own hooks would otherwise pull some in).
UNUSED_QT_MODULES = [
    "PySide6." + name
    for name in (
        "Qt3DAnimation Qt3DCore Qt3DExtras Qt3DInput Qt3DLogic Qt3DRender QtBluetooth "
        "QtCanvasPainter QtConcurrent QtDBus QtDataVisualization QtDesigner QtGraphs "
        "QtGraphsWidgets QtHelp QtHttpServer QtLocation QtMultimedia QtMultimediaWidgets "
        "QtNfc QtOpenGL QtOpenGLWidgets QtPdf QtPdfWidgets QtPositioning QtQml QtQuick "
        "QtQuick3D QtQuickControls2 QtQuickTest QtQuickWidgets QtRemoteObjects QtScxml "
        "QtSensors QtSerialBus QtSerialPort QtSpatialAudio QtSql QtStateMachine QtTest "
        "QtTextToSpeech QtUiTools QtWebChannel QtWebEngineCore QtWebEngineQuick "
        "QtWebEngineWidgets QtWebSockets QtWebView QtXml"
    ).split()
]

EXCLUDES = HUB_AND_TEST_MODULES + UNUSED_QT_MODULES

# Qt plugin folders (below .../Qt/plugins) and, inside them, the plugin files to keep.
# A plugin folder not named here is dropped whole.
KEEP_PLUGINS = {
    # offscreen: self-check and CI; xcb / wayland: Linux desktops; windows: office PCs.
    "platforms": ("offscreen", "xcb", "wayland", "qwindows", "qminimal."),
    # (the gtk3 theme would bring GTK and its libraries: ~20 MB for native-looking dialogs)
    "platformthemes": ("xdgdesktopportal",),
    "platforminputcontexts": ("compose", "ibus"),
    "imageformats": ("qsvg", "qico", "qjpeg", "qgif"),
    "iconengines": ("qsvgicon",),
    "styles": ("qmodernwindowsstyle", "qwindowsvistastyle"),
    "tls": ("openssl", "schannel"),
    "xcbglintegrations": ("xcb-glx",),
    "wayland-shell-integration": ("xdg-shell",),
    "wayland-decoration-client": ("bradient",),
    "wayland-graphics-integration-client": ("wayland-egl",),
    "networkinformation": ("networkmanager", "qnetworklistmanager"),
}


def hidden_imports(collect_submodules) -> list[str]:
    """Every module of the desk and the contract (their build scripts and tests aside)."""

    def wanted(name: str) -> bool:
        return ".resources" not in name and not name.endswith(("build_reference", "__main__"))

    names = collect_submodules("hai_desktop", filter=wanted)
    names += collect_submodules("hai_contract", filter=wanted)
    return sorted(set(names))


def keep_data_or_binary(dest: str) -> bool:
    """Whether a file PyInstaller collected (its destination path in the bundle) stays.

    Drops Qt's own translations (the desk ships Indonesian Qt texts in code and English
    is Qt's default) and every Qt plugin not in ``KEEP_PLUGINS``.
    """
    parts = Path(dest.replace("\\", "/")).parts
    if "translations" in parts and parts[-1].endswith(".qm") and "hai_desktop" not in parts:
        return False
    if "plugins" in parts:
        i = parts.index("plugins")
        if len(parts) <= i + 2:
            return True
        folder, name = parts[i + 1], parts[-1]
        keep = KEEP_PLUGINS.get(folder)
        if keep is None:
            return False
        return any(k in name for k in keep)
    return True


_EXTENSION = re.compile(r"\.(abi3|cpython-[^.]+)\.so$|\.pyd$", re.I)


def _plain_library(dest: str) -> bool:
    """A shared library collected only as something else's dependency (extension modules,
    Qt plugins and the interpreter itself are the roots that need them)."""
    parts = Path(dest.replace("\\", "/")).parts
    name = parts[-1].lower()
    if "plugins" in parts or _EXTENSION.search(name):
        return False
    if name.startswith(("libpython", "python3")):
        return False  # the interpreter: loaded by the bootloader
    return ".so" in name or name.endswith(".dll")


def prune_libraries(binaries: list, get_imports) -> list:
    """Drop the libraries that only dropped plugins (or dropped modules) needed.

    PyInstaller resolves library dependencies before the spec can filter plugins, so the
    Qt Quick/QML, PDF, virtual keyboard and EGL libraries that those plugins pulled in would
    stay. Walk the dependencies again from what is kept: the extension modules, the plugins
    and the interpreter; a plain library nothing reaches is left out.
    """
    roots = [entry for entry in binaries if not _plain_library(entry[0])]
    by_name = {Path(entry[0]).name: entry for entry in binaries}
    reached: set[str] = set()
    queue = [entry[1] for entry in roots]
    seen_paths: set[str] = set()
    while queue:
        path = queue.pop()
        if path in seen_paths:
            continue
        seen_paths.add(path)
        for name, full in get_imports(path):
            base = Path(name).name
            if base in reached:
                continue
            reached.add(base)
            target = by_name.get(base)
            if target is not None:
                queue.append(target[1])
            elif full:
                queue.append(full)
    return [e for e in binaries if not _plain_library(e[0]) or Path(e[0]).name in reached]


def app_version() -> str:
    """The version from pyproject.toml: the one source of truth."""
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    match = re.search(r'^version\s*=\s*"([^"]+)"', text, re.M)
    if not match:
        raise SystemExit("no version in pyproject.toml")
    return match.group(1)


def desk_datas() -> list[tuple[str, str]]:
    """(source, destination folder) pairs: the desk's resources and the contract's
    reference data, at the same places below ``_internal`` as in the installed package
    (the code finds them relative to its own modules). Demo data stays out: the demo needs
    the hub, which is not in the bundle."""
    pairs = []
    res = ROOT / "hai_desktop" / "resources"
    for folder, pattern in (
        ("styles", "*.qss"),
        ("icons", "*.svg"),
        ("icons", "*.png"),
        ("icons", "*.ico"),
        ("translations", "*.qm"),
    ):
        for path in sorted((res / folder).glob(pattern)):
            pairs.append((str(path), f"hai_desktop/resources/{folder}"))
    ref = ROOT / "hai_contract" / "reference"
    pairs.append((str(ref / "reference.json"), "hai_contract/reference"))
    return pairs
