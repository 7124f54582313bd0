"""The sync pass: push the outbox, pull the feeds, remember where it stands. No Qt.

The engine knows no record type: what is pushed and pulled comes from
:mod:`hai_desktop.core.sync.registry`. One run (:meth:`SyncEngine.run_once`):

1. ``POST /desks/heartbeat`` (outbox depth, oldest unsent, client time, the feeds' cursors):
   proves the token and the route, gives the hub's clock so the desk can warn when its own is
   off > 5 min, and names the feeds with nothing new (an idle pass is this one request).
2. Push each registered record type, lowest ``order`` first (attachments before what names
   them), in batches, reading each record's latest state at send time. An acknowledged item
   is removed and its record marked synced in one transaction; a rejected one is kept and
   marked with the hub's message; the outbox is rescanned after each batch, so whatever was
   saved during a long upload goes in the same run.
3. Pull each registered feed from its stored cursor until ``has_more`` is false. Each page is
   applied and its cursor stored in one transaction.

A crash anywhere means sending again, which the hub's idempotency makes harmless. Failures are
classified (:mod:`~hai_desktop.core.sync.protocol`); :mod:`~hai_desktop.core.sync.backoff`
decides when to try again, :mod:`~hai_desktop.core.sync.status` what the user sees.
"""

from __future__ import annotations

import concurrent.futures
import logging
import os
import random
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from hai_desktop import __version__
from hai_desktop.core import clock, conflicts, credentials, outbox, profile_store
from hai_desktop.core.db.models import database_proxy
from hai_desktop.core.errors import HaiError
from hai_desktop.core.paths import ProfilePaths
from hai_desktop.core.sync import backoff, codes, registry, state
from hai_desktop.core.sync.account import default_client_factory
from hai_desktop.core.sync.client import HubClient
from hai_desktop.core.sync.protocol import ErrorKind, HubError
from hai_desktop.core.sync.status import (
    CLOCK_SKEW_WARN_S,
    SyncReport,
    SyncStatus,
    load_status,
    settle,
)
from hai_desktop.core.timeutil import format_utc, parse_utc, utc_now

log = logging.getLogger(__name__)

# Test hook (reliability tests): die right after the push response arrived, before the
# acknowledgement is stored, as a kill -9 at the worst moment would.
CRASH_AFTER_PUSH_ENV = "HAI_TEST_CRASH_AFTER_PUSH"

ProgressCallback = Callable[[str, int, int], None]
PROBE_TIMEOUT_S = 3.0


class SyncStopped(HaiError):
    """The pass was asked to stop (the app is closing); what it stored so far is consistent."""


def _now() -> datetime:
    return datetime.now(UTC)


