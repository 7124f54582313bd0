"""The main window's keyboard shortcuts: binding them, and listing them for the F1 help.

The window passes its ``SCREENS`` and ``WINDOW_SHORTCUTS`` tables (see ``mainwindow``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from hai_desktop.gui.screens import Screen, screen_label, screen_shortcut


def install(window, screens: list[Screen], window_shortcuts: list[tuple[str, str, str]]) -> None:
    """Bind the window-wide shortcuts (to window methods) and each screen's Ctrl+<n>."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QKeySequence, QShortcut

    bindings = [(keys, getattr(window, method)) for keys, method, _text in window_shortcuts]
    for position, screen in enumerate(screens):
        if screen_shortcut(position):
            bindings.append(
                (screen_shortcut(position), lambda key=screen.key: window.open_screen(key))
            )
    for keys, slot in bindings:
        shortcut = QShortcut(QKeySequence(keys), window)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(slot)


def shortcut_rows(
    window, screens: list[Screen], window_shortcuts: list[tuple[str, str, str]]
) -> list[tuple[str, str, str]]:
    """(group, keys, description) of every shortcut: screens, window, each built page's."""
    rows = [
        (
            QCoreApplication.translate("MainWindow", "Layar"),
            screen_shortcut(i),
            screen_label(screen),
        )
        for i, screen in enumerate(screens)
        if screen_shortcut(i)
    ]
    group = QCoreApplication.translate("MainWindow", "Di mana saja")
    rows += [
        (group, keys, QCoreApplication.translate("Shortcuts", text))
        for keys, _method, text in window_shortcuts
    ]
    for key, screen in window._screens.items():
        page = window.built_page(key)
        provider = getattr(page, "shortcut_help", None)
        if callable(provider):
            rows += [(screen_label(screen), keys, text) for keys, text in provider()]
    return rows
