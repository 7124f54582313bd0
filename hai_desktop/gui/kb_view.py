"""The knowledge-base screen ("Basis Pengetahuan"): offline search over the local KB.

Search as you type (debounced, run on the task manager's reader thread so the GUI thread
never waits on SQLite), department and application filters, a result list (model/view) and
the entry itself: question, answer, legal basis, tags, a visible *mungkin sudah tidak
berlaku* mark past ``valid_until``, and "Membantu" / "Tidak membantu" feedback that travels
to the hub through the outbox.
"""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QKeyEvent,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from hai_desktop.core import kb, kb_search
from hai_desktop.gui import changes
from hai_desktop.gui import object_names as names
from hai_desktop.gui.kb_entry_html import entry_html
from hai_desktop.gui.kb_feedback_controls import KbFeedbackMixin
from hai_desktop.gui.models.kb_results_model import KbResultsModel
from hai_desktop.gui.models.two_line_delegate import TwoLineDelegate

SEARCH_DEBOUNCE_MS = 150
RESULT_LIMIT = 50


def _names(kind: str) -> dict[str, str]:
    """code → Indonesian name from the reference data (empty when it is not there)."""
    try:
        from hai_desktop.core import reference

        return {item["code"]: item["name"] for item in reference.items(kind)}
    except Exception:  # noqa: BLE001 - the screen works on codes alone
        return {}


