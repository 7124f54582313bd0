"""A lazily filled table model over ``core.inquiries_view.list_inquiries``.

Rows arrive in pages of 200 (``canFetchMore``/``fetchMore``): the view asks for more only as
the user scrolls, so a history of 500,000 entries costs one page at a time. Queries run on
the task manager's reader thread; a page that arrives after the filter or sort changed is
dropped (a generation counter), so a fast typist never sees stale rows.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from hai_desktop.core import reference
from hai_desktop.core.inquiries_view import InquiryFilter, count_inquiries, list_inquiries
from hai_desktop.gui import sync_texts
from hai_desktop.gui.date_texts import utc_text
from hai_desktop.gui.tasks import TaskManager
from hai_desktop.gui.widgets import item_name

PAGE_SIZE = 200


@dataclass(frozen=True)
class Column:
    key: str  # attribute of InquiryRow
    sort: str | None  # sort key passed to list_inquiries (None: not sortable)
    title: str


def _columns() -> list[Column]:
    # lupdate only sees QCoreApplication.translate with a literal context, so spell it out.
    return [
        Column(
            "created_at", "created_at", QCoreApplication.translate("InquiryTableModel", "Waktu")
        ),
        Column(
            "visitor_name",
            "visitor_name",
            QCoreApplication.translate("InquiryTableModel", "Pengguna layanan"),
        ),
        Column(
            "satker_code", "satker_code", QCoreApplication.translate("InquiryTableModel", "Satker")
        ),
        Column("channel", "channel", QCoreApplication.translate("InquiryTableModel", "Saluran")),
        Column(
            "department",
            "department",
            QCoreApplication.translate("InquiryTableModel", "Departemen"),
        ),
        Column("outcome", "outcome", QCoreApplication.translate("InquiryTableModel", "Hasil")),
        Column("question", None, QCoreApplication.translate("InquiryTableModel", "Pertanyaan")),
        Column(
            "sync_status", "sync_status", QCoreApplication.translate("InquiryTableModel", "Sinkron")
        ),
    ]


class InquiryTableModel(QAbstractTableModel):
    """History rows, fetched page by page.

    Signals:
        loading_changed(bool): a page query is in flight.
        total_changed(int): the number of entries matching the filter (counted after the
            first page, on the reader thread).
        failed(str): a query failed (text for the user).
    """

    loading_changed = Signal(bool)
    total_changed = Signal(int)
    failed = Signal(str)

    ID_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, tasks: TaskManager, parent=None):
        super().__init__(parent)
        self.tasks = tasks
        self.columns = _columns()
        self._rows: list = []
        self._filter = InquiryFilter()
        self._sort = "created_at"
        self._descending = True
        self._generation = 0
        self._loading = False
        self._exhausted = False
        self._names: dict[str, dict[str, str]] = {}
        self.total: int | None = None
        self.pages_fetched = 0
        self._load_names()

    # -- Qt model API ---------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008,N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008,N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802
        role: int = Qt.ItemDataRole.DisplayRole,
    ):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == self.ID_ROLE:
            return row.id
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column.key)
        if role == Qt.ItemDataRole.ToolTipRole and column.key == "question":
            return row.question
        if role == Qt.ItemDataRole.ToolTipRole and column.key == "sync_status":
            error = getattr(row, "sync_error", None)
            # The hub's own words, or a sync code when it gave none.
            return sync_texts.text(error) if error else None
        return None

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008,N802
        return not parent.isValid() and not self._exhausted and not self._loading

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008,N802
        if parent.isValid() or self._exhausted or self._loading:
            return
        self._fetch_page()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.columns[column].sort
        if key is None:
            return
        self._sort = key
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    # -- public API -----------------------------------------------------------------------
    def set_filter(self, inquiry_filter: InquiryFilter) -> None:
        self._filter = inquiry_filter
        self.reload()

    @property
    def inquiry_filter(self) -> InquiryFilter:
        return self._filter

    @property
    def is_loading(self) -> bool:
        return self._loading

    def inquiry_id(self, row: int) -> str:
        return self._rows[row].id

    def reload(self) -> None:
        """Drop the rows and fetch the first page for the current filter and sort."""
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
    def _fetch_page(self, count: bool = False) -> None:
        generation = self._generation
        # Keyset paging: the next page starts after the last row held (fast at any depth).
        after = self._rows[-1] if self._rows else None
        f, sort, descending = self._filter, self._sort, self._descending
        self._set_loading(True)

        def job():
            return list_inquiries(f, sort=sort, descending=descending, limit=PAGE_SIZE, after=after)

        def done(rows) -> None:
            if generation != self._generation:
                return
            self._set_loading(False)
            self.pages_fetched += 1
            if len(rows) < PAGE_SIZE:
                self._exhausted = True
            if rows:
                first = len(self._rows)
                self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
                self._rows.extend(rows)
                self.endInsertRows()
            if count:
                self._count(generation, f)

        def error(exc: BaseException) -> None:
            if generation != self._generation:
                return
            self._set_loading(False)
            self._exhausted = True
            self.failed.emit(self.tr("Riwayat tidak dapat dimuat."))

        self.tasks.run_query(job, done, error)

    def _count(self, generation: int, f: InquiryFilter) -> None:
        def done(total: int) -> None:
            if generation == self._generation:
                self.total = total
                self.total_changed.emit(total)

        self.tasks.run_query(lambda: count_inquiries(f), done, lambda exc: None)

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.loading_changed.emit(loading)

    def _load_names(self) -> None:
        for kind, key in (
            ("channels", "channel"),
            ("departments", "department"),
            ("outcomes", "outcome"),
        ):
            self._names[key] = {i["code"]: item_name(i) for i in reference.items(kind)}
        self._names["sync_status"] = {
            "pending": self.tr("menunggu"),
            "synced": self.tr("terkirim"),
            "rejected": self.tr("ditolak"),
        }

    def _display(self, row, key: str) -> str:
        value = getattr(row, key, None)
        if value is None:
            return ""
        if key == "created_at":
            return utc_text(value)
        if key == "department":
            return str(value)  # the short code reads best in a narrow column
        if key == "sync_status" and value == "rejected":
            from hai_desktop.core import conflicts

            if conflicts.is_conflict(value, getattr(row, "sync_error", None)):
                return self.tr("konflik")  # two desks changed it (issue 7.6)
        if key in self._names:
            return self._names[key].get(value, value)
        if key == "question":
            return " ".join(str(value).split())
        return str(value)
