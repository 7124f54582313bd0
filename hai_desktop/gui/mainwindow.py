"""The desk main window: navigation, pages, status bar, shortcuts.

Other parts of the desk plug in here without editing this module:
``add_page``/``replace_page``, ``set_sync_indicator`` and ``sync_requested``
(the sync engine), ``set_side_panel``, ``question_text_changed`` and ``insert_answer`` (KB
suggestions beside the log form), ``inquiry_saved`` (sync after save).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

# Only what the window frame needs is imported here: the frame is painted before anything
# else loads (the ``Qt`` namespace alone costs ~25 ms to import: it comes with the pages).
from PySide6.QtCore import QSize, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QStatusBar,
    QVBoxLayout,
    QWidget,
)

from hai_desktop.gui import messages
from hai_desktop.gui import object_names as names

if TYPE_CHECKING:  # imported for types only: the frame is shown before these load
    from hai_desktop.core.paths import ProfilePaths
    from hai_desktop.gui.tasks import TaskManager


# Starting width of the side panel beside the log form (KB suggestions).
SIDE_PANEL_WIDTH = 280


class _LogPage(QWidget):
    """The log form on the left, an optional side panel (KB suggestions) on the right."""

    def __init__(self, form: QWidget, parent: QWidget | None = None):
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QScrollArea, QSplitter

        super().__init__(parent)
        self.setObjectName(names.FORM_PAGE)
        self.form = form
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(form)
        self.side_slot = QWidget()
        self.side_slot.setObjectName(names.FORM_SIDE_PANEL_SLOT)
        side_layout = QVBoxLayout(self.side_slot)
        side_layout.setContentsMargins(0, 0, 0, 0)
        self.side_slot.hide()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(scroll)
        self.splitter.addWidget(self.side_slot)
        # Extra width always goes to the form; the panel keeps the width it was given.
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

    def set_side_panel(self, widget: QWidget | None) -> None:
        layout = self.side_slot.layout()
        while layout.count():
            old = layout.takeAt(0).widget()
            if old is not None:
                old.setParent(None)
        if widget is None:
            self.side_slot.hide()
            return
        layout.addWidget(widget)
        # Into a slot already on screen Qt shows a new child only on the next event loop
        # pass (a replaced panel): show it now.
        widget.show()
        self.side_slot.show()
        # The form keeps most of the width; the panel starts narrow but readable (the
        # splitter handle lets the CSO widen it).
        total = max(self.splitter.width(), 900)
        self.splitter.setSizes([total - SIDE_PANEL_WIDTH, SIDE_PANEL_WIDTH])


class MainWindow(QMainWindow):
    """The desk's one main window.

    Signals:
        sync_requested(): the user asked for a sync (Ctrl+R or a button the sync part adds).
        inquiry_saved(str): an inquiry was saved (its id), for sync-after-save.
        question_text_changed(str): the log form's question text changed (KB suggestions).
    """

    sync_requested = Signal()
    inquiry_saved = Signal(str)
    question_text_changed = Signal(str)

    def __init__(
        self,
        paths: ProfilePaths,
        tasks: TaskManager | None,
        settings=None,
        profile=None,
        parent: QWidget | None = None,
        *,
        deferred: bool = False,
    ):
        """Build the window. With ``deferred`` only the frame is built (cheap, so the
        window can be shown at once); ``build_pages`` then adds the screens."""
        super().__init__(parent)
        self.setObjectName(names.MAIN_WINDOW)
        self.paths = paths
        self.tasks = tasks
        self.settings = settings
        self.profile = profile
        self._pages: dict[str, QWidget] = {}
        self._history = None
        self._shown_once = False
        self.form = None
        self.setWindowTitle(self.tr("HAI Desk — Layanan Pengguna DJPb"))
        self.resize(1200, 760)
        self.setMinimumSize(QSize(900, 600))

        self.nav = None  # the navigation list comes with the pages
        self.stack = QStackedWidget()
        self.stack.setObjectName(names.PAGE_STACK)

        nav_panel = QWidget()
        nav_panel.setObjectName(names.NAV_PANEL)
        nav_panel.setFixedWidth(190)
        nav_layout = QVBoxLayout(nav_panel)
        nav_layout.setContentsMargins(0, 0, 0, 0)
        nav_layout.setSpacing(0)
        brand = QLabel("HAI Desk")
        brand.setObjectName(names.NAV_BRAND)
        nav_layout.addWidget(brand)
        self._office_label = QLabel()
        self._office_label.setObjectName(names.NAV_OFFICE)
        self._office_label.setWordWrap(True)
        nav_layout.addWidget(self._office_label)
        self._nav_layout = nav_layout
        nav_layout.addStretch(1)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(nav_panel)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._build_status_bar()
        if not deferred:
            self.build_pages(tasks, profile)

    def build_pages(self, tasks: TaskManager, profile=None) -> None:
        """Add the screens (needs the open database). History is built when first shown."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QListWidget

        from hai_desktop.gui.views.inquiry_form import InquiryForm

        self.nav = QListWidget()
        self.nav.setObjectName(names.NAV_LIST)
        self.nav.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.nav.currentRowChanged.connect(self._on_nav_row_changed)
        self._nav_layout.insertWidget(self._nav_layout.count() - 1, self.nav, 1)
        self._settings_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._build_shortcuts()
        self.tasks = tasks
        self.profile = profile
        self._office_label.setText(self._office_name())
        if profile is not None:
            self._profile_label.setText(profile.name)
        self.form = InquiryForm(tasks, profile=profile)
        self.form.saved.connect(self.inquiry_saved)
        self.form.edit_saved.connect(self._back_to_history)
        self.form.question_text_changed.connect(self.question_text_changed)
        self._log_page = _LogPage(self.form)
        self.add_page(names.PAGE_LOG, self.tr("Catat Layanan"), self._log_page)
        self._history_placeholder = QWidget()
        self.add_page(names.PAGE_HISTORY, self.tr("Riwayat"), self._history_placeholder)
        from hai_desktop.gui import kb_suggestions, kb_view

        self.kb_view = kb_view.create(self)  # the "Basis Pengetahuan" page
        self.add_page(names.PAGE_KB, self.tr("Basis Pengetahuan"), self.kb_view)
        self.kb_suggestions = kb_suggestions.install(self)  # KB answers beside the log form
        self.nav.setCurrentRow(0)
        if self._shown_once:
            self.form.visitor_name.setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    # -- extension points -----------------------------------------------------------------
    def add_page(self, key: str, title: str, widget: QWidget) -> None:
        """Add a page with a navigation entry; ``key`` names it for show_page/replace_page."""
        if key in self._pages:
            raise ValueError(f"page {key!r} exists; use replace_page")
        widget.setProperty("pageKey", key)
        self._pages[key] = widget
        self.stack.addWidget(widget)
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QListWidgetItem

        item = QListWidgetItem(title)
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setSizeHint(QSize(180, 40))
        self.nav.addItem(item)

    def replace_page(self, key: str, widget: QWidget) -> None:
        """Put ``widget`` in place of the page ``key`` (e.g. the KB screen)."""
        old = self._pages[key]
        index = self.stack.indexOf(old)
        widget.setProperty("pageKey", key)
        self.stack.insertWidget(index, widget)
        self.stack.removeWidget(old)
        old.deleteLater()
        self._pages[key] = widget
        if key == names.PAGE_HISTORY:
            self._history = widget

    def page(self, key: str) -> QWidget:
        if key == names.PAGE_HISTORY:
            return self.history
        return self._pages[key]

    def show_page(self, key: str) -> None:
        from PySide6.QtCore import Qt

        for row in range(self.nav.count()):
            if self.nav.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.nav.setCurrentRow(row)
                return
        raise KeyError(key)

    def current_page_key(self) -> str:
        return self.stack.currentWidget().property("pageKey")

    def set_sync_indicator(self, widget: QWidget) -> None:
        """Place the sync indicator in its reserved status-bar area."""
        layout = self._sync_slot.layout()
        while layout.count():
            old = layout.takeAt(0).widget()
            if old is not None:
                old.setParent(None)
        layout.addWidget(widget)

    def set_side_panel(self, widget: QWidget | None) -> None:
        """Show ``widget`` to the right of the log form (None removes it)."""
        self._log_page.set_side_panel(widget)

    def insert_answer(self, text: str, kb_entry_id: str | None = None) -> None:
        """Fill the form's answer and record the KB entry as its basis."""
        self.form.insert_answer(text, kb_entry_id)

    @property
    def history(self):
        """The history page (built on first use so startup stays light)."""
        if self._history is None:
            from hai_desktop.gui.views.history_view import HistoryView

            view = HistoryView(self.tasks)
            view.open_requested.connect(self.open_inquiry)
            view.duplicate_requested.connect(self.duplicate_inquiry)
            self.form.saved.connect(lambda _id: view.refresh())
            self._history = view  # before replace_page so page() does not recurse
            self.replace_page(names.PAGE_HISTORY, view)
        return self._history

    # -- actions --------------------------------------------------------------------------
    def new_visitor(self) -> None:
        if self.form is None:
            return
        self.show_page(names.PAGE_LOG)
        self.form.new_visitor()

    def save(self) -> None:
        if self.form is None:
            return
        if self.current_page_key() != names.PAGE_LOG:
            self.show_page(names.PAGE_LOG)
        self.form.save()

    def focus_search(self) -> None:
        if self.form is None:
            return
        self.show_page(names.PAGE_HISTORY)
        self.history.focus_search()

    def open_inquiry(self, inquiry_id: str) -> None:
        self.show_page(names.PAGE_LOG)
        self.form.load_inquiry(inquiry_id)

    def _back_to_history(self, _inquiry_id: str) -> None:
        """An edit is opened from Riwayat; once saved, the CSO goes back there."""
        from PySide6.QtCore import Qt  # not at module level: see the imports above

        self.show_page(names.PAGE_HISTORY)
        self.history.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def another_question(self) -> None:
        if self.form is None:
            return
        self.show_page(names.PAGE_LOG)
        self.form.another_question()

    def duplicate_inquiry(self, inquiry_id: str) -> None:
        self.show_page(names.PAGE_LOG)
        self.form.duplicate_from(inquiry_id)

    def open_settings(self) -> None:
        from hai_desktop.gui.dialogs.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.paths, self)
        dialog.exec()

    def raise_window(self) -> None:
        """Bring the window to the front (a second launch asked for it)."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    # -- internals ------------------------------------------------------------------------
    def _build_status_bar(self) -> None:
        bar = QStatusBar()
        bar.setObjectName(names.STATUS_BAR)
        bar.setSizeGripEnabled(False)
        self.setStatusBar(bar)
        self._message = QLabel()
        self._message.setObjectName(names.STATUS_MESSAGE)
        bar.addWidget(self._message, 1)
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.timeout.connect(self._clear_message)
        self._profile_label = QLabel()
        self._profile_label.setObjectName(names.PROFILE_LABEL)
        bar.addPermanentWidget(self._profile_label)
        self._sync_slot = QWidget()
        self._sync_slot.setObjectName(names.SYNC_INDICATOR_SLOT)
        slot_layout = QHBoxLayout(self._sync_slot)
        slot_layout.setContentsMargins(0, 0, 0, 0)
        bar.addPermanentWidget(self._sync_slot)
        settings = QPushButton(self.tr("Pengaturan"))
        settings.setObjectName(names.SETTINGS_BUTTON)
        settings.setFlat(True)
        self._settings_button = settings
        settings.clicked.connect(self.open_settings)
        bar.addPermanentWidget(settings)
        channel = messages.channel()
        channel.posted.connect(self._on_message_posted)
        channel.cleared.connect(self._clear_message)

    def _build_shortcuts(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QKeySequence, QShortcut

        for keys, slot in (
            ("Ctrl+N", self.new_visitor),
            ("Ctrl+Shift+N", self.another_question),
            ("Ctrl+S", self.save),
            ("Ctrl+F", self.focus_search),
            ("Ctrl+R", self.sync_requested.emit),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)

    def _office_name(self) -> str:
        if self.profile is None:
            return ""
        from hai_desktop.core import reference

        return reference.name_of("offices", self.profile.office_code)

    def _on_nav_row_changed(self, row: int) -> None:
        from PySide6.QtCore import Qt

        if row < 0:
            return
        key = self.nav.item(row).data(Qt.ItemDataRole.UserRole)
        widget = self.page(key)  # builds the history view on first visit
        self.stack.setCurrentWidget(widget)

    def _on_message_posted(self, level: str, text: str, timeout_ms: int) -> None:
        self._message.setProperty("level", level)
        self._message.setText(text)
        # Re-polish so the QSS rule for the new level applies.
        self._message.style().unpolish(self._message)
        self._message.style().polish(self._message)
        if timeout_ms > 0:
            self._message_timer.start(timeout_ms)
        else:
            self._message_timer.stop()

    def _clear_message(self) -> None:
        self._message.clear()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            # Keyboard-first: the cursor waits in the first field of the log form.
            if self.form is not None:
                from PySide6.QtCore import Qt

                self.form.visitor_name.setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        if self.form is not None:
            self.form.flush_draft()
        super().closeEvent(event)
