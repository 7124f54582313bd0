"""Broadcasts that no desk can miss, window-wide (installed with the main window's pages,
whether or not the Broadcast screen was opened):

- the unread count on the Broadcast screen's navigation entry and the tray icon's tooltip;
- urgent notices: a dialog on top of the desk at start and on arrival, raised again every
  ``REMINDER_MS`` (2 minutes) until each is confirmed, and a tray notification where the
  desktop has a tray;
- active outages: a banner across the top of the main window (applications, status, last
  update, until when) until resolved or expired, and the log form's offer to link an
  inquiry on an affected application to the outage notice and use its text as the answer.

State is read on the reader thread (``core.broadcasts_view.alert_state``) after every sync
pass that brought broadcasts, every local read/confirmation, and each minute (expiry).
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal  # noqa: F401 (tests use .Qt)
from PySide6.QtWidgets import QSystemTrayIcon, QVBoxLayout, QWidget

from hai_desktop.core import broadcasts, broadcasts_view
from hai_desktop.gui import changes
from hai_desktop.gui.dialogs.urgent_dialog import UrgentDialog
from hai_desktop.gui.nav_badge import NavBadge
from hai_desktop.gui.outage_widgets import OutageBanner, OutageOffer
from hai_desktop.gui.widgets import combo_code

log = logging.getLogger(__name__)

PAGE_KEY = "broadcasts"
REMINDER_MS = 120_000
REFRESH_MS = 60_000
TOPIC_FEED = broadcasts.FEED
TOPIC_LOCAL = broadcasts.RECEIPT_RECORD_TYPE


class BroadcastAlerts(QObject):
    """Signals:
    state_changed(object): a fresh :class:`core.broadcasts_view.AlertState` was applied.
    """

    state_changed = Signal(object)

    def __init__(self, window, reminder_ms: int | None = None, tray: Any = None) -> None:
        super().__init__(window)
        self.window = window
        self.tasks = window.tasks
        self.state = broadcasts_view.AlertState()
        self.notifications: list[tuple[str, str]] = []  # what went to the tray (tests too)
        self._raised: set[str] = set()
        self._generation = 0
        self.dialog = UrgentDialog(window)
        self.dialog.acknowledged.connect(self.acknowledge)
        self.dialog.open_requested.connect(self.open_broadcast)
        self.banner = OutageBanner()
        self.banner.open_requested.connect(self.open_broadcast)
        self._install_banner()
        self.offer = OutageOffer()
        self.offer.link_requested.connect(self.link_outage)
        self.offer.unlink_requested.connect(self.unlink_outage)
        self._install_offer()
        self._nav = NavBadge(window, PAGE_KEY)
        self.reminder = QTimer(self)
        self.reminder.setInterval(reminder_ms or REMINDER_MS)
        self.reminder.timeout.connect(self.remind)
        self.refresher = QTimer(self)
        self.refresher.setInterval(REFRESH_MS)
        self.refresher.timeout.connect(self.refresh)
        self.refresher.start()
        self.tray = tray if tray is not None else _make_tray(window)
        changes.subscribe(TOPIC_FEED, self.refresh, self)
        changes.subscribe(TOPIC_LOCAL, self.refresh, self)
        self.refresh()

    # -- public API -----------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the alert state again (reader thread) and show it."""
        self._generation += 1
        generation = self._generation

        def done(state) -> None:
            if generation == self._generation:
                self.apply(state)

        def failed(exc: BaseException) -> None:
            log.warning("broadcast alerts could not be read", exc_info=exc)

        self.tasks.run_query(broadcasts_view.alert_state, done, failed)

    def apply(self, state: broadcasts_view.AlertState) -> None:
        self.state = state
        unread = int(state.counts.get("unread", 0))
        self._set_nav_count(unread)
        if self.tray is not None:
            tip = "HAI Desk"
            if unread:
                tip += " — " + self.tr("%1 siaran belum dibaca").replace("%1", str(unread))
            self.tray.setToolTip(tip)
        self.banner.set_outages(state.outages)
        self.update_offer()
        self.dialog.set_queue(state.urgent)
        new = [u for u in state.urgent if u["id"] not in self._raised]
        if new:
            self._raised.update(u["id"] for u in new)
            self.dialog.raise_now()
            self._notify(new[-1])
        if state.urgent:
            if not self.reminder.isActive():
                self.reminder.start()
        else:
            self.reminder.stop()
        self.state_changed.emit(state)

    def remind(self) -> None:
        """The 2-minute reminder: raise the dialog again while anything is unconfirmed."""
        if not self.dialog.queue:
            self.reminder.stop()
            return
        self.dialog.set_queue(self.dialog.queue)
        self.dialog.raise_now()
        self._notify(self.dialog.queue[0])

    def acknowledge(self, broadcast_id: str) -> None:
        """The dialog's confirmation: record it (a receipt for the hub), then refresh."""

        def done(_changed: bool) -> None:
            view = self.window.built_page(PAGE_KEY)
            if view is not None and hasattr(view, "model"):
                from hai_desktop.core.timeutil import utc_now

                now = utc_now()
                view.model.update_row(broadcast_id, acknowledged_at=now, read_at=now)
            changes.notify(TOPIC_LOCAL)

        self.tasks.run_db(lambda: broadcasts.acknowledge(broadcast_id), done)

    def open_broadcast(self, broadcast_id: str) -> None:
        """Show a notice on the Broadcast screen (from the dialog or the banner)."""
        self.window.show_page(PAGE_KEY)
        view = self.window.page(PAGE_KEY)
        if hasattr(view, "open_broadcast"):
            view.open_broadcast(broadcast_id)

    # -- the log form's offer -------------------------------------------------------------
    def outage_for(self, application: str | None) -> dict[str, Any] | None:
        if not application:
            return None
        for outage in self.state.outages:
            if application in (outage.get("affected_applications") or []):
                return outage
        return None

    def update_offer(self, *_args) -> None:
        form = getattr(self.window, "form", None)
        if form is None:
            return
        linked = getattr(form, "outage_broadcast_id", None)
        if linked:
            outage = next((o for o in self.state.outages if o["id"] == linked), None)
            self.offer.show_for(outage or {"number": ""}, linked)
            return
        self.offer.show_for(self.outage_for(combo_code(form.application)), None)

    def link_outage(self, outage: dict[str, Any]) -> None:
        form = self.window.form
        form.outage_broadcast_id = outage["id"]
        form.insert_answer(outage.get("body") or "")
        self.update_offer()

    def unlink_outage(self) -> None:
        self.window.form.outage_broadcast_id = None
        self.update_offer()

    # -- internals ------------------------------------------------------------------------
    def _install_banner(self) -> None:
        """Put the banner above everything in the window (navigation and pages)."""
        central = self.window.takeCentralWidget()
        container = QWidget()
        container.setObjectName("mainWithBanner")
        layout = QVBoxLayout(container)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(central, 1)
        self.window.setCentralWidget(container)

    def _install_offer(self) -> None:
        page = getattr(self.window, "_log_page", None)
        form = getattr(self.window, "form", None)
        if page is None or form is None:
            return
        page.layout().insertWidget(0, self.offer)
        form.application.currentIndexChanged.connect(self.update_offer)
        # A new visitor, a loaded or duplicated entry may keep the application but not the
        # link: look again whenever the form is reset or saved.
        form.dirty_changed.connect(self.update_offer)
        form.saved.connect(self.update_offer)

    def _set_nav_count(self, unread: int) -> None:
        words = self.tr("%1 siaran belum dibaca").replace("%1", str(unread)) if unread else ""
        self._nav.set_count(unread, words)

    def _notify(self, item: dict[str, Any]) -> None:
        title = self.tr("Siaran segera dari pusat")
        text = item.get("title") or ""
        self.notifications.append((title, text))
        if self.tray is not None:
            self.tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Warning, 15000)


def _make_tray(window) -> QSystemTrayIcon | None:
    if not QSystemTrayIcon.isSystemTrayAvailable():
        return None
    tray = QSystemTrayIcon(window.windowIcon(), window)
    tray.activated.connect(lambda _reason: window.raise_window())
    tray.show()
    return tray


def install(window) -> BroadcastAlerts:
    """The window-wide broadcast alerts (kept as ``window.broadcast_alerts``)."""
    alerts = BroadcastAlerts(window)
    window.broadcast_alerts = alerts
    return alerts
