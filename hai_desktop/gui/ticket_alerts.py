"""Tickets window-wide (installed with the main window's pages, whether or not the Tiket
screen was opened):

- the ways to forward a question: "Teruskan ke HAI-DJPBN" on the log form, the offer after
  an inquiry saved as *Dieskalasi*, Riwayat's button and the Tiket screen's "Tiket baru"
  all open the ticket form (:meth:`TicketAlerts.forward`);
- the unread count on the Tiket navigation entry, and a tray notification (the status bar
  where the desktop has no tray) when a sync pass brought a new reply from the centre.

The unread state is read on the reader thread after each sync pass that brought tickets and
each local change (change topics), never on a polling timer.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSystemTrayIcon

from hai_desktop.core.db.models import Ticket
from hai_desktop.gui import changes, messages
from hai_desktop.gui.nav_badge import NavBadge
from hai_desktop.gui.views.ticket_view import PAGE_KEY, SYNC_TOPICS, TOPIC_LOCAL

log = logging.getLogger(__name__)

OFFER_STYLE = (
    "QFrame#ticketOffer { background: #e8f0fe; border: 1px solid #8ab4f8; border-radius: 4px; }"
)


def unread_state() -> dict[str, Any]:
    """{total, tickets: [(id, number, subject, unread)]} of the tickets with unread replies."""
    rows = (
        Ticket.select(Ticket.id, Ticket.number, Ticket.subject, Ticket.unread)
        .where(Ticket.unread > 0)
        .order_by(Ticket.updated_at.desc())
        .tuples()
    )
    items = list(rows)
    return {"total": sum(r[3] for r in items), "tickets": items}


class TicketOffer(QFrame):
    """Above the log form after an inquiry was saved as *Dieskalasi*: forward it now?

    Signals:
        forward_requested(str): forward this inquiry.
    """

    forward_requested = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("ticketOffer")
        self.setStyleSheet(OFFER_STYLE)
        self.inquiry_id: str | None = None
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        self.text = QLabel(
            self.tr("Catatan dieskalasi tersimpan. Teruskan ke HAI-DJPBN sebagai tiket?")
        )
        self.text.setWordWrap(True)
        self.forward = QPushButton(self.tr("Teruskan ke HAI-DJPBN"))
        self.forward.setObjectName("ticketOfferForward")
        self.forward.clicked.connect(self._on_forward)
        self.later = QPushButton(self.tr("Nanti"))
        self.later.setObjectName("ticketOfferLater")
        self.later.clicked.connect(self.hide)
        row.addWidget(self.text, 1)
        row.addWidget(self.forward)
        row.addWidget(self.later)
        self.hide()

    def offer(self, inquiry_id: str) -> None:
        self.inquiry_id = inquiry_id
        self.show()

    def _on_forward(self) -> None:
        self.hide()
        if self.inquiry_id:
            self.forward_requested.emit(self.inquiry_id)


class TicketAlerts(QObject):
    """Signals:
    unread_changed(int): the number of unread replies, after each read.
    """

    unread_changed = Signal(int)

    def __init__(self, window, tray: Any = None) -> None:
        super().__init__(window)
        self.window = window
        self.tasks = window.tasks
        self.unread = 0
        self.notifications: list[tuple[str, str]] = []  # what was notified (tests too)
        self.dialog = None  # the ticket form while one is open
        self._seen: dict[str, int] | None = None  # ticket id -> unread at the last read
        self._generation = 0
        self._forward_after_save = False
        self._nav = NavBadge(window, PAGE_KEY)
        self.tray = tray
        self.offer = TicketOffer()
        self.offer.forward_requested.connect(self.forward)
        self._install_on_form()
        for topic in (*SYNC_TOPICS, TOPIC_LOCAL):
            changes.subscribe(topic, self.refresh, self)
        self.refresh()

    # -- forwarding -----------------------------------------------------------------------
    def forward(self, inquiry_id: str | None = None) -> None:
        """Open the ticket form (prefilled from ``inquiry_id`` when given)."""
        from hai_desktop.gui.dialogs.ticket_form import TicketForm

        if self.dialog is not None:
            self.dialog.close()
        dialog = TicketForm(self.tasks, inquiry_id, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.created.connect(self._on_created)
        dialog.finished.connect(lambda _r: self._forget(dialog))
        self.dialog = dialog
        dialog.open()

    def forward_from_form(self) -> None:
        """The log form's button: the entry open (saved first if it holds input), the one
        just saved, or a ticket of its own when the form is empty."""
        form = self.window.form
        if form is None:
            self.forward(None)
        elif form.is_dirty:
            self._forward_after_save = True
            form.save()
            if not getattr(form, "_saving", False):  # it did not validate: nothing saved
                self._forward_after_save = False
        elif form.editing_id:
            self.forward(form.editing_id)
        else:
            self.forward(getattr(form, "_last_saved_id", None))

    # -- unread replies -------------------------------------------------------------------
    def refresh(self) -> None:
        self._generation += 1
        generation = self._generation

        def done(state: dict[str, Any]) -> None:
            if generation == self._generation:
                self.apply(state)

        def failed(exc: BaseException) -> None:
            log.warning("ticket alerts could not be read", exc_info=exc)

        self.tasks.run_query(unread_state, done, failed)

    def apply(self, state: dict[str, Any]) -> None:
        self.unread = int(state["total"])
        self._set_nav_count(self.unread)
        now = {tid: n for tid, _num, _subj, n in state["tickets"]}
        if self._seen is not None:
            new = [t for t in state["tickets"] if t[3] > self._seen.get(t[0], 0)]
            if new:
                self._notify(new[0])
        self._seen = now
        self.unread_changed.emit(self.unread)

    # -- internals ------------------------------------------------------------------------
    def _on_created(self, _ticket_id: str) -> None:
        changes.notify(TOPIC_LOCAL)
        changes.notify(changes.INQUIRIES)  # the inquiry now names its ticket
        controller = getattr(self.window, "sync_controller", None)
        if controller is not None:
            controller.schedule_after_save()
        view = self.window.built_page(PAGE_KEY)
        if view is not None and hasattr(view, "refresh"):
            view.refresh()

    def _forget(self, dialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def _install_on_form(self) -> None:
        form = getattr(self.window, "form", None)
        page = getattr(self.window, "_log_page", None)
        if form is None:
            return
        button = getattr(form, "forward_button", None)
        if button is not None:
            button.setToolTip(
                self.tr("Teruskan pertanyaan ini ke HAI-DJPBN sebagai tiket (isian disimpan dulu)")
            )
            button.clicked.connect(self.forward_from_form)
        if page is not None:
            page.layout().insertWidget(0, self.offer)
        form.saved.connect(self._on_inquiry_saved)
        form.dirty_changed.connect(lambda dirty: self.offer.hide() if dirty else None)

    def _on_inquiry_saved(self, inquiry_id: str) -> None:
        if self._forward_after_save:
            self._forward_after_save = False
            self.forward(inquiry_id)
            return

        def check() -> bool:
            from hai_desktop.core.inquiries import get_inquiry

            inquiry = get_inquiry(inquiry_id)
            return inquiry is not None and inquiry.outcome == "escalated" and not inquiry.ticket_id

        def done(escalated: bool) -> None:
            if escalated:
                self.offer.offer(inquiry_id)
            else:
                self.offer.hide()

        self.tasks.run_query(check, done)

    def _set_nav_count(self, unread: int) -> None:
        words = self.tr("%1 balasan belum dibaca").replace("%1", str(unread)) if unread else ""
        self._nav.set_count(unread, words)

    def _notify(self, ticket: tuple) -> None:
        _tid, number, subject, _n = ticket
        title = self.tr("Balasan baru dari HAI-DJPBN")
        text = f"{number} — {subject}" if number else subject
        self.notifications.append((title, text))
        tray = self.tray
        if tray is None:
            alerts = getattr(self.window, "broadcast_alerts", None)
            tray = getattr(alerts, "tray", None)
        if tray is not None and QSystemTrayIcon.isSystemTrayAvailable():
            tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 10000)
        else:
            messages.info(f"{title}: {text}", 10000)


def install(window) -> TicketAlerts:
    """The window-wide ticket parts (kept as ``window.ticket_alerts``)."""
    alerts = TicketAlerts(window)
    window.ticket_alerts = alerts
    return alerts
