"""The desk bundle's contents, checked without running PyInstaller: the spec's helpers in
``installer/bundle_config.py`` and the Windows version resource. (CI builds the real Linux
bundle and runs its self-check: ``scripts/bundle``.)"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO_ROOT / "installer"))

import bundle_config as cfg  # noqa: E402

from hai_desktop.core.selfcheck_bundle import REQUIRED_RESOURCES  # noqa: E402


def test_hub_and_test_tools_are_excluded():
    for name in ("hai_central", "fastapi", "uvicorn", "psycopg", "argon2", "pytest", "pytestqt"):
        assert name in cfg.EXCLUDES
    for name in ("PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtWebEngineCore", "PySide6.QtPdf"):
        assert name in cfg.EXCLUDES
    for used in ("PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets", "PySide6.QtNetwork"):
        assert used not in cfg.EXCLUDES


def test_plugin_and_translation_filter():
    keep = cfg.keep_data_or_binary
    assert keep("PySide6/Qt/plugins/platforms/libqoffscreen.so")
    assert keep("PySide6/Qt/plugins/platforms/libqxcb.so")
    assert keep("PySide6/plugins/platforms/qwindows.dll")
    assert keep("PySide6/Qt/plugins/imageformats/libqsvg.so")
    assert not keep("PySide6/Qt/plugins/platforms/libqeglfs.so")
    assert not keep("PySide6/Qt/plugins/platforms/libqminimalegl.so")
    assert not keep("PySide6/Qt/plugins/imageformats/libqpdf.so")
    assert not keep("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so")
    assert not keep("PySide6/Qt/plugins/sqldrivers/libqsqlite.so")
    assert not keep("PySide6/Qt/translations/qtbase_de.qm")
    assert keep("hai_desktop/resources/translations/hai_desktop_en.qm")
    assert keep("PySide6/QtCore.abi3.so")


def test_datas_carry_what_the_self_check_requires():
    dests = {(Path(src).name, dest) for src, dest in cfg.desk_datas()}
    for parts in REQUIRED_RESOURCES:
        assert (parts[-1], "hai_desktop/resources/" + "/".join(parts[:-1])) in dests, parts
    assert ("reference.json", "hai_contract/reference") in dests
    assert not any("demo" in dest for _, dest in dests)  # the demo needs the hub
    for src, _ in cfg.desk_datas():
        assert Path(src).is_file(), src


def test_libraries_only_dropped_plugins_needed_are_pruned():
    binaries = [
        ("PySide6/QtGui.abi3.so", "/x/QtGui.abi3.so", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/x/libqxcb.so", "BINARY"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/x/libQt6Gui.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6XcbQpa.so.6", "/x/libQt6XcbQpa.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Quick.so.6", "/x/libQt6Quick.so.6", "BINARY"),
        ("libxcb.so.1", "/x/libxcb.so.1", "BINARY"),
        ("libpython3.11.so.1.0", "/x/libpython3.11.so.1.0", "BINARY"),
    ]
    imports = {
        "/x/QtGui.abi3.so": [("libQt6Gui.so.6", "/x/libQt6Gui.so.6")],
        "/x/libqxcb.so": [("libQt6XcbQpa.so.6", "/x/libQt6XcbQpa.so.6")],
        "/x/libQt6XcbQpa.so.6": [("libxcb.so.1", "/x/libxcb.so.1")],
    }
    kept = cfg.prune_libraries(binaries, lambda path: imports.get(path, []))
    names = {Path(dest).name for dest, _, _ in kept}
    assert "libQt6Quick.so.6" not in names
    assert {"libQt6Gui.so.6", "libQt6XcbQpa.so.6", "libxcb.so.1", "libpython3.11.so.1.0"} <= names


def test_windows_version_resource_carries_the_pyproject_version(tmp_path):
    import ast

    from windows_version import version_tuple, write_version_file

    version = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]
    assert cfg.app_version() == version
    text = write_version_file(version, tmp_path).read_text("utf-8")
    tree = ast.parse(text, mode="eval")  # PyInstaller evaluates this text on Windows
    calls = {n.func.id for n in ast.walk(tree) if isinstance(n, ast.Call)}
    assert {"VSVersionInfo", "FixedFileInfo", "StringTable", "StringStruct"} <= calls
    strings = {
        n.args[0].value: n.args[1].value
        for n in ast.walk(tree)
        if isinstance(n, ast.Call) and n.func.id == "StringStruct"
    }
    assert strings["ProductVersion"] == version and strings["OriginalFilename"] == "hai-desktop.exe"
    assert f"filevers={version_tuple(version)}" in text
    assert version_tuple("1.2.3rc1+local") == (1, 2, 3, 0)
