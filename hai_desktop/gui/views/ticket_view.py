"""The "Tiket" screen: the office's tickets to HAI-DJPBN, filters, search, one conversation.

Selecting a ticket opens its conversation and marks its replies read. Follow-ups, closing
and copying the answer go through the database worker (queued offline, sent by the sync);
the list and the conversation read on the reader thread and are read again when a sync pass
brought tickets or a local change was made (change topics, no polling timer). Files open
from the desk's store; a file the centre attached is fetched from the hub first.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QItemSelection, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QWidget,
)

from hai_desktop.core import attachments, tickets, tickets_view
from hai_desktop.core.attachments import AttachmentRefused
from hai_desktop.core.errors import ValidationError
from hai_desktop.core.tickets_view import TicketFilter
from hai_desktop.gui import changes, messages
from hai_desktop.gui import ticket_texts as texts
from hai_desktop.gui.models.ticket_model import COLUMNS, TicketListModel
from hai_desktop.gui.tasks import TaskManager
from hai_desktop.gui.views import paged_list_view
from hai_desktop.gui.views.table_fit import title_width
from hai_desktop.gui.views.ticket_detail import TicketDetail

log = logging.getLogger(__name__)

PAGE_KEY = "tickets"
SEARCH = "ticketSearch"
SIDE_BY_SIDE_MIN_WIDTH = 1050
COLUMN_WIDTHS = {"mark": 30, "number": 140, "department": 84, "status": 160, "level": 44}
COLUMN_WIDTHS |= {"sla": 150, "last_reply": 140}
# Hidden first when the list is narrow (the detail pane shows them): least useful first.
OPTIONAL_COLUMNS = ("level", "department", "last_reply")
SUBJECT_MIN = 150
# Change topics: the tickets feed; the push acks of tickets, follow-ups and closes; and the
# changes made on this desk (read marks, new tickets) that other parts show.
SYNC_TOPICS = ("tickets", tickets.RECORD_TICKET, tickets.RECORD_MESSAGE, tickets.RECORD_CLOSE)
TOPIC_LOCAL = "tickets_local"


class TicketView(QWidget):
    """Signals:
    new_ticket_requested(): the CSO asked for a ticket without an inquiry.
    """

    new_ticket_requested = Signal()

    def __init__(
        self,
        tasks: TaskManager,
        client_factory: Callable[[], object] | None = None,
        after_change: Callable[[], None] | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("ticketView")
        self.tasks = tasks
        self.client_factory = client_factory
        self.after_change = after_change or (lambda: None)
        self.opener: Callable[[QUrl], object] = QDesktopServices.openUrl
        paged_list_view.start_list(self, TicketListModel(tasks, self))
        self._arranged = False
        self._build()
        paged_list_view.load_list(self)

    def _build(self) -> None:
        layout, top = paged_list_view.title_row(self, self.tr("Tiket ke HAI-DJPBN"), "ticketCount")
        self.new_button = QPushButton(self.tr("Tiket baru…"))
        self.new_button.setObjectName("ticketNew")
        self.new_button.setToolTip(
            self.tr("Teruskan pertanyaan ke HAI-DJPBN tanpa catatan layanan")
        )
        self.new_button.clicked.connect(self.new_ticket_requested)
        top.addWidget(self.new_button)

        row = QHBoxLayout()
        row.setSpacing(6)
        self.search = QLineEdit()
        self.search.setObjectName(SEARCH)
        self.search.setPlaceholderText(self.tr("Cari nomor, perihal atau uraian tiket"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        row.addWidget(self.search, 2)
        self.state = self._combo("ticketStateFilter", self.tr("Terbuka dan ditutup"))
        for code, words in texts.state_items():
            self.state.addItem(words, code)
        self.status = self._combo("ticketStatusFilter", self.tr("Semua status"))
        for code, words in texts.status_items():
            self.status.addItem(words, code)
        row.addWidget(self.state, 1)
        row.addWidget(self.status, 1)
        layout.addLayout(row)

        self.table = QTableView()
        self.table.setObjectName("ticketTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COLUMNS.index("subject"), QHeaderView.ResizeMode.Stretch)
        # The status column fits its longest word in bold (an unread row), in any language.
        bold = self.table.font()
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        longest = max(metrics.horizontalAdvance(words) for _c, words in texts.status_items())
        self._widths = dict(COLUMN_WIDTHS, status=max(COLUMN_WIDTHS["status"], longest + 20))
        # and every column its title, whatever the font and language
        for key, width in self._widths.items():
            self._widths[key] = max(width, title_width(self.table, COLUMNS.index(key)))
        for key, width in self._widths.items():
            self.table.setColumnWidth(COLUMNS.index(key), width)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)

        self.detail = TicketDetail(self.tasks)
        self.detail.followup_requested.connect(self.add_followup)
        self.detail.close_requested.connect(self.close_ticket)
        self.detail.copy_requested.connect(self.copy_answer)
        self.detail.file_requested.connect(self.handle_file)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.splitterMoved.connect(lambda *_a: self._fit_columns())
        layout.addWidget(self.splitter, 1)

    def _combo(self, name: str, placeholder: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.addItem(placeholder, None)
        combo.currentIndexChanged.connect(self.apply_filters)
        return combo

    # -- public API -----------------------------------------------------------------------
    def current_filter(self) -> TicketFilter:
        return TicketFilter(
            status=self.status.currentData(),
            state=self.state.currentData(),
            text=self.search.text().strip() or None,
        )

    def apply_filters(self, *_args) -> None:
        self._search_timer.stop()
        self.model.set_filter(self.current_filter())

    def refresh(self) -> None:
        """Tickets changed (a sync pass, a local action): reload, keep the open one."""
        self._select_when_loaded = self._current_id
        self.model.reload()
        if self._current_id:
            self._load_detail(self._current_id, keep_input=True)

    def open_ticket(self, ticket_id: str) -> None:
        """Select ``ticket_id`` (clearing the filters if they hide it) and open it."""
        row = self.model.row_of(ticket_id)
        if row >= 0:
            self.table.selectRow(row)
            return
        self._select_when_loaded = ticket_id
        for w in (self.state, self.status, self.search):
            w.blockSignals(True)
        self.state.setCurrentIndex(0)
        self.status.setCurrentIndex(0)
        self.search.clear()
        for w in (self.state, self.status, self.search):
            w.blockSignals(False)
        self.apply_filters()
        self._load_detail(ticket_id)

    def add_followup(self, ticket_id: str, body: str, files) -> None:
        self._write(
            lambda: tickets.add_message(ticket_id, body, files),
            self.tr("Tindak lanjut disimpan dan akan dikirim saat sinkronisasi."),
            on_error=self._followup_failed,
            clear_input=True,
        )

    def close_ticket(self, ticket_id: str, satisfied, note: str) -> None:
        self._write(
            lambda: tickets.close_ticket(ticket_id, satisfied, note),
            self.tr("Tiket ditutup; penilaian pengguna dikirim ke HAI-DJPBN."),
            on_error=lambda exc: self._field_failed(exc, self.detail.close_error),
            clear_input=True,
        )

    def copy_answer(self, ticket_id: str) -> None:
        def done() -> None:
            changes.notify(changes.INQUIRIES)

        self._write(
            lambda: tickets.copy_answer_to_inquiry(ticket_id),
            self.tr(
                "Jawaban HAI-DJPBN disalin ke catatan layanan asal dan diajukan ke basis "
                "pengetahuan."
            ),
            then=done,
        )

    def handle_file(self, action: str, sha256: str, filename: str) -> None:
        """Open a file (a copy named as the file, in a temporary folder) or save it."""
        target = None
        if action == "save":
            target, _ = QFileDialog.getSaveFileName(self, self.tr("Simpan lampiran"), filename)
            if not target:
                return
        factory = self.client_factory

        def job() -> str:
            source = attachments.path_for(sha256)
            if not source.is_file():
                if factory is None:
                    raise FileNotFoundError(sha256)
                client = factory()
                try:
                    tickets_view.fetch_file(client, sha256)
                finally:
                    getattr(client, "close", lambda: None)()
            out = Path(target) if target else _open_copy_path(sha256, filename)
            out.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, out)
            return str(out)

        def done(path: str) -> None:
            if action == "open":
                self.opener(QUrl.fromLocalFile(path))
            else:
                messages.info(self.tr("Lampiran disimpan: %1").replace("%1", path), 5000)
            if self._current_id:
                self._load_detail(self._current_id, keep_input=True)

        def failed(exc: BaseException) -> None:
            log.warning("a ticket attachment could not be opened: %s", type(exc).__name__)
            messages.error(
                self.tr(
                    "Lampiran tidak dapat dibuka. Bila lampiran dari HAI-DJPBN, desk perlu "
                    "terhubung ke hub untuk mengunduhnya."
                )
            )

        self.tasks.run_net(job, done, failed)

    def shortcut_help(self) -> list[tuple[str, str]]:
        return [("↑ / ↓", self.tr("Tiket sebelumnya / berikutnya"))]

    # -- internals ------------------------------------------------------------------------
    def _write(
        self,
        fn: Callable[[], object],
        confirmation: str,
        on_error: Callable[[BaseException], None] | None = None,
        then: Callable[[], None] | None = None,
        clear_input: bool = False,
    ) -> None:
        self.detail.set_busy(True)

        def done(_result) -> None:
            self.detail.set_busy(False)
            messages.info(confirmation, 6000)
            if then is not None:
                then()
            changes.notify(TOPIC_LOCAL)
            self.after_change()
            if self._current_id:
                self._load_detail(self._current_id, keep_input=not clear_input)
            self._select_when_loaded = self._current_id
            self.model.reload()

        def failed(exc: BaseException) -> None:
            self.detail.set_busy(False)
            if on_error is not None:
                on_error(exc)
            elif isinstance(exc, ValidationError):
                code = next(iter(exc.errors.values()), "invalid")
                messages.warning(texts.message_text(code))
            else:
                log.error("a ticket action failed", exc_info=exc)
                messages.error(self.tr("Tidak dapat disimpan. Coba lagi."))

        self.tasks.run_db(fn, done, failed)

    def _followup_failed(self, exc: BaseException) -> None:
        if isinstance(exc, AttachmentRefused):
            self.detail.followup_files.refusal.show_message(exc.message())
            return
        self._field_failed(exc, self.detail.followup_error)

    def _field_failed(self, exc: BaseException, label) -> None:
        if isinstance(exc, ValidationError):
            code = next(iter(exc.errors.values()), "invalid")
            label.show_message(texts.message_text(code))
            return
        log.error("a ticket action failed", exc_info=exc)
        messages.error(self.tr("Tidak dapat disimpan. Coba lagi."))

    def _on_total(self, total: int) -> None:
        self.count_label.setText(self.tr("%1 tiket").replace("%1", str(total)))

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
        if row["id"] != self._current_id or self.detail.item is None:
            self._load_detail(row["id"])
        if row.get("unread"):
            self._mark_read(row["id"])

    def _mark_read(self, ticket_id: str) -> None:
        def done(_r) -> None:
            self.model.update_row(ticket_id, unread=0)
            changes.notify(TOPIC_LOCAL)

        self.tasks.run_db(lambda: tickets.mark_read(ticket_id), done)

    def _load_detail(self, ticket_id: str, keep_input: bool = False) -> None:
        self._current_id = ticket_id
        self._detail_generation += 1
        generation = self._detail_generation

        def done(item) -> None:
            if generation == self._detail_generation:
                self.detail.show_item(item, keep_input=keep_input)

        self.tasks.run_query(lambda: tickets_view.detail(ticket_id), done)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        vertical = self.width() < SIDE_BY_SIDE_MIN_WIDTH
        wanted = Qt.Orientation.Vertical if vertical else Qt.Orientation.Horizontal
        if wanted != self.splitter.orientation() or not self._arranged:
            self._arranged = True
            self.splitter.setOrientation(wanted)
            total = self.height() if vertical else self.width()
            share = 0.4 if vertical else 0.6
            self.splitter.setSizes([int(total * share), int(total * (1 - share))])
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Hide the columns the detail pane repeats (level, department, last reply) while
        the subject would otherwise be squeezed below ``SUBJECT_MIN`` pixels."""
        room = (
            self.splitter.sizes()[0]
            if self.splitter.orientation() == Qt.Orientation.Horizontal
            else self.width()
        )
        room -= 24  # frame and scroll bar
        widths = getattr(self, "_widths", COLUMN_WIDTHS)
        shown = [k for k in widths if k not in OPTIONAL_COLUMNS]
        used = sum(widths[k] for k in shown)
        for key in reversed(OPTIONAL_COLUMNS):  # the most useful first
            fits = room - used - widths[key] >= SUBJECT_MIN
            self.table.setColumnHidden(COLUMNS.index(key), not fits)
            if fits:
                used += widths[key]


