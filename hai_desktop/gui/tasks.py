"""Background work for the GUI: one database worker, one reader, the sync lane, a network pool.

After Anki's task manager: every database write a user makes goes through ONE worker thread
(so saves are serialised), long read-only queries (history pages, counts) go through a
separate reader thread so they never delay a save, sync passes run one at a time on the
sync lane, and other network calls use a small pool. Results come back to the GUI thread
through a queued Qt signal; worker code never touches widgets. This is the GUI's one way to
run background work: the sync controller uses it too.

Why the sync lane writes the database itself, beside the db worker: a sync pass is mostly
waiting on the network, and it must store each pulled page *with its cursor* in one
transaction right after the page arrived (ARCHITECTURE.md, "The outbox and the sync
engine"). Routing those writes through the db worker would put a save behind whole passes
queued on it, or split page and cursor. SQLite (WAL, ``lock_type=IMMEDIATE``,
``busy_timeout``) serialises the two writers at the transaction: a save waits at most for
one page's transaction, and the engine keeps that short by preparing a page (parsing,
stemming) before it opens the transaction. ``tests/bench/bench_sync.py`` measures a save
during a 2,000-entry KB page being applied (target ≤ 1 s).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

log = logging.getLogger(__name__)

OnDone = Callable[[Any], None]
OnError = Callable[[BaseException], None]


class _Bridge(QObject):
    """Lives in the GUI thread; a callable emitted from any thread runs here (queued)."""

    invoke = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.invoke.connect(self._run)

    @Slot(object)
    def _run(self, fn: Callable[[], None]) -> None:
        fn()


class TaskManager(QObject):
    """Runs callables off the GUI thread and delivers their outcome back on it.

    Signals:
        busy_changed(bool): True while any database job is queued or running.
    """

    busy_changed = Signal(bool)

    def __init__(self, default_error: OnError | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._bridge = _Bridge()
        self._db = ThreadPoolExecutor(max_workers=1, thread_name_prefix="hai-db")
        self._reader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="hai-read")
        self._net = ThreadPoolExecutor(max_workers=4, thread_name_prefix="hai-net")
        self._sync = ThreadPoolExecutor(max_workers=1, thread_name_prefix="hai-sync")
        self._pending = 0
        self._lock = threading.Lock()
        self._default_error = default_error
        self._closed = False

    # -- public API -----------------------------------------------------------------------
    def run_db(
        self, fn: Callable[[], Any], on_done: OnDone | None = None, on_error: OnError | None = None
    ) -> Future:
        """Run ``fn`` on the single database worker (all writes go here)."""
        return self._submit(self._db, fn, on_done, on_error, track=True)

    def run_query(
        self, fn: Callable[[], Any], on_done: OnDone | None = None, on_error: OnError | None = None
    ) -> Future:
        """Run a read-only query on the reader thread (never blocks a save)."""
        return self._submit(self._reader, fn, on_done, on_error)

    def run_net(
        self, fn: Callable[[], Any], on_done: OnDone | None = None, on_error: OnError | None = None
    ) -> Future:
        """Run network work on the network pool."""
        return self._submit(self._net, fn, on_done, on_error)

    def run_sync(
        self, fn: Callable[[], Any], on_done: OnDone | None = None, on_error: OnError | None = None
    ) -> Future:
        """Run ``fn`` on the sync lane (one at a time: sync passes, sign-in, health probes)."""
        return self._submit(self._sync, fn, on_done, on_error)

    def call_in_gui(self, fn: Callable[[], None]) -> None:
        """Schedule ``fn`` on the GUI thread (safe from any thread)."""
        self._bridge.invoke.emit(fn)

    @property
    def db_busy(self) -> bool:
        return self._pending > 0

    def wait_db_idle(self, timeout: float = 10.0) -> None:
        """Block until every database job queued so far has run (tests, shutdown)."""
        self._db.submit(lambda: None).result(timeout)
        self._reader.submit(lambda: None).result(timeout)

    def shutdown(self, close_connection: Callable[[], object] | None = None) -> None:
        """Finish queued database writes, then stop the threads (called on quit).

        ``close_connection`` runs last on the database, reader and sync threads, so their own
        SQLite connections are closed cleanly (peewee keeps one per thread).
        """
        if self._closed:
            return
        self._closed = True
        self._net.shutdown(wait=False, cancel_futures=True)
        if close_connection is not None:
            self._sync.submit(close_connection)
        # The sync controller stopped first: its queued jobs return at once, a running pass
        # ends at its next page or batch.
        self._sync.shutdown(wait=True)
        if close_connection is not None:
            self._reader.submit(close_connection)
        self._reader.shutdown(wait=True, cancel_futures=False)
        if close_connection is not None:
            self._db.submit(close_connection)
        # Writes the user saw confirmed must land: wait for them.
        self._db.shutdown(wait=True)

    # -- internals ------------------------------------------------------------------------
    def _submit(
        self,
        pool: ThreadPoolExecutor,
        fn: Callable[[], Any],
        on_done: OnDone | None,
        on_error: OnError | None,
        track: bool = False,
    ) -> Future:
        if self._closed:
            # Quitting: late follow-up work (a count after a page, a draft) is dropped.
            future: Future = Future()
            future.cancel()
            return future
        if track:
            self._change_pending(+1)

        def job() -> Any:
            try:
                result = fn()
            except BaseException as exc:  # delivered to the GUI thread, never swallowed
                self.call_in_gui(
                    lambda error=exc: self._finish(track, None, error, on_done, on_error)
                )
                return None
            self.call_in_gui(lambda: self._finish(track, result, None, on_done, on_error))
            return result

        return pool.submit(job)

    def _finish(
        self,
        track: bool,
        result: Any,
        exc: BaseException | None,
        on_done: OnDone | None,
        on_error: OnError | None,
    ) -> None:
        if track:
            self._change_pending(-1)
        if self._closed:
            return  # the window is going away: results are no longer shown
        if exc is None:
            if on_done is not None:
                on_done(result)
            return
        if on_error is not None:
            on_error(exc)
        elif self._default_error is not None:
            self._default_error(exc)
        else:
            log.error("background task failed", exc_info=exc)

    def _change_pending(self, delta: int) -> None:
        with self._lock:
            before = self._pending
            self._pending += delta
            after = self._pending
        if (before == 0) != (after == 0):
            self.busy_changed.emit(after > 0)
