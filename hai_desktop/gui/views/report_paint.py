"""The report's charts drawn with QPainter: horizontal bars, columns and a line, numbers on
them. The same drawing serves the Laporan screen (``report_chart.ChartWidget``) and the PDF
(``report_pdf``), which is painted off the GUI thread: so only thread-safe painting here
(QPainter on any paint device, no widgets, no pixmaps)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen

from hai_desktop.core.exports import numbers
from hai_desktop.core.exports.summary import Table

BLUE = QColor("#1f5fa8")
LIGHT = QColor("#7fb3e6")
GRID = QColor("#d8dee6")
TEXT = QColor("#1d2733")
MUTED = QColor("#5b6673")
MAX_BARS = 10


def _font(base: QFont, scale: float, bold: bool = False) -> QFont:
    f = QFont(base)
    f.setPointSizeF(max(5.0, base.pointSizeF() * scale))
    f.setBold(bold)
    return f


def draw_title(p: QPainter, rect: QRectF, title: str, font: QFont) -> float:
    """The chart's title at the top of ``rect``; returns the height used."""
    f = _font(font, 1.0, True)
    p.setFont(f)
    p.setPen(TEXT)
    h = QFontMetricsF(f).height() * 1.4
    p.drawText(QRectF(rect.left(), rect.top(), rect.width(), h),
               Qt.AlignLeft | Qt.AlignVCenter, title)  # fmt: skip
    return h


def draw_empty(p: QPainter, rect: QRectF, font: QFont, text: str) -> None:
    p.setFont(_font(font, 0.9))
    p.setPen(MUTED)
    p.drawText(rect, Qt.AlignCenter, text)


def draw_bars(p: QPainter, rect: QRectF, table: Table, font: QFont, empty: str) -> None:
    """Horizontal bars, largest first (the top ``MAX_BARS``, the rest summed as "Lainnya")."""
    top = rect.top() + draw_title(p, rect, table.title, font)
    rows = list(table.rows)
    if len(rows) > MAX_BARS:
        rows = rows[: MAX_BARS - 1] + [("Lainnya", sum(c for _, c in rows[MAX_BARS - 1 :]))]
    area = QRectF(rect.left(), top, rect.width(), rect.bottom() - top)
    if not rows or not any(c for _, c in rows):
        draw_empty(p, area, font, empty)
        return
    f = _font(font, 0.85)
    fm = QFontMetricsF(f)
    p.setFont(f)
    label_w = min(area.width() * 0.5, max(fm.horizontalAdvance(lbl) for lbl, _ in rows) + 8)
    num_w = fm.horizontalAdvance("00.000") + 6
    slot = min(area.height() / len(rows), fm.height() * 2.0)
    bar_h = slot * 0.62
    biggest = max(c for _, c in rows) or 1
    bar_x = area.left() + label_w
    bar_w = max(10.0, area.width() - label_w - num_w)
    for i, (label, count) in enumerate(rows):
        y = area.top() + i * slot
        p.setPen(TEXT)
        text = fm.elidedText(label, Qt.ElideRight, label_w - 8)
        p.drawText(QRectF(area.left(), y, label_w - 8, slot), Qt.AlignRight | Qt.AlignVCenter, text)
        w = bar_w * count / biggest
        p.fillRect(QRectF(bar_x, y + (slot - bar_h) / 2, w, bar_h), BLUE if i == 0 else LIGHT)
        p.drawText(QRectF(bar_x + w + 4, y, num_w, slot), Qt.AlignLeft | Qt.AlignVCenter,
                   numbers.integer(count))  # fmt: skip


def draw_columns(p: QPainter, rect: QRectF, table: Table, font: QFont, empty: str) -> None:
    """Vertical columns in order (the hours of the day), the count above each."""
    top = rect.top() + draw_title(p, rect, table.title, font)
    rows = table.rows
    f = _font(font, 0.75)
    fm = QFontMetricsF(f)
    area = QRectF(rect.left(), top + fm.height() * 1.2, rect.width(),
                  rect.bottom() - top - fm.height() * 2.6)  # fmt: skip
    if not rows or not any(c for _, c in rows):
        draw_empty(p, area, font, empty)
        return
    biggest = max(c for _, c in rows) or 1
    slot = area.width() / len(rows)
    p.setFont(f)
    for i, (label, count) in enumerate(rows):
        x = area.left() + i * slot
        h = area.height() * count / biggest
        p.fillRect(QRectF(x + slot * 0.15, area.bottom() - h, slot * 0.7, h), BLUE)
        p.setPen(TEXT)
        if count:
            p.drawText(QRectF(x - 4, area.bottom() - h - fm.height(), slot + 8, fm.height()),
                       Qt.AlignHCenter | Qt.AlignBottom, numbers.integer(count))  # fmt: skip
        p.setPen(MUTED)
        p.drawText(QRectF(x - 4, area.bottom() + 2, slot + 8, fm.height()),
                   Qt.AlignHCenter | Qt.AlignTop, label[:2])  # fmt: skip
    p.setPen(QPen(GRID, 1))
    p.drawLine(QPointF(area.left(), area.bottom()), QPointF(area.right(), area.bottom()))


def draw_line(p: QPainter, rect: QRectF, table: Table, font: QFont, empty: str) -> None:
    """The daily trend: a line over the month's days, the count at each non-zero point."""
    top = rect.top() + draw_title(p, rect, table.title, font)
    rows = table.rows
    f = _font(font, 0.7)
    fm = QFontMetricsF(f)
    area = QRectF(rect.left() + 4, top + fm.height() * 1.5, rect.width() - 8,
                  rect.bottom() - top - fm.height() * 3.0)  # fmt: skip
    if not rows or not any(c for _, c in rows):
        draw_empty(p, area, font, empty)
        return
    biggest = max(c for _, c in rows) or 1
    step = area.width() / max(1, len(rows) - 1)
    points = [
        QPointF(area.left() + i * step, area.bottom() - area.height() * c / biggest)
        for i, (_, c) in enumerate(rows)
    ]
    p.setPen(QPen(GRID, 1))
    p.drawLine(QPointF(area.left(), area.bottom()), QPointF(area.right(), area.bottom()))
    path = QPainterPath(points[0])
    for pt in points[1:]:
        path.lineTo(pt)
    p.setRenderHint(QPainter.Antialiasing, True)
    p.setPen(QPen(BLUE, 2))
    p.drawPath(path)
    p.setFont(f)
    for (label, count), pt in zip(rows, points, strict=True):
        p.setBrush(BLUE)
        p.drawEllipse(pt, 2.2, 2.2)
        if count:
            p.setPen(TEXT)
            p.drawText(QRectF(pt.x() - 14, pt.y() - fm.height() - 2, 28, fm.height()),
                       Qt.AlignHCenter | Qt.AlignBottom, numbers.integer(count))  # fmt: skip
        p.setPen(MUTED)
        if int(label) % 2 == 1 or len(rows) <= 16:
            p.drawText(QRectF(pt.x() - 10, area.bottom() + 2, 20, fm.height()),
                       Qt.AlignHCenter | Qt.AlignTop, label)  # fmt: skip
        p.setPen(QPen(BLUE, 2))
    p.setBrush(Qt.NoBrush)


def draw(p: QPainter, rect: QRectF, table: Table, font: QFont, empty: str) -> None:
    """The chart of ``table`` in its kind (bar, column, line)."""
    p.save()
    if table.chart == "column":
        draw_columns(p, rect, table, font, empty)
    elif table.chart == "line":
        draw_line(p, rect, table, font, empty)
    else:
        draw_bars(p, rect, table, font, empty)
    p.restore()
