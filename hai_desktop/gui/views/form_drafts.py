"""The log form's draft keeping: what is typed is stored (through the database worker) so
a killed app offers it back at the next start (a mixin of ``InquiryForm``)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer

from hai_desktop.core import drafts
from hai_desktop.core.inquiries_form import InquiryInput

DRAFT_KEY = "inquiry_form"
DRAFT_DELAY_MS = 1000  # after typing pauses this long
DRAFT_MAX_WAIT_MS = 2000  # and at the latest this long after the first unsaved change


class DraftKeepingMixin:
    """Stores and restores the draft of ``InquiryForm`` (``self`` is the form)."""

    def _init_drafts(self) -> None:
        self._pending_draft: dict | None = None
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self._save_draft_now)
        # Continuous typing never pauses: this one is not restarted by keystrokes, so a
        # kill -9 loses at most the last 2 s.
        self._draft_max_timer = QTimer(self)
        self._draft_max_timer.setSingleShot(True)
        self._draft_max_timer.setInterval(DRAFT_MAX_WAIT_MS)
        self._draft_max_timer.timeout.connect(self._save_draft_now)

    def check_draft(self) -> None:
        """Ask the worker for a stored draft; if there is one, offer it back."""

        def done(payload: dict | None) -> None:
            if payload:
                self._pending_draft = payload
                self.draft_banner.show()

        self.tasks.run_db(lambda: drafts.load_draft(DRAFT_KEY), done)

    def restore_draft(self) -> None:
        payload = self._pending_draft
        self._pending_draft = None
        self.draft_banner.hide()
        if not payload:
            return
        data = InquiryInput.from_dict(payload)
        self.apply_input(data)
        self._editing_id = data.id
        self._editing_version = payload.get("_version")
        self._update_title()
        self._set_dirty(True)
        self.visitor_name.setFocus(Qt.FocusReason.OtherFocusReason)

    def discard_draft(self) -> None:
        self._pending_draft = None
        self.draft_banner.hide()
        self.tasks.run_db(lambda: drafts.discard_draft(DRAFT_KEY))

    def flush_draft(self, force: bool = False) -> None:
        """Write a pending draft now (window closing); with ``force`` whenever the form
        holds unsaved input ("keep as draft")."""
        if force or self._draft_timer.isActive() or self._draft_max_timer.isActive():
            self._save_draft_now()

    def _schedule_draft(self) -> None:
        """A change was typed: store the draft when typing pauses, or 2 s after the first
        unsaved change at the latest."""
        self._draft_timer.start()
        if not self._draft_max_timer.isActive():
            self._draft_max_timer.start()

    def _stop_draft(self) -> None:
        self._draft_timer.stop()
        self._draft_max_timer.stop()

    def _save_draft_now(self) -> None:
        self._stop_draft()
        if not self._dirty:
            return
        payload = self.collect().to_dict()
        payload["_version"] = self._editing_version
        self.tasks.run_db(lambda: drafts.save_draft(DRAFT_KEY, payload))
