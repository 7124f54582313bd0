"""Self-check of the Qt side, headless: the platform plugin (``offscreen`` by default, so it
runs over SSH and in CI; ``HAI_SELFCHECK_QPA`` names another), the English translation, the icons (SVG and PNG through Qt's
image plugins), the stylesheet (Qt's parse warnings count as failures) and the app icon.

Proves that a frozen bundle carries its Qt plugins and data: ``hai-desktop self-check``
calls :func:`run_qt_checks` after the database and bundle checks.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from hai_desktop.core.selfcheck import CheckResult

_ICON_PROBE_PX = 32


def run_qt_checks() -> list[CheckResult]:
    """``(name, ok, detail)`` for each Qt check; never raises."""
    results: list[CheckResult] = []

    def run(name: str, fn: Callable[[], str]) -> None:
        try:
            results.append((name, True, fn()))
        except Exception as exc:  # a self-check reports every failure, whatever it is
            results.append((name, False, f"{type(exc).__name__}: {exc}"))

    state: dict = {}
    run("qt_platform", lambda: _platform(state))
    if "app" not in state:
        return results
    run("qt_translations", _translations)
    run("qt_icons", _icons)
    run("qt_stylesheet", lambda: _stylesheet(state["app"]))
    return results


def _platform(state: dict) -> str:
    # Offscreen unless told otherwise: the check must work without a display (SSH, CI).
    # HAI_SELFCHECK_QPA=windows / xcb checks the real platform plugin where there is one.
    platform = os.environ.get("HAI_SELFCHECK_QPA", "offscreen")
    os.environ["QT_QPA_PLATFORM"] = platform
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import QLibraryInfo, qVersion
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        app = QApplication(["hai-desktop", "-platform", platform])
    state["app"] = app
    plugins = QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)
    return f"{app.platformName()} (Qt {qVersion()}, PySide6 {pyside_version}; plugins {plugins})"


def _translations() -> str:
    from PySide6.QtCore import QTranslator

    from hai_desktop.core.resources import resource_path

    qm = resource_path("translations", "hai_desktop_en.qm")
    translator = QTranslator()
    if not translator.load(str(qm)) or translator.isEmpty():
        raise RuntimeError(f"could not load {qm}")
    return f"{qm.name} loaded ({qm.stat().st_size} bytes, language {translator.language()})"


def _icons() -> str:
    from PySide6.QtGui import QIcon, QImageReader

    from hai_desktop.core.resources import resource_path

    formats = {bytes(f).decode() for f in QImageReader.supportedImageFormats()}
    needed = {"svg", "png"}
    if not needed <= formats:
        raise RuntimeError(f"Qt image formats missing: {sorted(needed - formats)}")
    folder = resource_path("icons")
    files = sorted(p for p in folder.iterdir() if p.suffix in (".svg", ".png"))
    broken = [
        p.name for p in files if QIcon(str(p)).pixmap(_ICON_PROBE_PX, _ICON_PROBE_PX).isNull()
    ]
    if broken:
        raise RuntimeError(f"icons that do not render: {', '.join(broken)}")
    from hai_desktop.gui.branding import app_icon

    sizes = sorted(s.width() for s in app_icon().availableSizes())
    return f"{len(files)} icons render (svg, png); app icon sizes {sizes}"


def _stylesheet(app) -> str:
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler
    from PySide6.QtWidgets import QWidget

    from hai_desktop.gui.app import load_stylesheet

    text = load_stylesheet()
    if not text.strip():
        raise RuntimeError("desk.qss is missing or empty")
    warnings: list[str] = []

    def handler(kind, _context, message):
        if kind != QtMsgType.QtDebugMsg:
            warnings.append(message)

    previous = qInstallMessageHandler(handler)
    try:
        app.setStyleSheet(text)
        probe = QWidget()
        probe.ensurePolished()  # the sheet is parsed when a widget is polished
        probe.deleteLater()
    finally:
        qInstallMessageHandler(previous)
    problems = [w for w in warnings if "style" in w.lower() or "parse" in w.lower()]
    if problems:
        raise RuntimeError("; ".join(problems[:3]))
    return f"desk.qss applied ({len(text)} characters, no parse warnings)"
