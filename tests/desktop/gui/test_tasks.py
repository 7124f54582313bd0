"""The task manager: work off the GUI thread, results back on it, writes in order."""

from __future__ import annotations

import threading

from hai_desktop.gui.tasks import TaskManager


def test_results_and_errors_come_back_on_the_gui_thread(qtbot, qapp):
    tasks = TaskManager()
    gui = threading.get_ident()
    seen = []
    try:
        tasks.run_db(lambda: threading.get_ident(), lambda worker: seen.append(("db", worker)))
        tasks.run_net(
            lambda: 1 / 0, None, lambda exc: seen.append(("err", threading.get_ident(), type(exc)))
        )
        qtbot.waitUntil(lambda: len(seen) == 2, timeout=3000)
        db = next(s for s in seen if s[0] == "db")
        assert db[1] != gui  # ran on the worker
        err = next(s for s in seen if s[0] == "err")
        assert err[1] == gui and err[2] is ZeroDivisionError  # delivered on the GUI thread
    finally:
        tasks.shutdown()


def test_database_jobs_run_in_submission_order(qtbot, qapp):
    tasks = TaskManager()
    order = []
    try:
        for i in range(50):
            tasks.run_db(lambda i=i: order.append(i))
        tasks.wait_db_idle()
        assert order == list(range(50))
    finally:
        tasks.shutdown()


def test_after_shutdown_late_work_is_dropped_quietly(qtbot, qapp):
    tasks = TaskManager()
    tasks.shutdown()
    future = tasks.run_query(lambda: 1, lambda _r: None)
    assert future.cancelled()
