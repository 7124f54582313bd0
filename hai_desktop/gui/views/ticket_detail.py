"""One ticket's pane: its state and SLA, the conversation with attachments (open / save),
the follow-up box, closing with the visitor's satisfaction, and copying the centre's answer
into the originating inquiry (decree V.d.6).

Every body is plain text (never rendered as HTML). The pane only shows and asks: the
Tiket screen (``ticket_view``) does the work on the task manager's threads.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from hai_desktop.core import tickets
from hai_desktop.gui import ticket_texts as texts
from hai_desktop.gui.tasks import TaskManager
from hai_desktop.gui.views.attachment_picker import AttachmentPicker
from hai_desktop.gui.widgets import ErrorLabel

OWN_STYLE = "QFrame#ticketMessageFrame { background: #eef3fb; border-radius: 6px; }"
HUB_STYLE = (
    "QFrame#ticketMessageFrame { background: #f3f7ee; border: 1px solid #cfe0c3;"
    " border-radius: 6px; }"
)
SLA_STYLES = {
    "overdue": "color: #b3261e; font-weight: bold;",
    "near": "color: #8a5a00; font-weight: bold;",
    "paused": "color: #5f6368;",
}


def _label(name: str = "", role: str = "", selectable: bool = False) -> QLabel:
    label = QLabel()
    if name:
        label.setObjectName(name)
    if role:
        label.setProperty("role", role)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class TicketDetail(QWidget):
    """Signals:
    followup_requested(str, str, object): ticket id, body, the checked files.
    close_requested(str, object, str): ticket id, satisfied (True/False/None), note.
    copy_requested(str): copy the centre's answer into the inquiry.
    file_requested(str, str, str): "open" or "save", sha256, filename.
    """

    followup_requested = Signal(str, str, object)
    close_requested = Signal(str, object, str)
    copy_requested = Signal(str)
    file_requested = Signal(str, str, str)

    def __init__(self, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ticketDetail")
        self.item: dict[str, Any] | None = None
        self.file_buttons: list[QPushButton] = []
        self.file_labels: dict[str, tuple[QLabel, dict[str, Any]]] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll = scroll
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(8)
        self.empty = _label(role="hint")
        self.empty.setText(self.tr("Pilih tiket di daftar untuk melihat percakapannya."))
        layout.addWidget(self.empty)

        self.header = _label("ticketHeader", "hint")
        self.title = _label("ticketTitle", "title", selectable=True)
        self.sla = _label("ticketSla")
        self.meta = _label("ticketMeta", selectable=True)
        for w in (self.header, self.title, self.sla, self.meta):
            layout.addWidget(w)

        actions = QHBoxLayout()
        self.copy_button = QPushButton(self.tr("Salin jawaban ke catatan"))
        self.copy_button.setObjectName("ticketCopyAnswer")
        self.copy_button.setToolTip(
            self.tr(
                "Jawaban HAI-DJPBN menjadi jawaban catatan layanan asal (hasil: terjawab, "
                "dasar: tiket ini) dan diajukan ke basis pengetahuan."
            )
        )
        self.copy_button.clicked.connect(self._on_copy)
        self.close_button = QPushButton(self.tr("Tutup tiket…"))
        self.close_button.setObjectName("ticketCloseButton")
        self.close_button.clicked.connect(self._show_close_box)
        actions.addWidget(self.copy_button)
        actions.addWidget(self.close_button)
        actions.addStretch(1)
        layout.addLayout(actions)

        self.close_box = self._build_close_box()
        layout.addWidget(self.close_box)

        self.conversation = QVBoxLayout()
        self.conversation.setSpacing(6)
        layout.addLayout(self.conversation)

        self.followup_box = QFrame()
        self.followup_box.setObjectName("ticketFollowupBox")
        box = QVBoxLayout(self.followup_box)
        box.setContentsMargins(0, 6, 0, 0)
        caption = QLabel(self.tr("Tindak lanjut ke HAI-DJPBN"))
        font = caption.font()
        font.setBold(True)
        caption.setFont(font)
        self.followup = QPlainTextEdit()
        self.followup.setObjectName("ticketFollowup")
        self.followup.setTabChangesFocus(True)
        self.followup.setPlaceholderText(self.tr("Tulis tambahan keterangan atau pertanyaan"))
        self.followup.setMaximumHeight(90)
        self.followup_error = ErrorLabel("ticketFollowupError")
        self.followup_files = AttachmentPicker(tasks, "ticketFollowupFiles")
        self.send_button = QPushButton(self.tr("Kirim tindak lanjut"))
        self.send_button.setObjectName("ticketSendFollowup")
        self.send_button.clicked.connect(self._on_send)
        self.followup_files.checking_changed.connect(
            lambda busy: self.send_button.setDisabled(busy)
        )
        send_row = QHBoxLayout()
        send_row.addStretch(1)
        send_row.addWidget(self.send_button)
        for w in (caption, self.followup, self.followup_error, self.followup_files):
            box.addWidget(w)
        box.addLayout(send_row)
        layout.addWidget(self.followup_box)
        layout.addStretch(1)
        self.show_item(None)

    def _build_close_box(self) -> QFrame:
        frame = QFrame()
        frame.setObjectName("ticketCloseBox")
        frame.setStyleSheet(
            "QFrame#ticketCloseBox { border: 1px solid #c9c9c9; border-radius: 4px; }"
        )
        box = QVBoxLayout(frame)
        box.setContentsMargins(8, 6, 8, 6)
        question = _label()
        question.setText(self.tr("Jawaban sudah sampai ke pengguna? Bagaimana penilaiannya?"))
        box.addWidget(question)
        row = QHBoxLayout()
        self.satisfied = QRadioButton(self.tr("Puas"))
        self.satisfied.setObjectName("ticketSatisfied")
        self.unsatisfied = QRadioButton(self.tr("Tidak puas"))
        self.unsatisfied.setObjectName("ticketUnsatisfied")
        self.no_rating = QRadioButton(self.tr("Tidak menilai"))
        self.no_rating.setObjectName("ticketNoRating")
        self.rating = QButtonGroup(frame)
        for button in (self.satisfied, self.unsatisfied, self.no_rating):
            self.rating.addButton(button)
            row.addWidget(button)
        row.addStretch(1)
        box.addLayout(row)
        self.close_note = QLineEdit()
        self.close_note.setObjectName("ticketCloseNote")
        self.close_note.setMaxLength(tickets.NOTE_MAX)
        self.close_note.setPlaceholderText(self.tr("Catatan (boleh kosong)"))
        box.addWidget(self.close_note)
        self.close_error = ErrorLabel("ticketCloseError")
        box.addWidget(self.close_error)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.confirm_close = QPushButton(self.tr("Tutup tiket"))
        self.confirm_close.setObjectName("ticketConfirmClose")
        self.confirm_close.setProperty("role", "primary")
        self.confirm_close.clicked.connect(self._on_close)
        cancel = QPushButton(self.tr("Batal"))
        cancel.clicked.connect(lambda: self.close_box.hide())
        buttons.addWidget(cancel)
        buttons.addWidget(self.confirm_close)
        box.addLayout(buttons)
        frame.hide()
        return frame

    # -- public API -----------------------------------------------------------------------
    def show_item(self, item: dict[str, Any] | None, keep_input: bool = False) -> None:
        """Show one ticket (``core.tickets_view.detail``), or nothing."""
        same = item is not None and self.item is not None and item["id"] == self.item["id"]
        self.item = item
        has = item is not None
        self.empty.setVisible(not has)
        for w in (self.header, self.title, self.sla, self.meta):
            w.setVisible(has)
        self._clear_conversation()
        if not (same and keep_input):
            self.followup.clear()
            self.followup_files.clear()
            self.followup_error.show_message(None)
            self.close_box.hide()
        if item is None:
            for w in (self.copy_button, self.close_button, self.followup_box):
                w.setVisible(False)
            return
        closed = item.get("status") == "closed"
        parts = [
            texts.number_text(item),
            texts.status_text(item.get("status")),
            texts.level_text(item.get("level")),
            texts.priority_text(item.get("priority")),
            item.get("assigned_department") or item.get("department") or "",
        ]
        self.header.setText(" · ".join(p for p in parts if p))
        self.title.setText(item.get("subject") or "")
        sla = texts.sla_tooltip(item.get("sla_state"), item.get("sla_due"))
        self.sla.setText(sla)
        self.sla.setVisible(bool(sla))
        self.sla.setStyleSheet(SLA_STYLES.get(item.get("sla_state") or "", ""))
        self.meta.setText(self._meta_text(item))
        self.copy_button.setVisible(bool(item.get("inquiry_id")) and bool(item.get("has_answer")))
        self.close_button.setVisible(not closed)
        self.followup_box.setVisible(not closed)
        for message in item.get("messages") or []:
            self.conversation.addWidget(self._message_frame(message))

    def message_texts(self) -> list[str]:
        """The shown messages as text (role, time, body, files), for tests and a11y."""
        out = []
        for i in range(self.conversation.count()):
            frame = self.conversation.itemAt(i).widget()
            if frame is not None:
                out.append(frame.accessibleDescription())
        return out

    def set_busy(self, busy: bool) -> None:
        for w in (self.send_button, self.confirm_close, self.copy_button):
            w.setDisabled(busy)

    # -- internals ------------------------------------------------------------------------
    def _meta_text(self, item: dict[str, Any]) -> str:
        req = item.get("requester") or {}
        who = " · ".join(
            str(req.get(k)) for k in ("name", "email", "phone", "satker_code") if req.get(k)
        )
        lines = [self.tr("Pemohon: %1").replace("%1", who)] if who else []
        lines.append(self.tr("Dibuat: %1").replace("%1", texts.local_time(item.get("created_at"))))
        if item.get("inquiry_id"):
            lines.append(self.tr("Diteruskan dari catatan layanan kantor ini."))
        if not item.get("number"):
            if item.get("sync_status") == "rejected":
                lines.append(
                    self.tr("Ditolak hub: %1").replace("%1", str(item.get("sync_error") or ""))
                )
            else:
                lines.append(
                    self.tr("Menunggu kirim: nomor tiket diberikan hub setelah sinkronisasi.")
                )
        if item.get("status") == "closed":
            text = self.tr("Ditutup %1 · penilaian pengguna: %2")
            text = text.replace("%1", texts.local_time(item.get("closed_at")))
            text = text.replace("%2", texts.satisfaction_text(item.get("satisfied")))
            if item.get("close_note"):
                text += f" · {item['close_note']}"
            lines.append(text)
        return "\n".join(lines)

    def _message_frame(self, message: dict[str, Any]) -> QFrame:
        frame = QFrame()
        frame.setObjectName("ticketMessageFrame")
        own = message.get("author_role") == "cso"
        frame.setStyleSheet(OWN_STYLE if own else HUB_STYLE)
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(4)
        who = texts.role_text(message.get("author_role"))
        if message.get("author_name") and not own:
            who += f" — {message['author_name']}"
        head = f"{who} · {texts.local_time(message.get('created_at'))}"
        if own and message.get("sync_status") == "pending":
            head += " · " + self.tr("menunggu kirim")
        header = _label("ticketMessageHeader", "hint")
        header.setText(head)
        body = _label("ticketMessageBody", selectable=True)
        body.setText(message.get("body") or "")
        layout.addWidget(header)
        layout.addWidget(body)
        names = []
        for f in message.get("files") or []:
            names.append(f["filename"])
            layout.addLayout(self._file_row(f))
        frame.setAccessibleDescription("\n".join([head, message.get("body") or "", *names]))
        return frame

    def _file_row(self, f: dict[str, Any]) -> QHBoxLayout:
        row = QHBoxLayout()
        name = _label("ticketFileName")
        self.file_labels[f["sha256"]] = (name, f)
        self._label_file(name, f)
        row.addWidget(name, 1)
        for action, words in (("open", self.tr("Buka")), ("save", self.tr("Simpan…"))):
            button = QPushButton(words)
            button.setObjectName(f"ticketFile_{action}")
            if not f.get("stored"):
                button.setToolTip(self.tr("Diunduh dari hub saat dibuka"))
            button.clicked.connect(
                lambda _c=False, a=action, s=f["sha256"], n=f["filename"]: self.file_requested.emit(
                    a, s, n
                )
            )
            self.file_buttons.append(button)
            row.addWidget(button)
        return row

    def _label_file(self, label: QLabel, f: dict[str, Any]) -> None:
        size = texts.file_size_text(f.get("size"))
        upload = texts.upload_text(f.get("upload"), f.get("upload_offset", 0), f.get("size"))
        details = ", ".join(p for p in (size, upload) if p)
        label.setText(f["filename"] + (f"  ({details})" if details else ""))

    def show_upload(self, sha256: str, offset: int, size: int) -> None:
        """An upload moved on (the sync's progress): say how far, without a re-read."""
        entry = self.file_labels.get(sha256)
        if entry is None:
            return
        label, f = entry
        f["upload"] = "sent" if offset >= size else "pending"
        f["upload_offset"] = offset
        self._label_file(label, f)

    def _clear_conversation(self) -> None:
        self.file_buttons = []
        self.file_labels = {}
        while self.conversation.count():
            old = self.conversation.takeAt(0).widget()
            if old is not None:
                old.setParent(None)
                old.deleteLater()

    def _show_close_box(self) -> None:
        self.no_rating.setChecked(True)
        self.close_note.clear()
        self.close_error.show_message(None)
        self.close_box.show()
        self.satisfied.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_close(self) -> None:
        if self.item is None:
            return
        satisfied = (
            True if self.satisfied.isChecked() else False if self.unsatisfied.isChecked() else None
        )
        self.close_requested.emit(self.item["id"], satisfied, self.close_note.text())

    def _on_send(self) -> None:
        if self.item is None:
            return
        body = self.followup.toPlainText()
        if not body.strip():
            self.followup_error.show_message(texts.message_text("required"))
            return
        self.followup_error.show_message(None)
        self.followup_requested.emit(self.item["id"], body, self.followup_files.files())

    def _on_copy(self) -> None:
        if self.item is not None:
            self.copy_requested.emit(self.item["id"])