class SyncEngine:
    """Runs sync passes for one profile. Thread-safe: one pass at a time per engine.

    Args:
        paths: the profile (settings, token).
        client_factory: builds the :class:`HubClient` for a pass (default: from settings
            and the stored token). Raising :class:`HubError` there counts as the pass's
            failure (not configured, not signed in).
        progress: optional ``callback(phase, done, total)`` (called on the engine's thread).
        clock: the current time (tests pin it), ``rng``: the backoff's jitter source.
    """

    def __init__(
        self,
        paths: ProfilePaths,
        client_factory: Callable[[], HubClient] | None = None,
        progress: ProgressCallback | None = None,
        clock: Callable[[], datetime] = _now,
        rng: random.Random | None = None,
    ) -> None:
        self.paths = paths
        self.client_factory = client_factory or default_client_factory(paths)
        self.progress = progress
        self.clock = clock
        self.rng = rng or random.Random()
        self._lock = threading.Lock()
        self._stop = threading.Event()

    @property
    def db(self):
        return database_proxy.obj

    # -- public ---------------------------------------------------------------------------

    def status(self) -> SyncStatus:
        """The persisted status with the outbox counts refreshed."""
        status = load_status()
        status.waiting = outbox.queued_count()
        status.rejected = outbox.rejected_count()
        status.conflicts = conflicts.count()
        return status

    def due(self, now: datetime | None = None) -> bool:
        """Whether an automatic pass may run now (not inside a backoff or Retry-After)."""
        return not backoff.blocked(state.get_value("backoff") or {}, now or self.clock())

    def run_once(self, force: bool = False, quick_check: bool = False) -> SyncReport:
        """One full pass. ``force`` (the user asked) ignores the backoff, not Retry-After.

        ``quick_check``: ask ``/health`` first with a short timeout, so that a hub that is
        down fails the pass in seconds rather than after the full request timeout.
        """
        if not self._lock.acquire(blocking=False):
            report = SyncReport(skipped=True, status=self.status())
            report.status.say(codes.RUNNING)
            return report
        try:
            return self._run(force, quick_check)
        finally:
            self._lock.release()

    def request_stop(self) -> None:
        """Ask a running pass to end at its next batch or page (the app is closing)."""
        self._stop.set()

    def probe(self, timeout_s: float = PROBE_TIMEOUT_S) -> SyncStatus | None:
        """A quick ``GET /health`` with a short timeout (after a failure, before a pass the
        user asked for). When the hub does not answer, the status says so at once (hub
        not answering, or no network) and is returned; None when the hub answered or there
        is nothing to probe yet (not configured, not signed in: the pass will say so)."""
        try:
            client = self.client_factory()
        except HubError:
            return None
        client.timeout = (min(client.timeout[0], timeout_s), timeout_s)
        try:
            client.health()
        except HubError as err:
            if err.kind not in (ErrorKind.OFFLINE, ErrorKind.HUB_FAULT):
                return None
            status = self.status()
            return settle(
                status,
                err,
                waiting=status.waiting,
                rejected=status.rejected,
                conflicts=status.conflicts,
                next_retry_at=status.next_retry_at,
            )
        finally:
            client.close()
        return None

    def pull_feed(
        self, feed: str, fetch: Callable[[int], dict], apply: Callable[[list[dict]], Any]
    ) -> int:
        """Pull one feed to its end: ``fetch(cursor)`` pages, ``apply(items)`` each page.

        The next page is fetched (on a helper thread) while this one is stored: the hub's
        work and the transfer overlap the stemming and the SQLite writes. The client is never
        used by two threads at once; a failure waits for the fetch under way.
        """
        cursor = state.get_cursor(feed)
        count = 0
        ahead: concurrent.futures.Future | None = None
        pool: concurrent.futures.ThreadPoolExecutor | None = None
        try:
            self._check_stop()
            page = fetch(cursor)
            while True:
                items = page["items"]
                try:
                    next_cursor = int(page["next_cursor"])
                except (TypeError, ValueError) as exc:
                    raise HubError(ErrorKind.HUB_FAULT, "bad_shape", status=200) from exc
                more = bool(page.get("has_more")) and bool(items) and next_cursor > cursor
                if more:
                    self._check_stop()
                    if pool is None:
                        pool = concurrent.futures.ThreadPoolExecutor(1, "hai-sync-fetch")
                    ahead = pool.submit(fetch, next_cursor)
                with self.db.atomic():
                    # The page and its cursor commit together, or neither does.
                    if items:
                        apply(items)
                    if next_cursor != cursor:
                        state.set_cursor(feed, next_cursor)
                count += len(items)
                self._progress(f"pull:{feed}", count, count)
                if ahead is None:
                    break
                cursor = next_cursor
                self._check_stop()
                page, ahead = ahead.result(), None
        finally:
            if ahead is not None:
                concurrent.futures.wait([ahead])  # its result or error no longer matters
            if pool is not None:
                pool.shutdown(wait=True)
        return count

    # -- the pass -------------------------------------------------------------------------

    def _run(self, force: bool, quick_check: bool = False) -> SyncReport:
        started = time.perf_counter()
        report = SyncReport()
        stored_backoff = state.get_value("backoff") or {}
        if backoff.blocked(stored_backoff, self.clock(), force=force):
            report.skipped = True
            report.status = self.status()
            return report

        status = self.status()
        status.last_attempt = utc_now()
        client: HubClient | None = None
        try:
            client = self.client_factory()
            if quick_check:
                normal = client.timeout
                client.timeout = (min(normal[0], PROBE_TIMEOUT_S), PROBE_TIMEOUT_S)
                client.health()
                client.timeout = normal
            quiet = self._heartbeat(client, status)
            self._push(client, report)
            # What this pass pushed changes the feeds after the hub's answer: pull them all.
            self._pull(client, report, set() if report.pushed else quiet)
            state.set_value("last_pull_at", utc_now())
            report.ok = True
        except SyncStopped:
            log.info("sync pass stopped on request")
            report.skipped = True
            report.status = self.status()
            return report
        except HubError as err:
            report.error = err
            log.info("sync failed: %s", err.describe())
            if err.kind is ErrorKind.AUTH and client is not None:
                # Drop only the token that failed (a sign-in may have replaced it meanwhile).
                if credentials.load_token(self.paths) == client.access_token:
                    credentials.clear_token(self.paths)
        finally:
            if client is not None:
                report.requests = client.request_count
                client.close()
        self._finish(report, status, stored_backoff)
        report.duration_s = time.perf_counter() - started
        return report

    def _finish(self, report: SyncReport, status: SyncStatus, stored_backoff: dict) -> None:
        err = report.error
        if err is None:
            state.delete_value("backoff")
            next_retry = None
        else:
            new = backoff.after_failure(
                stored_backoff, err.kind, err.retry_after, self.clock(), self.rng.uniform
            )
            state.set_value("backoff", new)
            next_retry = new.get("next_attempt_at")
        report.status = settle(
            status,
            err,
            waiting=outbox.queued_count(),
            rejected=outbox.rejected_count(),
            next_retry_at=next_retry,
            conflicts=conflicts.count(),
        )

    def _check_stop(self) -> None:
        if self._stop.is_set():
            raise SyncStopped()

    def _progress(self, phase: str, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress(phase, done, total)

    # -- heartbeat ------------------------------------------------------------------------

    def _heartbeat(self, client: HubClient, status: SyncStatus) -> set[str]:
        """Send the heartbeat; returns the feeds the hub says have nothing new."""
        cursors: dict[str, int] = {}
        extra: dict[str, Any] = {}
        for feed in registry.feeds():
            if feed.fetch is not None:
                cursors[feed.name] = state.get_cursor(feed.name)
            elif feed.heartbeat is not None:
                extra.update(feed.heartbeat())
        t0 = time.time()
        body = client.heartbeat(
            device_id=profile_store.device_id(),
            outbox_depth=outbox.depth(),
            oldest_unsent_at=outbox.oldest_unsent_at(),
            last_pull_at=state.get_value("last_pull_at"),
            client_time=format_utc(datetime.fromtimestamp(t0, UTC)),
            app_version=__version__,
            cursors=cursors,
            reference_etag=extra.get("reference_etag"),
        )
        t1 = time.time()
        unchanged = body.get("unchanged")  # absent from a hub that predates it: pull all
        quiet = {str(n) for n in unchanged} if isinstance(unchanged, list) else set()
        if isinstance(body.get("version"), str) and body["version"] != state.get_value(
            "hub_version"
        ):
            state.set_value("hub_version", body["version"][:64])  # the About dialog says it
        try:
            server = parse_utc(str(body["server_time"])).timestamp()
        except ValueError:
            return quiet
        skew = server - (t0 + t1) / 2
        status.clock_skew_s = round(skew, 1)
        status.clock_warning = abs(skew) > CLOCK_SKEW_WARN_S
        clock.remember(skew)  # stamped on every record from now on (the clock rule, 7.10)
        return quiet

    # -- push -----------------------------------------------------------------------------

    def _push(self, client: HubClient, report: SyncReport) -> None:
        clock.fill_unmeasured()  # records made before the first measurement
        total = outbox.queued_count()
        for push_type in registry.push_types():
            self._push_type(client, push_type, report, total)

    def _push_type(
        self, client: HubClient, push_type: registry.PushType, report: SyncReport, total: int
    ) -> None:
        after = 0  # rows sent in this pass are behind this id; a re-queue gets a new one
        while True:
            self._check_stop()
            # Rescan after every batch: records saved during the upload go in this pass too.
            rows = outbox.pending(
                push_type.batch_size, record_type=push_type.record_type, after_id=after
            )
            if not rows:
                break
            after = rows[-1].id
            items: list[registry.PushItem] = []
            missing = []
            for row in rows:
                record = push_type.load(row.record_id)
                if record is None:
                    missing.append(row.id)
                    continue
                wire = push_type.to_wire(record)
                items.append(registry.PushItem(row.id, row.record_id, record, wire))
            if missing:
                outbox.ack(missing)  # nothing left to send for these
            if not items:
                continue
            failure: Exception | None = None
            try:
                results = push_type.send(client, items)
            except registry.PartialBatch as partial:
                results, failure = partial.results, partial.error
            except HubError as err:
                outbox.record_failure([item.row_id for item in items], err.describe())
                raise
            _crash_hook()
            self._store_results(push_type, items, results, report, failure)
            report.pushed += len(items)
            self._progress("push", report.pushed, max(total, report.pushed))
            if failure is not None:
                raise failure

    def _store_results(
        self,
        push_type: registry.PushType,
        items: list[registry.PushItem],
        results: dict[str, registry.Result],
        report: SyncReport,
        failure: Exception | None,
    ) -> None:
        acked: list[int] = []
        answered: list[tuple[registry.PushItem, registry.Result]] = []
        rejected: list[tuple[registry.PushItem, str]] = []
        conflicting: list[tuple[registry.PushItem, registry.Result]] = []
        accepted_ids: list[str] = []
        unanswered: list[int] = []
        for item in items:
            result = results.get(item.record_id)
            if result is None:
                unanswered.append(item.row_id)
                continue
            answered.append((item, result))
            status = result.get("status")
            if status in registry.ACCEPTED:
                acked.append(item.row_id)
                accepted_ids.append(item.record_id)
                report.accepted += 1
            elif status == registry.UNCHANGED:
                acked.append(item.row_id)
                report.unchanged += 1
            elif status == registry.CONFLICT and isinstance(result.get("current"), dict):
                # Another desk changed it too: the hub's version is kept beside ours, the
                # outbox row goes (nothing is resent until the user picks a version).
                acked.append(item.row_id)
                conflicting.append((item, result))
                report.conflicts += 1
            else:
                rejected.append((item, _result_message(result)))
        with self.db.atomic():
            # ack() removes only rows that still exist: a record edited during the send got
            # a new outbox row, which stays queued and carries the newer version.
            outbox.ack(acked)
            if push_type.on_results is not None and answered:
                push_type.on_results(answered)
            for item, message in rejected:
                outbox.mark_rejected(item.row_id, message)
            if accepted_ids:
                conflicts.clear(push_type.record_type, accepted_ids)
            for item, result in conflicting:
                conflicts.record(push_type.record_type, item.record_id, result["current"])
            if conflicting and push_type.set_status is not None:
                ids = [item.record_id for item, _ in conflicting]
                push_type.set_status(ids, conflicts.CONFLICT_STATUS, conflicts.CONFLICT_MARK)
            if unanswered:
                why = failure.describe() if isinstance(failure, HubError) else "no result from hub"
                outbox.record_failure(unanswered, why)
        for item, message in rejected:
            report.rejected.append((push_type.record_type, item.record_id, message))
        if acked or rejected or conflicting:
            report.changed.add(push_type.topic or push_type.record_type)

    # -- pull -----------------------------------------------------------------------------

    def _pull(self, client: HubClient, report: SyncReport, quiet: set[str]) -> None:
        for feed in registry.feeds():
            if feed.name in quiet and (feed.fetch is not None or feed.heartbeat is not None):
                report.pulled[feed.name] = 0  # the heartbeat said: nothing new here
                continue
            if feed.pull is not None:
                count = feed.pull(client)
            else:
                fetch = feed.fetch
                count = self.pull_feed(
                    feed.name, lambda cursor, fetch=fetch: fetch(client, cursor), feed.apply
                )
            report.pulled[feed.name] = count
            if count:
                report.changed.add(feed.topic or feed.name)


def _crash_hook() -> None:
    """Reliability tests only: stop dead between the hub's answer and storing the ack.

    ``1`` exits at once without any cleanup (as ``kill -9`` would); ``pause:<file>`` writes
    the file and waits, so the test can send a real SIGKILL.
    """
    hook = os.environ.get(CRASH_AFTER_PUSH_ENV)
    if not hook:
        return
    if hook == "1":
        os._exit(137)
    if hook.startswith("pause:"):
        with open(hook[len("pause:") :], "w") as marker:
            marker.write(str(os.getpid()))
        time.sleep(120)
        os._exit(137)


def _result_message(result: dict[str, Any]) -> str:
    """The hub's words for a rejected item (its error may be a string or an object)."""
    error = result.get("error")
    if isinstance(error, dict):
        return str(error.get("message") or error.get("code") or "ditolak")
    if error:
        return str(error)
    return codes.ITEM_REJECTED
