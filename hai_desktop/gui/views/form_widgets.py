"""Widget factories and time conversions of the log form (no texts of their own)."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QGridLayout,
    QGroupBox,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
)

from hai_desktop.core.timeutil import format_utc, parse_utc
from hai_desktop.gui.date_texts import datetime_format
from hai_desktop.gui.widgets import ElidingComboBox

# The minimum of the end-time editor stands for "not set yet: filled in on save".
UNSET = QDateTime(2000, 1, 1, 0, 0, 0)

LABEL_WIDTH = 150
# Below this form width the buttons drop their shortcut text and the labels narrow.
COMPACT_WIDTH = 880
COMPACT_LABEL_WIDTH = 96


def to_qdatetime(text: str | None) -> QDateTime | None:
    """A stored UTC timestamp as a local QDateTime (None when empty or unreadable)."""
    if not text:
        return None
    try:
        moment = parse_utc(text)
    except ValueError:
        return None
    return QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))


def from_qdatetime(value: QDateTime) -> str:
    """A QDateTime as the stored UTC timestamp text."""
    return format_utc(datetime.fromtimestamp(value.toSecsSinceEpoch(), UTC))


def now_utc_text() -> str:
    return from_qdatetime(QDateTime.currentDateTime())


def form_grid(box: QGroupBox) -> QGridLayout:
    """A two-column grid (label, field, label, field) with aligned label widths."""
    grid = QGridLayout(box)
    grid.setHorizontalSpacing(12)
    grid.setVerticalSpacing(8)
    grid.setColumnStretch(1, 1)
    grid.setColumnStretch(3, 1)
    grid.setColumnMinimumWidth(0, LABEL_WIDTH)
    grid.setColumnMinimumWidth(2, LABEL_WIDTH)
    return grid


def small_button(symbol: str, tip: str) -> QPushButton:
    """A narrow "+"/"−" mouse helper (its keyboard way is Enter or Delete)."""
    button = QPushButton(symbol)
    button.setToolTip(tip)
    button.setAccessibleName(tip)
    button.setProperty("role", "small")
    button.setFixedWidth(32)
    button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
    return button


def basis_list(widget: QListWidget) -> None:
    """A short list of basis items: long titles elided (full text in the tooltip), no
    horizontal scrollbar."""
    widget.setMaximumHeight(52)
    widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    widget.setTextElideMode(Qt.TextElideMode.ElideRight)


def line(object_name: str, placeholder: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(object_name)
    edit.setPlaceholderText(placeholder)
    return edit


def combo(object_name: str) -> QComboBox:
    """A combo that may be narrower than its labels: a long one is cut with "…"."""
    box = ElidingComboBox()
    box.setObjectName(object_name)
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(10)
    return box


def text_box(object_name: str, placeholder: str) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setObjectName(object_name)
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)  # keyboard flow: Tab leaves the box
    edit.setMinimumHeight(52)
    edit.setMaximumHeight(64)
    return edit


def datetime_edit(object_name: str) -> QDateTimeEdit:
    edit = QDateTimeEdit()
    edit.setObjectName(object_name)
    edit.setDisplayFormat(datetime_format())
    edit.setCalendarPopup(True)
    edit.setMinimumDateTime(UNSET)
    edit.setMinimumWidth(160)
    return edit


def fit_popup(box: QComboBox) -> None:
    """The open list shows whole labels, however narrow the closed box is."""
    view = box.view()
    view.setMinimumWidth(view.sizeHintForColumn(0) + 32)
