"""Runs the sync engine on its own worker thread and wires it to the window.

Triggers (ARCHITECTURE.md): a timer (settings ``sync_interval_s``, default 60 s), the sync
button / Ctrl+R, each save (debounced), and the network coming back (QNetworkInformation
when the platform has a backend, and a light health poll while offline in any case).

Automatic passes respect the engine's backoff and fail quietly (the indicator shows it); a
pass the user asked for ignores the backoff (not Retry-After) and its failure is shown in
words. A 401 opens the sign-in dialog. The worker never touches widgets: results come back
through queued signals (after Anki's ``sync.py`` and Mu's workers).
"""

from __future__ import annotations

import itertools
import logging
import queue
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QWidget

from hai_desktop.core.paths import ProfilePaths
from hai_desktop.core.sync.account import hub_config
from hai_desktop.core.sync.engine import SyncEngine
from hai_desktop.core.sync.protocol import REASON_NO_TOKEN, REASON_NOT_CONFIGURED
from hai_desktop.core.sync.status import STATE_OFFLINE, SyncReport, SyncStatus

log = logging.getLogger(__name__)

DEFAULT_DEBOUNCE_MS = 3000
HEALTH_POLL_MS = 15000
# The offline health poll only: a hub that accepts the connection but does not answer
# (paused, overloaded) should not hold the sync thread for the full request timeout. The
# engine's push/pull keep their own (settings ``hub_timeout_s``).
HEALTH_TIMEOUT_S = 3.0
FIRST_SYNC_DELAY_MS = 1500


class _Bridge(QObject):
    """Lives in the GUI thread; the sync thread emits here and Qt queues it over.

    Signals:
        job_done(int, object, object): job id, result, exception (one of them None).
        progress(str, int, int): engine progress.
    """

    job_done = Signal(int, object, object)
    progress = Signal(str, int, int)


