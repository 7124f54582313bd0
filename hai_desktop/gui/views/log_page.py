"""The "Catat Layanan" screen: the log form, with the KB suggestions beside it.

The side panel sits to the right of the form while the page is wide enough for both; on a
narrow window (1024 px) it moves below the form so that no field of the form needs a
horizontal scrollbar.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QScrollArea, QSplitter, QVBoxLayout, QWidget

from hai_desktop.gui import object_names as names

# Starting width of the side panel beside the log form (KB suggestions).
SIDE_PANEL_WIDTH = 280
# Below this page width the panel goes under the form (the form needs ~720 px).
SIDE_BY_SIDE_MIN_WIDTH = 1000


class LogPage(QWidget):
    """The log form on the left, an optional side panel (KB suggestions) on the right."""

    def __init__(self, form: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(names.FORM_PAGE)
        self.form = form
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        # The form reflows to the width it is given: never a horizontal scrollbar.
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = getattr(form, "scroll_body", None)
        if body is not None:
            # The form keeps its title row (with Save) above a scrolling body of fields.
            self.scroll = None
            form_widget: QWidget = form
        else:
            self.scroll.setWidget(form)
            form_widget = self.scroll
        self.side_slot = QWidget()
        self.side_slot.setObjectName(names.FORM_SIDE_PANEL_SLOT)
        side_layout = QVBoxLayout(self.side_slot)
        side_layout.setContentsMargins(0, 0, 0, 0)
        self.side_slot.hide()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(form_widget)
        self.splitter.addWidget(self.side_slot)
        # Extra width always goes to the form; the panel keeps the width it was given.
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

    def shortcut_help(self) -> list[tuple[str, str]]:
        """(keys, description) of this screen's own shortcuts, for the F1 help."""
        from PySide6.QtCore import QCoreApplication

        def tr(text: str) -> str:
            return QCoreApplication.translate("LogPage", text)

        return [
            ("Tab / Shift+Tab", tr("Isian berikutnya / sebelumnya (per kolom, atas ke bawah)")),
            ("Enter", tr("Dasar peraturan: tambahkan yang diketik")),
            ("Delete", tr("Daftar dasar: hapus butir yang dipilih")),
            ("Alt+1 … Alt+5", tr("Sisipkan saran basis pengetahuan bernomor")),
            ("Ctrl+Enter", tr("Sisipkan saran yang dipilih")),
            ("Ctrl+Z", tr("Jawaban: batalkan sisipan terakhir")),
        ]

    @property
    def side_below(self) -> bool:
        """Whether the side panel sits below the form (a narrow window)."""
        return self.splitter.orientation() == Qt.Orientation.Vertical

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
        self._arrange(force=True)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._arrange()

    def _arrange(self, force: bool = False) -> None:
        """Side by side when wide enough, the panel below the form otherwise."""
        width = self.width() if self.width() > 0 else 1200
        vertical = width < SIDE_BY_SIDE_MIN_WIDTH
        orientation = Qt.Orientation.Vertical if vertical else Qt.Orientation.Horizontal
        if not force and orientation == self.splitter.orientation():
            return
        self.splitter.setOrientation(orientation)
        panel = self.side_slot
        if vertical:
            panel.setMinimumWidth(0)
            total = max(self.height(), 500)
            self.splitter.setSizes([total - 170, 170])
        else:
            total = max(width, 900)
            self.splitter.setSizes([total - SIDE_PANEL_WIDTH, SIDE_PANEL_WIDTH])
        layout = panel.layout()
        if isinstance(layout, QBoxLayout):
            layout.setContentsMargins(0, 0, 0, 0)


def create(window) -> LogPage:
    """The log page for the main window: the form (``window.form``) wired to the window's
    signals. The KB suggestions beside it (``window.kb_suggestions``) come with the
    window's add-ons (``MainWindow.install_addons``), just after the form is usable."""
    from hai_desktop.gui.views.inquiry_form import InquiryForm

    form = InquiryForm(window.tasks, profile=window.profile)
    window.form = form
    form.saved.connect(window.inquiry_saved)
    form.edit_saved.connect(window.back_to_history)
    form.question_text_changed.connect(window.question_text_changed)
    page = LogPage(form)
    window._log_page = page
    return page
