"""How the lists fit a narrow window (1024 px, 125-150 % scaling; issue 12).

``title_width``: what a column's title needs, so no list cuts its titles ("Urgensi").
``fit_columns``: Riwayat's columns narrow towards their titles so that the question keeps
its room; the satker, then the channel column step aside when even that is short.
No texts of their own; the views call these from their resize handling.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QHeaderView, QTableView

# Riwayat's columns at ease (px); 0 marks the question column, which takes the rest.
COLUMN_WIDTHS = [130, 180, 70, 100, 110, 110, 0, 90]
STRETCH_COLUMN = 6
# What the question column should keep before the others give up their ease (the full
# question is in the log form when the entry is opened).
QUESTION_ROOM = 260
QUESTION_LEAST = 130
# Below that, these step aside in turn: the satker code (in the entry, found by the search
# box), then the channel (a filter above the table).
SPARE_COLUMNS = [2, 3]
HEADER_PADDING = 8  # desk.qss pads header sections 6 px, plus the section's line
SORT_MARK = 18
# A sample of the common widest text of the columns whose content is wider than the title.
_SAMPLES = {0: "30/11/2026 08:44", 3: "Tatap muka", 5: "Terjawab", 7: "terkirim"}


def title_width(table: QTableView, column: int) -> int:
    """The width the title of ``column`` needs: semi-bold (desk.qss), padded, with the sort
    mark when the list is sorted by it."""
    header = table.horizontalHeader()
    header.ensurePolished()  # the stylesheet's font, also before the list is first shown
    font = QFont(header.font())
    font.setWeight(QFont.Weight.DemiBold)  # desk.qss: QHeaderView::section font-weight
    title = str(table.model().headerData(column, Qt.Orientation.Horizontal) or "")
    need = QFontMetrics(font).horizontalAdvance(title) + 2 * HEADER_PADDING
    if header.isSortIndicatorShown() and header.sortIndicatorSection() == column:
        need += SORT_MARK
    return need


def compact_widths(table: QTableView) -> list[int]:
    """Each column's narrowest comfortable width: its header's title (semi-bold, padded,
    with the sort mark on the sorted column) or its widest typical value, whichever is
    wider; never more than its width at ease."""
    metrics = table.fontMetrics()
    widths = []
    for column, ease in enumerate(COLUMN_WIDTHS):
        if not ease:
            widths.append(0)
            continue
        need = title_width(table, column)
        sample = _SAMPLES.get(column)
        if sample:
            need = max(need, metrics.horizontalAdvance(sample) + 2 * HEADER_PADDING)
        widths.append(min(ease, need))
    return widths


def fit_columns(table: QTableView) -> None:
    """Give the question column at least ``QUESTION_ROOM`` by narrowing the other columns
    in proportion, down to ``compact_widths``; when even that leaves it less than
    ``QUESTION_LEAST``, the columns of ``SPARE_COLUMNS`` step aside (shown again when the
    room returns)."""
    available = table.viewport().width()
    if available <= 0:
        return
    compact = compact_widths(table)
    hidden = set()
    for column in SPARE_COLUMNS:
        if available - sum(w for c, w in enumerate(compact) if c not in hidden) >= QUESTION_LEAST:
            break
        hidden.add(column)
    for column in range(len(COLUMN_WIDTHS)):
        if table.isColumnHidden(column) != (column in hidden):
            table.setColumnHidden(column, column in hidden)
    ease = [0 if c in hidden else w for c, w in enumerate(COLUMN_WIDTHS)]
    least = [0 if c in hidden else w for c, w in enumerate(compact)]
    ease_total, compact_total = sum(ease), sum(least)
    target = min(ease_total, max(compact_total, available - QUESTION_ROOM))
    share = (
        1.0
        if ease_total == compact_total
        else (target - compact_total) / (ease_total - compact_total)
    )
    header = table.horizontalHeader()
    for column, width_at_ease in enumerate(ease):
        if not width_at_ease:
            continue
        width = round(least[column] + (width_at_ease - least[column]) * share)
        if header.sectionSize(column) != width:
            table.setColumnWidth(column, width)
    if header.sectionResizeMode(STRETCH_COLUMN) != QHeaderView.ResizeMode.Stretch:
        header.setSectionResizeMode(STRETCH_COLUMN, QHeaderView.ResizeMode.Stretch)