class SyncController(QObject):
    """Owns the sync thread, the triggers and the current status.

    Signals:
        status_changed(object): a new :class:`SyncStatus`.
        sync_started(): a pass began.
        sync_finished(object): a pass ended with this :class:`SyncReport`.
        progress(str, int, int): phase, done, total during a pass.
        signin_required(str): the hub wants a new sign-in (message in words).
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
    ):
        super().__init__(parent)
        self.paths = paths
        # A plain daemon thread with a job queue (like the TaskManager's pools): it can never
        # abort the process at exit the way a still-running QThread would.
        self._queue: queue.Queue = queue.Queue()
        self._thread = threading.Thread(target=self._loop, name="hai-sync", daemon=True)
        self._bridge = _Bridge(self)  # deleted with the controller; emits then fail softly
        self._bridge.job_done.connect(self._on_job_done)
        self._bridge.progress.connect(self.progress)
        self.engine = engine or SyncEngine(paths)
        # The engine calls back on the sync thread: hop to the GUI thread via a signal.
        self.engine.progress = self._emit_progress
        self._jobs: dict[int, tuple[Callable | None, Callable | None]] = {}
        self._ids = itertools.count(1)
        self.status = SyncStatus()
        self.running = False
        self._queued: tuple[bool, bool] | None = None  # (force, user) of a pass asked meanwhile
        self._user_pass = False
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
        # The window closing (or a test dropping it) ends the thread too.
        self.destroyed.connect(lambda *_: self._queue.put(None))

    # -- life cycle -----------------------------------------------------------------------

    def start(self, first_sync_delay_ms: int = FIRST_SYNC_DELAY_MS) -> None:
        """Start the thread and the timer; load the stored status; sync soon after."""
        self._thread.start()
        self._apply_interval()
        self.timer.start()
        self.submit(self.engine.status, self._set_status)
        self._watch_network()
        if first_sync_delay_ms >= 0:
            QTimer.singleShot(first_sync_delay_ms, self, lambda: self.request_sync())

    def stop(self, timeout_ms: int = 15000) -> None:
        """Stop the triggers and the thread (waits for a running pass to finish)."""
        if self._stopped:
            return
        self._stopped = True
        for timer in (self.timer, self.debounce, self.health_timer):
            try:
                timer.stop()
            except RuntimeError:  # already deleted with the window
                pass
        if self._thread.is_alive():
            # A running pass finishes first (jobs run in order); then the thread closes its
            # own SQLite connection and ends.
            self._queue.put(None)
            self._thread.join(timeout_ms / 1000)
            if self._thread.is_alive():
                log.warning("sync thread still busy at shutdown")

    def _loop(self) -> None:
        while True:
            item = self._queue.get()
            if item is None:
                break
            job_id, fn = item
            try:
                result = fn()
            except BaseException as exc:  # handed back to the GUI thread, never swallowed
                self._emit_done(job_id, None, exc)
            else:
                self._emit_done(job_id, result, None)
        _close_thread_connection()

    def _emit_done(self, job_id: int, result: Any, error: BaseException | None) -> None:
        try:
            self._bridge.job_done.emit(job_id, result, error)
        except RuntimeError:  # the window (and the bridge) is gone: nobody to tell
            pass

    def _emit_progress(self, phase: str, done: int, total: int) -> None:
        try:
            self._bridge.progress.emit(phase, done, total)
        except RuntimeError:
            pass

    def submit(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Run ``fn`` on the sync thread (serialised with sync passes); callbacks on GUI."""
        if self._stopped:
            return
        job_id = next(self._ids)
        self._jobs[job_id] = (on_done, on_error)
        self._queue.put((job_id, fn))

    def run_for_dialog(self, fn, on_done, on_error) -> None:
        """A ``Runner`` for the sign-in dialog (its network call on the sync thread)."""
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
        self.submit(lambda: self.engine.run_once(force=force), self._on_report, self._on_crashed)

    def sync_now(self) -> None:
        """The user asked (button, Ctrl+R)."""
        self.request_sync(force=True, user=True)

    def schedule_after_save(self, *_args: Any) -> None:
        """A record was saved: sync a few seconds later (saves in a row coalesce)."""
        self.debounce.start()
        self.refresh_counts()

    def refresh_counts(self) -> None:
        """Re-read the outbox counts so "N menunggu" shows at once, not after the pass."""
        from hai_desktop.core import outbox

        def counts() -> tuple[int, int]:
            return outbox.queued_count(), outbox.rejected_count()

        def done(result: tuple[int, int]) -> None:
            self.status.waiting, self.status.rejected = result
            self.counts_changed.emit(*result)

        self.submit(counts, done)

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

    def _poll_health(self) -> None:
        """While offline: a cheap health check; when the hub answers, sync at once."""
        if self.running:
            return
        paths = self.paths

        def check() -> bool:
            from hai_desktop.core.sync.client import HubClient
            from hai_desktop.core.sync.protocol import HubError

            config = hub_config(paths)
            if not config.hub_url:
                return False
            with HubClient(
                config.hub_url,
                ca_bundle=config.ca_bundle,
                proxy=config.proxy,
                timeout=HEALTH_TIMEOUT_S,
            ) as client:
                try:
                    client.health()
                except HubError:
                    return False
            return True

        def done(reachable: bool) -> None:
            # Only a network outage ends this way; a hub fault keeps its jittered backoff
            # (its health endpoint may answer while the real calls fail).
            if reachable and self.status.error_kind == "offline":
                self.request_sync(force=True)

        self.submit(check, done)

    # -- results --------------------------------------------------------------------------

    @Slot(int, object, object)
    def _on_job_done(self, job_id: int, result: Any, error: BaseException | None) -> None:
        on_done, on_error = self._jobs.pop(job_id, (None, None))
        if error is not None:
            if on_error is not None:
                on_error(error)
            else:
                log.error("sync thread job failed", exc_info=error)
        elif on_done is not None:
            on_done(result)

    def _set_status(self, status: SyncStatus) -> None:
        self.status = status
        # Poll the hub's health only while offline: the cheap way to notice the network back.
        if status.state == STATE_OFFLINE:
            if not self.health_timer.isActive():
                self.health_timer.start()
        else:
            self.health_timer.stop()
        self.status_changed.emit(status)

    def _on_report(self, report: SyncReport) -> None:
        self.running = False
        user = self._user_pass
        was_signin = self.status.needs_signin
        self._set_status(report.status)
        self.sync_finished.emit(report)
        # Pop the dialog by itself only when a working sign-in stopped working (expired,
        # revoked); a desk never signed in stays quiet until its user clicks.
        expired = report.error is not None and report.error.reason not in (
            REASON_NO_TOKEN,
            REASON_NOT_CONFIGURED,
        )
        if report.status.needs_signin and (user or (expired and not was_signin)):
            self.signin_required.emit(report.status.message)
        elif user and (report.error is not None or report.skipped):
            self.notice.emit(report.status.message)
        elif user and report.rejected:
            self.notice.emit(report.status.message)
        elif user and report.ok:
            self.completed.emit(self.tr("Sinkronisasi selesai."))
        if self._queued is not None and not self._stopped:
            force, queued_user = self._queued
            self._queued = None
            self.request_sync(force=force, user=queued_user)

    def _on_crashed(self, exc: BaseException) -> None:
        # Not a classified hub failure: a bug or a storage error. Log it, show it calmly.
        self.running = False
        log.error("sync pass failed unexpectedly", exc_info=exc)
        status = SyncStatus(**{**self.status.to_dict()})
        status.state = "attention"
        status.message = "Sinkronisasi gagal karena kesalahan di komputer ini. Coba lagi."
        self._set_status(status)
        self.sync_finished.emit(SyncReport(status=status))
        if self._user_pass:
            self.notice.emit(status.message)
        self._queued = None


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
    controller = SyncController(paths, window)
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
            open_signin(window, paths, controller, controller.status.message)
        else:
            controller.sync_now()

    indicator.clicked.connect(on_indicator_clicked)
    window.sync_requested.connect(controller.sync_now)
    saved = getattr(window, "inquiry_saved", None)
    if saved is not None:
        saved.connect(controller.schedule_after_save)
    controller.signin_required.connect(lambda text: open_signin(window, paths, controller, text))

    def refresh_history(report: SyncReport) -> None:
        # The history shows each record's sync mark: refresh it when a pass changed any.
        changed = report.accepted or report.rejected or report.pulled.get("inquiries")
        history = getattr(window, "_history", None)  # only if the page was built
        if changed and history is not None:
            history.refresh()

    controller.sync_finished.connect(refresh_history)
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
