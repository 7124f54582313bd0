"""A chart of the Laporan screen: one summary table drawn by ``report_paint`` (the same
drawing as the PDF's, so screen and paper agree)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from hai_desktop.core.exports.summary import Table
from hai_desktop.gui.views import report_paint


class ChartWidget(QWidget):
    """Shows one :class:`Table` as bars, columns or a line, with its numbers."""

    def __init__(self, table: Table | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._table = table
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Preferred)
        self.setMinimumHeight(170)

    def set_table(self, table: Table) -> None:
        """Show ``table`` (repaints)."""
        self._table = table
        self.setAccessibleName(table.title)
        self.setToolTip(
            "\n".join(f"{label}: {count}" for label, count in table.rows[:30]) or table.title
        )
        self.updateGeometry()
        self.update()

    def table(self) -> Table | None:
        return self._table

    def sizeHint(self) -> QSize:
        rows = len(self._table.rows) if self._table and self._table.chart == "bar" else 6
        return QSize(420, max(170, 40 + 24 * min(rows, report_paint.MAX_BARS)))

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._table is None:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.TextAntialiasing, True)
        rect = QRectF(self.rect()).adjusted(6, 4, -6, -4)
        report_paint.draw(p, rect, self._table, self.font(), self.tr("Tidak ada data"))
        p.end()
