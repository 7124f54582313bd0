"""The log form ("Catat Layanan"): one visitor's question, answer, basis and outcome.

Keyboard-first: every field is reachable with Tab, Ctrl+S saves (the main window's
shortcut), Ctrl+N starts the next visitor. Validation messages come from
``core.inquiries_form.validate`` and show under the field; nothing typed is lost on an error.
What is typed is kept as a draft (debounced, through the database worker) so a killed app
offers it back at the next start.

The form is composed of mixins, one concern each: ``form_layout`` (the widgets and Tab
order), ``form_binding`` (fields <-> ``InquiryInput``, inline messages), ``form_kb_basis``
(KB inserts and the KB basis list), ``form_drafts`` (draft keeping) and ``form_dialogs``
(the questions asked about unsaved input). This module holds the actions.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable

from PySide6.QtCore import QDateTime, Qt, QTimer, Signal
from PySide6.QtWidgets import QWidget

from hai_desktop.core import drafts
from hai_desktop.core.errors import ValidationError
from hai_desktop.core.inquiries import duplicate_input, get_inquiry, save_inquiry, to_input
from hai_desktop.core.inquiries_form import InquiryInput, validate
from hai_desktop.gui import messages
from hai_desktop.gui import object_names as names
from hai_desktop.gui.tasks import TaskManager
from hai_desktop.gui.views.form_binding import OUT_OF_SCOPE, FieldBindingMixin
from hai_desktop.gui.views.form_dialogs import ask_on_close, ask_save_first, confirm_discard
from hai_desktop.gui.views.form_drafts import DRAFT_DELAY_MS, DRAFT_KEY, DraftKeepingMixin
from hai_desktop.gui.views.form_kb_basis import KbBasisMixin
from hai_desktop.gui.views.form_layout import FormLayoutMixin
from hai_desktop.gui.views.form_widgets import LABEL_WIDTH, now_utc_text
from hai_desktop.gui.widgets import ErrorLabel

log = logging.getLogger(__name__)

__all__ = ["DRAFT_DELAY_MS", "DRAFT_KEY", "LABEL_WIDTH", "OUT_OF_SCOPE", "InquiryForm"]


class InquiryForm(FormLayoutMixin, FieldBindingMixin, KbBasisMixin, DraftKeepingMixin, QWidget):
    """The log form.

    Signals:
        saved(str): an inquiry was saved (its id).
        edit_saved(str): an existing inquiry was saved as a new version (its id); the main
            window goes back to the history the edit was opened from.
        question_text_changed(str): the question text changed (for KB suggestions).
        dirty_changed(bool): whether the form holds unsaved input.
    """

    saved = Signal(str)
    edit_saved = Signal(str)
    question_text_changed = Signal(str)
    dirty_changed = Signal(bool)

    def __init__(self, tasks: TaskManager, profile=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(names.FORM)
        self.tasks = tasks
        self.profile = profile
        self._editing_id: str | None = None
        self._editing_version: int | None = None
        self._dirty = False
        self._loading = False
        self._saving = False
        self._last_saved_id: str | None = None
        self._duplicate_after_save = False
        self._close_after_save: Callable[[], None] | None = None
        self.last_confirmation = ""
        self._errors: dict[str, ErrorLabel] = {}
        self._field_widgets: dict[str, QWidget] = {}
        self.outage_broadcast_id: str | None = None  # set by the outage offer (broadcasts)

        self._init_drafts()
        self._confirm_timer = QTimer(self)
        self._confirm_timer.setSingleShot(True)
        self._confirm_timer.timeout.connect(lambda: self._title_stack.setCurrentWidget(self.title))

        self._build()
        self._init_kb_basis()
        self._connect_changes()
        self.new_visitor(ask=False)
        self.check_draft()

    @property
    def editing_id(self) -> str | None:
        return self._editing_id

    @property
    def is_dirty(self) -> bool:
        return self._dirty

    # -- actions --------------------------------------------------------------------------
    def new_visitor(self, ask: bool = True) -> None:
        """Empty the form for the next visitor; the service clock starts now."""
        if ask and self._dirty and not self._confirm_discard():
            return
        self._editing_id = None
        self._editing_version = None
        self.apply_input(
            InquiryInput(
                id=None,
                channel=self._default_channel(),
                department=None,
                application=None,
                visitor_name="",
                satker_code=None,
                institution=None,
                phone=None,
                email=None,
                question="",
                answer=None,
                basis_regulations=[],
                basis_kb_entry_ids=[],
                outcome="answered",
                out_of_scope_reason=None,
                served_started_at=now_utc_text(),
                served_ended_at=None,
            )
        )
        self._set_dirty(False)
        self._stop_draft()
        self._update_title()
        self.visitor_name.setFocus(Qt.FocusReason.OtherFocusReason)

    def load_inquiry(self, inquiry_id: str) -> None:
        """Open an existing entry for editing (its version goes up on save)."""
        if self._dirty and not self._confirm_discard():
            return

        def job():
            inquiry = get_inquiry(inquiry_id)
            return to_input(inquiry), inquiry.version

        def done(result) -> None:
            data, version = result
            self.apply_input(data)
            self._editing_id = data.id
            self._editing_version = version
            self._set_dirty(False)
            self._update_title()
            self.question.setFocus(Qt.FocusReason.OtherFocusReason)

        self.tasks.run_db(job, done)

    def duplicate_from(self, inquiry_id: str) -> None:
        """Same visitor and channel, a new question (a new entry)."""
        if self._dirty and not self._confirm_discard():
            return

        def done(data: InquiryInput) -> None:
            data = dataclasses.replace(
                data,
                id=None,
                served_started_at=now_utc_text(),
                served_ended_at=None,
            )
            self._editing_id = None
            self._editing_version = None
            self.apply_input(data)
            self._set_dirty(False)
            self._update_title()
            self.question.setFocus(Qt.FocusReason.OtherFocusReason)

        self.tasks.run_db(lambda: duplicate_input(inquiry_id), done)

    def save(self) -> None:
        """Validate, then save through the database worker."""
        if self._saving:
            return
        data = self.collect()
        if data.served_ended_at is None:
            data = dataclasses.replace(data, served_ended_at=now_utc_text())
        errors = validate(data)
        if errors:
            self.show_errors(errors)
            messages.warning(self.tr("Periksa isian yang ditandai."))
            return
        self.clear_errors()
        self._saving = True
        self.save_button.setEnabled(False)
        self._stop_draft()

        def job() -> tuple[str, int]:
            inquiry = save_inquiry(data)
            drafts.discard_draft(DRAFT_KEY)
            return inquiry.id, inquiry.version

        self.tasks.run_db(job, self._on_saved, self._on_save_failed)

    def _on_saved(self, result: tuple[str, int]) -> None:
        inquiry_id, version = result
        self._saving = False
        self.save_button.setEnabled(True)
        edited = self._editing_id is not None
        duplicate = self._duplicate_after_save
        self._duplicate_after_save = False
        self._last_saved_id = inquiry_id
        self._dirty = False
        self.new_visitor(ask=False)
        self.duplicate_button.setEnabled(True)
        # A short banner in the title's place; the full sentence goes to the status bar
        # (which stays visible when an edit returns to Riwayat).
        if edited:
            short = self.tr("Tersimpan (versi %1).").replace("%1", str(version))
            text = self.tr("Perubahan tersimpan sebagai versi %1.").replace("%1", str(version))
        elif duplicate:
            short = self.tr("Tersimpan.")
            text = self.tr("Tersimpan. Pertanyaan berikutnya untuk pengunjung yang sama.")
        else:
            short = self.tr("Tersimpan.")
            text = self.tr("Tersimpan. Siap untuk pengunjung berikutnya.")
        self.confirmation.setText(short)
        self.confirmation.setToolTip(text)
        self.last_confirmation = text
        self._title_stack.setCurrentWidget(self.confirmation)
        self._confirm_timer.start(6000)
        messages.info(text)
        self.saved.emit(inquiry_id)
        if self._close_after_save is not None:
            close_again, self._close_after_save = self._close_after_save, None
            QTimer.singleShot(0, close_again)
            return
        if edited:
            self.edit_saved.emit(inquiry_id)
        elif duplicate:
            self.duplicate_from(inquiry_id)

    def _on_save_failed(self, exc: BaseException) -> None:
        self._saving = False
        self._close_after_save = None
        self._duplicate_after_save = False
        self.save_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            self.show_errors(exc.errors)
            messages.warning(self.tr("Periksa isian yang ditandai."))
            return
        from hai_desktop.core.db.errors import StorageError

        if isinstance(exc, StorageError):
            # Disk full, locked, read-only, damaged: its own words and way out ("Disk
            # penuh …"); the form keeps everything typed, so a retry saves it.
            from hai_desktop.gui.startup_dialogs import storage_message

            log.error("saving an inquiry failed: %s", exc.code)
            messages.error(storage_message(exc))
            self._schedule_draft()
            return
        log.error("saving an inquiry failed", exc_info=exc)
        messages.error(self.tr("Gagal menyimpan. Isian tetap ada; coba simpan lagi."))
        self._schedule_draft()

    def another_question(self) -> None:
        """Ctrl+Shift+N: a new entry for the same visitor.

        With a new entry typed, the CSO may save it first (then its visitor is copied),
        drop it (then the last saved visitor is copied) or go back to it. With an empty form
        the visitor of the last saved entry is copied.
        """
        if self._saving:
            return
        if self._dirty and self._editing_id is None:
            choice = self._ask_save_first()
            if choice == "save":
                self._duplicate_after_save = True
                self.save()
                if not self._saving:  # invalid input: the messages are showing
                    self._duplicate_after_save = False
                return
            if choice != "discard":
                return
            self._set_dirty(False)
        if self._last_saved_id:
            self.duplicate_from(self._last_saved_id)

    # -- internals ------------------------------------------------------------------------
    def _on_user_change(self, *_args) -> None:
        if self._loading:
            return
        if (
            not self._dirty
            and self._editing_id is None
            and self.sender()
            not in (
                self.served_start,
                self.served_end,
            )
        ):
            # The service starts when the CSO starts typing for this visitor, not when the
            # empty form appeared (which may have been long before the visitor came).
            self._loading = True
            self.served_start.setDateTime(QDateTime.currentDateTime())
            self._loading = False
        self._set_dirty(True)
        self._schedule_draft()

    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)
        # Another question works once something is typed (save first) or saved before.
        self.duplicate_button.setEnabled(
            self._last_saved_id is not None or (dirty and self._editing_id is None)
        )

    def _default_channel(self) -> str | None:
        return (
            "tatap_muka" if self.channel.findData("tatap_muka") >= 0 else self.channel.itemData(0)
        )

    def _update_title(self) -> None:
        if self._editing_id is None:
            self.title.setText(self.tr("Pengunjung baru"))
        else:
            self.title.setText(
                self.tr("Mengubah catatan (versi %1)").replace(
                    "%1", str(self._editing_version or "?")
                )
            )
        if self.isVisible():  # a longer title may need the buttons' short texts
            self._fit_width(self.width())

    def errors_resolved(self) -> None:
        messages.channel().clear()

    def confirm_close(self, close_again: Callable[[], None]) -> bool:
        """The window is closing: True when it may close now. With unsaved input the CSO
        chooses: save (the window stays until the save is done, then ``close_again`` runs;
        an invalid form stays open with its messages), keep as a draft (offered back at the
        next start), discard, or cancel."""
        if not self._dirty or self._saving:
            return not self._saving
        choice = self._ask_on_close()
        if choice == "draft":
            self.flush_draft(force=True)
            return True
        if choice == "discard":
            self._set_dirty(False)
            self._stop_draft()
            self.discard_draft()
            return True
        if choice == "save":
            self._close_after_save = close_again
            self.save()
            if not self._saving:  # invalid input: the messages are showing
                self._close_after_save = None
        return False

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._fit_width(event.size().width())

    # Seams for the questions (tests replace them).
    def _ask_on_close(self) -> str:
        return ask_on_close(self)

    def _ask_save_first(self) -> str:
        return ask_save_first(self, can_discard=self._last_saved_id is not None)

    def _confirm_discard(self) -> bool:
        return confirm_discard(self)
