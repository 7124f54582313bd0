"""The monthly report as PDF, with Qt's own PDF writer (issue 11): a summary page with the
charts, the HAI-DJPBN name, the office and period, a signature block for the head of office
and the not-legally-binding note of decree V.e.5; the smaller tables and the top questions
on the next page.

Painted with QPainter on a QPdfWriter: thread-safe, so the Laporan screen runs it on the
task manager's reader and ``hai-desktop export --format pdf`` runs it headless (with a
QGuiApplication on the offscreen platform). Layout in points of an A4 page at 96 dpi.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter

from hai_desktop.core.exports import labels, numbers, summary
from hai_desktop.core.resources import resource_path
from hai_desktop.gui.views import report_paint

DPI = 96
MARGIN_MM = 15
EMPTY = "Tidak ada data"
PAGE1_CHARTS = ("by_department", "by_channel", "by_outcome", "by_hour", "daily")


def _writer(path: Path, month: str) -> QPdfWriter:
    w = QPdfWriter(str(path))
    w.setResolution(DPI)
    w.setPageLayout(
        QPageLayout(QPageSize(QPageSize.A4), QPageLayout.Portrait,
                    QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Millimeter)
    )  # fmt: skip
    w.setTitle(f"{labels.REPORT_TITLE} {numbers.month_name(month)}")
    w.setCreator(labels.APP_NAME)
    return w


def _header(
    p: QPainter, page: QRectF, figures: dict[str, Any], office_code: str, base: QFont
) -> float:
    logo = QImage(str(resource_path("icons", "hai-logo-128.png")))
    x = page.left()
    if not logo.isNull():
        p.drawImage(QRectF(x, page.top(), 56, 56), logo)
        x += 66
    big = QFont(base)
    big.setPointSizeF(base.pointSizeF() * 1.6)
    big.setBold(True)
    p.setFont(big)
    p.setPen(report_paint.BLUE)
    p.drawText(QRectF(x, page.top(), page.right() - x, 24), Qt.AlignLeft | Qt.AlignVCenter,
               labels.APP_NAME)  # fmt: skip
    bold = QFont(base)
    bold.setBold(True)
    p.setFont(bold)
    p.setPen(report_paint.TEXT)
    title = f"{labels.REPORT_TITLE} — {numbers.month_name(figures['month'])}"
    p.drawText(QRectF(x, page.top() + 24, page.right() - x, 18), Qt.AlignLeft, title)
    p.setFont(base)
    line = f"{summary.office_name(office_code)} · Periode {summary.period_text(figures)}"
    p.drawText(QRectF(x, page.top() + 42, page.right() - x, 18), Qt.AlignLeft, line)
    y = page.top() + 66
    p.setPen(report_paint.GRID)
    p.drawLine(page.left(), y, page.right(), y)
    return y + 8


def _key_figures(
    p: QPainter, page: QRectF, y: float, figures: dict[str, Any], base: QFont
) -> float:
    items = summary.key_figures(figures)
    small = QFont(base)
    small.setPointSizeF(base.pointSizeF() * 0.9)
    fm = QFontMetricsF(small)
    p.setFont(small)
    half = (len(items) + 1) // 2
    col_w = page.width() / 2
    row_h = fm.height() * 1.25
    for i, (label, value) in enumerate(items):
        col, row = divmod(i, half)
        x = page.left() + col * col_w
        top = y + row * row_h
        p.setPen(report_paint.MUTED)
        p.drawText(QRectF(x, top, col_w - 80, row_h), Qt.AlignLeft | Qt.AlignVCenter, label)
        p.setPen(report_paint.TEXT)
        p.drawText(QRectF(x + col_w - 90, top, 70, row_h), Qt.AlignRight | Qt.AlignVCenter, value)
    return y + half * row_h + 10


def _signature(
    p: QPainter, page: QRectF, y: float, office_code: str, base: QFont, today: date
) -> float:
    x = page.left() + page.width() * 0.58
    w = page.width() * 0.42
    p.setFont(base)
    p.setPen(report_paint.TEXT)
    lines = [numbers.day_date(today.isoformat()), labels.SIGNATURE_ROLE,
             summary.office_name(office_code)]  # fmt: skip
    fm = QFontMetricsF(base)
    for i, text in enumerate(lines):
        p.drawText(QRectF(x, y + i * fm.height(), w, fm.height()), Qt.AlignLeft, text)
    y += fm.height() * (len(lines) + 4)
    p.drawText(QRectF(x, y, w, fm.height()), Qt.AlignLeft, "(" + "." * 40 + ")")
    p.drawText(QRectF(x, y + fm.height(), w, fm.height()), Qt.AlignLeft, "NIP.")
    return y + fm.height() * 2.5


def _note(p: QPainter, page: QRectF, base: QFont, page_no: int) -> None:
    small = QFont(base)
    small.setPointSizeF(base.pointSizeF() * 0.75)
    small.setItalic(True)
    p.setFont(small)
    p.setPen(report_paint.MUTED)
    rect = QRectF(page.left(), page.bottom() - 30, page.width() - 40, 30)
    p.drawText(rect, Qt.AlignLeft | Qt.AlignBottom | Qt.TextWordWrap, labels.NOT_BINDING)
    p.drawText(QRectF(page.right() - 40, page.bottom() - 30, 40, 30),
               Qt.AlignRight | Qt.AlignBottom, str(page_no))  # fmt: skip


def _top_questions(p: QPainter, rect: QRectF, table: summary.Table, base: QFont) -> float:
    y = rect.top() + report_paint.draw_title(p, rect, table.title, base)
    small = QFont(base)
    small.setPointSizeF(base.pointSizeF() * 0.85)
    fm = QFontMetricsF(small)
    p.setFont(small)
    p.setPen(report_paint.TEXT)
    if not table.rows:
        p.drawText(QRectF(rect.left(), y, rect.width(), fm.height()), Qt.AlignLeft, EMPTY)
        return y + fm.height() * 2
    for i, (question, count) in enumerate(table.rows, start=1):
        box = QRectF(rect.left() + 24, y, rect.width() - 90, fm.height() * 2.2)
        p.drawText(QRectF(rect.left(), y, 22, fm.height()), Qt.AlignRight, f"{i}.")
        used = p.boundingRect(box, Qt.TextWordWrap | Qt.AlignLeft, question)
        p.drawText(box, Qt.TextWordWrap | Qt.AlignLeft, question)
        p.drawText(QRectF(rect.right() - 60, y, 60, fm.height()), Qt.AlignRight,
                   numbers.integer(count))  # fmt: skip
        y += min(used.height(), box.height()) + 4
    return y + 6


def write_pdf(
    path: Path | str, figures: dict[str, Any], office_code: str, today: date | None = None
) -> int:
    """Write the PDF (through a temporary file); returns the number of pages."""
    path = Path(path)
    tmp = path.with_name(path.name + ".part")
    tables = {t.key: t for t in summary.tables(figures, summary.outage_titles())}
    writer = _writer(tmp, figures["month"])
    p = QPainter()
    if not p.begin(writer):
        raise OSError(f"cannot write {path}")
    try:
        base = QFont("DejaVu Sans")
        base.setStyleHint(QFont.SansSerif)
        base.setPointSizeF(9)
        page = QRectF(0, 0, writer.width(), writer.height())
        y = _header(p, page, figures, office_code, base)
        y = _key_figures(p, page, y, figures, base)
        bottom = page.bottom() - 40
        grid_h = (bottom - y) / 3 - 8
        half = page.width() / 2 - 8
        rects = [
            QRectF(page.left(), y, half, grid_h),
            QRectF(page.left() + half + 16, y, half, grid_h),
            QRectF(page.left(), y + grid_h + 12, half, grid_h),
            QRectF(page.left() + half + 16, y + grid_h + 12, half, grid_h),
            QRectF(page.left(), y + 2 * (grid_h + 12), page.width(), grid_h),
        ]
        for key, rect in zip(PAGE1_CHARTS, rects, strict=True):
            report_paint.draw(p, rect, tables[key], base, EMPTY)
        _note(p, page, base, 1)
        writer.newPage()
        y = page.top()
        h = 190
        report_paint.draw(p, QRectF(page.left(), y, half, h), tables["by_application"], base, EMPTY)
        report_paint.draw(p, QRectF(page.left() + half + 16, y, half, h),
                          tables["out_of_scope_by_reason"], base, EMPTY)  # fmt: skip
        y += h + 12
        if tables["by_outage"].rows:
            report_paint.draw(p, QRectF(page.left(), y, page.width(), 120), tables["by_outage"],
                              base, EMPTY)  # fmt: skip
            y += 132
        y = _top_questions(p, QRectF(page.left(), y, page.width(), bottom - y),
                           tables["top_questions"], base)  # fmt: skip
        _signature(p, page, min(y + 10, bottom - 150), office_code, base, today or date.today())
        _note(p, page, base, 2)
    finally:
        p.end()
    try:
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return 2
