"""The KB search hits as a list model (title, then department and the answer's start)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from hai_desktop.core import kb
from hai_desktop.gui.models.two_line_delegate import DETAIL_ROLE


class KbResultsModel(QAbstractListModel):
    """Search hits for a list view: the title, then department and the answer's start."""

    HitRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent=None):
        super().__init__(parent)
        self._hits: list[kb.KbHit] = []
        self._departments: dict[str, str] = {}
        self.today = date.today()

    def set_hits(self, hits: list[kb.KbHit], departments: dict[str, str]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self._departments = departments
        self.endResetModel()

    def hit(self, row: int) -> kb.KbHit | None:
        return self._hits[row] if 0 <= row < len(self._hits) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802,B008
        return 0 if parent.isValid() else len(self._hits)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ):
        hit = self.hit(index.row())
        if hit is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            mark = "  ⚠" if kb.is_possibly_outdated(hit, self.today) else ""
            return f"{hit.title}{mark}"
        if role == DETAIL_ROLE:
            preview = hit.answer_preview
            if len(preview) > 150:
                preview = preview[:149] + "…"
            where = " · ".join(x for x in (hit.department, hit.application) if x)
            return f"{where} — {preview}" if where else preview
        if role == Qt.ItemDataRole.ToolTipRole:
            dept = self._departments.get(hit.department or "", "")
            return f"{hit.title}\n{dept}" if dept else hit.title
        if role == self.HitRole:
            return hit
        return None
