"""The broadcast inbox as a lazily filled table model (pages of 200 on the reader thread).

Each row's signature is checked when its page is read (``core.broadcasts_view``), so a
broadcast altered in the database after it arrived shows *Tidak dapat diverifikasi* in the
list, not only when opened. Unread rows are bold; urgent ones carry a mark; unverifiable
ones are red. A page arriving after the filter changed is dropped (a generation counter).
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

from hai_desktop.core import broadcasts, broadcasts_view
from hai_desktop.core.broadcasts import InboxFilter
from hai_desktop.gui import broadcast_texts as texts
from hai_desktop.gui.tasks import TaskManager

PAGE_SIZE = 200
# The first page only fills the screen (about 40 rows at 1080 px): each row's signature is
# checked when read, so a smaller first page shows the inbox sooner; scrolling fetches more.
FIRST_PAGE_SIZE = 60
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


class BroadcastListModel(QAbstractTableModel):
    """Inbox rows, fetched page by page.

    Signals:
        loading_changed(bool): a page query is in flight.
        total_changed(int): rows matching the filter (counted with the first page).
        failed(str): a query failed (text for the user).
    """

    loading_changed = Signal(bool)
    total_changed = Signal(int)
    failed = Signal(str)

    ID_ROLE = Qt.ItemDataRole.UserRole + 1
    ROW_ROLE = Qt.ItemDataRole.UserRole + 2

    def __init__(self, tasks: TaskManager, parent=None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.headers = _headers()
        self._rows: list[dict[str, Any]] = []
        self._filter = InboxFilter()
        self._generation = 0
        self._loading = False
        self._exhausted = False
        self.total: int | None = None
        self.pages_fetched = 0

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

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008,N802
        return not parent.isValid() and not self._exhausted and not self._loading

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008,N802
        if parent.isValid() or self._exhausted or self._loading:
            return
        self._fetch_page()

    # -- public API -----------------------------------------------------------------------
    def set_filter(self, inbox_filter: InboxFilter) -> None:
        self._filter = inbox_filter
        self.reload()

    @property
    def inbox_filter(self) -> InboxFilter:
        return self._filter

    @property
    def is_loading(self) -> bool:
        return self._loading

    def row_data(self, row: int) -> dict[str, Any]:
        return self._rows[row]

    def row_of(self, broadcast_id: str) -> int:
        """The row of ``broadcast_id`` among those loaded (-1: not loaded)."""
        for i, row in enumerate(self._rows):
            if row["id"] == broadcast_id:
                return i
        return -1

    def update_row(self, broadcast_id: str, **values: Any) -> None:
        """Change a loaded row in place (read/acknowledged after a local action)."""
        i = self.row_of(broadcast_id)
        if i < 0:
            return
        self._rows[i].update(values)
        self.dataChanged.emit(self.index(i, 0), self.index(i, len(COLUMNS) - 1))

    def reload(self) -> None:
        """Drop the rows and fetch the first page for the current filter."""
        self._generation += 1
        self.beginResetModel()
        self._rows = []
        self._exhausted = False
        self._set_loading(False)
        self.total = None
        self.pages_fetched = 0
        self.endResetModel()
        self._fetch_page(count=True)

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

    def _fetch_page(self, count: bool = False) -> None:
        generation = self._generation
        offset = len(self._rows)
        f = self._filter
        self._set_loading(True)

        limit = FIRST_PAGE_SIZE if offset == 0 else PAGE_SIZE

        def job():
            rows = broadcasts_view.inbox_page(f, limit=limit, offset=offset)
            total = broadcasts.count_inbox(f) if count else None
            return rows, total

        def done(result) -> None:
            if generation != self._generation:
                return
            rows, total = result
            self._set_loading(False)
            self.pages_fetched += 1
            if len(rows) < limit:
                self._exhausted = True
            if rows:
                first = len(self._rows)
                self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
                self._rows.extend(rows)
                self.endInsertRows()
            if total is not None:
                self.total = total
                self.total_changed.emit(total)

        def failed(exc: BaseException) -> None:
            if generation != self._generation:
                return
            self._set_loading(False)
            self._exhausted = True
            self.failed.emit(
                QCoreApplication.translate("BroadcastModel", "Daftar siaran tidak dapat dibaca.")
            )

        self.tasks.run_query(job, done, failed)

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.loading_changed.emit(loading)
