"""The log form ("Catat Layanan"): one visitor's question, answer, basis and outcome.

Keyboard-first: every field is reachable with Tab, Ctrl+S saves (the main window's
shortcut), Ctrl+N starts the next visitor. Validation messages come from
``core.inquiries.validate`` and show under the field; nothing typed is lost on an error.
What is typed is kept as a draft (debounced, through the database worker) so a killed app
offers it back at the next start.
"""

from __future__ import annotations

import dataclasses
import logging
from datetime import UTC, datetime

from PySide6.QtCore import QDateTime, QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from hai_desktop.core import drafts, kb, reference
from hai_desktop.core.errors import ValidationError
from hai_desktop.core.inquiries import (
    InquiryInput,
    duplicate_input,
    get_inquiry,
    save_inquiry,
    to_input,
    validate,
)
from hai_desktop.core.timeutil import format_utc, parse_utc
from hai_desktop.gui import messages
from hai_desktop.gui import object_names as names
from hai_desktop.gui.error_texts import text as message_text
from hai_desktop.gui.tasks import TaskManager
from hai_desktop.gui.widgets import ErrorLabel, combo_code, fill_combo, set_combo_code

log = logging.getLogger(__name__)

DRAFT_KEY = "inquiry_form"
DRAFT_DELAY_MS = 1000
OUT_OF_SCOPE = "out_of_scope"
# The minimum of the end-time editor stands for "not set yet: filled in on save".
_UNSET = QDateTime(2000, 1, 1, 0, 0, 0)
_DATETIME_FORMAT = "dd/MM/yyyy HH:mm"
LABEL_WIDTH = 150


def _to_qdatetime(text: str | None) -> QDateTime | None:
    if not text:
        return None
    try:
        moment = parse_utc(text)
    except ValueError:
        return None
    return QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))


def _from_qdatetime(value: QDateTime) -> str:
    return format_utc(datetime.fromtimestamp(value.toSecsSinceEpoch(), UTC))


