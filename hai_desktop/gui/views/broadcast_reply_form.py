"""The reply to a data request (*permintaan data*): due date, this desk's replies, a form.

A reply (text and files) is queued at once in the profile (``core.broadcast_replies``: the
files are copied in, the outbox row written in the same transaction), so it survives the
network being down and the desk being closed; the sync engine sends it, exactly once.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hai_desktop.core import broadcast_replies
from hai_desktop.core.timeutil import parse_utc
from hai_desktop.gui import broadcast_texts as texts
from hai_desktop.gui import changes, messages
from hai_desktop.gui.tasks import TaskManager

TOPIC_REPLY = "broadcast_reply"


class ReplyForm(QGroupBox):
    """Signals:
    reply_queued(str): a reply was stored and queued (its id).
    """

    reply_queued = Signal(str)

    def __init__(
        self,
        tasks: TaskManager,
        item: dict[str, Any],
        attachments_dir: Path | None,
        verified: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Jawaban atas permintaan data"), parent)
        self.setObjectName("broadcastReplyForm")
        self.tasks = tasks
        self.item = item
        self.attachments_dir = attachments_dir
        self.files: list[Path] = []
        layout = QVBoxLayout(self)
        layout.setSpacing(6)
        self.due = QLabel(self._due_text())
        self.due.setObjectName("broadcastReplyDue")
        self.due.setWordWrap(True)
        if self.overdue:
            self.due.setStyleSheet("QLabel { color: #b3261e; font-weight: 600; }")
        layout.addWidget(self.due)
        self.sent = QLabel(self._replies_text(item.get("replies") or []))
        self.sent.setObjectName("broadcastReplies")
        self.sent.setWordWrap(True)
        self.sent.setVisible(bool(item.get("replies")))
        layout.addWidget(self.sent)

        self.body = QPlainTextEdit()
        self.body.setObjectName("broadcastReplyBody")
        self.body.setPlaceholderText(self.tr("Tulis jawaban atau data yang diminta"))
        self.body.setMinimumHeight(90)
        layout.addWidget(self.body)
        self.file_list = QListWidget()
        self.file_list.setObjectName("broadcastReplyFiles")
        self.file_list.setMaximumHeight(70)
        self.file_list.hide()
        layout.addWidget(self.file_list)
        row = QHBoxLayout()
        self.add_file = QPushButton(self.tr("Lampirkan berkas…"))
        self.add_file.setObjectName("broadcastReplyAttach")
        self.add_file.clicked.connect(self._choose_files)
        self.remove_file = QPushButton(self.tr("Hapus lampiran"))
        self.remove_file.setObjectName("broadcastReplyRemoveFile")
        self.remove_file.clicked.connect(self._remove_file)
        self.remove_file.hide()
        self.send = QPushButton(self.tr("Kirim jawaban"))
        self.send.setObjectName("broadcastReplySend")
        self.send.setProperty("role", "primary")
        self.send.clicked.connect(self.submit)
        row.addWidget(self.add_file)
        row.addWidget(self.remove_file)
        row.addStretch(1)
        row.addWidget(self.send)
        layout.addLayout(row)
        self.error = QLabel()
        self.error.setObjectName("broadcastReplyError")
        self.error.setProperty("role", "error")
        self.error.hide()
        layout.addWidget(self.error)
        if not verified:
            for w in (self.body, self.add_file, self.send):
                w.setEnabled(False)
            self.error.setText(
                self.tr("Siaran ini tidak terverifikasi: jawaban tidak dapat dikirim.")
            )
            self.error.show()

    @property
    def overdue(self) -> bool:
        due = self.item.get("reply_due")
        try:
            return bool(due) and parse_utc(due) < datetime.now(UTC)
        except ValueError:
            return False

    def add_files(self, paths: list[Path]) -> None:
        """Attach files (the file dialog's choice, or tests)."""
        for path in paths:
            if path not in self.files:
                self.files.append(path)
                self.file_list.addItem(path.name)
        self.file_list.setVisible(bool(self.files))
        self.remove_file.setVisible(bool(self.files))

    def submit(self) -> None:
        """Store and queue the reply (database worker)."""
        body = self.body.toPlainText()
        files = list(self.files)
        broadcast_id = self.item["id"]
        target = self.attachments_dir
        if target is None:
            return
        self.send.setEnabled(False)

        def job() -> str:
            return broadcast_replies.create_reply(broadcast_id, body, files, target)

        def done(reply_id: str) -> None:
            self.send.setEnabled(True)
            self.error.hide()
            self.body.clear()
            self.files = []
            self.file_list.clear()
            self.file_list.hide()
            self.remove_file.hide()
            messages.info(
                self.tr("Jawaban disimpan; dikirim ke pusat pada sinkronisasi berikutnya."), 6000
            )
            changes.notify(TOPIC_REPLY)
            self.reply_queued.emit(reply_id)

        def failed(exc: BaseException) -> None:
            self.send.setEnabled(True)
            if isinstance(exc, broadcast_replies.ReplyError):
                self.error.setText(texts.reply_error_text(exc.code))
            elif isinstance(exc, OSError):
                self.error.setText(
                    self.tr("Berkas lampiran tidak dapat dibaca: %1").replace(
                        "%1", str(getattr(exc, "filename", "") or exc)
                    )
                )
            else:
                self.error.setText(texts.reply_error_text(""))
            self.error.show()

        self.tasks.run_db(job, done, failed)

    # -- internals ------------------------------------------------------------------------
    def _due_text(self) -> str:
        due = self.item.get("reply_due")
        if not due:
            return self.tr("Pusat meminta jawaban dari kantor ini.")
        text = self.tr("Tenggat jawaban: %1").replace("%1", texts.local_time(due))
        if self.overdue:
            text += " — " + self.tr("sudah lewat; jawaban tetap dapat dikirim (tercatat terlambat)")
        return text

    def _replies_text(self, replies: list[dict[str, Any]]) -> str:
        lines = []
        for r in replies:
            when = texts.local_time(r.get("created_at"))
            if r.get("sent_at"):
                state = self.tr("diterima pusat %1").replace("%1", texts.local_time(r["sent_at"]))
                if r.get("late"):
                    state += " " + self.tr("(terlambat)")
            else:
                state = self.tr("menunggu dikirim (antrean)")
            files = len(r.get("attachments") or [])
            extra = self.tr(", %1 lampiran").replace("%1", str(files)) if files else ""
            lines.append(f"• {when}: {state}{extra}")
        return self.tr("Jawaban dari desk ini:") + "\n" + "\n".join(lines)

    def _choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Lampirkan berkas"))
        self.add_files([Path(n) for n in names])

    def _remove_file(self) -> None:
        row = self.file_list.currentRow()
        if row < 0:
            row = len(self.files) - 1
        if row >= 0:
            self.files.pop(row)
            self.file_list.takeItem(row)
        self.file_list.setVisible(bool(self.files))
        self.remove_file.setVisible(bool(self.files))