def _open_copy_path(sha256: str, filename: str) -> Path:
    """Where a file is copied to be opened: its own name (the store's has none)."""
    return Path(tempfile.gettempdir()) / "hai-desk-lampiran" / sha256[:12] / filename


def create(window) -> TicketView:
    """The Tiket screen for the main window (kept as ``window.ticket_view``)."""
    paths = getattr(window, "paths", None)
    factory = None
    if paths is not None:
        from hai_desktop.core.sync.account import default_client_factory

        factory = default_client_factory(paths)

    def after_change() -> None:
        controller = getattr(window, "sync_controller", None)
        if controller is not None:
            controller.schedule_after_save()

    view = TicketView(window.tasks, factory, after_change)
    window.ticket_view = view
    alerts = getattr(window, "ticket_alerts", None)
    if alerts is not None:
        view.new_ticket_requested.connect(lambda: alerts.forward(None))
    for topic in SYNC_TOPICS:
        changes.subscribe(topic, view.refresh, view)
    _follow_uploads(view, window.tasks)
    return view


def _follow_uploads(view: TicketView, tasks: TaskManager) -> None:
    """Upload progress (reported on the sync thread) shown in the open conversation."""
    from hai_desktop.core import tickets_sync

    def show(sha256: str, offset: int, size: int) -> None:
        try:
            view.detail.show_upload(sha256, offset, size)
        except RuntimeError:  # the view is gone (its window closed)
            if listener in tickets_sync.progress_listeners:
                tickets_sync.progress_listeners.remove(listener)

    def listener(sha256: str, offset: int, size: int) -> None:
        try:
            tasks.call_in_gui(lambda: show(sha256, offset, size))
        except RuntimeError:
            tickets_sync.progress_listeners.remove(listener)

    tickets_sync.progress_listeners.append(listener)
    view.destroyed.connect(
        lambda *_a: (
            listener in tickets_sync.progress_listeners
            and tickets_sync.progress_listeners.remove(listener)
        )
    )