class InquiryForm(QWidget):
    """The log form.

    Signals:
        saved(str): an inquiry was saved (its id).
        edit_saved(str): an existing inquiry was saved as a new version (its id); the main
            window goes back to the history the edit was opened from.
        question_text_changed(str): the question text changed (for KB suggestions).
        dirty_changed(bool): whether the form holds unsaved input.
    """

    saved = Signal(str)
    edit_saved = Signal(str)
    question_text_changed = Signal(str)
    dirty_changed = Signal(bool)

    def __init__(self, tasks: TaskManager, profile=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(names.FORM)
        self.tasks = tasks
        self.profile = profile
        self._editing_id: str | None = None
        self._editing_version: int | None = None
        self._dirty = False
        self._loading = False
        self._saving = False
        self._last_saved_id: str | None = None
        self._pending_draft: dict | None = None
        self._duplicate_after_save = False
        self.last_confirmation = ""
        self._errors: dict[str, ErrorLabel] = {}
        self._field_widgets: dict[str, QWidget] = {}
        self.outage_broadcast_id: str | None = None  # set by the outage offer (broadcasts)

        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self._save_draft_now)
        self._confirm_timer = QTimer(self)
        self._confirm_timer.setSingleShot(True)
        self._confirm_timer.timeout.connect(lambda: self._title_stack.setCurrentWidget(self.title))

        self._build()
        self._connect_changes()
        self.new_visitor(ask=False)
        self.check_draft()

    # -- building -------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 12, 24, 12)
        outer.setSpacing(8)

        self.title = QLabel()
        self.title.setObjectName(names.FORM_TITLE)
        self.title.setProperty("role", "title")
        # The title row carries the buttons, so Save stays in sight on small screens.
        self._header = QHBoxLayout()
        # The short save confirmation takes the title's place for a few seconds (a stack of
        # the two), so showing it never moves the fields nor widens the row.
        self._title_stack = QStackedWidget()
        self._title_stack.addWidget(self.title)
        self._header.addWidget(self._title_stack, 1)
        outer.addLayout(self._header)

        self.draft_banner = QFrame()
        self.draft_banner.setObjectName(names.DRAFT_BANNER)
        banner_layout = QHBoxLayout(self.draft_banner)
        banner_layout.addWidget(
            QLabel(self.tr("Ada isian yang belum disimpan dari sesi sebelumnya.")), 1
        )
        self.draft_restore = QPushButton(self.tr("Pulihkan"))
        self.draft_restore.setObjectName(names.DRAFT_RESTORE)
        self.draft_restore.clicked.connect(self.restore_draft)
        self.draft_discard = QPushButton(self.tr("Buang"))
        self.draft_discard.setObjectName(names.DRAFT_DISCARD)
        self.draft_discard.clicked.connect(self.discard_draft)
        banner_layout.addWidget(self.draft_restore)
        banner_layout.addWidget(self.draft_discard)
        self.draft_banner.hide()
        outer.addWidget(self.draft_banner)

        self.confirmation = QLabel()
        self.confirmation.setObjectName(names.FORM_CONFIRMATION)
        self.confirmation.setProperty("role", "confirmation")
        self.confirmation.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self._title_stack.addWidget(self.confirmation)
        self._title_stack.setCurrentWidget(self.title)

        # Visitor
        visitor = QGroupBox(self.tr("Pengguna layanan"))
        vform = self._form_layout(visitor)
        self.visitor_name = self._line(names.VISITOR_NAME, self.tr("Nama lengkap"))
        self.satker_code = self._line(names.SATKER_CODE, self.tr("6 angka, boleh kosong"))
        self.satker_code.setMaxLength(12)
        self.institution = self._line(names.INSTITUTION, self.tr("Satker / instansi"))
        self.phone = self._line(names.PHONE, self.tr("Contoh: 0812 3456 7890"))
        self.email = self._line(names.EMAIL, self.tr("nama@instansi.go.id"))
        # Two columns keep the whole form on one screen at 1366x768.
        self._add_row(vform, self.tr("Nama"), "visitor_name", self.visitor_name, 0, 0)
        self._add_row(vform, self.tr("Kode satker"), "satker_code", self.satker_code, 0, 1)
        self._add_row(vform, self.tr("Instansi"), "institution", self.institution, 1, 0)
        self._add_row(vform, self.tr("Telepon"), "phone", self.phone, 1, 1)
        self._add_row(vform, self.tr("E-mail"), "email", self.email, 2, 0)
        self.channel = self._combo(names.CHANNEL)
        fill_combo(self.channel, reference.items("channels"))
        self.department = self._combo(names.DEPARTMENT)
        fill_combo(self.department, reference.items("departments"), self.tr("— pilih departemen —"))
        # Code-first labels ("PA — Pelaksanaan Anggaran") fit and make type-to-select useful.
        self.department.setMinimumContentsLength(18)
        self.application = self._combo(names.APPLICATION)
        fill_combo(self.application, reference.items("applications"), self.tr("— tidak ada —"))
        self._add_row(vform, self.tr("Saluran"), "channel", self.channel, 2, 1)
        outer.addWidget(visitor)

        # Question and answer
        qa = QGroupBox(self.tr("Pertanyaan dan jawaban"))
        qform = self._form_layout(qa)
        self.question = self._text(names.QUESTION, self.tr("Apa yang ditanyakan?"))
        self.answer = self._text(names.ANSWER, self.tr("Jawaban yang diberikan"))
        self.answer.setMinimumHeight(80)
        self.answer.setMaximumHeight(104)
        self._add_row(qform, self.tr("Departemen layanan"), "department", self.department, 0, 0)
        self._add_row(qform, self.tr("Aplikasi"), "application", self.application, 0, 1)
        self._add_row(qform, self.tr("Pertanyaan"), "question", self.question, 1, 0, span=True)
        self._add_row(qform, self.tr("Jawaban"), "answer", self.answer, 2, 0, span=True)

        basis = QWidget()
        blayout = QVBoxLayout(basis)
        blayout.setContentsMargins(0, 0, 0, 0)
        blayout.setSpacing(6)
        add_row = QHBoxLayout()
        self.regulation_input = self._line(names.REGULATION_INPUT, self.tr("Contoh: PMK 62/2023"))
        self.regulation_input.setToolTip(
            self.tr("Ketik dasar peraturan lalu tekan Enter untuk menambahkannya")
        )
        self.regulation_input.returnPressed.connect(self._add_regulation)
        # Small "+" and "−" buttons: mouse helpers only (Enter adds, Delete removes), so the
        # narrow basis column is left to the entry and the lists.
        self.regulation_add = self._small_button("+", self.tr("Tambah (Enter)"))
        self.regulation_add.setObjectName(names.REGULATION_ADD)
        self.regulation_add.clicked.connect(self._add_regulation)
        add_row.addWidget(self.regulation_input, 1)
        add_row.addWidget(self.regulation_add)
        blayout.addLayout(add_row)
        list_row = QHBoxLayout()
        self.regulation_list = QListWidget()
        self.regulation_list.setObjectName(names.REGULATION_LIST)
        self._basis_list(self.regulation_list)
        self.regulation_list.setToolTip(self.tr("Tombol Delete menghapus butir yang dipilih"))
        self.regulation_remove = self._small_button(
            "\u2212", self.tr("Hapus butir yang dipilih (Delete)")
        )
        self.regulation_remove.setObjectName(names.REGULATION_REMOVE)
        self.regulation_remove.clicked.connect(self._remove_regulation)
        list_row.addWidget(self.regulation_list, 1)
        list_row.addWidget(self.regulation_remove, 0, Qt.AlignmentFlag.AlignTop)
        blayout.addLayout(list_row)
        self._add_row(qform, self.tr("Dasar peraturan"), "basis_regulations", basis, 3, 0)

        kb_box = QWidget()
        kb_layout = QHBoxLayout(kb_box)
        kb_layout.setContentsMargins(0, 0, 0, 0)
        self.kb_basis_list = QListWidget()
        self.kb_basis_list.setObjectName(names.KB_BASIS_LIST)
        self._basis_list(self.kb_basis_list)
        self.kb_basis_list.setToolTip(
            self.tr(
                "Entri basis pengetahuan yang menjadi dasar jawaban"
                " (tombol Delete menghapus butir yang dipilih)"
            )
        )
        self.kb_basis_remove = self._small_button(
            "\u2212", self.tr("Hapus butir yang dipilih (Delete)")
        )
        self.kb_basis_remove.setObjectName(names.KB_BASIS_REMOVE)
        self.kb_basis_remove.clicked.connect(self._remove_kb_basis)
        kb_layout.addWidget(self.kb_basis_list, 1)
        kb_layout.addWidget(self.kb_basis_remove, 0, Qt.AlignmentFlag.AlignTop)
        self._add_row(
            qform, self.tr("Dasar dari basis pengetahuan"), "basis_kb_entry_ids", kb_box, 3, 1
        )
        outer.addWidget(qa)

        # Outcome and time
        result = QGroupBox(self.tr("Hasil layanan"))
        rform = self._form_layout(result)
        self.outcome = self._combo(names.OUTCOME)
        fill_combo(self.outcome, reference.items("outcomes"))
        self.out_of_scope_reason = self._combo(names.OUT_OF_SCOPE_REASON)
        fill_combo(
            self.out_of_scope_reason,
            reference.items("out_of_scope_reasons"),
            self.tr("— pilih alasan —"),
        )
        self.served_start = self._datetime(names.SERVED_START)
        self.served_end = self._datetime(names.SERVED_END)
        self.served_end.setSpecialValueText(self.tr("otomatis saat disimpan"))
        self._add_row(rform, self.tr("Hasil"), "outcome", self.outcome, 0, 0)
        self._reason_row = self._add_row(
            rform,
            self.tr("Alasan di luar lingkup"),
            "out_of_scope_reason",
            self.out_of_scope_reason,
            0,
            1,
        )
        self._add_row(
            rform, self.tr("Mulai dilayani"), "served_started_at", self.served_start, 1, 0
        )
        self._add_row(rform, self.tr("Selesai dilayani"), "served_ended_at", self.served_end, 1, 1)
        self.outcome.currentIndexChanged.connect(self._update_reason_visibility)
        outer.addWidget(result)

        # Buttons
        buttons = self._header
        self.save_button = QPushButton(self.tr("Simpan (Ctrl+S)"))
        self.save_button.setObjectName(names.SAVE_BUTTON)
        self.save_button.setProperty("role", "primary")
        self.save_button.clicked.connect(self.save)
        self.new_button = QPushButton(self.tr("Pengunjung baru (Ctrl+N)"))
        self.new_button.setObjectName(names.NEW_VISITOR_BUTTON)
        self.new_button.clicked.connect(lambda: self.new_visitor())
        self.duplicate_button = QPushButton(self.tr("Pertanyaan lain (Ctrl+Shift+N)"))
        self.duplicate_button.setToolTip(
            self.tr(
                "Catatan baru untuk pengunjung yang sama: isian saat ini disimpan dulu,"
                " atau pengunjung yang baru saja disimpan"
            )
        )
        self.duplicate_button.setObjectName(names.DUPLICATE_BUTTON)
        self.duplicate_button.setEnabled(False)
        self.duplicate_button.clicked.connect(self.another_question)
        buttons.addWidget(self.duplicate_button)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.save_button)
        outer.addStretch(1)

        # Tab order: the fields of every visitor first, top to bottom; after the answer comes
        # the outcome, then the rarely typed basis and times. The Add/Remove buttons are not
        # in the chain (Enter adds a regulation, Delete removes a listed item).
        for button in (self.regulation_add, self.regulation_remove, self.kb_basis_remove):
            button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        order = [
            self.visitor_name,
            self.satker_code,
            self.institution,
            self.phone,
            self.email,
            self.channel,
            self.department,
            self.application,
            self.question,
            self.answer,
            self.outcome,
            self.out_of_scope_reason,
            self.regulation_input,
            self.regulation_list,
            self.kb_basis_list,
            self.served_start,
            self.served_end,
            self.save_button,
            self.new_button,
            self.duplicate_button,
        ]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _form_layout(self, box: QGroupBox) -> QGridLayout:
        """A two-column grid (label, field, label, field) with aligned label widths."""
        grid = QGridLayout(box)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(8)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        grid.setColumnMinimumWidth(0, LABEL_WIDTH)
        grid.setColumnMinimumWidth(2, LABEL_WIDTH)
        return grid

    def _add_row(
        self,
        grid: QGridLayout,
        label: str,
        field: str,
        widget: QWidget,
        row: int,
        col: int,
        span: bool = False,
    ) -> tuple[QLabel, QWidget]:
        cell = QWidget()
        layout = QVBoxLayout(cell)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        error = ErrorLabel(names.error_name(widget.objectName() or field))
        layout.addWidget(error)
        self._errors[field] = error
        self._field_widgets[field] = widget
        label_widget = QLabel(label)
        label_widget.setBuddy(widget)
        label_widget.setWordWrap(True)
        # The label sits level with the field's first line, whether or not an inline
        # message opens below the field.
        if isinstance(widget, (QLineEdit, QComboBox, QDateTimeEdit)):
            widget.ensurePolished()  # the styled height, not the unstyled one
            label_widget.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            label_widget.setFixedHeight(max(widget.sizeHint().height(), 28))
        else:
            label_widget.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            label_widget.setContentsMargins(0, 5, 0, 0)
        grid.addWidget(label_widget, row, 2 * col, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(cell, row, 2 * col + 1, 1, 3 if span else 1, Qt.AlignmentFlag.AlignTop)
        return label_widget, cell

    @staticmethod
    def _small_button(symbol: str, tip: str) -> QPushButton:
        button = QPushButton(symbol)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setProperty("role", "small")
        button.setFixedWidth(32)
        return button

    def _basis_list(self, widget: QListWidget) -> None:
        """A short list of basis items: long titles elided (full text in the tooltip), no
        horizontal scrollbar; Delete removes the selected item."""
        widget.setMaximumHeight(52)
        widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        widget.setTextElideMode(Qt.TextElideMode.ElideRight)
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt override)
        if (
            event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
            and watched in (self.regulation_list, self.kb_basis_list)
        ):
            if watched is self.regulation_list:
                self._remove_regulation()
            else:
                self._remove_kb_basis()
            return True
        return super().eventFilter(watched, event)

    def _line(self, object_name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(object_name)
        edit.setPlaceholderText(placeholder)
        return edit

    def _combo(self, object_name: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(object_name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(10)
        return combo

    def _text(self, object_name: str, placeholder: str) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setObjectName(object_name)
        edit.setPlaceholderText(placeholder)
        edit.setTabChangesFocus(True)  # keyboard flow: Tab leaves the box
        edit.setMinimumHeight(52)
        edit.setMaximumHeight(64)
        return edit

    def _datetime(self, object_name: str) -> QDateTimeEdit:
        edit = QDateTimeEdit()
        edit.setObjectName(object_name)
        edit.setDisplayFormat(_DATETIME_FORMAT)
        edit.setCalendarPopup(True)
        edit.setMinimumDateTime(_UNSET)
        edit.setMinimumWidth(160)
        return edit

    def _connect_changes(self) -> None:
        for edit in (self.visitor_name, self.satker_code, self.institution, self.phone, self.email):
            edit.textChanged.connect(self._on_user_change)
        for combo in (
            self.channel,
            self.department,
            self.application,
            self.outcome,
            self.out_of_scope_reason,
        ):
            combo.currentIndexChanged.connect(self._on_user_change)
        self.question.textChanged.connect(self._on_user_change)
        self.question.textChanged.connect(
            lambda: self.question_text_changed.emit(self.question.toPlainText())
        )
        self.answer.textChanged.connect(self._on_user_change)
        self.served_start.dateTimeChanged.connect(self._on_user_change)
        self.served_end.dateTimeChanged.connect(self._on_user_change)
        # A corrected field loses its message as soon as the user edits it.
        for field, widget in self._field_widgets.items():
            signal = None
            if isinstance(widget, QLineEdit):
                signal = widget.textChanged
            elif isinstance(widget, QPlainTextEdit):
                signal = widget.textChanged
            elif isinstance(widget, QComboBox):
                signal = widget.currentIndexChanged
            elif isinstance(widget, QDateTimeEdit):
                signal = widget.dateTimeChanged
            if signal is not None:
                signal.connect(lambda *_, f=field: self._clear_field_error(f))

    def _clear_field_error(self, field: str) -> None:
        """The message and the red outline go together when the user edits the field."""
        self._errors[field].clear_keeping_space()
        self._set_invalid(self._field_widgets[field], False)

    @staticmethod
    def _set_invalid(widget: QWidget, invalid: bool) -> None:
        if bool(widget.property("invalid")) == invalid:
            return
        widget.setProperty("invalid", invalid)
        widget.style().unpolish(widget)
        widget.style().polish(widget)

    # -- reading and writing the fields ---------------------------------------------------
    def collect(self) -> InquiryInput:
        """The form's content as core input (nothing validated yet)."""

        def opt(text: str) -> str | None:
            text = text.strip()
            return text or None

        end = self.served_end.dateTime()
        return InquiryInput(
            id=self._editing_id,
            channel=combo_code(self.channel),
            department=combo_code(self.department),
            application=combo_code(self.application),
            visitor_name=self.visitor_name.text().strip(),
            satker_code=opt(self.satker_code.text()),
            institution=opt(self.institution.text()),
            phone=opt(self.phone.text()),
            email=opt(self.email.text()),
            question=self.question.toPlainText().strip(),
            answer=opt(self.answer.toPlainText()),
            basis_regulations=self.regulations(),
            basis_kb_entry_ids=self.kb_entry_ids(),
            outcome=combo_code(self.outcome),
            out_of_scope_reason=(
                combo_code(self.out_of_scope_reason)
                if combo_code(self.outcome) == OUT_OF_SCOPE
                else None
            ),
            served_started_at=_from_qdatetime(self.served_start.dateTime()),
            served_ended_at=None if end == _UNSET else _from_qdatetime(end),
            outage_broadcast_id=self.outage_broadcast_id,
        )

    def apply_input(self, data: InquiryInput) -> None:
        """Show ``data`` in the fields (edit, duplicate, restored draft)."""
        self._loading = True
        self.outage_broadcast_id = getattr(data, "outage_broadcast_id", None)
        try:
            self.visitor_name.setText(data.visitor_name or "")
            self.satker_code.setText(data.satker_code or "")
            self.institution.setText(data.institution or "")
            self.phone.setText(data.phone or "")
            self.email.setText(data.email or "")
            set_combo_code(self.channel, data.channel)
            set_combo_code(self.department, data.department)
            set_combo_code(self.application, data.application)
            self.question.setPlainText(data.question or "")
            self.answer.setPlainText(data.answer or "")
            self.regulation_list.clear()
            for text in data.basis_regulations or []:
                self._add_regulation_item(text)
            self.kb_basis_list.clear()
            for entry_id in data.basis_kb_entry_ids or []:
                self._add_kb_basis(entry_id)
            set_combo_code(self.outcome, data.outcome)
            set_combo_code(self.out_of_scope_reason, data.out_of_scope_reason)
            start = _to_qdatetime(data.served_started_at)
            self.served_start.setDateTime(start or QDateTime.currentDateTime())
            self.served_end.setDateTime(_to_qdatetime(data.served_ended_at) or _UNSET)
            self._update_reason_visibility()
            self.clear_errors()
        finally:
            self._loading = False

    def regulations(self) -> list[str]:
        return [self.regulation_list.item(i).text() for i in range(self.regulation_list.count())]

    def kb_entry_ids(self) -> list[str]:
        items = (self.kb_basis_list.item(i) for i in range(self.kb_basis_list.count()))
        return [item.data(Qt.ItemDataRole.UserRole) for item in items]

    def _add_kb_basis(self, entry_id: str) -> None:
        """List a KB entry as a basis: its title shown, its id kept as the item's data."""
        # A primary-key lookup in the local KB: well under a millisecond, fine on this thread.
        entry = kb.get_entry(entry_id)
        item = QListWidgetItem(entry.title if entry else entry_id)
        item.setData(Qt.ItemDataRole.UserRole, entry_id)
        item.setToolTip(entry.title if entry else entry_id)
        self.kb_basis_list.addItem(item)

    @property
    def editing_id(self) -> str | None:
        return self._editing_id

    @property
    def is_dirty(self) -> bool:
        return self._dirty

    def show_errors(self, errors: dict[str, str]) -> None:
        """Show each error code as an Indonesian message under its field; focus the first."""
        first = None
        for field, label in self._errors.items():
            code = errors.get(field)
            label.show_message(message_text(code) if code else None)
            widget = self._field_widgets[field]
            self._set_invalid(widget, bool(code))
            if code and first is None:
                first = widget
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
        unknown = [f for f in errors if f not in self._errors]
        if unknown:
            log.warning("validation codes for fields without a widget: %s", unknown)

    def clear_errors(self) -> None:
        self.show_errors({})

    def error_text(self, field: str) -> str:
        """The inline message shown for ``field`` ("" when none)."""
        label = self._errors[field]
        return label.message() if label.isVisibleTo(self) else ""

    # -- actions --------------------------------------------------------------------------
    def new_visitor(self, ask: bool = True) -> None:
        """Empty the form for the next visitor; the service clock starts now."""
        if ask and self._dirty and not self._confirm_discard():
            return
        self._editing_id = None
        self._editing_version = None
        self.apply_input(
            InquiryInput(
                id=None,
                channel=self._default_channel(),
                department=None,
                application=None,
                visitor_name="",
                satker_code=None,
                institution=None,
                phone=None,
                email=None,
                question="",
                answer=None,
                basis_regulations=[],
                basis_kb_entry_ids=[],
                outcome="answered",
                out_of_scope_reason=None,
                served_started_at=_from_qdatetime(QDateTime.currentDateTime()),
                served_ended_at=None,
            )
        )
        self._set_dirty(False)
        self._draft_timer.stop()
        self._update_title()
        self.visitor_name.setFocus(Qt.FocusReason.OtherFocusReason)

    def load_inquiry(self, inquiry_id: str) -> None:
        """Open an existing entry for editing (its version goes up on save)."""
        if self._dirty and not self._confirm_discard():
            return

        def job():
            inquiry = get_inquiry(inquiry_id)
            return to_input(inquiry), inquiry.version

        def done(result) -> None:
            data, version = result
            self.apply_input(data)
            self._editing_id = data.id
            self._editing_version = version
            self._set_dirty(False)
            self._update_title()
            self.question.setFocus(Qt.FocusReason.OtherFocusReason)

        self.tasks.run_db(job, done)

    def duplicate_from(self, inquiry_id: str) -> None:
        """Same visitor and channel, a new question (a new entry)."""
        if self._dirty and not self._confirm_discard():
            return

        def done(data: InquiryInput) -> None:
            data = dataclasses.replace(
                data,
                id=None,
                served_started_at=_from_qdatetime(QDateTime.currentDateTime()),
                served_ended_at=None,
            )
            self._editing_id = None
            self._editing_version = None
            self.apply_input(data)
            self._set_dirty(False)
            self._update_title()
            self.question.setFocus(Qt.FocusReason.OtherFocusReason)

        self.tasks.run_db(lambda: duplicate_input(inquiry_id), done)

    def insert_answer(self, text: str, kb_entry_id: str | None = None) -> None:
        """Fill the answer (from a KB suggestion) and record the KB entry as its basis."""
        self.answer.setPlainText(text)
        if kb_entry_id and kb_entry_id not in self.kb_entry_ids():
            self._add_kb_basis(kb_entry_id)
            self._on_user_change()

    def save(self) -> None:
        """Validate, then save through the database worker."""
        if self._saving:
            return
        data = self.collect()
        if data.served_ended_at is None:
            data = dataclasses.replace(
                data, served_ended_at=_from_qdatetime(QDateTime.currentDateTime())
            )
        errors = validate(data)
        if errors:
            self.show_errors(errors)
            messages.warning(self.tr("Periksa isian yang ditandai."))
            return
        self.clear_errors()
        self._saving = True
        self.save_button.setEnabled(False)
        self._draft_timer.stop()

        def job() -> tuple[str, int]:
            inquiry = save_inquiry(data)
            drafts.discard_draft(DRAFT_KEY)
            return inquiry.id, inquiry.version

        self.tasks.run_db(job, self._on_saved, self._on_save_failed)

    def _on_saved(self, result: tuple[str, int]) -> None:
        inquiry_id, version = result
        self._saving = False
        self.save_button.setEnabled(True)
        edited = self._editing_id is not None
        duplicate = self._duplicate_after_save
        self._duplicate_after_save = False
        self._last_saved_id = inquiry_id
        self._dirty = False
        self.new_visitor(ask=False)
        self.duplicate_button.setEnabled(True)
        # A short banner in the title's place; the full sentence goes to the status bar
        # (which stays visible when an edit returns to Riwayat).
        if edited:
            short = self.tr("Tersimpan (versi %1).").replace("%1", str(version))
            text = self.tr("Perubahan tersimpan sebagai versi %1.").replace("%1", str(version))
        elif duplicate:
            short = self.tr("Tersimpan.")
            text = self.tr("Tersimpan. Pertanyaan berikutnya untuk pengunjung yang sama.")
        else:
            short = self.tr("Tersimpan.")
            text = self.tr("Tersimpan. Siap untuk pengunjung berikutnya.")
        self.confirmation.setText(short)
        self.confirmation.setToolTip(text)
        self.last_confirmation = text
        self._title_stack.setCurrentWidget(self.confirmation)
        self._confirm_timer.start(6000)
        messages.info(text)
        self.saved.emit(inquiry_id)
        if edited:
            self.edit_saved.emit(inquiry_id)
        elif duplicate:
            self.duplicate_from(inquiry_id)

    def _on_save_failed(self, exc: BaseException) -> None:
        self._saving = False
        self._duplicate_after_save = False
        self.save_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            self.show_errors(exc.errors)
            messages.warning(self.tr("Periksa isian yang ditandai."))
            return
        from hai_desktop.core.db.errors import StorageError

        if isinstance(exc, StorageError):
            # Disk full, locked, read-only, damaged: its own words and way out ("Disk
            # penuh …"); the form keeps everything typed, so a retry saves it.
            from hai_desktop.gui.startup_dialogs import storage_message

            log.error("saving an inquiry failed: %s", exc.code)
            messages.error(storage_message(exc))
            self._draft_timer.start()
            return
        log.error("saving an inquiry failed", exc_info=exc)
        messages.error(self.tr("Gagal menyimpan. Isian tetap ada; coba simpan lagi."))
        self._draft_timer.start()

    def another_question(self) -> None:
        """Ctrl+Shift+N: a new entry for the same visitor.

        With a new entry typed, the CSO may save it first (then its visitor is copied),
        drop it (then the last saved visitor is copied) or go back to it. With an empty form
        the visitor of the last saved entry is copied.
        """
        if self._saving:
            return
        if self._dirty and self._editing_id is None:
            choice = self._ask_save_first()
            if choice == "save":
                self._duplicate_after_save = True
                self.save()
                if not self._saving:  # invalid input: the messages are showing
                    self._duplicate_after_save = False
                return
            if choice != "discard":
                return
            self._set_dirty(False)
        if self._last_saved_id:
            self.duplicate_from(self._last_saved_id)

    def _ask_save_first(self) -> str:
        """ "save", "discard" or "cancel" for Another question with unsaved input."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Isian belum disimpan"))
        box.setText(
            self.tr("Simpan isian ini dulu, lalu catat pertanyaan lain dari pengunjung yang sama?")
        )
        save = box.addButton(self.tr("Simpan dan lanjutkan"), QMessageBox.ButtonRole.AcceptRole)
        discard = None
        if self._last_saved_id:
            discard = box.addButton(self.tr("Buang isian"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(self.tr("Batal"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(save)
        box.setEscapeButton(cancel)
        box.exec()
        clicked = box.clickedButton()
        if clicked is save:
            return "save"
        if discard is not None and clicked is discard:
            return "discard"
        return "cancel"

    # -- drafts ---------------------------------------------------------------------------
    def check_draft(self) -> None:
        """Ask the worker for a stored draft; if there is one, offer it back."""

        def done(payload: dict | None) -> None:
            if payload:
                self._pending_draft = payload
                self.draft_banner.show()

        self.tasks.run_db(lambda: drafts.load_draft(DRAFT_KEY), done)

    def restore_draft(self) -> None:
        payload = self._pending_draft
        self._pending_draft = None
        self.draft_banner.hide()
        if not payload:
            return
        fields = {f.name for f in dataclasses.fields(InquiryInput)}
        data = InquiryInput(**{k: payload.get(k) for k in fields})
        self.apply_input(data)
        self._editing_id = data.id
        self._editing_version = payload.get("_version")
        self._update_title()
        self._set_dirty(True)
        self.visitor_name.setFocus(Qt.FocusReason.OtherFocusReason)

    def discard_draft(self) -> None:
        self._pending_draft = None
        self.draft_banner.hide()
        self.tasks.run_db(lambda: drafts.discard_draft(DRAFT_KEY))

    def flush_draft(self) -> None:
        """Write a pending draft now (window closing)."""
        if self._draft_timer.isActive():
            self._draft_timer.stop()
            self._save_draft_now()

    def _save_draft_now(self) -> None:
        if not self._dirty:
            return
        payload = dataclasses.asdict(self.collect())
        payload["_version"] = self._editing_version
        self.tasks.run_db(lambda: drafts.save_draft(DRAFT_KEY, payload))

    # -- internals ------------------------------------------------------------------------
    def _on_user_change(self, *_args) -> None:
        if self._loading:
            return
        if (
            not self._dirty
            and self._editing_id is None
            and self.sender()
            not in (
                self.served_start,
                self.served_end,
            )
        ):
            # The service starts when the CSO starts typing for this visitor, not when the
            # empty form appeared (which may have been long before the visitor came).
            self._loading = True
            self.served_start.setDateTime(QDateTime.currentDateTime())
            self._loading = False
        self._set_dirty(True)
        self._draft_timer.start()

    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)
        # Another question works once something is typed (save first) or saved before.
        self.duplicate_button.setEnabled(
            self._last_saved_id is not None or (dirty and self._editing_id is None)
        )

    def _confirm_discard(self) -> bool:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Isian belum disimpan"))
        box.setText(self.tr("Isian saat ini belum disimpan. Buang isian ini?"))
        box.setStandardButtons(
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel
        )
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        # Our own texts: Qt ships no Indonesian translation of its standard buttons.
        box.button(QMessageBox.StandardButton.Discard).setText(self.tr("Buang"))
        box.button(QMessageBox.StandardButton.Cancel).setText(self.tr("Batal"))
        box.exec()
        return box.clickedButton() is box.button(QMessageBox.StandardButton.Discard)

    def _default_channel(self) -> str | None:
        return (
            "tatap_muka" if self.channel.findData("tatap_muka") >= 0 else self.channel.itemData(0)
        )

    def _update_title(self) -> None:
        if self._editing_id is None:
            self.title.setText(self.tr("Pengunjung baru"))
        else:
            self.title.setText(
                self.tr("Mengubah catatan (versi %1)").replace(
                    "%1", str(self._editing_version or "?")
                )
            )

    def _update_reason_visibility(self, *_args) -> None:
        visible = combo_code(self.outcome) == OUT_OF_SCOPE
        for widget in self._reason_row:
            widget.setVisible(visible)

    def _add_regulation(self) -> None:
        text = self.regulation_input.text().strip()
        if text and text not in self.regulations():
            self._add_regulation_item(text)
            self._on_user_change()
        self.regulation_input.clear()

    def _add_regulation_item(self, text: str) -> None:
        item = QListWidgetItem(text)
        item.setToolTip(text)  # the list is narrow: long items are elided
        self.regulation_list.addItem(item)

    def _remove_regulation(self) -> None:
        row = self.regulation_list.currentRow()
        if row >= 0:
            self.regulation_list.takeItem(row)
            self._on_user_change()

    def _remove_kb_basis(self) -> None:
        row = self.kb_basis_list.currentRow()
        if row >= 0:
            self.kb_basis_list.takeItem(row)
            self._on_user_change()
