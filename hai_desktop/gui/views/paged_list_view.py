"""What the Tiket and Broadcast screens share: a paged list model that reloads a moment after
the search text stops changing, and the title row with the count beside it."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from hai_desktop.gui import messages

SEARCH_DELAY_MS = 200  # typing in the search box reloads the list this long after a pause


def start_list(view: QWidget, model) -> None:
    """Give ``view`` its ``model``, the selection state and the search timer (which calls
    ``view.apply_filters``). Call before the view builds its widgets."""
    view.model = model
    view._current_id = None
    view._select_when_loaded = None
    view._detail_generation = 0
    view._search_timer = QTimer(view)
    view._search_timer.setSingleShot(True)
    view._search_timer.setInterval(SEARCH_DELAY_MS)
    view._search_timer.timeout.connect(view.apply_filters)


def load_list(view: QWidget) -> None:
    """Wire the model to ``view._on_total`` / ``view._after_rows`` and load the first page.
    Call once the widgets are built."""
    view.model.total_changed.connect(view._on_total)
    view.model.failed.connect(messages.error)
    view.model.rowsInserted.connect(view._after_rows)
    view.model.reload()


def title_row(view: QWidget, title: str, count_name: str) -> tuple[QVBoxLayout, QHBoxLayout]:
    """The screen's layout and its top row: the title, a stretch and ``view.count_label``
    (object name ``count_name``); the caller may add buttons after the count."""
    layout = QVBoxLayout(view)
    layout.setContentsMargins(16, 12, 16, 12)
    layout.setSpacing(8)
    top = QHBoxLayout()
    label = QLabel(title)
    label.setProperty("role", "title")
    view.count_label = QLabel()
    view.count_label.setObjectName(count_name)
    view.count_label.setProperty("role", "hint")
    top.addWidget(label)
    top.addStretch(1)
    top.addWidget(view.count_label)
    layout.addLayout(top)
    return layout, top
