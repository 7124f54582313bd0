"""The broadcast inbox as a lazily filled table model (pages of 200 on the reader thread).

Each row's signature is checked when its page is read (``core.broadcasts_view``), so a
broadcast altered in the database after it arrived shows *Tidak dapat diverifikasi* in the
list, not only when opened. Unread rows are bold; urgent ones carry a mark; unverifiable
ones are red. A page arriving after the filter changed is dropped (a generation counter).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from hai_desktop.core import broadcasts, broadcasts_view
from hai_desktop.core.broadcasts import InboxFilter
from hai_desktop.gui import broadcast_texts as texts
from hai_desktop.gui.models.paged_model import PagedTableModel
from hai_desktop.gui.tasks import TaskManager

UNVERIFIED_COLOR = QColor("#b3261e")
URGENT_COLOR = QColor("#8a1c14")

# Column keys, in display order.
COLUMNS = ("mark", "kind", "title", "urgency", "published_at", "valid_until", "state", "verified")


def _headers() -> dict[str, str]:
    return {
        "mark": "",
        "kind": QCoreApplication.translate("BroadcastModel", "Jenis"),
        "title": QCoreApplication.translate("BroadcastModel", "Judul"),
        "urgency": QCoreApplication.translate("BroadcastModel", "Urgensi"),
        "published_at": QCoreApplication.translate("BroadcastModel", "Diterbitkan"),
        "valid_until": QCoreApplication.translate("BroadcastModel", "Berlaku s.d."),
        "state": QCoreApplication.translate("BroadcastModel", "Status"),
        "verified": QCoreApplication.translate("BroadcastModel", "Verifikasi"),
    }


def state_text(row: dict[str, Any]) -> str:
    """Read / acknowledged state of one row, in words."""
    if row.get("acknowledged_at"):
        return QCoreApplication.translate("BroadcastModel", "Dikonfirmasi")
    if row.get("ack_required") and row.get("read_at"):
        return QCoreApplication.translate("BroadcastModel", "Dibaca, belum dikonfirmasi")
    if row.get("read_at"):
        return QCoreApplication.translate("BroadcastModel", "Dibaca")
    if row.get("ack_required"):
        return QCoreApplication.translate("BroadcastModel", "Baru — perlu konfirmasi")
    return QCoreApplication.translate("BroadcastModel", "Baru")


class BroadcastListModel(PagedTableModel):
    """Inbox rows, fetched page by page (signals: see ``PagedTableModel``)."""

    COLUMNS = COLUMNS

    def __init__(self, tasks: TaskManager, parent=None) -> None:
        super().__init__(tasks, InboxFilter(), parent)
        self.headers = _headers()

    # The first page only fills the screen (about 40 rows at 1080 px): each row's signature
    # is checked when read, so a smaller first page shows the inbox sooner.
    first_page_size = 60

    def page(self, f: InboxFilter, limit: int, offset: int) -> list[dict[str, Any]]:
        return broadcasts_view.inbox_page(f, limit=limit, offset=offset)

    def count(self, f: InboxFilter) -> int:
        return broadcasts.count_inbox(f)

    def failure_text(self) -> str:
        return QCoreApplication.translate("BroadcastModel", "Daftar siaran tidak dapat dibaca.")

    @property
    def inbox_filter(self) -> InboxFilter:
        return self._filter

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        key = COLUMNS[index.column()]
        if role == self.ID_ROLE:
            return row["id"]
        if role == self.ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, key)
        if role == Qt.ItemDataRole.FontRole and not row.get("read_at") and row["verified"]:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole:
            if not row["verified"]:
                return QBrush(UNVERIFIED_COLOR)
            if key in ("mark", "urgency") and row.get("urgency") == "urgent":
                return QBrush(URGENT_COLOR)
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == "title":
                return row.get("title")
            if key == "verified" and not row["verified"]:
                return texts.unverified_reason(row.get("verification"), row.get("problem"))
        if role == Qt.ItemDataRole.AccessibleTextRole and key == "mark":
            return self._mark_words(row)
        return None

    # -- internals ------------------------------------------------------------------------
    def _display(self, row: dict[str, Any], key: str) -> str:
        if key == "mark":
            marks = ""
            if not row["verified"]:
                marks += "⚠"
            elif row.get("urgency") == "urgent":
                marks += "!"
            if not row.get("read_at"):
                marks += "●"
            return marks
        if key == "kind":
            text = texts.kind_text(row.get("kind"))
            if row.get("kind") == "outage" and row.get("outage_status"):
                text += f" · {texts.outage_status_text(row['outage_status'])}"
            return text
        if key == "title":
            number = row.get("number")
            return f"{number} — {row['title']}" if number else row["title"]
        if key == "urgency":
            return texts.urgency_text(row.get("urgency"))
        if key in ("published_at", "valid_until"):
            return texts.local_time(row.get(key))
        if key == "state":
            return state_text(row)
        if key == "verified":
            return texts.verified_text(row["verified"])
        return ""

    def _mark_words(self, row: dict[str, Any]) -> str:
        words = [texts.verified_text(row["verified"]), texts.urgency_text(row.get("urgency"))]
        words.append(state_text(row))
        return ", ".join(words)
