"""The log form's layout: the three boxes, the title row with its buttons, the Tab order.

A mixin of ``InquiryForm`` (the texts keep the form's translation context).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from hai_desktop.gui import object_names as names
from hai_desktop.gui.elided_label import ElidedLabel
from hai_desktop.gui.views.form_boxes import FormBoxesMixin
from hai_desktop.gui.views.form_widgets import (
    COMPACT_LABEL_WIDTH,
    COMPACT_WIDTH,
    LABEL_WIDTH,
    fit_popup,
)
from hai_desktop.gui.widgets import ErrorLabel


class FormLayoutMixin(FormBoxesMixin):
    """Builds the widgets of ``InquiryForm`` (``self`` is the form); the boxes of fields
    come from ``FormBoxesMixin``."""

    # -- building -------------------------------------------------------------------------
    def _build(self) -> None:
        top = QVBoxLayout(self)
        top.setContentsMargins(0, 0, 0, 0)
        top.setSpacing(0)
        head = QWidget()
        head_layout = QVBoxLayout(head)
        head_layout.setContentsMargins(24, 12, 24, 4)
        head_layout.setSpacing(8)
        top.addWidget(head)
        # The title row (with Save) and the draft banner stay in view; the boxes of fields
        # scroll vertically below them (never sideways: the grid reflows to the width).
        self.scroll_body = QScrollArea()
        self.scroll_body.setObjectName("formScrollBody")
        self.scroll_body.setWidgetResizable(True)
        self.scroll_body.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_body.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        body.setObjectName("formBody")
        outer = QVBoxLayout(body)
        outer.setContentsMargins(24, 4, 24, 12)
        outer.setSpacing(8)
        self.scroll_body.setWidget(body)
        top.addWidget(self.scroll_body, 1)

        self.title = ElidedLabel()  # cut with "…" where even the short buttons leave no room
        self.title.setObjectName(names.FORM_TITLE)
        self.title.setProperty("role", "title")
        # A narrow window gives the buttons their room first; the title may be cut.
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.title.setMinimumWidth(40)
        # The title row carries the buttons, so Save stays in sight on small screens.
        self._header = QHBoxLayout()
        # The short save confirmation takes the title's place for a few seconds (a stack of
        # the two), so showing it never moves the fields nor widens the row.
        self._title_stack = QStackedWidget()
        self._title_stack.addWidget(self.title)
        self._header.addWidget(self._title_stack, 1)
        head_layout.addLayout(self._header)

        self.draft_banner = QFrame()
        self.draft_banner.setObjectName(names.DRAFT_BANNER)
        banner_layout = QHBoxLayout(self.draft_banner)
        banner_layout.addWidget(
            QLabel(
                QCoreApplication.translate(
                    "InquiryForm", "Ada isian yang belum disimpan dari sesi sebelumnya."
                )
            ),
            1,
        )
        self.draft_restore = QPushButton(QCoreApplication.translate("InquiryForm", "Pulihkan"))
        self.draft_restore.setObjectName(names.DRAFT_RESTORE)
        self.draft_restore.clicked.connect(self.restore_draft)
        self.draft_discard = QPushButton(QCoreApplication.translate("InquiryForm", "Buang"))
        self.draft_discard.setObjectName(names.DRAFT_DISCARD)
        self.draft_discard.clicked.connect(self.discard_draft)
        banner_layout.addWidget(self.draft_restore)
        banner_layout.addWidget(self.draft_discard)
        self.draft_banner.hide()
        head_layout.addWidget(self.draft_banner)

        self.confirmation = QLabel()
        self.confirmation.setObjectName(names.FORM_CONFIRMATION)
        self.confirmation.setProperty("role", "confirmation")
        self.confirmation.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self._title_stack.addWidget(self.confirmation)
        self._title_stack.setCurrentWidget(self.title)

        outer.addWidget(self._build_visitor_box())
        outer.addWidget(self._build_question_box())
        outer.addWidget(self._build_result_box())

        # Buttons
        buttons = self._header
        self.save_button = QPushButton(QCoreApplication.translate("InquiryForm", "Simpan (Ctrl+S)"))
        self.save_button.setObjectName(names.SAVE_BUTTON)
        self.save_button.setProperty("role", "primary")
        self.save_button.clicked.connect(self.save)
        self.new_button = QPushButton(
            QCoreApplication.translate("InquiryForm", "Pengunjung baru (Ctrl+N)")
        )
        self.new_button.setObjectName(names.NEW_VISITOR_BUTTON)
        self.new_button.clicked.connect(lambda: self.new_visitor())
        self.duplicate_button = QPushButton(
            QCoreApplication.translate("InquiryForm", "Pertanyaan lain (Ctrl+Shift+N)")
        )
        self.duplicate_button.setToolTip(
            QCoreApplication.translate(
                "InquiryForm",
                "Catatan baru untuk pengunjung yang sama: isian saat ini disimpan dulu,"
                " atau pengunjung yang baru saja disimpan",
            )
        )
        self.duplicate_button.setObjectName(names.DUPLICATE_BUTTON)
        self.duplicate_button.setEnabled(False)
        self.duplicate_button.clicked.connect(self.another_question)
        buttons.addWidget(self.duplicate_button)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.save_button)
        outer.addStretch(1)

        # Tab order: the visual columns, top to bottom, box by box (the left column of a
        # box, then its right one); the wide question and answer in between. The "+"/"−"
        # buttons are not in the chain (Enter adds a regulation, Delete removes an item).
        order = [
            self.visitor_name,
            self.institution,
            self.email,
            self.satker_code,
            self.phone,
            self.channel,
            self.department,
            self.application,
            self.question,
            self.answer,
            self.regulation_input,
            self.regulation_list,
            self.kb_basis_list,
            self.outcome,
            self.served_start,
            self.out_of_scope_reason,
            self.served_end,
            self.forward_button,
            self.save_button,
            self.new_button,
            self.duplicate_button,
        ]
        self.tab_chain = order
        for box in (
            self.channel,
            self.department,
            self.application,
            self.outcome,
            self.out_of_scope_reason,
        ):
            fit_popup(box)
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _add_row(
        self,
        grid: QGridLayout,
        label: str,
        field: str,
        widget: QWidget,
        row: int,
        col: int,
        span: bool = False,
    ) -> tuple[QLabel, QWidget]:
        cell = QWidget()
        layout = QVBoxLayout(cell)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        error = ErrorLabel(names.error_name(widget.objectName() or field))
        layout.addWidget(error)
        self._errors[field] = error
        self._field_widgets[field] = widget
        label_widget = QLabel(label)
        label_widget.setBuddy(widget)
        label_widget.setWordWrap(True)
        # The label sits level with the field's first line, whether or not an inline
        # message opens below the field.
        if isinstance(widget, (QLineEdit, QComboBox, QDateTimeEdit)):
            widget.ensurePolished()  # the styled height, not the unstyled one
            label_widget.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            label_widget.setFixedHeight(max(widget.sizeHint().height(), 28))
        else:
            label_widget.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            label_widget.setContentsMargins(0, 5, 0, 0)
        grid.addWidget(label_widget, row, 2 * col, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(cell, row, 2 * col + 1, 1, 3 if span else 1, Qt.AlignmentFlag.AlignTop)
        return label_widget, cell

    def _title_row_fits(self, width: int) -> bool:
        """Whether the whole title and the buttons with their shortcut text fit ``width``
        (on a 1366x768 screen at 125 % an edit's title was cut: "Mengubah catatan (vers")."""
        tr = QCoreApplication.translate
        fulls = {
            self.save_button: tr("InquiryForm", "Simpan (Ctrl+S)"),
            self.new_button: tr("InquiryForm", "Pengunjung baru (Ctrl+N)"),
            self.duplicate_button: tr("InquiryForm", "Pertanyaan lain (Ctrl+Shift+N)"),
        }
        needed = self.title.fontMetrics().horizontalAdvance(self.title.text()) + 48  # margins
        for button, full in fulls.items():
            metrics = button.fontMetrics()
            frame = button.sizeHint().width() - metrics.horizontalAdvance(button.text())
            needed += frame + metrics.horizontalAdvance(full) + 8  # the row's spacing
        return needed <= width

    def _fit_width(self, width: int) -> None:
        """Narrow windows (1024 px with the menu, or 125-150 % scaling): the buttons drop
        their shortcut from the text (it stays in the tooltip) and the label columns
        narrow, so every field and Save stay in view without a horizontal scrollbar."""
        tr = QCoreApplication.translate
        compact = width < COMPACT_WIDTH or not self._title_row_fits(width)
        if compact == getattr(self, "_compact", None):
            return
        self._compact = compact
        texts = {
            self.save_button: (
                tr("InquiryForm", "Simpan (Ctrl+S)"),
                tr("InquiryForm", "Simpan"),
                "Ctrl+S",
            ),
            self.new_button: (
                tr("InquiryForm", "Pengunjung baru (Ctrl+N)"),
                tr("InquiryForm", "Pengunjung baru"),
                "Ctrl+N",
            ),
            self.duplicate_button: (
                tr("InquiryForm", "Pertanyaan lain (Ctrl+Shift+N)"),
                tr("InquiryForm", "Pertanyaan lain"),
                "Ctrl+Shift+N",
            ),
        }
        for button, (full, short, keys) in texts.items():
            button.setText(short if compact else full)
            if not button.toolTip():
                button.setToolTip(full)
            elif keys not in button.toolTip():
                button.setToolTip(f"{button.toolTip()} ({keys})")
        label_width = COMPACT_LABEL_WIDTH if compact else LABEL_WIDTH
        for grid in self._grids:
            grid.setColumnMinimumWidth(0, label_width)
            grid.setColumnMinimumWidth(2, label_width)
