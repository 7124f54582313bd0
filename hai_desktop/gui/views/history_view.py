"""The history page ("Riwayat"): every logged entry, filtered, sorted, searched.

The table is lazily filled (see ``models/inquiry_table_model.py``). Filters and the search
box re-query core; typing in the search box is debounced so each keystroke does not start
a query. Enter or a double-click opens an entry in the log form. From the search box, Down
moves into the table and Enter opens the selected (else the first) hit.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QCheckBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hai_desktop.core import reference
from hai_desktop.core.inquiries_view import InquiryFilter
from hai_desktop.gui import changes, messages
from hai_desktop.gui import object_names as names
from hai_desktop.gui.date_texts import date_format
from hai_desktop.gui.models.inquiry_table_model import InquiryTableModel
from hai_desktop.gui.tasks import TaskManager
from hai_desktop.gui.views import table_fit
from hai_desktop.gui.widgets import ElidingComboBox, combo_code, fill_combo, wrap_row

SEARCH_DELAY_MS = 250


class HistoryView(QWidget):
    """Signals:
    open_requested(str): open this inquiry id in the log form.
    duplicate_requested(str): start a new entry for the same visitor.
    """

    open_requested = Signal(str)
    duplicate_requested = Signal(str)
    forward_requested = Signal(str)  # "Teruskan ke HAI-DJPBN" for this inquiry id
    conflicts_resolved = Signal()  # a conflict settled: the outbox may hold a new version

    def __init__(self, tasks: TaskManager, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(names.HISTORY_VIEW)
        self.tasks = tasks
        self.model = InquiryTableModel(tasks, self)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filters)
        # Enter in the search box while its results are still loading: open the first hit
        # when they arrive.
        self._open_when_loaded = False
        self._build()
        self.model.total_changed.connect(self._on_total_changed)
        self.model.loading_changed.connect(self._on_loading_changed)
        self.model.failed.connect(messages.error)
        self.model.reload()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(10)
        title = QLabel(self.tr("Riwayat layanan"))
        title.setProperty("role", "title")
        layout.addWidget(title)

        self.search = QLineEdit()
        self.search.setObjectName(names.HISTORY_SEARCH)
        self.search.setPlaceholderText(
            self.tr(
                "Cari nama, kode satker, telepon, e-mail, instansi, pertanyaan, jawaban (Ctrl+F)"
            )
        )
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self.open_from_search)
        self.search.installEventFilter(self)
        layout.addWidget(self.search)

        # Two groups, side by side while the width holds them, one above the other on a
        # narrow window (widgets.wrap_row): dates, then the choices with Hapus filter.
        dates = QHBoxLayout()
        dates.setSpacing(8)
        choices = QHBoxLayout()
        choices.setSpacing(8)
        self._filters = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._filters.setSpacing(12)
        self.date_enabled = QCheckBox(self.tr("Tanggal"))
        self.date_enabled.setObjectName(names.HISTORY_DATE_ENABLED)
        today = QDate.currentDate()
        self.date_from = QDateEdit(today.addDays(-30))
        self.date_from.setObjectName(names.HISTORY_DATE_FROM)
        self.date_to = QDateEdit(today)
        self.date_to.setObjectName(names.HISTORY_DATE_TO)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(date_format())
            edit.setEnabled(False)
            edit.dateChanged.connect(self.apply_filters)
        self.date_enabled.toggled.connect(self._on_date_toggled)
        self.department = ElidingComboBox()
        self.department.setObjectName(names.HISTORY_DEPARTMENT)
        fill_combo(
            self.department,
            [{"code": i["code"], "name": i["code"]} for i in reference.items("departments")],
            self.tr("Semua departemen"),
        )
        self.channel = ElidingComboBox()
        self.channel.setObjectName(names.HISTORY_CHANNEL)
        fill_combo(self.channel, reference.items("channels"), self.tr("Semua saluran"))
        self.outcome = ElidingComboBox()
        self.outcome.setObjectName(names.HISTORY_OUTCOME)
        fill_combo(self.outcome, reference.items("outcomes"), self.tr("Semua hasil"))
        for combo in (self.department, self.channel, self.outcome):
            combo.currentIndexChanged.connect(self.apply_filters)
        self.clear_button = QPushButton(self.tr("Hapus filter"))
        self.clear_button.setObjectName(names.HISTORY_CLEAR)
        self.clear_button.clicked.connect(self.clear_filters)
        dates.addWidget(self.date_enabled)
        dates.addWidget(self.date_from)
        dates.addWidget(QLabel("–"))
        dates.addWidget(self.date_to)
        dates.addStretch(1)
        choices.addWidget(self.department)
        choices.addWidget(self.channel)
        choices.addWidget(self.outcome)
        choices.addStretch(1)
        choices.addWidget(self.clear_button)
        self._filters.addLayout(dates, 0)
        self._filters.addLayout(choices, 1)
        layout.addLayout(self._filters)

        self.table = QTableView()
        self.table.setObjectName(names.HISTORY_TABLE)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(28)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for column, width in enumerate(table_fit.COLUMN_WIDTHS):
            if width:
                self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(table_fit.STRETCH_COLUMN, QHeaderView.ResizeMode.Stretch)
        # Sorting re-queries core; the indicator starts on "newest first".
        self.table.setSortingEnabled(True)
        header.setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        self.table.doubleClicked.connect(lambda index: self._open_row(index.row()))
        self.table.installEventFilter(self)
        self._viewport = self.table.viewport()
        self._viewport.installEventFilter(self)
        layout.addWidget(self.table, 1)
        # An empty result says so, and how to widen the search.
        self.empty_label = QLabel()
        self.empty_label.setObjectName("historyEmpty")
        self.empty_label.setProperty("role", "hint")
        self.empty_label.setWordWrap(True)
        self.empty_label.hide()
        layout.addWidget(self.empty_label)

        bottom = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        bottom.setSpacing(10)
        self.count_label = QLabel()
        self.count_label.setObjectName(names.HISTORY_COUNT)
        self.open_button = QPushButton(self.tr("Buka (Enter)"))
        self.open_button.setObjectName(names.HISTORY_OPEN)
        self.open_button.clicked.connect(self.open_current)
        self.duplicate_button = QPushButton(self.tr("Pertanyaan lain"))
        self.duplicate_button.setObjectName(names.HISTORY_DUPLICATE)
        self.duplicate_button.clicked.connect(self.duplicate_current)
        self.forward_button = QPushButton(self.tr("Teruskan ke HAI-DJPBN"))
        self.forward_button.setObjectName("historyForwardTicket")
        self.forward_button.clicked.connect(self.forward_current)
        # Two desks changed the same record (issue 7.6): shown only while any wait.
        self.conflict_button = QPushButton()
        self.conflict_button.setObjectName("historyConflicts")
        self.conflict_button.setProperty("role", "attention")
        self.conflict_button.clicked.connect(self.open_conflicts)
        self.conflict_button.hide()
        # The count, then the buttons; on a narrow window the buttons go below the count.
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.conflict_button)
        actions.addWidget(self.open_button)
        actions.addWidget(self.duplicate_button)
        actions.addWidget(self.forward_button)
        self.hard_case_button = QPushButton(self.tr("Laporan kasus sulit…"))
        self.hard_case_button.setObjectName("historyHardCase")
        self.hard_case_button.clicked.connect(self.hard_case_current)
        actions.addWidget(self.hard_case_button)
        bottom.addWidget(self.count_label, 1)
        bottom.addLayout(actions, 0)
        self._bottom = bottom
        layout.addLayout(bottom)

    # -- public API -----------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def current_filter(self) -> InquiryFilter:
        use_dates = self.date_enabled.isChecked()
        return InquiryFilter(
            date_from=self.date_from.date().toPython() if use_dates else None,
            date_to=self.date_to.date().toPython() if use_dates else None,
            department=combo_code(self.department),
            channel=combo_code(self.channel),
            outcome=combo_code(self.outcome),
            text=self.search.text().strip() or None,
        )

    def apply_filters(self, *_args) -> None:
        self._search_timer.stop()
        self.count_label.setText(self.tr("Memuat…"))
        self.model.set_filter(self.current_filter())

    def clear_filters(self) -> None:
        for widget in (self.search, self.department, self.channel, self.outcome, self.date_enabled):
            widget.blockSignals(True)
        self.search.clear()
        self.department.setCurrentIndex(0)
        self.channel.setCurrentIndex(0)
        self.outcome.setCurrentIndex(0)
        self.date_enabled.setChecked(False)
        self._on_date_toggled(False, apply=False)
        for widget in (self.search, self.department, self.channel, self.outcome, self.date_enabled):
            widget.blockSignals(False)
        self.apply_filters()

    def refresh(self) -> None:
        self.model.reload()
        self.update_conflicts()

    def update_conflicts(self) -> None:
        """Show how many records wait for a version to be picked (a one-row count)."""
        from hai_desktop.core import conflicts

        count = conflicts.count()
        self.conflict_button.setText(self.tr("Konflik: {count} catatan").format(count=count))
        self.conflict_button.setVisible(count > 0)

    def open_conflicts(self) -> None:
        """The conflict dialog: keep mine, take the hub's, or merge, for each record."""
        from hai_desktop.gui.dialogs.conflict_dialog import ConflictDialog

        dialog = ConflictDialog(self)
        dialog.resolved.connect(lambda _id, _how: self.conflicts_resolved.emit())
        dialog.exec()
        self.refresh()

    def open_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self._open_row(index.row())

    def open_from_search(self) -> None:
        """Enter in the search box: open the selected hit, else the first one.

        When the typed text has not been searched yet, search now and open the first hit
        as soon as it is loaded.
        """
        if self._search_timer.isActive() or self.model.inquiry_filter != self.current_filter():
            self.apply_filters()
            self._open_when_loaded = True
            return
        if self.model.is_loading:
            self._open_when_loaded = True
            return
        self._open_selected_or_first()

    def focus_results(self) -> None:
        """Down in the search box: move into the table (selecting the first row if none)."""
        if self.model.rowCount() == 0:
            return
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        if not self.table.currentIndex().isValid():
            self.table.selectRow(0)

    def duplicate_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.duplicate_requested.emit(self.model.inquiry_id(index.row()))

    def hard_case_current(self) -> None:
        """The hard-case report (decree III.3.1.2) of the selected inquiry."""
        index = self.table.currentIndex()
        if not index.isValid():
            return
        from hai_desktop.gui.dialogs.hard_case_dialog import HardCaseDialog

        self.hard_case_dialog = HardCaseDialog(self.tasks, self.model.inquiry_id(index.row()), self)
        self.hard_case_dialog.show()

    def forward_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.forward_requested.emit(self.model.inquiry_id(index.row()))

    # -- internals ------------------------------------------------------------------------
    def _open_row(self, row: int) -> None:
        self.open_requested.emit(self.model.inquiry_id(row))

    def _open_selected_or_first(self) -> None:
        if self.model.rowCount() == 0:
            return
        index = self.table.currentIndex()
        row = index.row() if index.isValid() else 0
        self.table.selectRow(row)
        self._open_row(row)

    def _on_loading_changed(self, loading: bool) -> None:
        if not loading and self._open_when_loaded:
            self._open_when_loaded = False
            # The model says "loaded" just before it inserts the page's rows.
            QTimer.singleShot(0, self, self._open_selected_or_first)

    def _on_date_toggled(self, checked: bool, apply: bool = True) -> None:
        self.date_from.setEnabled(checked)
        self.date_to.setEnabled(checked)
        if apply:
            self.apply_filters()

    def _on_total_changed(self, total: int) -> None:
        # Grouped digits in the UI locale (Indonesian: 500.000); plural forms come from
        # the translation ("1 entry", "2 entries").
        self.count_label.setText(self.tr("%Ln entri", "", total))
        if total:
            self.empty_label.hide()
            return
        if self.current_filter() == InquiryFilter():
            text = self.tr("Belum ada catatan. Catatan yang disimpan muncul di sini.")
        else:
            text = self.tr(
                "Tidak ada catatan yang cocok. Coba kata lain atau sebagian nama, nomor"
                " satker atau telepon; atau tekan Hapus filter untuk mencari di semua catatan."
            )
        self.empty_label.setText(text)
        self.empty_label.show()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._arrange()

    def event(self, event: QEvent) -> bool:
        # A child's preferred size changed (the count's text, the conflict button shown).
        if event.type() == QEvent.Type.LayoutRequest:
            self._arrange()
        return super().event(event)

    def _arrange(self) -> None:
        """The filter row and the button row wrap on a narrow window (widgets.wrap_row)."""
        margins = self.layout().contentsMargins()
        room = self.width() - margins.left() - margins.right()
        wrap_row(self._filters, room)
        wrap_row(self._bottom, room)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Resize and watched is getattr(self, "_viewport", None):
            table_fit.fit_columns(self.table)  # the columns follow the table's width
        if (
            watched is getattr(self, "search", None)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
        ):
            self.focus_results()
            return True
        if (
            watched is getattr(self, "table", None)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.open_current()
            return True
        return super().eventFilter(watched, event)


def create(window) -> HistoryView:
    """The Riwayat screen for the main window: opening or duplicating an entry goes to the
    log form; a save there refreshes the list."""
    view = HistoryView(window.tasks)
    view.open_requested.connect(window.open_inquiry)
    view.duplicate_requested.connect(window.duplicate_inquiry)
    alerts = getattr(window, "ticket_alerts", None)
    if alerts is not None:
        view.forward_requested.connect(alerts.forward)
    if window.form is not None:
        window.form.saved.connect(lambda _id: view.refresh())
    # Sync marks and records pulled from the office feed.
    changes.subscribe(changes.INQUIRIES, view.refresh, view)
    view.conflicts_resolved.connect(window.request_sync)
    view.update_conflicts()
    return view
