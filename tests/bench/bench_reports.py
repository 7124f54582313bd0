"""Benchmark: the monthly report and the logbook import (issue 11).

Run by hand (not collected by pytest):

    .venv/bin/python tests/bench/bench_reports.py [--total 500000] [--month-rows 20000]

A desk database of ``--total`` inquiries over 25 months, ``--month-rows`` of them in
November 2026 (the reported month). Measured, each against a baseline in the same run:

1. Figures: ``core.reports.monthly``; its month read through ``ix_inquiry_counted`` vs the
   same read with ``NOT INDEXED`` (a full scan, the baseline) → p50/max ms;
2. Figures on screen: the Laporan screen (offscreen Qt) from ``refresh()`` to ``loaded``
   (computed on the reader thread) → ms;
3. Exports of the month: XLSX, PDF, CSV → s;
4. Import of a 10,000-row logbook (title rows, blank lines, dates mixed: real dates, Excel
   serials, dd/mm/yyyy text) into the outbox vs its dry run (read and check only) → s.

Targets (issue 11): figures on screen ≤ 300 ms; XLSX ≤ 3 s; PDF ≤ 2 s; import ≤ 5 s.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from hai_contract import reports as rules  # noqa: E402
from hai_desktop.core import profile_store, reference, reports  # noqa: E402
from hai_desktop.core.db.database import open_database  # noqa: E402
from tests import logbook_data, report_data  # noqa: E402

OFFICE = "KPPN-BANDA-ACEH"
MONTH = "2026-11"
NOW = datetime(2026, 12, 2, 3, 0, tzinfo=UTC)


def _fill(db, total: int, month_rows: int) -> float:
    rng = random.Random(11)
    started = time.perf_counter()
    others = [rules.shift_month(MONTH, -k) for k in range(1, 25)]
    per_other = (total - month_rows) // len(others)
    report_data.insert(db, OFFICE, report_data.month_times(MONTH, month_rows, rng), 1)
    for i, month in enumerate(others):
        report_data.insert(db, OFFICE, report_data.month_times(month, per_other, rng), i + 2)
    return time.perf_counter() - started


def _read_indexed(db) -> int:
    return len(reports.month_rows(reports.period(MONTH, "Asia/Jakarta"), OFFICE))


def _read_full_scan(db) -> int:
    """The same rows, read the way the report would without ``ix_inquiry_counted``."""
    p = reports.period(MONTH, "Asia/Jakarta")
    sql = (
        f"SELECT {reports.COUNTED}, department, channel, application, outcome,"
        " out_of_scope_reason, served_started_at, served_ended_at, substr(question, 1, 1000),"
        f" basis_kb_entry_ids FROM inquiry NOT INDEXED WHERE {reports.COUNTED} >= ?"
        f" AND {reports.COUNTED} < ? AND office_code = ?"
    )
    return len(db.execute_sql(sql, (p.start, p.end, OFFICE)).fetchall())


def _timed(fn, rounds: int) -> list[float]:
    out = []
    for _ in range(rounds):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def _screen_ms(db_path: Path) -> float:
    from PySide6.QtWidgets import QApplication

    from hai_desktop.gui.tasks import TaskManager
    from hai_desktop.gui.views.report_view import ReportView

    app = QApplication.instance() or QApplication([])
    tasks = TaskManager()
    view = ReportView(tasks, OFFICE)
    view.month.blockSignals(True)
    view.month.setCurrentIndex(max(0, view.month.findData(MONTH)))
    view.month.blockSignals(False)
    done: list[float] = []
    view.loaded.connect(lambda _f: done.append(time.perf_counter()))
    times = []
    for _ in range(5):
        done.clear()
        t = time.perf_counter()
        view.refresh()
        while not done:
            app.processEvents()
            time.sleep(0.001)
        view.repaint()
        times.append((done[0] - t) * 1000)
    tasks.shutdown()
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--total", type=int, default=500_000)
    parser.add_argument("--month-rows", type=int, default=20_000)
    parser.add_argument("--import-rows", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        db = open_database(tmp_path / "desk.sqlite3")
        reference.seed_reference_if_empty()
        profile_store.set_profile("Bench", "bench@kemenkeu.go.id", OFFICE)
        took = _fill(db, args.total, args.month_rows)
        count = db.execute_sql("SELECT COUNT(*) FROM inquiry").fetchone()[0]
        print(f"database: {count:,} inquiries, {args.month_rows:,} in {MONTH} ({took:.0f} s)")
        from hai_desktop.core.timeutil import format_utc  # noqa: F401 - warm imports

        figures = reports.monthly(MONTH, OFFICE, now=NOW)
        assert figures["inquiries"] == args.month_rows, figures["inquiries"]
        fig = _timed(lambda: reports.monthly(MONTH, OFFICE, now=NOW), args.rounds)
        read = _timed(lambda: _read_indexed(db), args.rounds)
        base = _timed(lambda: _read_full_scan(db), args.rounds)
        for label, values in (
            ("figures (read + compute)", fig),
            ("  month read, index", read),
            ("  month read, NOT INDEXED", base),
        ):
            print(f"{label:27s} p50 {statistics.median(values):7.1f} ms  max {max(values):7.1f}")
        print(f"figures on screen (reader thread → loaded): {_screen_ms(tmp_path):.1f} ms"
              "  (target ≤ 300)")  # fmt: skip

        from hai_desktop.core.exports import csv_export, xlsx_export
        from hai_desktop.gui.views import report_pdf

        for name, fn, target in (
            ("xlsx", lambda p: xlsx_export.write_xlsx(p, figures, MONTH, OFFICE), 3.0),
            ("pdf", lambda p: report_pdf.write_pdf(p, figures, OFFICE), 2.0),
            ("csv", lambda p: csv_export.write_csv(p, MONTH, OFFICE), None),
        ):
            out = tmp_path / f"r.{name}"
            t = time.perf_counter()
            fn(out)
            s = time.perf_counter() - t
            goal = f"(target ≤ {target:.0f} s)" if target else ""
            print(f"export {name}: {s:5.2f} s  {out.stat().st_size / 1e6:5.1f} MB {goal}")
        db.close()

        from hai_desktop.core import logbook_import

        db2 = open_database(tmp_path / "import.sqlite3")
        reference.seed_reference_if_empty()
        profile_store.set_profile("Bench", "bench@kemenkeu.go.id", OFFICE)
        book = logbook_data.write_logbook(
            tmp_path / "log.xlsx", args.import_rows, datetime(2026, 10, 1)
        )
        t = time.perf_counter()
        dry = logbook_import.import_logbook(book, OFFICE, dry_run=True)
        dry_s = time.perf_counter() - t
        t = time.perf_counter()
        done = logbook_import.import_logbook(book, OFFICE)
        real_s = time.perf_counter() - t
        t = time.perf_counter()
        again = logbook_import.import_logbook(book, OFFICE)
        again_s = time.perf_counter() - t
        print(f"import {args.import_rows:,} rows: {real_s:.2f} s (target ≤ 5); dry run (baseline:"
              f" read + check) {dry_s:.2f} s; re-import {again_s:.2f} s"
              f" → imported {done.imported}, already {again.already},"
              f" unreadable {len(done.problems)} (dry run would import {len(dry.new)})")  # fmt: skip
        db2.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
