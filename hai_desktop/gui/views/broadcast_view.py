"""The "Broadcast" screen: the inbox of the centre's notices, filters, search, one notice.

Selecting a notice opens it in the detail pane and records that it was read (a receipt,
queued offline for the hub). A notice that does not verify is read-only and records nothing:
it is not proven to come from the centre. Urgent notices are confirmed here or in the
urgent dialog (``gui/broadcast_alerts.py``). The list and the detail read on the task
manager's reader thread; marks and confirmations go through the database worker.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QEvent, QItemSelection, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QWidget,
)

from hai_desktop.core import broadcasts, broadcasts_view
from hai_desktop.core.broadcasts import InboxFilter
from hai_desktop.core.timeutil import format_utc, utc_now
from hai_desktop.gui import broadcast_texts as texts
from hai_desktop.gui import changes
from hai_desktop.gui.models.broadcast_model import COLUMNS, BroadcastListModel
from hai_desktop.gui.tasks import TaskManager
from hai_desktop.gui.views import paged_list_view
from hai_desktop.gui.views.broadcast_detail import BroadcastDetail

PAGE_KEY = "broadcasts"
SEARCH = "broadcastSearch"
SIDE_BY_SIDE_MIN_WIDTH = 1050
# The list's fixed columns; the title takes the rest, at least TITLE_MIN_WIDTH: where the
# table is narrower, OPTIONAL_COLUMNS are hidden in this order (the title is what a CSO
# scans for; the detail pane shows everything hidden here).
COLUMN_WIDTHS = {"mark": 30, "kind": 120, "urgency": 80, "published_at": 116,
                 "valid_until": 116, "state": 120, "verified": 110}  # fmt: skip
OPTIONAL_COLUMNS = ("valid_until", "published_at", "state", "kind", "urgency")
TITLE_MIN_WIDTH = 220
# Change topics: the feed brought notices; a read/confirmation/reply was made here.
TOPIC_FEED = broadcasts.FEED
TOPIC_LOCAL = broadcasts.RECEIPT_RECORD_TYPE


class BroadcastView(QWidget):
    """Signals:
    receipt_recorded(str): a notice was marked read or confirmed here (its id).
    """

    receipt_recorded = Signal(str)

    def __init__(self, tasks: TaskManager, attachments_dir=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("broadcastView")
        self.tasks = tasks
        self.attachments_dir = attachments_dir
        paged_list_view.start_list(self, BroadcastListModel(tasks, self))
        self._build()
        paged_list_view.load_list(self)

    def _build(self) -> None:
        layout, _top = paged_list_view.title_row(
            self, self.tr("Broadcast dari pusat"), "broadcastCount"
        )

        self.key_warning = QFrame()
        self.key_warning.setObjectName("broadcastKeyWarning")
        self.key_warning.setStyleSheet(
            "#broadcastKeyWarning { background: #fdecea; border: 1px solid #b3261e;"
            " border-radius: 4px; } #broadcastKeyWarning QLabel { color: #8a1c14; }"
        )
        warning_row = QHBoxLayout(self.key_warning)
        warning_row.setContentsMargins(8, 6, 8, 6)
        warning_text = QLabel(texts.key_change_text())
        warning_text.setWordWrap(True)
        self.key_accept_button = QPushButton(self.tr("Terima kunci baru…"))
        self.key_accept_button.setObjectName("broadcastKeyAccept")
        self.key_accept_button.clicked.connect(self.accept_new_key)
        warning_row.addWidget(warning_text, 1)
        warning_row.addWidget(self.key_accept_button)
        self.key_warning.hide()
        layout.addWidget(self.key_warning)

        row = QHBoxLayout()
        row.setSpacing(6)
        self.search = QLineEdit()
        self.search.setObjectName(SEARCH)
        self.search.setPlaceholderText(self.tr("Cari judul atau isi siaran"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(200)  # the filters give way first at 1024 px
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        row.addWidget(self.search, 2)
        self.kind = self._combo("broadcastKindFilter", self.tr("Semua jenis"), texts.kind_items())
        self.urgency = self._combo(
            "broadcastUrgencyFilter",
            self.tr("Semua urgensi"),
            [("urgent", texts.urgency_text("urgent")), ("normal", texts.urgency_text("normal"))],
        )
        self.status = self._combo(
            "broadcastStatusFilter", self.tr("Semua status"), texts.status_items()
        )
        self.period = QComboBox()
        self.period.setObjectName("broadcastPeriodFilter")
        for days, words in texts.period_items():
            self.period.addItem(words, days)
        self.period.currentIndexChanged.connect(self.apply_filters)
        for w in (self.kind, self.urgency, self.status, self.period):
            row.addWidget(w, 1)
        layout.addLayout(row)

        self.table = QTableView()
        self.table.setObjectName("broadcastTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COLUMNS.index("title"), QHeaderView.ResizeMode.Stretch)
        for key, width in COLUMN_WIDTHS.items():
            self.table.setColumnWidth(COLUMNS.index(key), width)
        self.table.installEventFilter(self)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)

        self.detail = BroadcastDetail()
        self.detail.acknowledge_requested.connect(self.acknowledge)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout.addWidget(self.splitter, 1)

    def _combo(self, name: str, placeholder: str, items: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.addItem(placeholder, None)
        for code, words in items:
            combo.addItem(words, code)
        combo.currentIndexChanged.connect(self.apply_filters)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(9)
        return combo

    # -- public API -----------------------------------------------------------------------
    def current_filter(self) -> InboxFilter:
        kind = self.kind.currentData()
        days = int(self.period.currentData() or 0)
        since = format_utc(datetime.now(UTC) - timedelta(days=days)) if days else None
        return InboxFilter(
            kinds=[kind] if kind else [],
            urgency=self.urgency.currentData(),
            status=self.status.currentData(),
            since=since,
            text=self.search.text().strip() or None,
        )

    def apply_filters(self) -> None:
        self._search_timer.stop()
        self.model.set_filter(self.current_filter())

    def refresh(self) -> None:
        """New notices arrived: reload the list, keeping the notice that is open."""
        self._select_when_loaded = self._current_id
        self.model.reload()  # the key warning follows with the total (_on_total)

    def open_broadcast(self, broadcast_id: str) -> None:
        """Show ``broadcast_id`` (from the urgent dialog or the outage banner): clear the
        filters if they hide it, select it and open it."""
        row = self.model.row_of(broadcast_id)
        if row >= 0:
            self.table.selectRow(row)
            return
        self._select_when_loaded = broadcast_id
        for combo in (self.kind, self.urgency, self.status, self.period):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.apply_filters()
        self._load_detail(broadcast_id)

    def acknowledge(self, broadcast_id: str) -> None:
        def done(_changed: bool) -> None:
            now = utc_now()
            self.model.update_row(broadcast_id, acknowledged_at=now)
            self.receipt_recorded.emit(broadcast_id)
            changes.notify(TOPIC_LOCAL)
            if self._current_id == broadcast_id:
                self._load_detail(broadcast_id)

        self.tasks.run_db(lambda: broadcasts.acknowledge(broadcast_id), done)

    def accept_new_key(self) -> bool:
        """IT confirms the hub's new key with the centre's fingerprint (KeyChangeDialog);
        notices signed with it verify from then on."""
        from hai_desktop.gui.dialogs.key_change_dialog import KeyChangeDialog

        accepted = KeyChangeDialog(self).exec() == KeyChangeDialog.DialogCode.Accepted
        if accepted:
            self.refresh()
            changes.notify(TOPIC_LOCAL)
        return accepted

    def shortcut_help(self) -> list[tuple[str, str]]:
        return [("↑ / ↓", self.tr("Siaran sebelumnya / berikutnya"))]

    # -- internals ------------------------------------------------------------------------
    def _on_total(self, total: int) -> None:
        self.count_label.setText(self.tr("%1 siaran").replace("%1", str(total)))
        self.key_warning.setVisible(_key_changed())

    def _after_rows(self, *_args) -> None:
        target = self._select_when_loaded
        if target is None:
            return
        row = self.model.row_of(target)
        if row >= 0:
            self._select_when_loaded = None
            self.table.selectRow(row)

    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            return
        row = self.model.row_data(indexes[0].row())
        self._load_detail(row["id"])
        if row["verified"] and not row.get("read_at"):
            self._mark_read(row["id"])

    def _mark_read(self, broadcast_id: str) -> None:
        def done(changed: bool) -> None:
            self.model.update_row(broadcast_id, read_at=utc_now())
            if changed:
                self.receipt_recorded.emit(broadcast_id)
                changes.notify(TOPIC_LOCAL)

        self.tasks.run_db(lambda: broadcasts.mark_read(broadcast_id), done)

    def _load_detail(self, broadcast_id: str) -> None:
        self._current_id = broadcast_id
        self._detail_generation += 1
        generation = self._detail_generation

        def done(item) -> None:
            if generation != self._detail_generation:
                return
            self.detail.show_item(item)
            self._attach_reply_form(item)

        self.tasks.run_query(lambda: broadcasts_view.detail(broadcast_id), done)

    def _attach_reply_form(self, item) -> None:
        if item is None or not item.get("reply_requested"):
            self.detail.set_reply_form(None)
            return
        from hai_desktop.gui.views.broadcast_reply_form import ReplyForm

        form = ReplyForm(self.tasks, item, self.attachments_dir, verified=item["verified"])
        form.reply_queued.connect(lambda _rid: self._load_detail(item["id"]))
        self.detail.set_reply_form(form)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        vertical = self.width() < SIDE_BY_SIDE_MIN_WIDTH
        wanted = Qt.Orientation.Vertical if vertical else Qt.Orientation.Horizontal
        if wanted != self.splitter.orientation():
            self.splitter.setOrientation(wanted)
            total = self.height() if vertical else self.width()
            self.splitter.setSizes([int(total * 0.42), int(total * 0.58)])

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt override)
        if watched is self.table and event.type() == QEvent.Type.Resize:
            self.fit_columns(self.table.viewport().width())
        return super().eventFilter(watched, event)

    def fit_columns(self, available: int) -> None:
        """Hide optional columns until the title has TITLE_MIN_WIDTH of ``available``."""
        hidden = hidden_columns(available)
        for key in OPTIONAL_COLUMNS:
            self.table.setColumnHidden(COLUMNS.index(key), key in hidden)


def hidden_columns(available: int) -> set[str]:
    """The optional columns a table ``available`` pixels wide leaves out."""
    used = sum(COLUMN_WIDTHS.values())
    hidden: set[str] = set()
    for key in OPTIONAL_COLUMNS:
        if available - used >= TITLE_MIN_WIDTH:
            break
        hidden.add(key)
        used -= COLUMN_WIDTHS[key]
    return hidden


def _key_changed() -> bool:
    from hai_desktop.core import broadcasts_verify

    return broadcasts_verify.key_change() is not None


def create(window) -> BroadcastView:
    """The Broadcast screen for the main window (kept as ``window.broadcast_view``)."""
    paths = getattr(window, "paths", None)
    view = BroadcastView(window.tasks, paths.attachments if paths is not None else None)
    window.broadcast_view = view
    changes.subscribe(TOPIC_FEED, view.refresh, view)
    return view
