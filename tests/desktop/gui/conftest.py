"""Fixtures for GUI tests: a profile in tmp_path, a task manager, a main window."""

from __future__ import annotations

import pytest

from hai_desktop.core import profile_store, reference
from hai_desktop.core.db.database import open_database
from hai_desktop.core.paths import ProfilePaths


@pytest.fixture
def paths(tmp_path) -> ProfilePaths:
    return ProfilePaths.for_dir(tmp_path / "profile").ensure()


@pytest.fixture
def db(paths):
    database = open_database(paths.database)
    reference.seed_reference_if_empty()
    yield database
    database.close()


@pytest.fixture
def profile(db):
    return profile_store.set_profile(
        "Budi Santoso", "budi.santoso@kemenkeu.go.id", "KPPN-BANDA-ACEH"
    )


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
