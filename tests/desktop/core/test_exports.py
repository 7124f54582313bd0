"""Report exports (issue 11): CSV with BOM, XLSX opened with openpyxl, contact data only
when asked for, Indonesian number forms."""

from __future__ import annotations

import csv
import random
from datetime import UTC, datetime

import openpyxl

from hai_desktop.core import reports
from hai_desktop.core.exports import csv_export, numbers, summary, xlsx_export
from hai_desktop.core.exports import rows as export_rows
from tests import report_data

OFFICE = "KPPN-BANDA-ACEH"
NOW = datetime(2026, 12, 2, 3, 0, tzinfo=UTC)


def _month(db, n=120):
    times = report_data.month_times("2026-11", n, random.Random(7))
    report_data.insert(db, OFFICE, times, seed=7)
    return reports.monthly("2026-11", OFFICE, now=NOW)


def test_indonesian_number_forms():
    assert numbers.integer(20000) == "20.000"
    assert numbers.decimal(1234.56, 1) == "1.234,6"
    assert numbers.percent(0.4567) == "45,7%"
    assert numbers.signed(-3) == "-3" and numbers.signed(12) == "+12"
    assert numbers.month_name("2026-11") == "November 2026"
    assert numbers.day_date("2026-11-30") == "30 November 2026"
    assert numbers.integer(None) == "-"


def test_csv_has_bom_header_and_no_contact_by_default(db, profile, tmp_path):
    _month(db)
    out = tmp_path / "nov.csv"
    n = csv_export.write_csv(out, "2026-11", OFFICE)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with open(out, encoding="utf-8-sig", newline="") as fh:
        table = list(csv.reader(fh, delimiter=";"))
    assert n == 120 == len(table) - 1
    assert table[0] == export_rows.columns(False).headers
    assert "Nama Pengunjung" not in table[0] and "Telepon" not in table[0]
    text = raw.decode("utf-8-sig")
    assert "0812-555-0101" not in text and "Santoso" not in text
    # Indonesian time form in the time column
    assert table[1][1][2] == "/" and "." in table[1][1][-3:]
    assert not list(tmp_path.glob("*.part"))


def test_csv_with_contact_when_ticked(db, profile, tmp_path):
    _month(db, 40)
    out = tmp_path / "nov.csv"
    csv_export.write_csv(out, "2026-11", OFFICE, include_contact=True, delimiter=",")
    with open(out, encoding="utf-8-sig", newline="") as fh:
        table = list(csv.reader(fh))
    assert "Nama Pengunjung" in table[0] and "E-mail" in table[0]
    name_i = table[0].index("Nama Pengunjung")
    assert all(row[name_i] for row in table[1:])


def test_xlsx_opens_with_summary_and_rows(db, profile, tmp_path):
    figures = _month(db)
    out = tmp_path / "nov.xlsx"
    n = xlsx_export.write_xlsx(out, figures, "2026-11", OFFICE)
    assert n == 120
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Ringkasan", "Layanan"]
    s = wb["Ringkasan"]
    assert s["A1"].value.startswith("Laporan Kinerja Bulanan")
    values = {r[0]: r[1] for r in s.iter_rows(min_row=1, max_col=2, values_only=True) if r[0]}
    assert values["Jumlah layanan"] == 120
    assert "Per Bidang" in values and "Pengunjung per Jam (call per hour)" in values
    assert len(s._charts) >= 4
    rows_ws = wb["Layanan"]
    head = [c.value for c in rows_ws[1]]
    assert head == export_rows.columns(False).headers
    assert rows_ws.max_row == 121
    time_cell = rows_ws.cell(row=2, column=head.index("Waktu") + 1)
    assert isinstance(time_cell.value, datetime) and time_cell.number_format == "dd/mm/yyyy hh:mm"
    assert rows_ws.column_dimensions["H"].width == 60  # Pertanyaan
    assert rows_ws.freeze_panes == "A2"
    flat = " ".join(str(c.value) for row in rows_ws.iter_rows() for c in row)
    assert "Santoso" not in flat


def test_empty_month_exports_zeros(db, profile, tmp_path):
    figures = reports.monthly("2026-11", OFFICE, now=NOW)
    assert xlsx_export.write_xlsx(tmp_path / "e.xlsx", figures, "2026-11", OFFICE) == 0
    assert csv_export.write_csv(tmp_path / "e.csv", "2026-11", OFFICE) == 0
    wb = openpyxl.load_workbook(tmp_path / "e.xlsx")
    assert wb["Layanan"].max_row == 1


def test_summary_tables_use_reference_names(db, profile):
    figures = _month(db, 60)
    tables = {t.key: t for t in summary.tables(figures)}
    assert sum(c for _, c in tables["by_department"].rows) == 60
    names = [label for label, _ in tables["by_channel"].rows]
    assert "Tatap muka" in names
    assert tables["daily"].chart == "line" and len(tables["daily"].rows) == 30
    assert sum(c for _, c in tables["by_hour"].rows) == 60
    assert summary.period_text(figures) == "1 November 2026 – 30 November 2026 (WIB)"
    labels = dict(summary.key_figures(figures))
    assert labels["Jumlah layanan"] == "60"
