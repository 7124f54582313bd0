"""The monthly report as XLSX (openpyxl, write-only so 20,000 rows stay fast):

- **Ringkasan**: the HAI-DJPBN name, the office and period, the headline figures, then each
  chart's table (label, count, share) with a native Excel chart beside the main ones;
- **Layanan**: the month's inquiries, one row each (the CSV's columns), real dates with a
  ``dd/mm/yyyy hh:mm`` format, minutes as numbers, a frozen header and a filter.

Written to a temporary file and moved into place: a failure leaves no half file.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from hai_desktop.core.exports import labels, numbers, summary
from hai_desktop.core.exports import rows as export_rows

SUMMARY_SHEET, ROWS_SHEET = "Ringkasan", "Layanan"
DATE_FORMAT = "dd/mm/yyyy hh:mm"
WIDTHS = {
    "no": 7, "time": 17, "channel": 13, "department": 30, "application": 14,
    "visitor_name": 24, "phone": 16, "email": 28, "satker_code": 12, "institution": 28,
    "question": 60, "answer": 60, "outcome": 16, "out_of_scope_reason": 30,
    "regulations": 30, "minutes": 12, "origin": 13, "id": 38,
}  # fmt: skip
CHARTED = ("by_department", "by_channel", "by_outcome", "by_hour", "daily")
_BOLD = Font(bold=True)
_TITLE = Font(bold=True, size=14)
_HEAD_FILL = PatternFill("solid", fgColor="DDE6F0")


def _cell(ws, value: Any, font: Font | None = None, fmt: str | None = None, fill=None):
    c = WriteOnlyCell(ws, value=value)
    if font is not None:
        c.font = font
    if fmt:
        c.number_format = fmt
    if fill is not None:
        c.fill = fill
    return c


def _summary_sheet(wb: Workbook, figures: dict[str, Any], office_code: str) -> None:
    ws = wb.create_sheet(SUMMARY_SHEET)
    ws.column_dimensions["A"].width = 48
    ws.column_dimensions["B"].width = 14
    ws.column_dimensions["C"].width = 12
    row = 0

    def put(*cells) -> None:
        nonlocal row
        ws.append(list(cells))
        row += 1

    put(_cell(ws, labels.REPORT_TITLE, _TITLE))
    put(f"{summary.office_name(office_code)} ({office_code})")
    put(f"Periode: {summary.period_text(figures)}")
    put()
    put(_cell(ws, labels.TITLES["summary"], _BOLD))
    raw = {k: figures.get(k) for k in labels.FIGURES}
    for key, label in labels.FIGURES.items():
        value = raw[key]
        fmt = "0.0%" if key.endswith("_rate") else ("#,##0.0" if "minutes" in key else "#,##0")
        if key == "change_pct" and value is not None:
            value, fmt = value / 100, "+0.0%;-0.0%;0.0%"
        put(label, _cell(ws, labels.NO_DATA if value is None else value, fmt=fmt))
    total = int(figures.get("inquiries") or 0)
    anchor_col = "E"
    for table in summary.tables(figures, summary.outage_titles()):
        put()
        put(_cell(ws, table.title, _BOLD))
        head = labels.HEADERS["hour" if table.key == "by_hour" else
                              "day" if table.key == "daily" else "name"]  # fmt: skip
        put(*(_cell(ws, h, _BOLD, fill=_HEAD_FILL)
              for h in (head, labels.HEADERS["count"], labels.HEADERS["share"])))  # fmt: skip
        first = row + 1
        for label, count in table.rows or [(labels.NO_DATA, 0)]:
            share = count / total if total else 0
            put(label, _cell(ws, count, fmt="#,##0"), _cell(ws, share, fmt="0.0%"))
        if table.key in CHARTED and table.rows:
            ws.add_chart(_chart(ws, table, first, row), f"{anchor_col}{first - 1}")
    ws.sheet_view.showGridLines = False


def _chart(ws, table: summary.Table, first: int, last: int):
    chart = LineChart() if table.chart == "line" else BarChart()
    if isinstance(chart, BarChart):
        chart.type = "bar" if table.chart == "bar" else "col"
        chart.dataLabels = None
    chart.title = table.title
    chart.legend = None
    chart.height = max(6.0, min(12.0, 0.6 * (last - first + 1)))
    chart.width = 16
    data = Reference(ws, min_col=2, min_row=first, max_row=last)
    cats = Reference(ws, min_col=1, min_row=first, max_row=last)
    chart.add_data(data, titles_from_data=False)
    chart.set_categories(cats)
    return chart


def _rows_sheet(wb: Workbook, month: str, office_code: str, include_contact: bool) -> int:
    ws = wb.create_sheet(ROWS_SHEET)
    cols = export_rows.columns(include_contact)
    for i, key in enumerate(cols.keys, start=1):
        ws.column_dimensions[get_column_letter(i)].width = WIDTHS.get(key, 14)
    ws.freeze_panes = "A2"
    wrap = Alignment(wrap_text=False, vertical="top")
    head = []
    for h in cols.headers:
        c = _cell(ws, h, _BOLD, fill=_HEAD_FILL)
        c.alignment = wrap
        head.append(c)
    ws.append(head)
    n = 0
    time_i = cols.keys.index("time")
    min_i = cols.keys.index("minutes")
    for item in export_rows.month_rows(month, office_code, include_contact):
        values: list[Any] = [item.get(k) for k in cols.keys]
        values[time_i] = _cell(ws, values[time_i], fmt=DATE_FORMAT)
        if values[min_i] is not None:
            values[min_i] = _cell(ws, values[min_i], fmt="0.0")
        ws.append(values)
        n += 1
    ws.auto_filter.ref = f"A1:{get_column_letter(len(cols.keys))}{n + 1}"
    return n


def write_xlsx(
    path: Path | str,
    figures: dict[str, Any],
    month: str,
    office_code: str,
    include_contact: bool = False,
    with_rows: bool = True,
) -> int:
    """Write the workbook; returns the number of inquiry rows. ``with_rows`` False: the
    summary alone (a hub report of other offices: their inquiries stay at the hub)."""
    path = Path(path)
    wb = Workbook(write_only=True)
    wb.properties.title = f"{labels.REPORT_TITLE} {numbers.month_name(month)}"
    wb.properties.creator = labels.APP_NAME
    _summary_sheet(wb, figures, office_code)
    n = _rows_sheet(wb, month, office_code, include_contact) if with_rows else 0
    tmp = path.with_name(path.name + ".part")
    try:
        wb.save(tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return n