class KbView(KbFeedbackMixin, QWidget):
    """The "Basis Pengetahuan" page.

    Signals:
        use_answer_requested(object): the user wants this entry's answer in the log form
            (a ``kb.KbEntry``).
    """

    use_answer_requested = Signal(object)

    def __init__(self, tasks, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(names.KB_VIEW)
        self.tasks = tasks
        self._search_seq = 0
        self._entry_seq = 0
        self._last_query: tuple | None = None
        self._keep_selection = False
        self._entry: kb.KbEntry | None = None
        self._filters_loaded = False
        self._results_pending = False
        self._departments: dict[str, str] = {}
        self._applications: dict[str, str] = {}
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.run_search)
        self._build()

    # -- building -------------------------------------------------------------------------
    def _build(self) -> None:
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName(names.KB_SEARCH)
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(
            self.tr("Cari di basis pengetahuan, misalnya: pencairan dana SP2D")
        )
        self.search_edit.textChanged.connect(lambda _t: self._debounce.start())
        self.search_edit.returnPressed.connect(self.open_from_search)
        self.search_edit.installEventFilter(self)
        self.department_combo = QComboBox()
        self.department_combo.setObjectName(names.KB_DEPARTMENT)
        self.department_combo.addItem(self.tr("Semua departemen"), None)
        self.department_combo.currentIndexChanged.connect(lambda _i: self.run_search())
        self.application_combo = QComboBox()
        self.application_combo.setObjectName(names.KB_APPLICATION)
        self.application_combo.addItem(self.tr("Semua aplikasi"), None)
        self.application_combo.currentIndexChanged.connect(lambda _i: self.run_search())
        self.department_combo.setMinimumWidth(220)
        self.application_combo.setMinimumWidth(150)

        top = QHBoxLayout()
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.department_combo)
        top.addWidget(self.application_combo)

        self.model = KbResultsModel(self)
        self.results = QListView()
        self.results.setObjectName(names.KB_RESULTS)
        self.results.setModel(self.model)
        self.results.setItemDelegate(TwoLineDelegate(self.results))
        self.results.setWordWrap(True)
        self.results.setUniformItemSizes(False)
        self.results.setSpacing(1)
        self.results.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.results.setAlternatingRowColors(True)
        self.results.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.results.activated.connect(lambda _i: self.body.setFocus())
        # Enter in the search box before its results arrived: open the first hit then.
        self._open_when_loaded = False
        self.count_label = QLabel()
        self.count_label.setObjectName(names.KB_COUNT)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.results, 1)
        left_layout.addWidget(self.count_label)

        self.title_label = QLabel()
        self.title_label.setObjectName(names.KB_ENTRY_TITLE)
        self.title_label.setWordWrap(True)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title_label.setFont(font)
        self.outdated_label = QLabel(
            self.tr(
                "⚠ Mungkin sudah tidak berlaku: masa berlaku entri ini telah lewat. "
                "Periksa peraturan terbaru sebelum memakai jawaban ini."
            )
        )
        self.outdated_label.setObjectName(names.KB_OUTDATED)
        self.outdated_label.setWordWrap(True)
        self.outdated_label.setProperty("role", "warning")
        self.outdated_label.setStyleSheet(
            "QLabel#kbOutdatedMark { background: #fff3cd; color: #7a4d00;"
            " border: 1px solid #e0b84f; border-radius: 4px; padding: 6px; font-weight: bold; }"
        )
        self.outdated_label.hide()
        self.body = QTextBrowser()
        self.body.setObjectName(names.KB_ENTRY_BODY)
        self.body.setOpenLinks(False)

        self.use_button = QPushButton(self.tr("Pakai jawaban ini di catatan"))
        self.use_button.setObjectName(names.KB_USE_ANSWER)
        self.use_button.clicked.connect(self._on_use_clicked)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        right_layout.addWidget(self.title_label)
        right_layout.addWidget(self.outdated_label)
        right_layout.addWidget(self.body, 1)
        right_layout.addLayout(self._build_feedback())
        right_layout.addWidget(self.feedback_status)
        right_layout.addWidget(self.use_button, 0, Qt.AlignmentFlag.AlignRight)
        self._entry_widgets = right

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([400, 700])

        page_title = QLabel(self.tr("Basis Pengetahuan"))
        page_title.setObjectName("kbPageTitle")
        page_title.setProperty("role", "title")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(10)
        layout.addWidget(page_title)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self._show_entry(None)

        focus = QShortcut(QKeySequence("Ctrl+K"), self)
        focus.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        focus.activated.connect(self.focus_search)

    # -- public ---------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def open_from_search(self) -> None:
        """Enter in the search box: show the selected hit (else the first) and move to it.

        Text not searched yet is searched now; the first hit opens when the results arrive.
        """
        query = (
            self.search_edit.text().strip(),
            self.department_combo.currentData(),
            self.application_combo.currentData(),
        )
        if self._debounce.isActive() or query != self._last_query or self._results_pending:
            self._open_when_loaded = True
            if self._debounce.isActive() or query != self._last_query:
                self.run_search()
            return
        self._open_current_hit()

    def focus_results(self) -> None:
        """Down in the search box: move into the result list (first hit if none is current)."""
        if self.model.rowCount() == 0:
            return
        self.results.setFocus(Qt.FocusReason.OtherFocusReason)
        if not self.results.currentIndex().isValid():
            self.results.setCurrentIndex(self.model.index(0))

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt override)
        if (
            watched is self.search_edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
        ):
            self.focus_results()
            return True
        return super().eventFilter(watched, event)

    def _open_current_hit(self) -> None:
        if self.model.rowCount() == 0:
            return
        if not self.results.currentIndex().isValid():
            self.results.setCurrentIndex(self.model.index(0))
        self.body.setFocus(Qt.FocusReason.OtherFocusReason)

    def on_kb_changed(self) -> None:
        """A sync brought KB changes: refresh now if shown, else when next shown."""
        if self.isVisible():
            self.refresh()
        else:
            self._filters_loaded = False

    def refresh(self) -> None:
        """Reload the filters and the results (after a sync brought new entries)."""
        self._filters_loaded = False
        self._load_filters()
        self.run_search()

    def run_search(self) -> None:
        """Search now with the current text and filters (results arrive asynchronously)."""
        self._debounce.stop()
        self._search_seq += 1
        seq = self._search_seq
        text = self.search_edit.text()
        department = self.department_combo.currentData()
        application = self.application_combo.currentData()
        query = (text.strip(), department, application)
        # Same query again (a refresh): keep the entry on screen; a new one: show the best.
        self._keep_selection = query == self._last_query
        self._last_query = query
        self._results_pending = True

        def job():
            if text.strip():
                return kb_search.search(text, department, application, limit=RESULT_LIMIT)
            return kb_search.browse(department, application, limit=RESULT_LIMIT)

        self.tasks.run_query(job, lambda hits: self._on_results(seq, hits))

    def current_entry(self) -> kb.KbEntry | None:
        return self._entry

    # -- events ---------------------------------------------------------------------------
    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        # A sync may have brought new entries since the page was last shown.
        if not self._filters_loaded:
            self.refresh()
        else:
            self.run_search()

    def _load_filters(self) -> None:
        def job():
            facets = kb.facet_values()
            return facets, _names("departments"), _names("applications")

        def done(result) -> None:
            facets, departments, applications = result
            self._departments, self._applications = departments, applications
            self._fill(self.department_combo, facets["departments"], departments)
            self._fill(self.application_combo, facets["applications"], applications)
            self._filters_loaded = True

        self.tasks.run_query(job, done)

    def _fill(self, combo: QComboBox, codes: list[str], labels: dict[str, str]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        # Reference order first (the centre's order), then codes it does not know.
        ordered = [c for c in labels if c in codes] + [c for c in codes if c not in labels]
        for code in ordered:
            combo.addItem(labels.get(code, code), code)
        index = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    def _on_results(self, seq: int, hits: list[kb.KbHit]) -> None:
        if seq != self._search_seq:
            return  # a newer search is on its way
        self._results_pending = False
        self.model.today = date.today()
        shown_id = self._entry.id if self._entry and self._keep_selection else None
        self.model.set_hits(hits, self._departments)
        if self.search_edit.text().strip():
            self.count_label.setText(self.tr("%1 entri ditemukan").replace("%1", str(len(hits))))
        else:
            self.count_label.setText(
                self.tr("%1 entri terbaru; ketik untuk mencari").replace("%1", str(len(hits)))
            )
        if not hits:
            self._open_when_loaded = False
            self._show_entry(None)
            return
        row = next((i for i, h in enumerate(hits) if h.id == shown_id), 0)
        self.results.setCurrentIndex(self.model.index(row))
        if self._open_when_loaded:
            self._open_when_loaded = False
            self._open_current_hit()

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        hit = self.model.hit(current.row()) if current.isValid() else None
        if hit is None:
            self._show_entry(None)
            return
        entry_id = hit.id
        self._entry_seq += 1
        seq = self._entry_seq

        def done(entry: kb.KbEntry | None) -> None:
            if seq == self._entry_seq:  # else the user has moved on to another entry
                self._show_entry(entry)

        self.tasks.run_query(lambda: kb.get_entry(entry_id), done)

    def _on_use_clicked(self) -> None:
        if self._entry is not None:
            self.use_answer_requested.emit(self._entry)

    # -- rendering ------------------------------------------------------------------------
    def _show_entry(self, entry: kb.KbEntry | None) -> None:
        self._entry = entry
        has = entry is not None
        for w in (self.use_button, self.helpful_button, self.not_helpful_button, self.note_edit):
            w.setEnabled(has)
        self._reset_feedback()
        if entry is None:
            self.title_label.setText(
                self.tr("Tidak ada entri yang cocok") if self.search_edit.text().strip() else ""
            )
            self.outdated_label.hide()
            self.body.setHtml(
                "<p style='color:#666'>"
                + html.escape(self.tr("Pilih entri di daftar untuk melihat jawabannya."))
                + "</p>"
            )
            return
        self.title_label.setText(entry.title)
        self.outdated_label.setVisible(kb.is_possibly_outdated(entry, date.today()))
        self.body.setHtml(self._entry_html(entry))

    def _entry_html(self, entry: kb.KbEntry) -> str:
        return entry_html(entry, self._departments, self._applications)


def create(window) -> KbView:
    """The KB screen for the main window (its page ``kb``), "use this answer" wired to the
    window's log form."""

    view = KbView(window.tasks)

    def use(entry: kb.KbEntry) -> None:
        from hai_desktop.gui.kb_suggestions import insert_into_form

        window.show_page(names.PAGE_LOG)
        insert_into_form(window, entry)

    view.use_answer_requested.connect(use)
    changes.subscribe(changes.KB, view.on_kb_changed, view)
    return view
