"""A table model filled lazily, page by page, on the task manager's reader thread.

A subclass names its ``COLUMNS`` and ``headers``, reads a page (:meth:`PagedTableModel.page`)
and counts the matches (:meth:`PagedTableModel.count`) for its filter, and words its cells
in ``data``. A page arriving after the filter changed is dropped (a generation counter); the
view asks for the next page as it scrolls (``canFetchMore`` / ``fetchMore``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from hai_desktop.gui.tasks import TaskManager

PAGE_SIZE = 200


class PagedTableModel(QAbstractTableModel):
    """Rows (dicts with an ``id``) fetched page by page.

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
    COLUMNS: tuple[str, ...] = ()
    first_page_size = PAGE_SIZE  # a subclass may show its first page sooner with fewer rows

    def __init__(self, tasks: TaskManager, initial_filter: Any, parent=None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.headers: dict[str, str] = {}
        self._rows: list[dict[str, Any]] = []
        self._filter = initial_filter
        self._generation = 0
        self._loading = False
        self._exhausted = False
        self.total: int | None = None
        self.pages_fetched = 0

    # -- what a subclass provides -----------------------------------------------------------
    def page(self, f: Any, limit: int, offset: int) -> list[dict[str, Any]]:
        raise NotImplementedError

    def count(self, f: Any) -> int:
        raise NotImplementedError

    def failure_text(self) -> str:
        raise NotImplementedError

    # -- Qt model API ---------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008,N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008,N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[self.COLUMNS[section]]
        return None

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008,N802
        return not parent.isValid() and not self._exhausted and not self._loading

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008,N802
        if not parent.isValid() and not self._exhausted and not self._loading:
            self._fetch_page()

    # -- public API -----------------------------------------------------------------------
    def set_filter(self, new_filter: Any) -> None:
        self._filter = new_filter
        self.reload()

    @property
    def is_loading(self) -> bool:
        return self._loading

    def row_data(self, row: int) -> dict[str, Any]:
        return self._rows[row]

    def row_of(self, row_id: str) -> int:
        """The row of ``row_id`` among those loaded (-1: not loaded)."""
        for i, row in enumerate(self._rows):
            if row["id"] == row_id:
                return i
        return -1

    def update_row(self, row_id: str, **values: Any) -> None:
        """Change a loaded row in place (after a local action)."""
        i = self.row_of(row_id)
        if i >= 0:
            self._rows[i].update(values)
            self.dataChanged.emit(self.index(i, 0), self.index(i, len(self.COLUMNS) - 1))

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
    def _fetch_page(self, count: bool = False) -> None:
        generation = self._generation
        offset = len(self._rows)
        f = self._filter
        self._set_loading(True)

        limit = self.first_page_size if offset == 0 else PAGE_SIZE

        def job():
            rows = self.page(f, limit, offset)
            return rows, (self.count(f) if count else None)

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

        def failed(_exc: BaseException) -> None:
            if generation != self._generation:
                return
            self._set_loading(False)
            self._exhausted = True
            self.failed.emit(self.failure_text())

        self.tasks.run_query(job, done, failed)

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.loading_changed.emit(loading)
