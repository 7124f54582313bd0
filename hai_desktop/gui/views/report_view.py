"""The Laporan screen (issue 11): the decree's monthly report of this desk's office.

Pick a month (the last 24; last month first, the report a head of office asks for): the
figures are computed on the task manager's reader (never on the GUI thread) and shown as
headline numbers, charts (``report_chart``) and the top questions. Exports (XLSX, PDF,
CSV) run on the reader too; visitor contact data goes into XLSX/CSV only when the box is
ticked (personal data, DOMAIN.md "Confidentiality").
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from hai_desktop.core import reports, reports_hub
from hai_desktop.core.exports import numbers, summary
from hai_desktop.core.paths import ProfilePaths
from hai_desktop.core.sync.protocol import HubError
from hai_desktop.gui import messages
from hai_desktop.gui.tasks import TaskManager
from hai_desktop.gui.views.report_chart import ChartWidget
from hai_desktop.gui.widgets import wrap_row

MONTH_COMBO, STATUS, CONTACT_BOX = "reportMonthCombo", "reportStatus", "reportContactBox"
SCOPE_COMBO = "reportScopeCombo"
EXPORT_BUTTONS = {"xlsx": "reportExportXlsx", "pdf": "reportExportPdf", "csv": "reportExportCsv"}
CHART_KEYS = (
    "by_department", "by_channel", "by_outcome", "by_application",
    "by_hour", "out_of_scope_by_reason", "by_outage", "daily",
)  # fmt: skip
FILTERS = {"xlsx": "Excel (*.xlsx)", "pdf": "PDF (*.pdf)", "csv": "CSV (*.csv)"}


def run_export(
    kind: str, path: Path, figures: dict[str, Any], include_contact: bool, from_hub: bool = False
) -> int:
    """Write one export (worker thread); returns the rows (XLSX/CSV) or pages (PDF).

    ``from_hub``: figures the hub computed for other offices: the XLSX is the summary alone
    (their inquiries, with visitors' personal data, are not on this desk)."""
    month, office = figures["month"], figures["office_code"]
    if kind == "xlsx":
        from hai_desktop.core.exports.xlsx_export import write_xlsx

        return write_xlsx(path, figures, month, office, include_contact, with_rows=not from_hub)
    if kind == "csv":
        from hai_desktop.core.exports.csv_export import write_csv

        return write_csv(path, month, office, include_contact)
    from hai_desktop.gui.views.report_pdf import write_pdf

    return write_pdf(path, figures, office)


class ReportView(QWidget):
    """Signals: ``loaded(dict)`` when a month's figures are on screen; ``exported(str)``
    with the file's path when an export is written."""

    loaded = Signal(dict)
    exported = Signal(str)

    def __init__(
        self,
        tasks: TaskManager,
        office_code: str,
        parent: QWidget | None = None,
        paths: ProfilePaths | None = None,
        hub_scopes: list[reports_hub.Scope] | None = None,
    ):
        super().__init__(parent)
        self.tasks = tasks
        self.office_code = office_code
        self.paths = paths
        self.figures: dict[str, Any] | None = None
        self._request = 0
        zone = reports.office_zone(office_code)

        self.month = QComboBox()
        self.month.setObjectName(MONTH_COMBO)
        self.month.setAccessibleName(self.tr("Bulan laporan"))
        for month in reports.recent_months(zone):
            self.month.addItem(numbers.month_name(month), month)
        previous = reports.previous_month(zone)
        self.month.setCurrentIndex(max(0, self.month.findData(previous)))
        self.month.currentIndexChanged.connect(self.refresh)
        self.contact = QCheckBox(self.tr("Sertakan data kontak pengunjung"))
        self.contact.setObjectName(CONTACT_BOX)
        self.contact.setToolTip(
            self.tr("Nama, telepon dan email pengunjung adalah data pribadi (UU 27/2022).")
        )
        top = QHBoxLayout()
        title = QLabel(self.tr("Laporan bulanan"))
        title.setObjectName("pageTitle")
        top.addWidget(title)
        top.addWidget(self.month)
        # The centre's accounts (agent, supervisor) pick an office or a Kanwil at the hub.
        self.scope = QComboBox()
        self.scope.setObjectName(SCOPE_COMBO)
        self.scope.setAccessibleName(self.tr("Kantor laporan"))
        # Python objects do not round-trip through a combo's item data: keep them here.
        self.scopes = [reports_hub.Scope(reports_hub.LOCAL, ""), *(hub_scopes or [])]
        self.scope.addItem(self.tr("Data desk ini"), reports_hub.LOCAL)
        for scope in self.scopes[1:]:
            words = (
                self.tr("%1 beserta KPPN-nya").replace("%1", scope.name)
                if scope.rollup
                else "   " + scope.name
            )
            self.scope.addItem(words, scope.code)
        self.scope.setVisible(bool(hub_scopes))
        self.scope.currentIndexChanged.connect(self.refresh)
        top.addWidget(self.scope, 1)
        top.addStretch(1)
        # A row of its own (the screen fits 1024 px wide); on a narrower window the buttons
        # go below the check box (widgets.wrap_row).
        self._actions_row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._actions_row.setSpacing(10)
        self._actions_row.addWidget(self.contact, 1)
        actions = QHBoxLayout()
        self._actions_row.addLayout(actions, 0)
        actions.addStretch(1)
        self.import_button = QPushButton(self.tr("Impor logbook…"))
        self.import_button.setObjectName("reportImportLogbook")
        self.import_button.clicked.connect(self.open_import)
        actions.addWidget(self.import_button)
        self.buttons: dict[str, QPushButton] = {}
        for kind, text in (
            ("xlsx", self.tr("Ekspor XLSX")),
            ("pdf", self.tr("Ekspor PDF")),
            ("csv", self.tr("Ekspor CSV")),
        ):
            button = QPushButton(text)
            button.setObjectName(EXPORT_BUTTONS[kind])
            button.setEnabled(False)
            button.clicked.connect(lambda _=False, k=kind: self.export(k))
            actions.addWidget(button)
            self.buttons[kind] = button

        self.status = QLabel()
        self.status.setObjectName(STATUS)
        self.period = QLabel()
        self.period.setWordWrap(True)
        self.key_grid = QGridLayout()
        self.key_grid.setHorizontalSpacing(18)
        self.key_grid.setColumnStretch(1, 1)
        self.key_grid.setColumnStretch(3, 1)
        self.key_labels: list[tuple[QLabel, QLabel]] = []
        self.charts = {key: ChartWidget() for key in CHART_KEYS}
        chart_grid = QGridLayout()
        for i, key in enumerate(CHART_KEYS):
            if key == "daily":  # the month's trend gets the full width
                chart_grid.addWidget(self.charts[key], i // 2 + 1, 0, 1, 2)
            else:
                chart_grid.addWidget(self.charts[key], i // 2, i % 2)
        self.questions = QLabel()
        self.questions.setWordWrap(True)
        self.questions.setTextFormat(Qt.PlainText)

        body = QWidget()
        col = QVBoxLayout(body)
        col.addWidget(self.period)
        col.addLayout(self.key_grid)
        line = QFrame()
        line.setFrameShape(QFrame.HLine)
        col.addWidget(line)
        col.addLayout(chart_grid)
        self.questions_title = QLabel(self.tr("Pertanyaan terbanyak"))
        self.questions_title.setStyleSheet("font-weight: bold")
        col.addWidget(self.questions_title)
        col.addWidget(self.questions)
        col.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.NoFrame)
        scroll.setWidget(body)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(self._actions_row)
        layout.addWidget(self.status)
        layout.addWidget(scroll, 1)

    # -- loading --------------------------------------------------------------------------
    def current_month(self) -> str:
        return str(self.month.currentData())

    def current_scope(self) -> reports_hub.Scope:
        return self.scopes[max(0, self.scope.currentIndex())]

    def refresh(self) -> None:
        """Compute the chosen month's figures on the reader thread."""
        self._request += 1
        request, month, office = self._request, self.current_month(), self.office_code
        scope, paths = self.current_scope(), self.paths
        self.status.setText(
            self.tr("Meminta laporan dari hub…")
            if scope.from_hub
            else self.tr("Menghitung laporan…")
        )
        for button in self.buttons.values():
            button.setEnabled(False)

        def work() -> tuple[dict, list, dict]:
            if scope.from_hub:
                figures = reports_hub.monthly(paths, month, scope)
            else:
                figures = reports.monthly(month, office)
            outages = summary.outage_titles()
            return figures, summary.tables(figures, outages), outages

        self.tasks.run_query(
            work,
            lambda result: self._show(request, *result),
            lambda exc: self._failed(request, exc),
        )

    def _failed(self, request: int, exc: BaseException) -> None:
        if request != self._request:
            return
        if isinstance(exc, reports.ReportError) and exc.code == "month_future":
            self.status.setText(self.tr("Bulan itu belum tiba."))
        elif isinstance(exc, HubError):
            self.status.setText(
                self.tr("Hub tidak dapat dihubungi; laporan kantor lain memerlukan hub.")
            )
        else:
            self.status.setText(self.tr("Laporan tidak dapat dibuat."))
            messages.error(self.tr("Laporan tidak dapat dibuat."))

    def _show(self, request: int, figures: dict, tables: list, outages: dict) -> None:
        if request != self._request:
            return  # an older month's answer after the user picked another
        self.figures = figures
        scope = self.current_scope()
        name = scope.name if scope.from_hub else summary.office_name(self.office_code)
        self.period.setText(f"{name} · {summary.period_text(figures)}")
        self._fill_key_figures(summary.key_figures(figures))
        by_key = {t.key: t for t in tables}
        for key, chart in self.charts.items():
            chart.set_table(by_key[key])
            chart.setVisible(key != "by_outage" or bool(by_key[key].rows))
        top = by_key["top_questions"].rows
        self.questions.setText(
            "\n".join(f"{i}. {q} ({numbers.integer(c)})" for i, (q, c) in enumerate(top, 1))
            or self.tr("Tidak ada data")
        )
        total = figures.get("inquiries") or 0
        if total:
            self.status.setText(self.tr("%n layanan tercatat pada bulan ini.", "", total))
        else:
            self.status.setText(self.tr("Tidak ada layanan tercatat pada bulan ini."))
        for kind, button in self.buttons.items():
            # CSV is the month's inquiries: only this desk's own are here.
            button.setEnabled(kind != "csv" or not scope.from_hub)
        self.contact.setEnabled(not scope.from_hub)
        self.loaded.emit(figures)

    def _fill_key_figures(self, items: list[tuple[str, str]]) -> None:
        while len(self.key_labels) < len(items):
            i = len(self.key_labels)
            name, value = QLabel(), QLabel()
            value.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
            value.setStyleSheet("font-weight: bold")
            half = (len(items) + 1) // 2
            row, col = i % half, (i // half) * 2
            self.key_grid.addWidget(name, row, col)
            self.key_grid.addWidget(value, row, col + 1)
            self.key_labels.append((name, value))
        for (name, value), (label, text) in zip(self.key_labels, items, strict=False):
            name.setText(label)
            value.setText(text)

    # -- exports --------------------------------------------------------------------------
    def suggested_name(self, kind: str) -> str:
        scope = self.current_scope()
        code = scope.code if scope.from_hub else self.office_code
        return f"laporan-{code.lower()}-{self.current_month()}.{kind}"

    def ask_path(self, kind: str) -> Path | None:
        """The file to write (a dialog; tests replace this)."""
        folder = QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation)
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Simpan laporan"), str(Path(folder) / self.suggested_name(kind)),
            FILTERS[kind],
        )  # fmt: skip
        if not path:
            return None
        if not path.lower().endswith("." + kind):
            path += "." + kind
        return Path(path)

    def export(self, kind: str) -> None:
        """Ask for a file and write the export on the reader thread."""
        if self.figures is None:
            return
        path = self.ask_path(kind)
        if path is None:
            return
        figures, contact = dict(self.figures), self.contact.isChecked() and kind != "pdf"
        from_hub = self.current_scope().from_hub
        contact = contact and not from_hub
        self.buttons[kind].setEnabled(False)
        self.status.setText(self.tr("Menyimpan %1…").replace("%1", path.name))

        def done(_result: int) -> None:
            self.buttons[kind].setEnabled(True)
            self.status.setText(self.tr("Tersimpan: %1").replace("%1", str(path)))
            messages.info(self.tr("Laporan tersimpan: %1").replace("%1", path.name))
            self.exported.emit(str(path))

        def failed(exc: BaseException) -> None:
            self.buttons[kind].setEnabled(True)
            self.status.setText(self.tr("Laporan tidak dapat disimpan."))
            messages.error(self.tr("Laporan tidak dapat disimpan ke %1.").replace("%1", str(path)))

        self.tasks.run_query(
            lambda: run_export(kind, path, figures, contact, from_hub), done, failed
        )

    def open_import(self) -> None:
        """The logbook import dialog; the report is refreshed after an import."""
        from hai_desktop.gui.views.logbook_dialog import LogbookDialog

        dialog = LogbookDialog(self.tasks, self.office_code, self)
        dialog.imported.connect(lambda _plan: self.refresh())
        dialog.show()
        self.import_dialog = dialog

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt
        super().resizeEvent(event)
        margins = self.layout().contentsMargins()
        wrap_row(self._actions_row, self.width() - margins.left() - margins.right())

    def showEvent(self, event) -> None:  # noqa: N802 - Qt
        super().showEvent(event)
        if self.figures is None and self._request == 0:
            self.refresh()


def create(window) -> ReportView:
    """The Laporan screen for the main window (the profile's office; for the centre's
    accounts also any office or Kanwil at the hub)."""
    office = window.profile.office_code if window.profile is not None else ""
    hub_scopes = reports_hub.scopes() if reports_hub.can_choose_office() else None
    return ReportView(
        window.tasks, office, paths=getattr(window, "paths", None), hub_scopes=hub_scopes
    )
