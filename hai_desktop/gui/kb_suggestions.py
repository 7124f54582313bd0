"""KB suggestions beside the log form: the best-matching answers while the CSO types.

The question text is searched (debounced, on the task manager's reader thread) in the local
KB; the top answers appear in a side panel. ``Alt+1`` … ``Alt+5`` insert the numbered
suggestion, ``Ctrl+Enter`` (or a double click, or the button) the selected one: the answer
goes into the form's answer field, the entry's regulations into its legal basis and the
entry itself into "Dasar dari basis pengetahuan" — the basis the decree asks a desk answer
to rest on.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hai_desktop.core import kb, kb_search
from hai_desktop.gui import object_names as names
from hai_desktop.gui.models.two_line_delegate import DETAIL_ROLE, TwoLineDelegate

DEBOUNCE_MS = 300
MAX_SUGGESTIONS = 5
MIN_QUESTION_CHARS = 3
# Characters of the answer shown under each suggestion's title.
PREVIEW_CHARS = 90


def insert_into_form(window, entry: kb.KbEntry | kb.KbHit) -> None:
    """Put ``entry``'s answer into the main window's log form, with its basis.

    The regulations (and the entry's department/application where the form has none yet)
    go in first so that the form's own change tracking (draft, dirty state), triggered by
    ``insert_answer``, sees the whole change.
    """
    form = getattr(window, "form", None)
    # The entry's department and application fill the form's when the CSO left them empty.
    for attr, code in (("department", entry.department), ("application", entry.application)):
        combo = getattr(form, attr, None)
        if code and combo is not None and combo.currentData() is None:
            index = combo.findData(code)
            if index >= 0:
                combo.setCurrentIndex(index)
    add = getattr(form, "add_regulations", None)
    if callable(add):
        add(list(entry.regulations))
    elif form is not None and hasattr(form, "regulation_list"):
        present = set(form.regulations())
        for regulation in entry.regulations:
            if regulation not in present:
                form.regulation_list.addItem(regulation)
                present.add(regulation)
    window.insert_answer(entry.answer, entry.id)


class KbSuggestionsPanel(QWidget):
    """The side panel of KB answers for the question being typed.

    Signals:
        insert_requested(object): insert this ``kb.KbHit`` into the form.
        suggestions_shown(int): a search finished and this many suggestions are shown.
    """

    insert_requested = Signal(object)
    suggestions_shown = Signal(int)

    def __init__(self, tasks, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(names.KB_SUGGESTIONS_PANEL)
        self.tasks = tasks
        self._seq = 0
        self._text = ""
        self._context = None
        self._hits: list[kb.KbHit] = []
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.search_now)
        self.setMinimumWidth(240)

        title = QLabel(self.tr("Saran dari Basis Pengetahuan"))
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        self.status = QLabel(self.tr("Ketik pertanyaan; jawaban yang cocok muncul di sini."))
        self.status.setObjectName(names.KB_SUGGESTIONS_STATUS)
        self.status.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName(names.KB_SUGGESTIONS_LIST)
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(1)
        self.list.setItemDelegate(TwoLineDelegate(self.list))
        self.list.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.list.itemDoubleClicked.connect(lambda _item: self.insert_selected())
        self.list.itemActivated.connect(lambda _item: self.insert_selected())
        self.insert_button = QPushButton(self.tr("Sisipkan jawaban (Ctrl+Enter)"))
        self.insert_button.setObjectName(names.KB_SUGGESTIONS_INSERT)
        self.insert_button.setEnabled(False)
        self.insert_button.clicked.connect(self.insert_selected)
        self.list.currentRowChanged.connect(lambda row: self.insert_button.setEnabled(row >= 0))
        hint = QLabel(
            self.tr(
                "Alt+1 … Alt+%1 menyisipkan saran bernomor; jawabannya dicatat beserta "
                "dasar peraturannya."
            ).replace("%1", str(MAX_SUGGESTIONS))
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #666;")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(title)
        layout.addWidget(self.status)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.insert_button)
        layout.addWidget(hint)

        # Window-wide while the panel is visible: the CSO's hands stay in the question box.
        for n in range(1, MAX_SUGGESTIONS + 1):
            shortcut = QShortcut(QKeySequence(f"Alt+{n}"), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(lambda n=n: self.insert_number(n))
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(self.insert_selected)

    # -- input ----------------------------------------------------------------------------
    def set_question(self, text: str) -> None:
        """The question text changed: search again after a short pause in typing."""
        self._text = text
        self._debounce.start()

    def search_now(self) -> None:
        """Search for the current question immediately."""
        self._debounce.stop()
        self._seq += 1
        seq = self._seq
        text = self._text
        if len(text.strip()) < MIN_QUESTION_CHARS:
            self._show(seq, [])
            return
        application, department = self.context()
        self.tasks.run_query(
            lambda: kb_search.search(
                text,
                limit=MAX_SUGGESTIONS,
                prefer_application=application,
                prefer_department=department,
            ),
            lambda hits: self._show(seq, hits),
        )

    def context(self) -> tuple[str | None, str | None]:
        """(application, department) the form already holds: they boost the ranking."""
        return self._context() if self._context is not None else (None, None)

    def set_context_source(self, source) -> None:
        """``source()`` gives (application, department) at each search."""
        self._context = source

    # -- output ---------------------------------------------------------------------------
    def hits(self) -> list[kb.KbHit]:
        return list(self._hits)

    def insert_number(self, n: int) -> None:
        """Insert the ``n``-th suggestion (1-based); nothing when there is none."""
        if not self.isVisible() or not 1 <= n <= len(self._hits):
            return
        self.list.setCurrentRow(n - 1)
        self.insert_requested.emit(self._hits[n - 1])
        self._confirm(self._hits[n - 1])

    def insert_selected(self) -> None:
        """Insert the selected suggestion (the first when none is selected)."""
        if not self.isVisible() or not self._hits:
            return
        row = max(self.list.currentRow(), 0)
        self.insert_requested.emit(self._hits[row])
        self._confirm(self._hits[row])

    def _confirm(self, hit: kb.KbHit) -> None:
        self.status.setText(
            self.tr('Jawaban dari "%1" disisipkan dan dicatat sebagai dasar.').replace(
                "%1", hit.title
            )
        )

    def _show(self, seq: int, hits: list[kb.KbHit]) -> None:
        if seq != self._seq:
            return  # the user typed on; a newer search is coming
        self._hits = list(hits)
        self.list.clear()
        today = date.today()
        first_valid = -1
        for n, hit in enumerate(hits, start=1):
            title = f"Alt+{n}   {hit.title}"
            lines = []
            if kb.is_possibly_outdated(hit, today):
                title += "  ⚠"
                lines.append(self.tr("Mungkin sudah tidak berlaku."))
            elif first_valid < 0:
                first_valid = n - 1
            # Short previews keep all five rows (Alt+1 … Alt+5) in view on a 768-pixel
            # screen; the whole answer and its basis are in the tooltip.
            preview = hit.answer_preview
            lines.append(
                preview if len(preview) <= PREVIEW_CHARS else preview[: PREVIEW_CHARS - 1] + "…"
            )
            tip = [hit.answer]
            if hit.regulations:
                tip.append(self.tr("Dasar: %1").replace("%1", "; ".join(hit.regulations)))
            item = QListWidgetItem(title)
            item.setData(DETAIL_ROLE, "\n".join(lines))
            item.setToolTip("\n\n".join(tip))
            item.setData(Qt.ItemDataRole.UserRole, hit.id)
            self.list.addItem(item)
        if hits:
            # Never preselect an outdated answer over a current one (kb_search.search ranks them
            # last already; this also holds for any other order handed in).
            self.list.setCurrentRow(max(first_valid, 0))
            self.status.setText(
                self.tr("%1 jawaban yang mungkin cocok:").replace("%1", str(len(hits)))
            )
        elif len(self._text.strip()) >= MIN_QUESTION_CHARS:
            self.status.setText(self.tr("Belum ada jawaban yang cocok di basis pengetahuan."))
        else:
            self.status.setText(self.tr("Ketik pertanyaan; jawaban yang cocok muncul di sini."))
        self.insert_button.setEnabled(bool(hits))
        self.suggestions_shown.emit(len(hits))


def install(window) -> KbSuggestionsPanel:
    """Place the panel beside the main window's log form and wire it to the question."""
    panel = KbSuggestionsPanel(window.tasks)
    window.question_text_changed.connect(panel.set_question)
    form = getattr(window, "form", None)
    if form is not None:
        from hai_desktop.gui.widgets import combo_code

        # The chosen application and department rank their entries up (kb_context); the
        # CSO choosing another one re-ranks what is shown (``activated``: a user's choice,
        # not the department an insert fills in).
        panel.set_context_source(
            lambda: (combo_code(form.application), combo_code(form.department))
        )
        for combo in (form.application, form.department):
            combo.activated.connect(lambda _i: panel.search_now() if panel._text.strip() else None)
    panel.insert_requested.connect(lambda hit: insert_into_form(window, hit))
    window.set_side_panel(panel)
    return panel
