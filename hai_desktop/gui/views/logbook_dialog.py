"""The logbook import dialog (issue 11): pick an Excel logbook, check the guessed mapping of
its columns to the fields, see a preview with the counts (new, already there, unreadable),
then import into the outbox like new entries. Reading and checking run on the reader
thread, the import on the database worker (one transaction, ``core.logbook_import``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hai_desktop.core import logbook_import
from hai_desktop.core.logbook_read import FIELDS, LogbookError, Sheet, read_sheet
from hai_desktop.gui.tasks import TaskManager


def field_names() -> dict[str, str]:
    return {
        "date": QCoreApplication.translate("LogbookDialog", "Tanggal"), "time": QCoreApplication.translate("LogbookDialog", "Jam"), "visitor_name": QCoreApplication.translate("LogbookDialog", "Nama"),
        "satker_code": QCoreApplication.translate("LogbookDialog", "Kode satker"), "institution": QCoreApplication.translate("LogbookDialog", "Instansi"),
        "phone": QCoreApplication.translate("LogbookDialog", "Telepon"), "email": QCoreApplication.translate("LogbookDialog", "E-mail"), "question": QCoreApplication.translate("LogbookDialog", "Pertanyaan"),
        "answer": QCoreApplication.translate("LogbookDialog", "Jawaban"), "department": QCoreApplication.translate("LogbookDialog", "Bidang"), "channel": QCoreApplication.translate("LogbookDialog", "Kanal"),
        "application": QCoreApplication.translate("LogbookDialog", "Aplikasi"), "outcome": QCoreApplication.translate("LogbookDialog", "Hasil"),
        "out_of_scope_reason": QCoreApplication.translate("LogbookDialog", "Alasan di luar lingkup"),
    }  # fmt: skip


def file_error_text(code: str) -> str:
    return {
        "file_missing": QCoreApplication.translate("LogbookDialog", "Berkas tidak ditemukan."),
        "xls_format": QCoreApplication.translate(
            "LogbookDialog",
            "Format .xls (Excel 97-2003) tidak didukung: simpan ulang sebagai .xlsx.",
        ),
        "file_encrypted": QCoreApplication.translate(
            "LogbookDialog", "Berkas dilindungi kata sandi: hapus kata sandinya di Excel dulu."
        ),
        "file_corrupt": QCoreApplication.translate(
            "LogbookDialog", "Berkas rusak atau bukan berkas Excel (.xlsx) / CSV."
        ),
        "sheet_empty": QCoreApplication.translate("LogbookDialog", "Lembar kerja pertama kosong."),
        "no_header": QCoreApplication.translate(
            "LogbookDialog", "Baris judul kolom (Tanggal, Nama, Pertanyaan, …) tidak ditemukan."
        ),
    }.get(code, code)


def problem_text(problem: logbook_import.RowProblem) -> str:
    reasons = {
        "date_missing": QCoreApplication.translate("LogbookDialog", "tanggal kosong"), "date_invalid": QCoreApplication.translate("LogbookDialog", "tanggal tidak terbaca"),
        "date_future": QCoreApplication.translate("LogbookDialog", "tanggal di masa depan"),
        "department_unknown": QCoreApplication.translate("LogbookDialog", "bidang tidak dikenal"),
        "channel_unknown": QCoreApplication.translate("LogbookDialog", "kanal tidak dikenal"), "required": QCoreApplication.translate("LogbookDialog", "wajib diisi"),
        "answer_required": QCoreApplication.translate("LogbookDialog", "hasil 'terjawab' memerlukan jawaban"),
        "too_long": QCoreApplication.translate("LogbookDialog", "terlalu panjang"), "satker_invalid": QCoreApplication.translate("LogbookDialog", "kode satker harus 6 angka"),
        "phone_invalid": QCoreApplication.translate("LogbookDialog", "nomor telepon tidak valid"),
        "email_invalid": QCoreApplication.translate("LogbookDialog", "alamat email tidak valid"),
    }  # fmt: skip
    field = field_names().get(problem.field, problem.field)
    value = f' ("{problem.value}")' if problem.value else ""
    reason = reasons.get(problem.code, problem.code)
    return QCoreApplication.translate("LogbookDialog", "Baris %1: %2: %3").replace("%1", str(problem.row)).replace(
        "%2", field).replace("%3", reason) + value  # fmt: skip


class LogbookDialog(QDialog):
    """Signals: ``previewed(object)`` with the dry-run plan; ``imported(object)`` with the
    applied plan."""

    previewed = Signal(object)
    imported = Signal(object)

    def __init__(self, tasks: TaskManager, office_code: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Impor logbook Excel"))
        self.tasks, self.office_code = tasks, office_code
        self.sheet: Sheet | None = None
        self.plan: logbook_import.ImportPlan | None = None
        self.path = QLineEdit()
        self.path.setReadOnly(True)
        browse = QPushButton(self.tr("Pilih berkas…"))
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.form = QFormLayout()
        self.combos: dict[str, QComboBox] = {}
        for name in FIELDS:
            combo = QComboBox()
            combo.currentIndexChanged.connect(self.preview)
            self.combos[name] = combo
            self.form.addRow(field_names()[name], combo)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Close)
        self.import_button = self.buttons.addButton(self.tr("Impor"), QDialogButtonBox.AcceptRole)
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.run_import)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addLayout(self.form)
        layout.addWidget(self.summary)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.buttons)
        self.resize(640, 640)

    def browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Pilih logbook"), "", self.tr("Excel atau CSV (*.xlsx *.xlsm *.csv)")
        )
        if path:
            self.open_file(Path(path))

    def open_file(self, path: Path) -> None:
        """Read the sheet (reader thread), then fill the mapping and preview."""
        self.path.setText(str(path))
        self.summary.setText(self.tr("Membaca berkas…"))
        self.import_button.setEnabled(False)
        self.tasks.run_query(lambda: read_sheet(path), self._sheet_read, self._read_failed)

    def _read_failed(self, exc: BaseException) -> None:
        self.sheet = None
        code = exc.code if isinstance(exc, LogbookError) else "file_corrupt"
        self.summary.setText(file_error_text(code))
        self.details.clear()

    def _sheet_read(self, sheet: Sheet) -> None:
        self.sheet = sheet
        for name, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("(tidak ada)"), -1)
            for i, header in enumerate(sheet.headers):
                combo.addItem(header or self.tr("Kolom %1").replace("%1", str(i + 1)), i)
            combo.setCurrentIndex(max(0, combo.findData(sheet.mapping.get(name, -1))))
            combo.blockSignals(False)
        self.preview()

    def mapping(self) -> dict[str, int]:
        out = {}
        for name, combo in self.combos.items():
            index = combo.currentData()
            if index is not None and index >= 0:
                out[name] = int(index)
        return out

    def preview(self) -> None:
        """The dry run with the current mapping (reader thread)."""
        if self.sheet is None:
            return
        sheet, mapping, office = self.sheet, self.mapping(), self.office_code
        self.tasks.run_query(
            lambda: logbook_import.plan_sheet(sheet, office, mapping=mapping),
            self._show_plan,
            self._read_failed,
        )

    def _show_plan(self, plan: logbook_import.ImportPlan) -> None:
        self.plan = plan
        self.summary.setText(
            self.tr("Akan diimpor %1, sudah ada %2, tidak terbaca %3.")
            .replace("%1", str(len(plan.new))).replace("%2", str(plan.already))
            .replace("%3", str(len(plan.problems)))
        )  # fmt: skip
        lines = [problem_text(p) for p in plan.problems[:500]]
        for c in plan.new[:20]:
            d = c["data"]
            lines.append(f"{c['row']}: {d.department} · {d.question[:80]}")
        self.details.setPlainText("\n".join(lines))
        self.import_button.setEnabled(bool(plan.new))
        self.previewed.emit(plan)

    def run_import(self) -> None:
        """Plan again and write (database worker: one transaction)."""
        if self.sheet is None:
            return
        sheet, mapping, office = self.sheet, self.mapping(), self.office_code
        self.import_button.setEnabled(False)

        def work():
            plan = logbook_import.plan_sheet(sheet, office, mapping=mapping)
            logbook_import.apply(plan, office)
            return plan

        self.tasks.run_db(work, self._done, self._read_failed)

    def _done(self, plan: logbook_import.ImportPlan) -> None:
        self.plan = plan
        self.summary.setText(
            self.tr("Diimpor %1, sudah ada %2, tidak terbaca %3.")
            .replace("%1", str(plan.imported)).replace("%2", str(plan.already))
            .replace("%3", str(len(plan.problems)))
        )  # fmt: skip
        self.imported.emit(plan)
