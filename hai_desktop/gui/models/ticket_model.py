"""The office's tickets as a lazily filled table model (pages of 200 on the reader thread).

Unread tickets are bold with a mark; an overdue SLA is red, a near one amber, a paused one
(the ticket waits for the user) grey with a pause sign. ``SLA_ROLE`` gives the state code so
tests and delegates need no colours. A page arriving after the filter changed is dropped.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from hai_desktop.core import tickets_view
from hai_desktop.core.tickets_view import TicketFilter
from hai_desktop.gui import ticket_texts as texts
from hai_desktop.gui.tasks import TaskManager

PAGE_SIZE = 200
OVERDUE_COLOR = QColor("#b3261e")
OVERDUE_BACKGROUND = QColor("#fdecea")
NEAR_COLOR = QColor("#8a5a00")
NEAR_BACKGROUND = QColor("#fff4d6")
PAUSED_COLOR = QColor("#5f6368")
PENDING_COLOR = QColor("#5f6368")

COLUMNS = ("mark", "number", "subject", "department", "status", "level", "sla", "last_reply")


def _headers() -> dict[str, str]:
    return {
        "mark": "",
        "number": QCoreApplication.translate("TicketModel", "Nomor"),
        "subject": QCoreApplication.translate("TicketModel", "Perihal"),
        "department": QCoreApplication.translate("TicketModel", "Direktorat"),
        "status": QCoreApplication.translate("TicketModel", "Status"),
        "level": QCoreApplication.translate("TicketModel", "Level"),
        "sla": QCoreApplication.translate("TicketModel", "Batas SLA"),
        "last_reply": QCoreApplication.translate("TicketModel", "Balasan terakhir"),
    }


class TicketListModel(QAbstractTableModel):
    """Signals:
    loading_changed(bool), total_changed(int), failed(str): as the other list models.
    """

    loading_changed = Signal(bool)
    total_changed = Signal(int)
    failed = Signal(str)

    ID_ROLE = Qt.ItemDataRole.UserRole + 1
    ROW_ROLE = Qt.ItemDataRole.UserRole + 2
    SLA_ROLE = Qt.ItemDataRole.UserRole + 3

    def __init__(self, tasks: TaskManager, parent=None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.headers = _headers()
        self._rows: list[dict[str, Any]] = []
        self._filter = TicketFilter()
        self._generation = 0
        self._loading = False
        self._exhausted = False
        self.total: int | None = None

    # -- Qt model API ---------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008,N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008,N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[COLUMNS[section]]
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        key = COLUMNS[index.column()]
        state = row.get("sla_state")
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, key)
        if role == self.ID_ROLE:
            return row["id"]
        if role == self.ROW_ROLE:
            return row
        if role == self.SLA_ROLE:
            return state
        if role == Qt.ItemDataRole.FontRole and row.get("unread"):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole:
            if key == "number" and not row.get("number"):
                return QBrush(PENDING_COLOR)
            if key in ("sla", "mark") and state == "overdue":
                return QBrush(OVERDUE_COLOR)
            if key == "sla" and state == "near":
                return QBrush(NEAR_COLOR)
            if key in ("sla", "status") and state == "paused":
                return QBrush(PAUSED_COLOR)
        if role == Qt.ItemDataRole.BackgroundRole and key == "sla":
            if state == "overdue":
                return QBrush(OVERDUE_BACKGROUND)
            if state == "near":
                return QBrush(NEAR_BACKGROUND)
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == "sla":
                return texts.sla_tooltip(state, row.get("sla_due")) or None
            if key == "subject":
                return row.get("subject")
            if key == "number" and row.get("sync_error"):
                return row["sync_error"]
        if role == Qt.ItemDataRole.AccessibleTextRole and key == "mark":
            return self._mark_words(row)
        return None

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008,N802
        return not parent.isValid() and not self._exhausted and not self._loading

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008,N802
        if not parent.isValid() and not self._exhausted and not self._loading:
            self._fetch_page()

    # -- public API -----------------------------------------------------------------------
    def set_filter(self, ticket_filter: TicketFilter) -> None:
        self._filter = ticket_filter
        self.reload()

    @property
    def is_loading(self) -> bool:
        return self._loading

    def row_data(self, row: int) -> dict[str, Any]:
        return self._rows[row]

    def row_of(self, ticket_id: str) -> int:
        for i, row in enumerate(self._rows):
            if row["id"] == ticket_id:
                return i
        return -1

    def update_row(self, ticket_id: str, **values: Any) -> None:
        i = self.row_of(ticket_id)
        if i >= 0:
            self._rows[i].update(values)
            self.dataChanged.emit(self.index(i, 0), self.index(i, len(COLUMNS) - 1))

    def reload(self) -> None:
        self._generation += 1
        self.beginResetModel()
        self._rows = []
        self._exhausted = False
        self._set_loading(False)
        self.total = None
        self.endResetModel()
        self._fetch_page(count=True)

    # -- internals ------------------------------------------------------------------------
    def _display(self, row: dict[str, Any], key: str) -> str:
        if key == "mark":
            marks = "⚠" if row.get("sla_state") == "overdue" else ""
            return marks + ("●" if row.get("unread") else "")
        if key == "number":
            return texts.number_text(row)
        if key == "subject":
            return row.get("subject") or ""
        if key == "department":
            return row.get("department") or ""
        if key == "status":
            return texts.status_text(row.get("status"))
        if key == "level":
            return str(row.get("level") or 1)
        if key == "sla":
            return texts.sla_text(row.get("sla_state"), row.get("sla_due"))
        if key == "last_reply":
            return texts.local_time(row.get("last_reply_at"))
        return ""

    def _mark_words(self, row: dict[str, Any]) -> str:
        words = []
        if row.get("unread"):
            words.append(
                QCoreApplication.translate("TicketModel", "%1 balasan belum dibaca").replace(
                    "%1", str(row["unread"])
                )
            )
        if row.get("sla_state") == "overdue":
            words.append(QCoreApplication.translate("TicketModel", "lewat batas SLA"))
        return ", ".join(words)

    def _fetch_page(self, count: bool = False) -> None:
        generation = self._generation
        offset = len(self._rows)
        f = self._filter
        self._set_loading(True)

        def job():
            rows = tickets_view.list_page(f, limit=PAGE_SIZE, offset=offset)
            return rows, (tickets_view.count(f) if count else None)

        def done(result) -> None:
            if generation != self._generation:
                return
            rows, total = result
            self._set_loading(False)
            if len(rows) < PAGE_SIZE:
                self._exhausted = True
            if rows:
                first = len(self._rows)
                self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
                self._rows.extend(rows)
                self.endInsertRows()
            if total is not None:
                self.total = total
                self.total_changed.emit(total)

        def failed(_exc: BaseException) -> None:
            if generation != self._generation:
                return
            self._set_loading(False)
            self._exhausted = True
            self.failed.emit(
                QCoreApplication.translate("TicketModel", "Daftar tiket tidak dapat dibaca.")
            )

        self.tasks.run_query(job, done, failed)

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.loading_changed.emit(loading)
