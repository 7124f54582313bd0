"""Runs the sync engine through the GUI's task manager and wires it to the window.

Triggers (ARCHITECTURE.md): a timer (settings ``sync_interval_s``, default 60 s), the sync
button / Ctrl+R, each save (debounced), and the network coming back (QNetworkInformation
when the platform has a backend, and a light health probe in any case).

Passes run on the task manager's sync lane (``gui/tasks.py``: one at a time, off the GUI
thread; the lane's note says why it writes the database beside the db worker). Automatic
passes respect the engine's backoff and fail quietly (the indicator shows it); a pass the
user asked for ignores the backoff (not Retry-After), checks the hub's health first with a
short timeout so a dead hub is reported in seconds, and its failure is shown in words. A
401 opens the sign-in dialog. A dead hub is noticed between passes too: a cheap health
probe runs every ``health_poll_ms`` (soon after a failure, then at that pace), and tells
"the hub is not answering" from "this PC has no network". After a pass, the topics whose
data changed go to the change notifier (``gui/changes.py``) for the views.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from hai_desktop.core.paths import ProfilePaths
from hai_desktop.core.sync import codes
from hai_desktop.core.sync.account import hub_config
from hai_desktop.core.sync.engine import SyncEngine
from hai_desktop.core.sync.protocol import REASON_NO_TOKEN, REASON_NOT_CONFIGURED
from hai_desktop.core.sync.status import (
    STATE_ATTENTION,
    STATE_OFFLINE,
    SyncReport,
    SyncStatus,
    local_failure_code,
)
from hai_desktop.gui import changes
from hai_desktop.gui.sync_texts import status_text
from hai_desktop.gui.tasks import TaskManager

log = logging.getLogger(__name__)

DEFAULT_DEBOUNCE_MS = 3000
HEALTH_POLL_MS = 15000
FIRST_PROBE_AFTER_FAILURE_MS = 3000
# The health probe only: a hub that accepts the connection but does not answer (paused,
# overloaded) is reported within seconds. The engine's push/pull keep their own timeout
# (settings ``hub_timeout_s``).
HEALTH_TIMEOUT_S = 3.0
FIRST_SYNC_DELAY_MS = 1500


class SyncController(QObject):
    """Owns the sync triggers and the current status; the work runs on the task manager.

    Signals:
        status_changed(object): a new :class:`SyncStatus`.
        sync_started(): a pass began.
        sync_finished(object): a pass ended with this :class:`SyncReport`.
        progress(str, int, int): phase, done, total during a pass.
        signin_required(str): the hub wants a new sign-in (message in words, may be empty).
        notice(str): a failure of a sync the user asked for, to show in words.
        completed(str): a sync the user asked for succeeded (a short confirmation).
        counts_changed(int, int): records waiting / rejected, refreshed after a save.
    """

    status_changed = Signal(object)
    sync_started = Signal()
    sync_finished = Signal(object)
    progress = Signal(str, int, int)
    signin_required = Signal(str)
    notice = Signal(str)
    completed = Signal(str)
    counts_changed = Signal(int, int)

    def __init__(
        self,
        paths: ProfilePaths,
        parent: QObject | None = None,
        engine: SyncEngine | None = None,
        debounce_ms: int = DEFAULT_DEBOUNCE_MS,
        health_poll_ms: int = HEALTH_POLL_MS,
        tasks: TaskManager | None = None,
    ):
        super().__init__(parent)
        self.paths = paths
        # The window's task manager; a controller used alone (tests, tools) gets its own.
        self._own_tasks = tasks is None
        self.tasks = tasks or TaskManager()
        self.engine = engine or SyncEngine(paths)
        # The engine calls back on the sync lane: hop to the GUI thread.
        self.engine.progress = self._emit_progress
        self.status = SyncStatus()
        self.running = False
        self._pass: Future | None = None
        self._queued: tuple[bool, bool] | None = None  # (force, user) of a pass asked meanwhile
        self._user_pass = False
        self._probing = False
        self._stopped = False

        self.timer = QTimer(self)
        self.timer.timeout.connect(self._on_timer)
        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(debounce_ms)
        self.debounce.timeout.connect(lambda: self.request_sync())
        self.health_timer = QTimer(self)
        self.health_timer.setInterval(health_poll_ms)
        self.health_timer.timeout.connect(self._poll_health)
        self._network_info = None
        from PySide6.QtCore import QCoreApplication

        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)

    # -- life cycle -----------------------------------------------------------------------

    def start(self, first_sync_delay_ms: int = FIRST_SYNC_DELAY_MS) -> None:
        """Start the timers; load the stored status; sync soon after."""
        self._apply_interval()
        self.timer.start()
        self.health_timer.start()
        self.tasks.run_query(self.engine.status, self._set_status)
        self._watch_network()
        if first_sync_delay_ms >= 0:
            QTimer.singleShot(first_sync_delay_ms, self, lambda: self.request_sync())

    def stop(self, timeout_ms: int = 15000) -> None:
        """Stop the triggers; a running pass ends at its next batch or page."""
        if self._stopped:
            return
        self._stopped = True
        for timer in (self.timer, self.debounce, self.health_timer):
            try:
                timer.stop()
            except RuntimeError:  # already deleted with the window
                pass
        self.engine.request_stop()
        if self._pass is not None and not self._pass.done():
            try:
                self._pass.result(timeout_ms / 1000)
            except Exception:  # noqa: BLE001 - its outcome no longer matters at exit
                log.warning("sync pass still busy at shutdown")
        if self._own_tasks:
            self.tasks.shutdown(close_connection=_close_thread_connection)

    def _emit_progress(self, phase: str, done: int, total: int) -> None:
        def emit() -> None:
            try:
                self.progress.emit(phase, done, total)
            except RuntimeError:  # the controller is gone: nobody to tell
                pass

        self.tasks.call_in_gui(emit)

    def submit(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Future | None:
        """Run ``fn`` on the sync lane (one at a time with passes); callbacks on the GUI
        thread. Once stopped, queued jobs return without running."""
        if self._stopped:
            return None

        def job() -> Any:
            if self._stopped:
                return None
            return fn()

        def done(result: Any) -> None:
            if not self._stopped and on_done is not None:
                on_done(result)

        def failed(exc: BaseException) -> None:
            if on_error is not None:
                on_error(exc)
            else:
                log.error("sync job failed", exc_info=exc)

        return self.tasks.run_sync(job, done, failed)

    def run_for_dialog(self, fn, on_done, on_error) -> None:
        """A ``Runner`` for the sign-in dialog (its network call on the sync lane)."""
        self.submit(fn, on_done, on_error)

    # -- triggers -------------------------------------------------------------------------

    def request_sync(self, force: bool = False, user: bool = False) -> None:
        """Ask for a pass. While one runs, one more is queued (requests coalesce)."""
        if self._stopped:
            return
        if self.running:
            prev = self._queued or (False, False)
            self._queued = (prev[0] or force, prev[1] or user)
            return
        self.running = True
        self._user_pass = user
        self.sync_started.emit()
        # The user waits for the answer: check the hub's health quickly first.
        self._pass = self.submit(
            lambda: self.engine.run_once(force=force, quick_check=user),
            self._on_report,
            self._on_crashed,
        )

    def sync_now(self) -> None:
        """The user asked (button, Ctrl+R)."""
        self.request_sync(force=True, user=True)

    def schedule_after_save(self, *_args: Any) -> None:
        """A record was saved: sync a few seconds later (saves in a row coalesce)."""
        self.debounce.start()
        self.refresh_counts()

    def refresh_counts(self) -> None:
        """Re-read the outbox counts so "N menunggu" shows at once, even during a pass."""
        from hai_desktop.core import outbox

        def counts() -> tuple[int, int]:
            return outbox.queued_count(), outbox.rejected_count()

        def done(result: tuple[int, int]) -> None:
            if self._stopped:
                return
            self.status.waiting, self.status.rejected = result
            self.counts_changed.emit(*result)

        self.tasks.run_query(counts, done)

    def _on_timer(self) -> None:
        self._apply_interval()
        self.request_sync()

    def _apply_interval(self) -> None:
        try:
            interval = hub_config(self.paths).sync_interval_s
        except Exception:  # a broken settings file falls back to the default
            interval = 60
        self.timer.setInterval(max(10, int(interval)) * 1000)

    def _watch_network(self) -> None:
        try:
            from PySide6.QtNetwork import QNetworkInformation

            if not QNetworkInformation.loadDefaultBackend():
                return
            info = QNetworkInformation.instance()
        except (ImportError, RuntimeError, AttributeError):
            return
        if info is None:
            return
        self._network_info = info
        info.reachabilityChanged.connect(self._on_reachability)

    def _on_reachability(self, reachability) -> None:
        from PySide6.QtNetwork import QNetworkInformation

        if reachability == QNetworkInformation.Reachability.Online:
            if self.status.error_kind == "offline":
                self.request_sync(force=True)
        else:
            self._poll_health()  # say "no network" now, not at the next pass

    def _poll_health(self) -> None:
        """A cheap health probe: notices a dead hub between passes, and the hub back."""
        if self.running or self._probing or self._stopped:
            return
        self._probing = True

        def done(failed: SyncStatus | None) -> None:
            self._probing = False
            if failed is not None:
                self._set_status(failed)
            elif self.status.error_kind == "offline":
                # Only a network outage ends this way; a hub fault keeps its jittered
                # backoff (its health endpoint may answer while the real calls fail).
                self.request_sync(force=True)

        def failed(exc: BaseException) -> None:
            self._probing = False
            log.warning("health probe failed unexpectedly", exc_info=exc)

        self.submit(lambda: self.engine.probe(HEALTH_TIMEOUT_S), done, failed)

    # -- results --------------------------------------------------------------------------

    def _set_status(self, status: SyncStatus) -> None:
        if self._stopped:
            return
        self.status = status
        self.status_changed.emit(status)

    def _on_report(self, report: SyncReport) -> None:
        self.running = False
        self._pass = None
        user = self._user_pass
        was_signin = self.status.needs_signin
        self._set_status(report.status)
        self.sync_finished.emit(report)
        for topic in sorted(report.changed):
            changes.notify(topic)
        if report.error is not None and report.status.state == STATE_OFFLINE:
            # Probe soon, then at the poll's pace: the first sign the hub is back.
            self.health_timer.start()
            QTimer.singleShot(FIRST_PROBE_AFTER_FAILURE_MS, self, self._poll_health)
        # Pop the dialog by itself only when a working sign-in stopped working (expired,
        # revoked); a desk never signed in stays quiet until its user clicks.
        expired = report.error is not None and report.error.reason not in (
            REASON_NO_TOKEN,
            REASON_NOT_CONFIGURED,
        )
        if report.status.needs_signin and (user or (expired and not was_signin)):
            self.signin_required.emit(signin_message(report.status))
        elif user and (report.error is not None or report.skipped or report.rejected):
            self.notice.emit(status_text(report.status))
        elif user and report.ok:
            self.completed.emit(self.tr("Sinkronisasi selesai."))
        if self._queued is not None and not self._stopped:
            force, queued_user = self._queued
            self._queued = None
            self.request_sync(force=force, user=queued_user)

    def _on_crashed(self, exc: BaseException) -> None:
        # Not a classified hub failure: a bug or a storage error. Log it, show it calmly.
        self.running = False
        self._pass = None
        log.error("sync pass failed unexpectedly", exc_info=exc)
        status = SyncStatus.from_dict(self.status.to_dict())
        status.state = STATE_ATTENTION
        status.say(local_failure_code(exc))  # "disk full" / "locked" said as such
        self._set_status(status)
        self.sync_finished.emit(SyncReport(status=status))
        if self._user_pass:
            self.notice.emit(status_text(status))
        self._queued = None


def signin_message(status: SyncStatus) -> str:
    """What the sign-in dialog says above its fields: why a working sign-in stopped.

    Nothing for a desk that never signed in (the status line's "click the sync status to
    sign in" would be nonsense inside the dialog that click opened).
    """
    if status.code in (codes.NOT_SIGNED_IN, codes.NOT_CONFIGURED, codes.NEVER_SYNCED):
        return ""
    return status_text(status)


def _close_thread_connection() -> None:
    """Close this thread's SQLite connection (peewee keeps one per thread)."""
    from hai_desktop.core.db.models import database_proxy

    db = database_proxy.obj
    if db is not None and not db.is_closed():
        db.close()


# -------------------------------------------------------------------------- installation


def install(window: QWidget, paths: ProfilePaths, start: bool = True) -> SyncController:
    """Put the indicator in the status bar, the hub tab in the settings, and start syncing.

    ``window`` is the main window (``set_sync_indicator``, ``sync_requested``,
    ``inquiry_saved``). The controller is kept as ``window.sync_controller``.
    """
    from hai_desktop.gui import messages
    from hai_desktop.gui.dialogs.settings_dialog import register_settings_page
    from hai_desktop.gui.hub_settings_page import HubSettingsPage
    from hai_desktop.gui.sync_status import SyncIndicator

    register_settings_page(HubSettingsPage)
    controller = SyncController(paths, window, tasks=getattr(window, "tasks", None))
    indicator = SyncIndicator()
    window.set_sync_indicator(indicator)
    window.sync_indicator = indicator
    window.sync_controller = controller

    controller.status_changed.connect(indicator.set_status)
    controller.sync_started.connect(lambda: indicator.set_syncing(True))
    controller.sync_finished.connect(lambda _r: indicator.set_syncing(False))
    controller.progress.connect(indicator.set_progress)
    controller.notice.connect(lambda text: messages.warning(text))
    controller.completed.connect(lambda text: messages.info(text, 4000))
    controller.counts_changed.connect(indicator.set_waiting)

    def on_indicator_clicked() -> None:
        if controller.status.needs_signin:
            open_signin(window, paths, controller, signin_message(controller.status))
        else:
            controller.sync_now()

    indicator.clicked.connect(on_indicator_clicked)
    window.sync_requested.connect(controller.sync_now)
    saved = getattr(window, "inquiry_saved", None)
    if saved is not None:
        saved.connect(controller.schedule_after_save)
    controller.signin_required.connect(lambda text: open_signin(window, paths, controller, text))

    if start:
        controller.start()
    return controller


def open_signin(
    window: QWidget, paths: ProfilePaths, controller: SyncController, message: str = ""
) -> None:
    """Show the sign-in dialog (once at a time); sync right after a successful sign-in."""
    from hai_desktop.gui.signin_dialog import SignInDialog

    if getattr(window, "_signin_dialog", None) is not None:
        window._signin_dialog.raise_()
        return
    email = ""
    profile = getattr(window, "profile", None)
    if profile is not None:
        email = getattr(profile, "email", "") or ""
    dialog = SignInDialog(
        paths,
        hub_url=hub_config(paths).hub_url or "",
        email=email,
        runner=controller.run_for_dialog,
        message=message or None,
        parent=window,
    )
    window._signin_dialog = dialog

    def finished(result: int) -> None:
        window._signin_dialog = None
        dialog.deleteLater()
        if result == SignInDialog.DialogCode.Accepted:
            controller.sync_now()

    dialog.finished.connect(finished)
    dialog.open()
