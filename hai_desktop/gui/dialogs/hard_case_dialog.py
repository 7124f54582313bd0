"""The hard-case report of one inquiry (decree Lampiran III.3.1.2), from Riwayat.

The CSO reads what the report will say (the problem, the information given, the
regulations), writes the conclusion and/or recommendation, and saves it as PDF or prints it.
The report's text is the official Indonesian document (``hard_case_pdf``), whatever the UI
language. The case is read and the PDF written on the task manager's reader thread.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from hai_desktop.core import hard_case
from hai_desktop.gui import messages
from hai_desktop.gui.tasks import TaskManager
from hai_desktop.gui.views import hard_case_pdf


class HardCaseDialog(QDialog):
    """Signals ``saved(str)`` with the PDF's path."""

    saved = Signal(str)

    def __init__(self, tasks: TaskManager, inquiry_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("hardCaseDialog")
        self.setWindowTitle(self.tr("Laporan kasus sulit"))
        self.tasks = tasks
        self.inquiry_id = inquiry_id
        self.case: hard_case.HardCase | None = None
        layout = QVBoxLayout(self)
        self.preview = QTextBrowser()
        self.preview.setObjectName("hardCasePreview")
        self.preview.setOpenLinks(False)
        self.preview.setMinimumSize(420, 220)
        layout.addWidget(self.preview, 1)
        label = QLabel(self.tr("Kesimpulan dan/atau rekomendasi"))
        self.conclusion = QPlainTextEdit()
        self.conclusion.setObjectName("hardCaseConclusion")
        self.conclusion.setPlaceholderText(
            self.tr("Misalnya: perlu penegasan dari direktorat teknis; usulan entri KB baru.")
        )
        self.conclusion.setMaximumHeight(110)
        label.setBuddy(self.conclusion)
        self.conclusion.textChanged.connect(self._render)
        layout.addWidget(label)
        layout.addWidget(self.conclusion)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.pdf_button = QPushButton(self.tr("Simpan PDF…"))
        self.pdf_button.setObjectName("hardCaseSavePdf")
        self.print_button = QPushButton(self.tr("Cetak…"))
        self.print_button.setObjectName("hardCasePrint")
        for button in (self.pdf_button, self.print_button):
            button.setEnabled(False)
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.print_button.clicked.connect(self.print_report)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 620)
        tasks.run_query(lambda: hard_case.from_inquiry(inquiry_id), self._loaded, self._failed)

    def current_case(self) -> hard_case.HardCase | None:
        if self.case is None:
            return None
        self.case.conclusion = self.conclusion.toPlainText().strip()
        return self.case

    def ask_path(self) -> Path | None:
        """The PDF to write (a dialog; tests replace this)."""
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = f"kasus-sulit-{self.inquiry_id[:8]}.pdf"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Simpan laporan kasus sulit"), str(Path(folder) / name), "PDF (*.pdf)"
        )
        if not path:
            return None
        return Path(path if path.lower().endswith(".pdf") else path + ".pdf")

    def save_pdf(self) -> None:
        case, path = self.current_case(), self.ask_path()
        if case is None or path is None:
            return
        self.pdf_button.setEnabled(False)

        def done(_result) -> None:
            self.pdf_button.setEnabled(True)
            self.status.setText(self.tr("Tersimpan: %1").replace("%1", str(path)))
            self.saved.emit(str(path))

        def failed(_exc: BaseException) -> None:
            self.pdf_button.setEnabled(True)
            self.status.setText(
                self.tr("Laporan tidak dapat disimpan ke %1.").replace("%1", str(path))
            )

        self.tasks.run_query(lambda: hard_case_pdf.write_pdf(path, case), done, failed)

    def print_report(self) -> None:
        from PySide6.QtGui import QTextDocument
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        case = self.current_case()
        if case is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
            return
        doc = QTextDocument()
        doc.setHtml(hard_case_pdf.to_html(case, date.today()))
        doc.print_(printer)

    def _render(self) -> None:
        case = self.current_case()
        if case is not None:
            self.preview.setHtml(hard_case_pdf.to_html(case, date.today()))

    def _loaded(self, case: hard_case.HardCase | None) -> None:
        if case is None:
            self.status.setText(self.tr("Catatan ini tidak ada lagi di desk."))
            return
        self.case = case
        self._render()
        self.pdf_button.setEnabled(True)
        self.print_button.setEnabled(True)
        self.conclusion.setFocus()

    def _failed(self, _exc: BaseException) -> None:
        self.status.setText(self.tr("Laporan kasus sulit tidak dapat dibuat."))
        messages.error(self.tr("Laporan kasus sulit tidak dapat dibuat."))
