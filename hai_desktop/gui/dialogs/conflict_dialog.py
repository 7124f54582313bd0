"""The edit-conflict dialog (issue 7.6): another desk of the office changed a record this desk
changed too. The CSO sees both versions field by field and keeps theirs, takes the hub's, or
merges (a pick per field). Core (:mod:`hai_desktop.core.conflicts`) does the settling; what
is sent goes through the outbox like any edit.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from hai_desktop.core import conflicts
from hai_desktop.core.errors import ValidationError


def field_labels(ctx: QWidget) -> dict[str, str]:
    """The form's names of the fields a conflict may differ in."""
    return {
        "channel": ctx.tr("Saluran"),
        "department": ctx.tr("Departemen"),
        "application": ctx.tr("Aplikasi"),
        "visitor_name": ctx.tr("Nama pengunjung"),
        "satker_code": ctx.tr("Kode satker"),
        "institution": ctx.tr("Instansi"),
        "phone": ctx.tr("Telepon"),
        "email": ctx.tr("E-mail"),
        "question": ctx.tr("Pertanyaan"),
        "answer": ctx.tr("Jawaban"),
        "basis_regulations": ctx.tr("Dasar peraturan"),
        "basis_kb_entry_ids": ctx.tr("Entri basis pengetahuan"),
        "outcome": ctx.tr("Hasil"),
        "out_of_scope_reason": ctx.tr("Alasan di luar lingkup"),
        "served_started_at": ctx.tr("Mulai dilayani"),
        "served_ended_at": ctx.tr("Selesai dilayani"),
    }


def _shown(value: Any) -> str:
    if value in (None, "", []):
        return "—"
    if isinstance(value, list | tuple):
        return "\n".join(str(v) for v in value)
    return str(value)


class ConflictDialog(QDialog):
    """Every inquiry in conflict, one at a time; ``resolved`` after each settled one."""

    resolved = Signal(str, str)  # record id, "hub" | "sent"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setWindowTitle(self.tr("Konflik: dua desk mengubah catatan yang sama"))
        self.resize(900, 560)
        self._labels = field_labels(self)
        self._groups: dict[str, QButtonGroup] = {}
        self._current: conflicts.InquiryConflict | None = None

        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Catatan ini diubah di desk ini dan juga di desk lain kantor Anda. Kedua versi "
                "disimpan. Pilih versi yang dipakai, atau pilih per isian lalu Gabungkan."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        body = QHBoxLayout()
        self.list = QListWidget()
        self.list.setObjectName("conflictList")
        self.list.setMaximumWidth(260)
        self.list.currentItemChanged.connect(self._show_selected)
        body.addWidget(self.list)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        body.addWidget(self.scroll, 1)
        layout.addLayout(body, 1)

        buttons = QHBoxLayout()
        self.keep_mine = QPushButton(self.tr("Pakai versi saya"))
        self.keep_mine.setObjectName("conflictKeepMine")
        self.take_hub = QPushButton(self.tr("Pakai versi desk lain (HAI Hub)"))
        self.take_hub.setObjectName("conflictTakeHub")
        self.merge = QPushButton(self.tr("Gabungkan pilihan"))
        self.merge.setObjectName("conflictMerge")
        close = QPushButton(self.tr("Tutup"))
        self.keep_mine.clicked.connect(lambda: self._resolve(conflicts.MINE))
        self.take_hub.clicked.connect(lambda: self._resolve(conflicts.HUB))
        self.merge.clicked.connect(lambda: self._resolve(self.picks()))
        close.clicked.connect(self.accept)
        for button in (self.keep_mine, self.take_hub, self.merge):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.reload()

    # -- public ---------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the conflicts again (after one was settled)."""
        self.list.clear()
        for conflict in conflicts.inquiry_conflicts():
            question = " ".join(str(conflict.mine.get("question") or "").split())
            item = QListWidgetItem(question[:60] or conflict.record_id)
            item.setData(Qt.ItemDataRole.UserRole, conflict.record_id)
            item.setToolTip(question)
            self.list.addItem(item)
        has_any = self.list.count() > 0
        for button in (self.keep_mine, self.take_hub, self.merge):
            button.setEnabled(has_any)
        if has_any:
            self.list.setCurrentRow(0)
        else:
            self._current = None
            done = QLabel(self.tr("Tidak ada konflik lagi."))
            done.setObjectName("conflictNone")
            self.scroll.setWidget(done)

    def picks(self) -> dict[str, str]:
        """The per-field choice the CSO made (the merge)."""
        out = {}
        for name, group in self._groups.items():
            out[name] = conflicts.HUB if group.checkedId() == 1 else conflicts.MINE
        return out

    def choose(self, field: str, side: str) -> None:
        """Pick one side of one field (tests, keyboard users)."""
        group = self._groups[field]
        group.button(1 if side == conflicts.HUB else 0).setChecked(True)

    # -- internals ------------------------------------------------------------------------
    def _show_selected(self, item: QListWidgetItem | None, _previous=None) -> None:
        if item is None:
            return
        self._current = conflicts.get_inquiry_conflict(item.data(Qt.ItemDataRole.UserRole))
        self._groups = {}
        page = QWidget()
        grid = QGridLayout(page)
        grid.addWidget(QLabel("<b>" + self.tr("Isian") + "</b>"), 0, 0)
        grid.addWidget(QLabel("<b>" + self.tr("Versi saya") + "</b>"), 0, 1)
        grid.addWidget(QLabel("<b>" + self.tr("Versi desk lain (HAI Hub)") + "</b>"), 0, 2)
        if self._current is None:
            self.scroll.setWidget(page)
            return
        for row, name in enumerate(self._current.differing, start=1):
            group = QButtonGroup(page)
            mine = QRadioButton(_shown(self._current.mine.get(name)))
            hub = QRadioButton(_shown(self._current.hub.get(name)))
            for button in (mine, hub):
                button.setStyleSheet("text-align: left")
                button.setToolTip(button.text())
            mine.setObjectName(f"conflictMine_{name}")
            hub.setObjectName(f"conflictHub_{name}")
            group.addButton(mine, 0)
            group.addButton(hub, 1)
            mine.setChecked(True)
            self._groups[name] = group
            grid.addWidget(QLabel(self._labels.get(name, name)), row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(mine, row, 1, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(hub, row, 2, Qt.AlignmentFlag.AlignTop)
        grid.setRowStretch(len(self._current.differing) + 1, 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        self.scroll.setWidget(page)

    def _resolve(self, choice) -> None:
        if self._current is None:
            return
        record_id = self._current.record_id
        try:
            outcome = conflicts.resolve(record_id, choice)
        except ValidationError as err:
            fields = ", ".join(self._labels.get(f, f) for f in err.errors) if err.errors else ""
            QMessageBox.warning(
                self,
                self.tr("Gabungan belum lengkap"),
                self.tr("Gabungan ini melanggar aturan formulir ({fields}). Ubah pilihan.").format(
                    fields=fields
                ),
            )
            return
        except LookupError:
            outcome = ""  # settled meanwhile (another window): just read again
        if outcome:
            self.resolved.emit(record_id, outcome)
        self.reload()
