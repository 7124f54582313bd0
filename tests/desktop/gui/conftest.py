"""Fixtures for GUI tests: a task manager and a main window (``paths``, ``db`` and
``profile`` come from tests/desktop/conftest.py)."""

from __future__ import annotations

import pytest


@pytest.fixture
def tasks(qapp, db):
    from hai_desktop.gui.tasks import TaskManager

    manager = TaskManager()
    yield manager
    manager.shutdown()


@pytest.fixture
def make_window(qtbot, paths, tasks, profile):
    """Build (and show) a main window on the test profile; several may be built."""
    from hai_desktop.gui.mainwindow import MainWindow

    def make():
        window = MainWindow(paths, tasks, profile=profile)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        drain(qtbot, tasks)
        return window

    return make


@pytest.fixture
def window(make_window):
    return make_window()


def drain(qtbot, tasks, ms: int = 20) -> None:
    """Let queued worker jobs run and their results reach the GUI thread."""
    for _ in range(3):
        tasks.wait_db_idle()
        qtbot.wait(ms)
