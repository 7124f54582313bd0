"""The Laporan screen (issue 11): registered in SCREENS, figures computed off the GUI
thread, charts filled, exports written through the task manager."""

from __future__ import annotations

import random
import threading

import openpyxl

from hai_desktop.core import reports
from hai_desktop.gui import mainwindow
from tests import report_data

OFFICE = "KPPN-BANDA-ACEH"


def _fill(db, month: str, n: int, seed: int = 12) -> None:
    report_data.insert(db, OFFICE, report_data.month_times(month, n, random.Random(seed)), seed)


def _view(qtbot, tasks, db, profile):
    from hai_desktop.gui.views.report_view import ReportView

    view = ReportView(tasks, OFFICE)
    qtbot.addWidget(view)
    return view


def test_registered_in_screens():
    assert "reports" in [s.key for s in mainwindow.SCREENS]


def test_loads_previous_month_off_the_gui_thread(qtbot, tasks, db, profile, monkeypatch):
    month = reports.previous_month(reports.office_zone(OFFICE))
    _fill(db, month, 150)
    threads = []
    real = reports.monthly

    def spy(*args, **kwargs):
        threads.append(threading.current_thread().name)
        return real(*args, **kwargs)

    monkeypatch.setattr(reports, "monthly", spy)
    view = _view(qtbot, tasks, db, profile)
    assert view.current_month() == month
    with qtbot.waitSignal(view.loaded, timeout=10_000) as sig:
        view.show()
    assert sig.args[0]["inquiries"] == 150
    assert threads and threads[0].startswith("hai-read")
    dept = view.charts["by_department"].table()
    assert sum(c for _, c in dept.rows) == 150
    assert len(view.charts["daily"].table().rows) == reports.rules.month_days(month)
    assert view.buttons["xlsx"].isEnabled()
    assert any(v.text() == "150" for _, v in view.key_labels)
    assert "1." in view.questions.text()
    view.grab()  # paints every chart without error


def test_empty_month_and_month_switch(qtbot, tasks, db, profile):
    view = _view(qtbot, tasks, db, profile)
    with qtbot.waitSignal(view.loaded, timeout=10_000) as sig:
        view.show()
    assert sig.args[0]["inquiries"] == 0
    assert "Tidak ada layanan" in view.status.text()
    view.grab()
    with qtbot.waitSignal(view.loaded, timeout=10_000) as sig:
        view.month.setCurrentIndex(3)
    assert sig.args[0]["month"] == view.current_month()


def test_exports_from_the_screen(qtbot, tasks, db, profile, tmp_path):
    month = reports.previous_month(reports.office_zone(OFFICE))
    _fill(db, month, 80)
    view = _view(qtbot, tasks, db, profile)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.show()
    for kind in ("xlsx", "csv", "pdf"):
        target = tmp_path / f"r.{kind}"
        view.ask_path = lambda k, t=target: t
        with qtbot.waitSignal(view.exported, timeout=20_000) as sig:
            view.buttons[kind].click()
        assert sig.args[0] == str(target) and target.stat().st_size > 0
    wb = openpyxl.load_workbook(tmp_path / "r.xlsx")
    assert wb["Layanan"].max_row == 81
    assert "Nama Pengunjung" not in [c.value for c in wb["Layanan"][1]]
    view.contact.setChecked(True)
    target = tmp_path / "c.xlsx"
    view.ask_path = lambda k: target
    with qtbot.waitSignal(view.exported, timeout=20_000):
        view.buttons["xlsx"].click()
    assert "Nama Pengunjung" in [c.value for c in openpyxl.load_workbook(target)["Layanan"][1]]


def test_opened_from_the_window(qtbot, window):
    window.show_page("reports")
    qtbot.waitUntil(lambda: window.findChild(object, "reportMonthCombo") is not None, timeout=5000)


def test_logbook_dialog_previews_and_imports(qtbot, tasks, db, profile, tmp_path):
    from datetime import datetime

    from hai_desktop.gui.views.logbook_dialog import LogbookDialog
    from tests.logbook_data import write_logbook

    path = write_logbook(tmp_path / "log.xlsx", 60, datetime(2026, 11, 2))
    dialog = LogbookDialog(tasks, OFFICE)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.previewed, timeout=10_000) as sig:
        dialog.open_file(path)
    assert len(sig.args[0].new) == 60
    assert dialog.combos["date"].currentText() == "Tanggal"
    assert "Akan diimpor 60" in dialog.summary.text()
    with qtbot.waitSignal(dialog.imported, timeout=10_000) as sig:
        dialog.import_button.click()
    assert sig.args[0].imported == 60
    assert "Diimpor 60" in dialog.summary.text()
    with qtbot.waitSignal(dialog.previewed, timeout=10_000) as sig:
        dialog.open_file(path)
    assert sig.args[0].already == 60 and not dialog.import_button.isEnabled()
    bad = tmp_path / "old.xls"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64)
    dialog.open_file(bad)
    qtbot.waitUntil(lambda: ".xls" in dialog.summary.text(), timeout=10_000)
