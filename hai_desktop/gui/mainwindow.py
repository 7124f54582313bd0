"""The desk main window: navigation, pages, status bar, shortcuts.

Screens are listed in ``SCREENS`` below (one line each); the navigation, the Ctrl+1 … Ctrl+N
shortcuts and the F1 shortcut help follow from that list. Other parts of the desk plug in
here without editing this module: ``add_page``/``replace_page``, ``set_sync_indicator`` and
``sync_requested`` (the sync engine), ``set_side_panel``, ``question_text_changed`` and
``insert_answer`` (KB suggestions beside the log form), ``inquiry_saved`` (sync after save).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

# Only what the window frame needs is imported here: the frame is painted before anything
# else loads (the ``Qt`` namespace alone costs ~25 ms to import: it comes with the pages).
from PySide6.QtCore import QT_TRANSLATE_NOOP, QSize, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from hai_desktop.gui import object_names as names
from hai_desktop.gui import window_shortcuts
from hai_desktop.gui.screens import Screen, load_factory, screen_label, screen_shortcut
from hai_desktop.gui.window_status_bar import DeskStatusBar

if TYPE_CHECKING:  # imported for types only: the frame is shown before these load
    from hai_desktop.core.paths import ProfilePaths
    from hai_desktop.gui.tasks import TaskManager


# ── The desk's screens, in navigation order ────────────────────────────────────────────────
# Ctrl+1 … Ctrl+N follow this order. To add a screen: ONE line here (keep the blank comment
# lines between the entries: each helper edits its own line, so merges do not collide).
SCREENS: list[Screen] = [
    Screen(names.PAGE_LOG, QT_TRANSLATE_NOOP("MainWindow", "Catat Layanan"),
           "hai_desktop.gui.views.log_page:create", focus=names.VISITOR_NAME),
    #
    Screen(names.PAGE_HISTORY, QT_TRANSLATE_NOOP("MainWindow", "Riwayat"),
           "hai_desktop.gui.views.history_view:create", focus=names.HISTORY_SEARCH),
    #
    Screen(names.PAGE_KB, QT_TRANSLATE_NOOP("MainWindow", "Basis Pengetahuan"),
           "hai_desktop.gui.kb_view:create", focus=names.KB_SEARCH),
    #
    Screen("tickets", QT_TRANSLATE_NOOP("MainWindow", "Tiket"),
           "hai_desktop.gui.views.ticket_view:create", focus="ticketSearch"),
    #
    Screen("broadcasts", QT_TRANSLATE_NOOP("MainWindow", "Broadcast"),
           "hai_desktop.gui.views.broadcast_view:create", focus="broadcastSearch"),
    #
    Screen("reports", QT_TRANSLATE_NOOP("MainWindow", "Laporan"),
           "hai_desktop.gui.views.report_view:create", focus="reportMonthCombo"),
    #
]  # fmt: skip

# Window-wide parts that are no screen (alerts, banners): "package.module:function", each
# called with the window once the pages are built. ONE line each, as for SCREENS.
WINDOW_ADDONS: list[str] = [
    "hai_desktop.gui.broadcast_alerts:install",
    #
    "hai_desktop.gui.ticket_alerts:install",
    #
]

# Window-wide shortcuts besides Ctrl+<n>: (keys, MainWindow method, help text). The F1 help
# lists these, the screens' Ctrl+<n> and each screen's own ``SHORTCUTS`` (see shortcut_help).
WINDOW_SHORTCUTS: list[tuple[str, str, str]] = [
    ("Ctrl+N", "new_visitor", QT_TRANSLATE_NOOP("Shortcuts", "Pengunjung baru")),
    ("Ctrl+Shift+N", "another_question",
     QT_TRANSLATE_NOOP("Shortcuts", "Pertanyaan lain dari pengunjung yang sama")),
    ("Ctrl+S", "save", QT_TRANSLATE_NOOP("Shortcuts", "Simpan catatan")),
    ("Ctrl+F", "focus_search", QT_TRANSLATE_NOOP("Shortcuts", "Cari di Riwayat")),
    ("Ctrl+K", "focus_kb", QT_TRANSLATE_NOOP("Shortcuts", "Cari di Basis Pengetahuan")),
    ("Ctrl+R", "request_sync", QT_TRANSLATE_NOOP("Shortcuts", "Sinkronkan sekarang")),
    ("Ctrl+0", "focus_navigation", QT_TRANSLATE_NOOP("Shortcuts", "Pindah ke menu samping")),
    ("Ctrl+,", "open_settings", QT_TRANSLATE_NOOP("Shortcuts", "Pengaturan")),
    ("F1", "show_shortcut_help", QT_TRANSLATE_NOOP("Shortcuts", "Daftar pintasan ini")),
]  # fmt: skip


# The side menu's width; narrower on a narrow window (1024 px, scaled screens).
NAV_WIDTH = 190
NAV_NARROW_WIDTH = 188  # "Basis Pengetahuan" and "Broadcast (12)" fit with the items' 16 px padding
NARROW_WINDOW = 1100


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
        self._screens: dict[str, Screen] = {}
        self._unbuilt: set[str] = set()
        self.kb_suggestions = None
        self._addons_installed = False
        self._log_page = None
        self._shown_once = False
        self.form = None
        self.confirm_close = False  # the desk sets it: ask about unsaved input on close
        self.setWindowTitle(self.tr("HAI Desk — Layanan Pengguna DJPb"))
        self.resize(1200, 760)
        # Small and scaled screens (1024x600, 1366x768 at 150 %): the window fits them.
        self.setMinimumSize(QSize(640, 420))

        self.nav = None  # the navigation list comes with the pages
        self.stack = QStackedWidget()
        self.stack.setObjectName(names.PAGE_STACK)

        nav_panel = QWidget()
        nav_panel.setObjectName(names.NAV_PANEL)
        nav_panel.setFixedWidth(NAV_WIDTH)
        self._nav_panel = nav_panel
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
        self._status = DeskStatusBar(self)
        self._status.settings_button.clicked.connect(self.open_settings)
        self.setStatusBar(self._status)
        self._profile_label = self._status.profile_label
        if not deferred:
            self.build_pages(tasks, profile)

    def build_pages(self, tasks: TaskManager, profile=None, addons: bool = True) -> None:
        """Add the screens of ``SCREENS`` (needs the open database). The first screen is
        built now; the others when first shown (their factory is imported then).

        ``addons``: install the KB suggestions and ``WINDOW_ADDONS`` now; False leaves them
        to :meth:`install_addons` (the desk calls it just after the form is usable)."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QListWidget

        self.nav = QListWidget()
        self.nav.setObjectName(names.NAV_LIST)
        # The side menu takes focus (Ctrl+0, or a click): arrows move between screens.
        self.nav.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setAccessibleName(self.tr("Menu samping"))
        self.nav.currentRowChanged.connect(self._on_nav_row_changed)
        self._nav_layout.insertWidget(self._nav_layout.count() - 1, self.nav, 1)
        # The list takes all the height; the spacer below it only held the place (sharing
        # the height with it gave the list a scroll bar at 1024×600).
        self._nav_layout.setStretch(self._nav_layout.count() - 1, 0)
        window_shortcuts.install(self, SCREENS, WINDOW_SHORTCUTS)
        self.tasks = tasks
        self.profile = profile
        self._office_label.setText(self._office_name())
        if profile is not None:
            self._profile_label.setText(profile.name)
        for position, screen in enumerate(SCREENS):
            self._screens[screen.key] = screen
            if position == 0:
                widget = load_factory(screen.factory)(self)
            else:
                widget = QWidget()  # a placeholder until the screen is first shown
                self._unbuilt.add(screen.key)
            self.add_page(screen.key, screen_label(screen), widget, screen_shortcut(position))
        self.nav.setCurrentRow(0)
        if addons:
            self.install_addons()
        if self._shown_once and self.form is not None:
            self.form.visitor_name.setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    def install_addons(self) -> None:
        """The KB suggestions beside the log form and the ``WINDOW_ADDONS`` (once)."""
        if self._addons_installed:
            return
        self._addons_installed = True
        if self.form is not None and self.kb_suggestions is None:
            from hai_desktop.gui import kb_suggestions

            self.kb_suggestions = kb_suggestions.install(self)
            typed = self.form.question.toPlainText()
            if typed.strip():  # a question typed before the panel came
                self.kb_suggestions.set_question(typed)
        for spec in WINDOW_ADDONS:
            load_factory(spec)(self)

    # -- extension points -----------------------------------------------------------------
    def add_page(self, key: str, title: str, widget: QWidget, shortcut: str = "") -> None:
        """Add a page with a navigation entry; ``key`` names it for show_page/replace_page.

        The desk's own screens come from ``SCREENS``; this is for pages added at run time.
        """
        if key in self._pages:
            raise ValueError(f"page {key!r} exists; use replace_page")
        widget.setProperty("pageKey", key)
        self._pages[key] = widget
        self.stack.addWidget(widget)
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QListWidgetItem

        item = QListWidgetItem(f"{title}\n{shortcut}" if shortcut else title)
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setToolTip(f"{title} ({shortcut})" if shortcut else title)
        item.setSizeHint(QSize(NAV_NARROW_WIDTH - 10, 52 if shortcut else 40))
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
        self._unbuilt.discard(key)

    def page(self, key: str) -> QWidget:
        """The page ``key``, built now if it was not shown yet."""
        if key in self._unbuilt:
            self._unbuilt.discard(key)
            self.replace_page(key, load_factory(self._screens[key].factory)(self))
        return self._pages[key]

    def built_page(self, key: str) -> QWidget | None:
        """The page ``key`` if it was built already (None: not shown yet, or no such page)."""
        if key in self._unbuilt:
            return None
        return self._pages.get(key)

    def show_page(self, key: str) -> None:
        from PySide6.QtCore import Qt

        for row in range(self.nav.count()):
            if self.nav.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.nav.setCurrentRow(row)
                return
        raise KeyError(key)

    def open_screen(self, key: str) -> None:
        """Show the screen ``key`` and put the cursor in its ``focus`` widget (shortcuts)."""
        from PySide6.QtCore import Qt

        if self.nav is None:
            return
        self.show_page(key)
        screen = self._screens.get(key)
        target = None
        if screen is not None and screen.focus:
            target = self.page(key).findChild(QWidget, screen.focus)
        if target is not None:
            target.setFocus(Qt.FocusReason.ShortcutFocusReason)
            select_all = getattr(target, "selectAll", None)
            if callable(select_all):
                select_all()
        else:
            self.page(key).setFocus(Qt.FocusReason.ShortcutFocusReason)

    def current_page_key(self) -> str:
        return self.stack.currentWidget().property("pageKey")

    def set_sync_indicator(self, widget: QWidget) -> None:
        """Place the sync indicator in its reserved status-bar area."""
        self._status.set_sync_indicator(widget)

    def set_side_panel(self, widget: QWidget | None) -> None:
        """Show ``widget`` to the right of the log form (None removes it)."""
        self._log_page.set_side_panel(widget)

    def insert_answer(self, text: str, kb_entry_id: str | None = None) -> None:
        """Fill the form's answer and record the KB entry as its basis."""
        self.form.insert_answer(text, kb_entry_id)

    @property
    def history(self):
        """The history page (built on first use so startup stays light)."""
        return self.page(names.PAGE_HISTORY)

    @property
    def _history(self):
        """The history page if built (None otherwise); the sync refresh reads this."""
        return self.built_page(names.PAGE_HISTORY)

    @property
    def kb_view(self):
        """The KB page (built on first use)."""
        return self.page(names.PAGE_KB)

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
        self.open_screen(names.PAGE_HISTORY)

    def focus_kb(self) -> None:
        """Ctrl+K: the KB screen, its search box ready (from any screen)."""
        self.open_screen(names.PAGE_KB)

    def focus_navigation(self) -> None:
        from PySide6.QtCore import Qt

        if self.nav is not None:
            self.nav.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def request_sync(self) -> None:
        self.sync_requested.emit()

    def shortcut_list(self) -> list[tuple[str, str, str]]:
        """(group, keys, description) of every shortcut, for the F1 help."""
        return window_shortcuts.shortcut_rows(self, SCREENS, WINDOW_SHORTCUTS)

    def show_shortcut_help(self) -> None:
        """F1: the shortcuts of the window, its screens and the log form."""
        from hai_desktop.gui.shortcut_help import ShortcutHelpDialog

        ShortcutHelpDialog(self).exec()

    def open_inquiry(self, inquiry_id: str) -> None:
        self.show_page(names.PAGE_LOG)
        self.form.load_inquiry(inquiry_id)

    def back_to_history(self, _inquiry_id: str = "") -> None:
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
    def set_profile(self, profile) -> None:
        """The CSO profile changed (Pengaturan → Akun): show its name and office."""
        self.profile = profile
        self._office_label.setText(self._office_name())
        self._profile_label.setText(profile.name if profile is not None else "")

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

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            # Keyboard-first: the cursor waits in the first field of the log form.
            if self.form is not None:
                from PySide6.QtCore import Qt

                self.form.visitor_name.setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        narrow = event.size().width() < NARROW_WINDOW
        self._nav_panel.setFixedWidth(NAV_NARROW_WIDTH if narrow else NAV_WIDTH)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        # The desk (and the demo) ask about unsaved input; a window built by tests or
        # tools closes quietly (confirm_close stays False there).
        if self.form is not None and self.confirm_close and not self.form.confirm_close(self.close):
            event.ignore()
            return
        if self.form is not None:
            self.form.flush_draft()
        super().closeEvent(event)
