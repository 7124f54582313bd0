"""A list item painted as a bold title over a grey, wrapped detail text.

Used by the KB result list and the log form's KB suggestions panel.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

DETAIL_ROLE = Qt.ItemDataRole.UserRole + 2


class TwoLineDelegate(QStyledItemDelegate):
    """Paints an item as a bold title (DisplayRole) over a grey, wrapped detail text
    (``DETAIL_ROLE``). Used by the KB result list and the suggestions panel."""

    PAD = 6

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        title = QFont(option.font)
        title.setBold(True)
        return title, QFont(option.font)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        title_text, opt.text = opt.text, ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        title_font, detail_font = self._fonts(opt)
        rect = opt.rect.adjusted(self.PAD, self.PAD, -self.PAD, -self.PAD)
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop) | int(
            Qt.TextFlag.TextWordWrap
        )
        painter.save()
        painter.setFont(title_font)
        painter.setPen(
            opt.palette.color(
                QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
            )
        )
        used = painter.boundingRect(rect, flags, title_text)
        painter.drawText(rect, flags, title_text)
        detail = index.data(DETAIL_ROLE) or ""
        if detail:
            painter.setFont(detail_font)
            color = (
                opt.palette.color(QPalette.ColorRole.HighlightedText)
                if selected
                else (QColor("#555555"))
            )
            painter.setPen(color)
            painter.drawText(rect.adjusted(0, used.height() + 2, 0, 0), flags, detail)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:  # noqa: N802
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        width = max(120, (opt.widget.viewport().width() if opt.widget else 300) - 2 * self.PAD)
        title_font, detail_font = self._fonts(opt)
        flags = int(Qt.TextFlag.TextWordWrap)
        height = (
            QFontMetrics(title_font)
            .boundingRect(0, 0, width, 10_000, flags, index.data(Qt.ItemDataRole.DisplayRole) or "")
            .height()
        )
        detail = index.data(DETAIL_ROLE) or ""
        if detail:
            height += (
                2
                + QFontMetrics(detail_font)
                .boundingRect(0, 0, width, 10_000, flags, detail)
                .height()
            )
        return QSize(width, height + 2 * self.PAD)
