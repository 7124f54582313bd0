"""The office's tickets as a lazily filled table model (pages of 200 on the reader thread).

Unread tickets are bold with a mark; an overdue SLA is red, a near one amber, a paused one
(the ticket waits for the user) grey with a pause sign. ``SLA_ROLE`` gives the state code so
tests and delegates need no colours. A page arriving after the filter changed is dropped.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from hai_desktop.core import tickets_view
from hai_desktop.core.tickets_view import TicketFilter
from hai_desktop.gui import ticket_texts as texts
from hai_desktop.gui.models.paged_model import PagedTableModel
from hai_desktop.gui.tasks import TaskManager

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
        "department": QCoreApplication.translate("TicketModel", "Departemen"),
        "status": QCoreApplication.translate("TicketModel", "Status"),
        "level": QCoreApplication.translate("TicketModel", "Level"),
        "sla": QCoreApplication.translate("TicketModel", "Batas SLA"),
        "last_reply": QCoreApplication.translate("TicketModel", "Balasan terakhir"),
    }


class TicketListModel(PagedTableModel):
    """The tickets matching a :class:`TicketFilter` (signals: see ``PagedTableModel``)."""

    SLA_ROLE = Qt.ItemDataRole.UserRole + 3
    COLUMNS = COLUMNS

    def __init__(self, tasks: TaskManager, parent=None) -> None:
        super().__init__(tasks, TicketFilter(), parent)
        self.headers = _headers()

    def page(self, f: TicketFilter, limit: int, offset: int) -> list[dict[str, Any]]:
        return tickets_view.list_page(f, limit=limit, offset=offset)

    def count(self, f: TicketFilter) -> int:
        return tickets_view.count(f)

    def failure_text(self) -> str:
        return QCoreApplication.translate("TicketModel", "Daftar tiket tidak dapat dibaca.")

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
