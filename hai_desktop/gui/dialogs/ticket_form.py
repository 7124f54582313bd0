"""The ticket form "Teruskan ke HAI-DJPBN": a question forwarded to the centre.

Opened from an inquiry it is filled from it (``core.tickets.prefill_from_inquiry``:
department, subject, the question in detail, the visitor as requester); opened from the Tiket
screen it starts empty. While the CSO writes the subject, the KB entries that match it are
shown (debounced, on the reader thread): the centre's answer may already exist. Attachments
come by file dialog or drag and drop, each checked at once (``AttachmentPicker``).
Validation messages (``core.tickets.validate``) show at their fields. Saving queues the
ticket with its files offline (``create_ticket`` on the database worker, which copies the
files into the store off the GUI thread).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from hai_desktop.core import kb, kb_search, reference, tickets
from hai_desktop.core.attachments import AttachmentRefused
from hai_desktop.core.errors import ValidationError
from hai_desktop.core.tickets import TicketInput
from hai_desktop.gui import messages
from hai_desktop.gui import ticket_texts as texts
from hai_desktop.gui.tasks import TaskManager
from hai_desktop.gui.views.attachment_picker import AttachmentPicker
from hai_desktop.gui.widgets import ErrorLabel, combo_code, fill_combo, set_combo_code

log = logging.getLogger(__name__)

KB_DEBOUNCE_MS = 300
KB_MATCHES = 5
MIN_SUBJECT_CHARS = 4
# The fields of TicketInput with a widget (and an inline message) in this form.
FIELDS = (
    "department",
    "priority",
    "subject",
    "message",
    "requester_name",
    "requester_email",
    "requester_phone",
    "requester_satker",
    "attachments",
)


class TicketForm(QDialog):
    """Signals:
    created(str): the ticket was queued (its id).
    """

    created = Signal(str)

    def __init__(self, tasks: TaskManager, inquiry_id: str | None = None, parent=None):
        super().__init__(parent)
        self.setObjectName("ticketForm")
        self.setWindowTitle(self.tr("Teruskan ke HAI-DJPBN"))
        self.tasks = tasks
        self.inquiry_id = inquiry_id
        self.saving = False
        self.kb_hits: list[kb.KbHit] = []
        self._kb_seq = 0
        self._errors: dict[str, ErrorLabel] = {}
        self._kb_timer = QTimer(self)
        self._kb_timer.setSingleShot(True)
        self._kb_timer.setInterval(KB_DEBOUNCE_MS)
        self._kb_timer.timeout.connect(self.search_kb)
        self._build()
        self._fit_to_screen(parent)
        if inquiry_id:
            self.tasks.run_query(lambda: _prefill(inquiry_id), self._on_prefill, self._no_prefill)

    # -- building -------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 12, 12, 12)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        self.scroll = scroll
        grid = QGridLayout(body)
        grid.setContentsMargins(0, 0, 8, 0)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self._grid = grid
        self._row = 0

        self.source = QLabel()
        self.source.setObjectName("ticketFormSource")
        self.source.setProperty("role", "hint")
        self.source.setWordWrap(True)
        self.source.setVisible(bool(self.inquiry_id))
        self.source.setText(self.tr("Dari catatan layanan; isian diambil dari catatan itu."))
        grid.addWidget(self.source, self._next(), 0, 1, 4)

        self.department = QComboBox()
        self.department.setObjectName("ticketDepartment")
        self.priority = QComboBox()
        self.priority.setObjectName("ticketPriority")
        fill_combo(self.department, reference.items("departments"), self.tr("— pilih —"))
        for combo in (self.department, self.priority):
            # The long department names must not widen the form past its window.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(10)
        for code, words in texts.priority_items():
            self.priority.addItem(words, code)
        set_combo_code(self.priority, "normal")
        row = self._next()
        self._field(row, 0, self.tr("Departemen layanan"), "department", self.department)
        self._field(row, 2, self.tr("Prioritas"), "priority", self.priority)

        self.subject = QLineEdit()
        self.subject.setObjectName("ticketSubject")
        self.subject.setMaxLength(tickets.SUBJECT_MAX)
        self.subject.textChanged.connect(lambda _t: self._kb_timer.start())
        self._field(self._next(), 0, self.tr("Perihal"), "subject", self.subject, span=3)

        self.kb_box = QFrame()
        self.kb_box.setObjectName("ticketKbMatches")
        self.kb_box.setStyleSheet(
            "QFrame#ticketKbMatches { background: #fff8e1; border: 1px solid #e0c060;"
            " border-radius: 4px; }"
        )
        kb_layout = QVBoxLayout(self.kb_box)
        kb_layout.setContentsMargins(8, 6, 8, 6)
        kb_layout.setSpacing(4)
        self.kb_note = QLabel()
        self.kb_note.setObjectName("ticketKbNote")
        self.kb_note.setWordWrap(True)
        self.kb_list = QListWidget()
        self.kb_list.setObjectName("ticketKbList")
        self.kb_list.setMaximumHeight(80)
        self.kb_list.currentRowChanged.connect(self._show_kb_answer)
        self.kb_answer = QLabel()
        self.kb_answer.setObjectName("ticketKbAnswer")
        self.kb_answer.setWordWrap(True)
        self.kb_answer.setTextFormat(Qt.TextFormat.PlainText)
        self.kb_answer.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for w in (self.kb_note, self.kb_list, self.kb_answer):
            kb_layout.addWidget(w)
        self.kb_box.hide()
        grid.addWidget(self.kb_box, self._next(), 1, 1, 3)

        self.message = QPlainTextEdit()
        self.message.setObjectName("ticketMessage")
        self.message.setTabChangesFocus(True)
        self.message.setMinimumHeight(80)
        self.message.setMaximumHeight(150)
        self._field(self._next(), 0, self.tr("Uraian"), "message", self.message, span=3)

        heading = QLabel(self.tr("Pemohon (pengguna layanan)"))
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        grid.addWidget(heading, self._next(), 0, 1, 4)
        self.requester_name = self._line("ticketRequesterName")
        self.requester_email = self._line("ticketRequesterEmail")
        self.requester_phone = self._line("ticketRequesterPhone")
        self.requester_satker = self._line("ticketRequesterSatker")
        self.requester_satker.setMaxLength(6)
        row = self._next()
        self._field(row, 0, self.tr("Nama"), "requester_name", self.requester_name)
        self._field(row, 2, self.tr("E-mail"), "requester_email", self.requester_email)
        row = self._next()
        self._field(row, 0, self.tr("Telepon"), "requester_phone", self.requester_phone)
        self._field(row, 2, self.tr("Kode satker"), "requester_satker", self.requester_satker)

        self.picker = AttachmentPicker(self.tasks, "ticketAttachments")
        self.picker.checking_changed.connect(self._update_buttons)
        self._field(self._next(), 0, self.tr("Lampiran"), "attachments", self.picker, span=3)
        rules = QLabel(self._rules_text())
        rules.setObjectName("ticketAttachmentRules")
        rules.setProperty("role", "hint")
        rules.setWordWrap(True)
        grid.addWidget(rules, self._next(), 1, 1, 3)
        grid.setRowStretch(self._next(), 1)

        self.buttons = QDialogButtonBox()
        self.send_button = self.buttons.addButton(
            self.tr("Simpan dan kirim"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.send_button.setObjectName("ticketSend")
        self.send_button.setProperty("role", "primary")
        self.buttons.addButton(self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)

    def _fit_to_screen(self, parent) -> None:
        """760x640, or less on a small screen (1024x600): the buttons stay in view."""
        screen = (parent.screen() if parent is not None else None) or self.screen()
        width, height = 760, 640
        if screen is not None:
            room = screen.availableGeometry()
            width = min(width, room.width() - 20)
            height = min(height, room.height() - 40)
        self.resize(width, height)

    def _next(self) -> int:
        self._row += 1
        return self._row

    def _line(self, name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        return edit

    def _field(self, row: int, col: int, label: str, name: str, widget, span: int = 1) -> None:
        caption = QLabel(label)
        caption.setBuddy(widget)
        caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        box = QVBoxLayout()
        box.setSpacing(2)
        box.addWidget(widget)
        error = ErrorLabel(f"{widget.objectName()}Error")
        box.addWidget(error)
        self._errors[name] = error
        self._grid.addWidget(caption, row, col)
        self._grid.addLayout(box, row, col + 1, 1, span)

    def _rules_text(self) -> str:
        from hai_desktop.core import attachments

        max_bytes, allowed = attachments.limits()
        return (
            self.tr("Paling besar %1 per berkas; jenis: %2.")
            .replace("%1", texts.file_size_text(max_bytes))
            .replace("%2", ", ".join(allowed))
        )

    # -- input ----------------------------------------------------------------------------
    def apply_input(self, data: TicketInput) -> None:
        """Fill the fields (a prefill from an inquiry)."""
        self.inquiry_id = data.inquiry_id or self.inquiry_id
        set_combo_code(self.department, data.department or None)
        set_combo_code(self.priority, data.priority or "normal")
        self.subject.setText(data.subject)
        self.subject.setCursorPosition(0)  # the start of the subject, not its end
        self.message.setPlainText(data.message)
        self.requester_name.setText(data.requester_name)
        self.requester_email.setText(data.requester_email)
        self.requester_phone.setText(data.requester_phone)
        self.requester_satker.setText(data.requester_satker)
        self.source.setVisible(bool(self.inquiry_id))
        self.search_kb()

    def collect(self) -> TicketInput:
        return TicketInput(
            inquiry_id=self.inquiry_id,
            department=combo_code(self.department) or "",
            subject=self.subject.text(),
            message=self.message.toPlainText(),
            priority=combo_code(self.priority) or "normal",
            requester_name=self.requester_name.text(),
            requester_email=self.requester_email.text(),
            requester_phone=self.requester_phone.text(),
            requester_satker=self.requester_satker.text(),
            attachment_paths=[str(f.path) for f in self.picker.files()],
        )

    def error_text(self, field: str) -> str:
        label = self._errors[field]
        return label.message() if not label.isHidden() else ""

    def show_errors(self, errors: dict[str, str]) -> None:
        for field, label in self._errors.items():
            code = errors.get(field)
            label.show_message(texts.message_text(code) if code else None)
        for field in FIELDS:
            if field in errors and field != "attachments":
                getattr(self, field).setFocus(Qt.FocusReason.OtherFocusReason)
                break
        other = [f for f in errors if f not in self._errors]
        if other:
            messages.warning(texts.message_text(errors[other[0]]))

    # -- the KB ---------------------------------------------------------------------------
    def search_kb(self) -> None:
        self._kb_timer.stop()
        self._kb_seq += 1
        seq = self._kb_seq
        text = self.subject.text().strip()
        if len(text) < MIN_SUBJECT_CHARS:
            self._show_kb(seq, [])
            return
        department = combo_code(self.department)
        self.tasks.run_query(
            lambda: kb_search.search(text, limit=KB_MATCHES, prefer_department=department),
            lambda hits: self._show_kb(seq, hits),
            lambda _exc: self._show_kb(seq, []),
        )

    def _show_kb(self, seq: int, hits: list[kb.KbHit]) -> None:
        if seq != self._kb_seq:
            return  # typed on: a newer search comes
        self.kb_hits = list(hits)
        self.kb_list.clear()
        for hit in hits:
            item = QListWidgetItem(hit.title)
            item.setToolTip(hit.answer)
            self.kb_list.addItem(item)
        self.kb_note.setText(
            self.tr(
                "Jawaban pusat mungkin sudah ada: %1 entri basis pengetahuan cocok dengan "
                "perihal ini. Periksa dulu sebelum membuat tiket."
            ).replace("%1", str(len(hits)))
        )
        self.kb_box.setVisible(bool(hits))
        if hits:
            self.kb_list.setCurrentRow(0)

    def _show_kb_answer(self, row: int) -> None:
        hit = self.kb_hits[row] if 0 <= row < len(self.kb_hits) else None
        self.kb_answer.setText(hit.answer_preview if hit else "")

    # -- saving ---------------------------------------------------------------------------
    def save(self) -> None:
        if self.saving or self.picker.checking:
            return
        data = self.collect()
        errors = tickets.validate(data)
        if errors:
            self.show_errors(errors)
            return
        self.show_errors({})
        files = self.picker.files()
        self.saving = True
        self._update_buttons()

        def job() -> str:
            return tickets.create_ticket(data, files).id

        self.tasks.run_db(job, self._on_created, self._on_failed)

    def _on_created(self, ticket_id: str) -> None:
        self.saving = False
        messages.info(
            self.tr("Tiket disimpan dan akan dikirim ke HAI-DJPBN saat sinkronisasi."), 6000
        )
        self.created.emit(ticket_id)
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self.saving = False
        self._update_buttons()
        if isinstance(exc, ValidationError):
            self.show_errors(exc.errors)
        elif isinstance(exc, AttachmentRefused):
            # The file vanished or changed since it was chosen: say so; the rest stays.
            self.picker.refusal.show_message(exc.message())
        else:
            log.error("queueing a ticket failed", exc_info=exc)
            messages.error(self.tr("Tiket gagal disimpan. Isian tetap ada; coba lagi."))

    def _on_prefill(self, result: tuple[TicketInput, str | None]) -> None:
        data, earlier = result
        self.apply_input(data)
        if earlier is not None:
            earlier = earlier or texts.number_text({})  # not numbered yet: menunggu kirim
            self.source.setText(
                self.tr(
                    "Catatan ini sudah pernah diteruskan (tiket %1). Tiket baru tetap dapat "
                    "dibuat bila memang perlu."
                ).replace("%1", earlier)
            )
            self.source.setStyleSheet("color: #8a5a00; font-weight: bold;")

    def _no_prefill(self, _exc: BaseException) -> None:
        self.inquiry_id = None
        self.source.hide()

    def _update_buttons(self, *_args) -> None:
        self.send_button.setEnabled(not self.saving and not self.picker.checking)


def _prefill(inquiry_id: str) -> tuple[TicketInput, str | None]:
    """The form's values from the inquiry, and the ticket it was forwarded as before."""
    from hai_desktop.core.inquiries import get_inquiry

    data = tickets.prefill_from_inquiry(inquiry_id)
    inquiry = get_inquiry(inquiry_id)
    earlier = tickets.get_ticket(inquiry.ticket_id) if inquiry and inquiry.ticket_id else None
    return data, (earlier.number or "") if earlier else None
