"""Choosing attachments for a ticket or a follow-up: a file dialog or drag and drop.

Each file is checked as soon as it is chosen (``core.attachments.check_file``: size, type,
real content by magic bytes), on the reader thread because a 15 MB file is hashed. A refused
file is not added; why is said beside the list, in the user's language, and the files
already chosen stay.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hai_desktop.core import attachments, tickets
from hai_desktop.core.attachments import AttachmentRefused, ChosenFile
from hai_desktop.gui import ticket_texts as texts
from hai_desktop.gui.tasks import TaskManager
from hai_desktop.gui.widgets import ErrorLabel


class AttachmentPicker(QWidget):
    """Signals:
    changed(): the list of chosen files changed.
    checking_changed(bool): files are being checked (the form waits before saving).
    """

    changed = Signal()
    checking_changed = Signal(bool)

    def __init__(self, tasks: TaskManager, name: str = "ticketAttachments", parent=None):
        super().__init__(parent)
        self.setObjectName(name)
        self.tasks = tasks
        self._files: list[ChosenFile] = []
        self._checking = 0
        self.setAcceptDrops(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.list = QListWidget()
        self.list.setObjectName(f"{name}List")
        self.list.setAcceptDrops(False)  # drops land on the picker
        self.list.setToolTip(self.tr("Seret berkas ke sini, atau pilih dengan Tambah lampiran."))
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Tambah lampiran…"))
        self.add_button.setObjectName(f"{name}Add")
        self.add_button.clicked.connect(self.choose)
        self.remove_button = QPushButton(self.tr("Hapus"))
        self.remove_button.setObjectName(f"{name}Remove")
        self.remove_button.clicked.connect(self.remove_selected)
        self.hint = QLabel(self.tr("atau seret berkas ke sini"))
        self.hint.setProperty("role", "hint")
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.hint, 1)
        self.refusal = ErrorLabel(f"{name}Refusal")
        self.refusal.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        layout.addWidget(self.refusal)
        self._update()

    # -- public API -----------------------------------------------------------------------
    def files(self) -> list[ChosenFile]:
        return list(self._files)

    @property
    def checking(self) -> bool:
        return self._checking > 0

    def refusal_text(self) -> str:
        return self.refusal.message() if not self.refusal.isHidden() else ""

    def clear(self) -> None:
        self._files.clear()
        self.refusal.show_message(None)
        self._update()

    def choose(self) -> None:
        max_bytes, allowed = attachments.limits()
        pattern = " ".join(f"*.{e}" for e in allowed)
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Pilih lampiran"),
            "",
            self.tr("Lampiran yang diizinkan (%1)").replace("%1", pattern),
        )
        if paths:
            self.add_paths(paths)

    def add_paths(self, paths: Iterable[str]) -> None:
        """Check the files (reader thread); the allowed ones are added, the others said."""
        paths = [str(p) for p in paths]
        if not paths:
            return
        self._set_checking(+1)

        def job() -> list[ChosenFile | AttachmentRefused]:
            out: list[ChosenFile | AttachmentRefused] = []
            for path in paths:
                try:
                    out.append(attachments.check_file(path))
                except AttachmentRefused as refused:
                    out.append(refused)
            return out

        def failed(_exc: BaseException) -> None:
            self._set_checking(-1)
            self.refusal.show_message(self.tr("Berkas tidak dapat diperiksa."))

        self.tasks.run_query(job, self._on_checked, failed)

    def remove_selected(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self._files):
            del self._files[row]
            self._update()

    # -- internals ------------------------------------------------------------------------
    def _on_checked(self, results: list[ChosenFile | AttachmentRefused]) -> None:
        self._set_checking(-1)
        refusals = []
        known = {f.sha256 for f in self._files}
        for result in results:
            if isinstance(result, AttachmentRefused):
                refusals.append(result.message())
            elif result.sha256 in known:
                continue
            elif len(self._files) >= tickets.MAX_ATTACHMENTS:
                refusals.append(texts.message_text("too_many_attachments"))
                break
            else:
                self._files.append(result)
                known.add(result.sha256)
        self.refusal.show_message("\n".join(refusals) or None)
        self._update()

    def _set_checking(self, delta: int) -> None:
        before = self._checking > 0
        self._checking += delta
        if before != (self._checking > 0):
            self.checking_changed.emit(self._checking > 0)

    def _update(self) -> None:
        self.list.clear()
        for f in self._files:
            item = QListWidgetItem(f"{f.filename}  ({texts.file_size_text(f.size)})")
            item.setToolTip(str(f.path))
            self.list.addItem(item)
        rows = min(max(len(self._files), 1), 4)
        self.list.setFixedHeight(rows * self.list.fontMetrics().height() + rows * 6 + 6)
        self.list.setVisible(bool(self._files))
        self.remove_button.setVisible(bool(self._files))
        self.changed.emit()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt override)
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt override)
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.add_paths(paths)
