"""The log form's three boxes of fields: the visitor, the question and answer, the outcome.

A mixin of ``InquiryForm`` through ``FormLayoutMixin`` (the texts keep the form's
translation context); each method builds one box and its rows (``_add_row``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hai_desktop.core import reference
from hai_desktop.gui import object_names as names
from hai_desktop.gui.views.form_widgets import (
    basis_list,
    combo,
    datetime_edit,
    form_grid,
    line,
    small_button,
    text_box,
)
from hai_desktop.gui.widgets import fill_combo


class FormBoxesMixin:
    """Builds the boxes of fields of ``InquiryForm`` (``self`` is the form)."""

    def _build_visitor_box(self) -> QGroupBox:
        """ "Pengguna layanan": who asked, from which office and satker."""
        visitor = QGroupBox(QCoreApplication.translate("InquiryForm", "Pengguna layanan"))
        vform = form_grid(visitor)
        self._grids = [vform]
        self.visitor_name = line(
            names.VISITOR_NAME, QCoreApplication.translate("InquiryForm", "Nama lengkap")
        )
        self.satker_code = line(
            names.SATKER_CODE, QCoreApplication.translate("InquiryForm", "6 angka, boleh kosong")
        )
        # Digits only while typing: a satker code is 6 digits.
        self.satker_code.setMaxLength(6)
        self.satker_code.setValidator(
            QRegularExpressionValidator(QRegularExpression("[0-9]{0,6}"), self.satker_code)
        )
        self.institution = line(
            names.INSTITUTION, QCoreApplication.translate("InquiryForm", "Satker / instansi")
        )
        self.phone = line(
            names.PHONE, QCoreApplication.translate("InquiryForm", "Contoh: 0812 3456 7890")
        )
        self.email = line(
            names.EMAIL, QCoreApplication.translate("InquiryForm", "nama@instansi.go.id")
        )
        # Two columns keep the whole form on one screen at 1366x768.
        self._add_row(
            vform,
            QCoreApplication.translate("InquiryForm", "Nama"),
            "visitor_name",
            self.visitor_name,
            0,
            0,
        )
        self._add_row(
            vform,
            QCoreApplication.translate("InquiryForm", "Kode satker"),
            "satker_code",
            self.satker_code,
            0,
            1,
        )
        self._add_row(
            vform,
            QCoreApplication.translate("InquiryForm", "Instansi"),
            "institution",
            self.institution,
            1,
            0,
        )
        self._add_row(
            vform, QCoreApplication.translate("InquiryForm", "Telepon"), "phone", self.phone, 1, 1
        )
        self._add_row(
            vform, QCoreApplication.translate("InquiryForm", "E-mail"), "email", self.email, 2, 0
        )
        self.channel = combo(names.CHANNEL)
        fill_combo(self.channel, reference.items("channels"))
        self.department = combo(names.DEPARTMENT)
        fill_combo(
            self.department,
            reference.items("departments"),
            QCoreApplication.translate("InquiryForm", "— pilih departemen —"),
        )
        # Code-first labels ("PA — Pelaksanaan Anggaran") fit and make type-to-select useful.
        self.department.setMinimumContentsLength(18)
        self.application = combo(names.APPLICATION)
        fill_combo(
            self.application,
            reference.items("applications"),
            QCoreApplication.translate("InquiryForm", "— tidak ada —"),
        )
        self._add_row(
            vform,
            QCoreApplication.translate("InquiryForm", "Saluran"),
            "channel",
            self.channel,
            2,
            1,
        )
        return visitor

    def _build_question_box(self) -> QGroupBox:
        """ "Pertanyaan dan jawaban": the question, the answer and their basis."""
        qa = QGroupBox(QCoreApplication.translate("InquiryForm", "Pertanyaan dan jawaban"))
        qform = form_grid(qa)
        self._grids.append(qform)
        self.question = text_box(
            names.QUESTION, QCoreApplication.translate("InquiryForm", "Apa yang ditanyakan?")
        )
        self.answer = text_box(
            names.ANSWER, QCoreApplication.translate("InquiryForm", "Jawaban yang diberikan")
        )
        self.answer.setMinimumHeight(80)
        self.answer.setMaximumHeight(104)
        self._add_row(
            qform,
            QCoreApplication.translate("InquiryForm", "Departemen layanan"),
            "department",
            self.department,
            0,
            0,
        )
        self._add_row(
            qform,
            QCoreApplication.translate("InquiryForm", "Aplikasi"),
            "application",
            self.application,
            0,
            1,
        )
        self._add_row(
            qform,
            QCoreApplication.translate("InquiryForm", "Pertanyaan"),
            "question",
            self.question,
            1,
            0,
            span=True,
        )
        self._add_row(
            qform,
            QCoreApplication.translate("InquiryForm", "Jawaban"),
            "answer",
            self.answer,
            2,
            0,
            span=True,
        )

        basis = QWidget()
        blayout = QVBoxLayout(basis)
        blayout.setContentsMargins(0, 0, 0, 0)
        blayout.setSpacing(6)
        add_row = QHBoxLayout()
        self.regulation_input = line(
            names.REGULATION_INPUT, QCoreApplication.translate("InquiryForm", "Contoh: PMK 62/2023")
        )
        self.regulation_input.setToolTip(
            QCoreApplication.translate(
                "InquiryForm", "Ketik dasar peraturan lalu tekan Enter untuk menambahkannya"
            )
        )
        self.regulation_input.returnPressed.connect(self._add_regulation)
        # Small "+" and "−" buttons: mouse helpers only (Enter adds, Delete removes), so the
        # narrow basis column is left to the entry and the lists.
        self.regulation_add = small_button(
            "+", QCoreApplication.translate("InquiryForm", "Tambah (Enter)")
        )
        self.regulation_add.setObjectName(names.REGULATION_ADD)
        self.regulation_add.clicked.connect(self._add_regulation)
        add_row.addWidget(self.regulation_input, 1)
        add_row.addWidget(self.regulation_add)
        blayout.addLayout(add_row)
        list_row = QHBoxLayout()
        self.regulation_list = QListWidget()
        self.regulation_list.setObjectName(names.REGULATION_LIST)
        basis_list(self.regulation_list)
        self.regulation_list.installEventFilter(self)
        self.regulation_list.setToolTip(
            QCoreApplication.translate("InquiryForm", "Tombol Delete menghapus butir yang dipilih")
        )
        self.regulation_remove = small_button(
            "\u2212", QCoreApplication.translate("InquiryForm", "Hapus butir yang dipilih (Delete)")
        )
        self.regulation_remove.setObjectName(names.REGULATION_REMOVE)
        self.regulation_remove.clicked.connect(self._remove_regulation)
        list_row.addWidget(self.regulation_list, 1)
        list_row.addWidget(self.regulation_remove, 0, Qt.AlignmentFlag.AlignTop)
        blayout.addLayout(list_row)
        self._add_row(
            qform,
            QCoreApplication.translate("InquiryForm", "Dasar peraturan"),
            "basis_regulations",
            basis,
            3,
            0,
        )

        kb_box = QWidget()
        kb_layout = QHBoxLayout(kb_box)
        kb_layout.setContentsMargins(0, 0, 0, 0)
        self.kb_basis_list = QListWidget()
        self.kb_basis_list.setObjectName(names.KB_BASIS_LIST)
        basis_list(self.kb_basis_list)
        self.kb_basis_list.installEventFilter(self)
        self.kb_basis_list.setToolTip(
            QCoreApplication.translate(
                "InquiryForm",
                "Entri basis pengetahuan yang menjadi dasar jawaban"
                " (tombol Delete menghapus butir yang dipilih)",
            )
        )
        self.kb_basis_remove = small_button(
            "\u2212", QCoreApplication.translate("InquiryForm", "Hapus butir yang dipilih (Delete)")
        )
        self.kb_basis_remove.setObjectName(names.KB_BASIS_REMOVE)
        self.kb_basis_remove.clicked.connect(self._remove_kb_basis)
        kb_layout.addWidget(self.kb_basis_list, 1)
        kb_layout.addWidget(self.kb_basis_remove, 0, Qt.AlignmentFlag.AlignTop)
        self._add_row(
            qform,
            QCoreApplication.translate("InquiryForm", "Dasar dari basis pengetahuan"),
            "basis_kb_entry_ids",
            kb_box,
            3,
            1,
        )
        return qa

    def _build_result_box(self) -> QGroupBox:
        """ "Hasil layanan": the outcome, its time, and forwarding as a ticket."""
        result = QGroupBox(QCoreApplication.translate("InquiryForm", "Hasil layanan"))
        rform = form_grid(result)
        self._grids.append(rform)
        self.outcome = combo(names.OUTCOME)
        fill_combo(self.outcome, reference.items("outcomes"))
        self.out_of_scope_reason = combo(names.OUT_OF_SCOPE_REASON)
        fill_combo(
            self.out_of_scope_reason,
            reference.items("out_of_scope_reasons"),
            QCoreApplication.translate("InquiryForm", "— pilih alasan —"),
        )
        self.served_start = datetime_edit(names.SERVED_START)
        self.served_end = datetime_edit(names.SERVED_END)
        self.served_end.setSpecialValueText(
            QCoreApplication.translate("InquiryForm", "otomatis saat disimpan")
        )
        self._add_row(
            rform, QCoreApplication.translate("InquiryForm", "Hasil"), "outcome", self.outcome, 0, 0
        )
        self._reason_row = self._add_row(
            rform,
            QCoreApplication.translate("InquiryForm", "Alasan di luar lingkup"),
            "out_of_scope_reason",
            self.out_of_scope_reason,
            0,
            1,
        )
        self._add_row(
            rform,
            QCoreApplication.translate("InquiryForm", "Mulai dilayani"),
            "served_started_at",
            self.served_start,
            1,
            0,
        )
        self._add_row(
            rform,
            QCoreApplication.translate("InquiryForm", "Selesai dilayani"),
            "served_ended_at",
            self.served_end,
            1,
            1,
        )
        # Forward the question to HAI-DJPBN as a ticket (wired by gui/ticket_alerts.py).
        self.forward_button = QPushButton(
            QCoreApplication.translate("InquiryForm", "Teruskan ke HAI-DJPBN")
        )
        self.forward_button.setObjectName(names.FORWARD_TICKET_BUTTON)
        rform.addWidget(self.forward_button, 2, 1, Qt.AlignmentFlag.AlignLeft)
        self.outcome.currentIndexChanged.connect(self._update_reason_visibility)
        return result
