"""The log form's field binding: form <-> ``InquiryInput``, change tracking, and the inline
validation messages under the fields (a mixin of ``InquiryForm``)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QDateTime, QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QLineEdit,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from hai_desktop.core.inquiries_form import InquiryInput
from hai_desktop.gui.error_texts import text as message_text
from hai_desktop.gui.views.form_widgets import UNSET, from_qdatetime, to_qdatetime
from hai_desktop.gui.widgets import combo_code, set_combo_code

log = logging.getLogger(__name__)

OUT_OF_SCOPE = "out_of_scope"


class FieldBindingMixin:
    """Reads and writes the fields of ``InquiryForm`` (``self`` is the form)."""

    def _connect_changes(self) -> None:
        for edit in (self.visitor_name, self.satker_code, self.institution, self.phone, self.email):
            edit.textChanged.connect(self._on_user_change)
        for combo in (
            self.channel,
            self.department,
            self.application,
            self.outcome,
            self.out_of_scope_reason,
        ):
            combo.currentIndexChanged.connect(self._on_user_change)
        self.question.textChanged.connect(self._on_user_change)
        self.question.textChanged.connect(
            lambda: self.question_text_changed.emit(self.question.toPlainText())
        )
        self.answer.textChanged.connect(self._on_user_change)
        self.served_start.dateTimeChanged.connect(self._on_user_change)
        self.served_end.dateTimeChanged.connect(self._on_user_change)
        # A corrected field loses its message as soon as the user edits it.
        for field, widget in self._field_widgets.items():
            signal = None
            if isinstance(widget, QLineEdit):
                signal = widget.textChanged
            elif isinstance(widget, QPlainTextEdit):
                signal = widget.textChanged
            elif isinstance(widget, QComboBox):
                signal = widget.currentIndexChanged
            elif isinstance(widget, QDateTimeEdit):
                signal = widget.dateTimeChanged
            if signal is not None:
                signal.connect(lambda *_, f=field: self._clear_field_error(f))

    def _clear_field_error(self, field: str) -> None:
        """The message, its line and the red outline go as soon as the user edits the
        field; once no field is marked, the "check the marked fields" notice goes too."""
        label = self._errors[field]
        widget = self._field_widgets[field]
        if label.isHidden() and not widget.property("invalid"):
            return
        label.show_message(None)
        self._set_invalid(widget, False)
        if not any(w.property("invalid") for w in self._field_widgets.values()):
            self.errors_resolved()

    def errors_resolved(self) -> None:
        """Every marked field was corrected (the form clears its notice)."""

    @staticmethod
    def _set_invalid(widget: QWidget, invalid: bool) -> None:
        if bool(widget.property("invalid")) == invalid:
            return
        widget.setProperty("invalid", invalid)
        widget.style().unpolish(widget)
        widget.style().polish(widget)

    def collect(self) -> InquiryInput:
        """The form's content as core input (nothing validated yet)."""

        def opt(text: str) -> str | None:
            text = text.strip()
            return text or None

        end = self.served_end.dateTime()
        return InquiryInput(
            id=self._editing_id,
            channel=combo_code(self.channel),
            department=combo_code(self.department),
            application=combo_code(self.application),
            visitor_name=self.visitor_name.text().strip(),
            satker_code=opt(self.satker_code.text()),
            institution=opt(self.institution.text()),
            phone=opt(self.phone.text()),
            email=opt(self.email.text()),
            question=self.question.toPlainText().strip(),
            answer=opt(self.answer.toPlainText()),
            basis_regulations=self._regulations_with_typed(),
            basis_kb_entry_ids=self.kb_entry_ids(),
            outcome=combo_code(self.outcome),
            out_of_scope_reason=(
                combo_code(self.out_of_scope_reason)
                if combo_code(self.outcome) == OUT_OF_SCOPE
                else None
            ),
            served_started_at=from_qdatetime(self.served_start.dateTime()),
            served_ended_at=None if end == UNSET else from_qdatetime(end),
            outage_broadcast_id=getattr(self, "outage_broadcast_id", None),
        )

    def apply_input(self, data: InquiryInput) -> None:
        """Show ``data`` in the fields (edit, duplicate, restored draft)."""
        self._forget_kb_inserts()
        self._loading = True
        self.outage_broadcast_id = getattr(data, "outage_broadcast_id", None)
        try:
            self.visitor_name.setText(data.visitor_name or "")
            self.satker_code.setText(data.satker_code or "")
            self.institution.setText(data.institution or "")
            self.phone.setText(data.phone or "")
            self.email.setText(data.email or "")
            for edit in (self.visitor_name, self.satker_code, self.institution, self.phone):
                edit.setCursorPosition(0)  # a narrow field shows the start, not the end
            self.email.setCursorPosition(0)
            set_combo_code(self.channel, data.channel)
            set_combo_code(self.department, data.department)
            set_combo_code(self.application, data.application)
            self.question.setPlainText(data.question or "")
            self.answer.setPlainText(data.answer or "")
            self.regulation_input.clear()
            self.regulation_list.clear()
            for text in data.basis_regulations or []:
                self._add_regulation_item(text)
            self.kb_basis_list.clear()
            for entry_id in data.basis_kb_entry_ids or []:
                self._add_kb_basis(entry_id)
            set_combo_code(self.outcome, data.outcome)
            set_combo_code(self.out_of_scope_reason, data.out_of_scope_reason)
            start = to_qdatetime(data.served_started_at)
            self.served_start.setDateTime(start or QDateTime.currentDateTime())
            self.served_end.setDateTime(to_qdatetime(data.served_ended_at) or UNSET)
            self._update_reason_visibility()
            self.clear_errors()
        finally:
            self._loading = False

    def regulations(self) -> list[str]:
        return [self.regulation_list.item(i).text() for i in range(self.regulation_list.count())]

    def _regulations_with_typed(self) -> list[str]:
        """The listed regulations plus one typed but not yet added with Enter: typed text
        never vanishes on save."""
        listed = self.regulations()
        typed = self.regulation_input.text().strip()
        if typed and typed not in listed:
            listed.append(typed)
        return listed

    def show_errors(self, errors: dict[str, str]) -> None:
        """Show each error code as an Indonesian message under its field; focus the first."""
        first = None
        for field, label in self._errors.items():
            code = errors.get(field)
            label.show_message(message_text(code) if code else None)
            widget = self._field_widgets[field]
            self._set_invalid(widget, bool(code))
            if code and first is None:
                first = widget
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
        unknown = [f for f in errors if f not in self._errors]
        if unknown:
            log.warning("validation codes for fields without a widget: %s", unknown)

    def clear_errors(self) -> None:
        self.show_errors({})

    def error_text(self, field: str) -> str:
        """The inline message shown for ``field`` ("" when none)."""
        label = self._errors[field]
        return label.message() if label.isVisibleTo(self) else ""

    def _update_reason_visibility(self, *_args) -> None:
        visible = combo_code(self.outcome) == OUT_OF_SCOPE
        for widget in self._reason_row:
            widget.setVisible(visible)

    def _add_regulation(self) -> None:
        text = self.regulation_input.text().strip()
        if text and text not in self.regulations():
            self._add_regulation_item(text)
            self._on_user_change()
        self.regulation_input.clear()

    def _add_regulation_item(self, text: str) -> None:
        item = QListWidgetItem(text)
        item.setToolTip(text)  # the list is narrow: long items are elided
        self.regulation_list.addItem(item)

    def _remove_regulation(self) -> None:
        row = self.regulation_list.currentRow()
        if row >= 0:
            self.regulation_list.takeItem(row)
            self._on_user_change()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt override)
        if (
            event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
            and watched in (self.regulation_list, self.kb_basis_list)
        ):
            if watched is self.regulation_list:
                self._remove_regulation()
            else:
                self._remove_kb_basis()
            return True
        return super().eventFilter(watched, event)
