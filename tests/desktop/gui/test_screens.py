"""The screen registry (mainwindow.SCREENS): navigation, Ctrl+<n>, Ctrl+K, F1 help."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from hai_desktop.gui import mainwindow
from hai_desktop.gui import object_names as names
from hai_desktop.gui.screens import screen_shortcut
from tests.desktop.gui.conftest import drain


def _nav_keys(window) -> list[str]:
    return [
        window.nav.item(row).data(Qt.ItemDataRole.UserRole) for row in range(window.nav.count())
    ]


def test_navigation_follows_the_registry_and_screens_build_on_first_show(window):
    assert _nav_keys(window) == [s.key for s in mainwindow.SCREENS]
    assert window.built_page(names.PAGE_LOG) is not None
    # Only the first screen is built with the window: start-up stays light.
    assert window.built_page(names.PAGE_KB) is None
    assert window.built_page(names.PAGE_HISTORY) is None
    window.show_page(names.PAGE_KB)
    assert window.built_page(names.PAGE_KB) is window.stack.currentWidget()


def test_ctrl_number_opens_each_screen_in_navigation_order(qtbot, window, tasks):
    for position, screen in enumerate(mainwindow.SCREENS):
        focused = QApplication.focusWidget() or window
        qtbot.keyClick(
            focused, Qt.Key(Qt.Key.Key_1 + position), Qt.KeyboardModifier.ControlModifier
        )
        drain(qtbot, tasks)
        assert window.current_page_key() == screen.key
        if screen.focus:
            assert QApplication.focusWidget().objectName() == screen.focus


def test_ctrl_k_reaches_the_kb_search_from_the_log_form(qtbot, window):
    window.form.visitor_name.setFocus()
    qtbot.keyClick(window.form.visitor_name, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_key() == names.PAGE_KB
    assert QApplication.focusWidget().objectName() == names.KB_SEARCH


def test_side_menu_takes_focus_and_settings_are_reachable_by_keyboard(qtbot, window):
    qtbot.keyClick(window.form.visitor_name, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.nav
    button = window.findChild(QWidget, names.SETTINGS_BUTTON)
    assert button.focusPolicy() != Qt.FocusPolicy.NoFocus


def test_a_registered_screen_is_one_line(qtbot, monkeypatch, paths, tasks, profile):
    """What the tickets/broadcasts/reports helpers do: one Screen(...) in SCREENS."""
    import sys
    import types

    module = types.ModuleType("fake_screen_module")
    built = []

    def create(window):
        built.append(window)
        label = QLabel("x")
        label.setObjectName("fakeScreen")
        return label

    module.create = create
    monkeypatch.setitem(sys.modules, "fake_screen_module", module)
    screens = [*mainwindow.SCREENS, mainwindow.Screen("fake", "Palsu", "fake_screen_module:create")]
    monkeypatch.setattr(mainwindow, "SCREENS", screens)
    window = mainwindow.MainWindow(paths, tasks, profile=profile)
    qtbot.addWidget(window)
    window.show()
    assert _nav_keys(window)[-1] == "fake"
    assert built == []
    keys = f"Ctrl+{len(screens)}"
    assert any(row[1] == keys for row in window.shortcut_list())
    window.open_screen("fake")
    assert built == [window]
    assert window.current_page_key() == "fake"


def test_f1_lists_every_screen_and_the_form_shortcuts(qtbot, window):
    from hai_desktop.gui.shortcut_help import ShortcutHelpDialog

    seen = {}

    def grab():
        dialog = QApplication.activeModalWidget()
        seen["dialog"] = isinstance(dialog, ShortcutHelpDialog)
        seen["rows"] = dialog.rows() if seen["dialog"] else []
        dialog.reject()

    QTimer.singleShot(50, grab)
    qtbot.keyClick(window.form.visitor_name, Qt.Key.Key_F1)
    assert seen["dialog"]
    keys = {row[1] for row in seen["rows"]}
    for position in range(len(mainwindow.SCREENS)):
        assert screen_shortcut(position) in keys
    assert {"Ctrl+K", "Ctrl+S", "F1", "Alt+1 … Alt+5"} <= keys
