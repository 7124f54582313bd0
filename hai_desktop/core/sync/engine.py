"""The sync engine: push the outbox, pull the feeds, remember where it stands. No Qt.

One run (:meth:`SyncEngine.run_once`):

1. ``POST /desks/heartbeat`` (outbox depth, oldest unsent, client time): proves the token and
   the route, and gives the hub's clock so the desk can warn when its own is off > 5 min.
2. Push the outbox in batches of ≤ 500, reading each record's latest state at send time. An
   acknowledged row is removed and its record marked synced in one transaction; a rejected
   one is kept and marked with the hub's message; the outbox is rescanned after each batch,
   so whatever was saved during a long upload goes in the same run.
3. Pull each feed from its stored cursor until ``has_more`` is false: reference (ETag), KB,
   office inquiries. Each page is applied and its cursor stored in one transaction. (The
   hub's tickets and broadcasts feeds are not pulled: the desk keeps no such data yet.)

A crash anywhere means sending again, which the hub's idempotency makes harmless. Failures are
classified (:mod:`hai_desktop.core.sync.protocol`) and decide the backoff: offline → quiet
retry with a growing delay; hub fault → exponential backoff with jitter, capped; 429 → the
``Retry-After``; 401 → the token is dropped and the user asked to sign in, nothing is lost.
"""

from __future__ import annotations

import contextlib
import logging
import os
import platform
import random
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from hai_desktop import __version__
from hai_desktop.core import clock, credentials, inquiries, kb, outbox, reference
from hai_desktop.core.db.models import database_proxy
from hai_desktop.core.paths import ProfilePaths
from hai_desktop.core.settings import Settings
from hai_desktop.core.sync import state
from hai_desktop.core.sync.client import PUSH_BATCH_MAX, HubClient
from hai_desktop.core.sync.protocol import (
    REASON_NO_TOKEN,
    REASON_NOT_CONFIGURED,
    REASON_TLS,
    ErrorKind,
    HubError,
)
from hai_desktop.core.timeutil import format_utc, parse_utc, utc_now

log = logging.getLogger(__name__)

# Test hook (reliability tests): die right after the push response arrived, before the
# acknowledgement is stored, as a kill -9 at the worst moment would.
CRASH_AFTER_PUSH_ENV = "HAI_TEST_CRASH_AFTER_PUSH"

CLOCK_SKEW_WARN_S = 300.0
OFFLINE_RETRY_BASE_S = 15.0
OFFLINE_RETRY_CAP_S = 300.0
FAULT_RETRY_BASE_S = 30.0
FAULT_RETRY_CAP_S = 900.0
THROTTLE_DEFAULT_S = 60.0
KB_FEEDBACK_BATCH = 100

STATE_ONLINE = "online"
STATE_OFFLINE = "offline"
STATE_SYNCING = "syncing"
STATE_ATTENTION = "attention"

ProgressCallback = Callable[[str, int, int], None]


@dataclass
class SyncStatus:
    """The one sync state the UI shows at all times (persisted in ``sync_state``)."""

    state: str = STATE_OFFLINE
    waiting: int = 0
    rejected: int = 0
    last_good_sync: str | None = None
    last_attempt: str | None = None
    message: str = "Belum pernah tersinkron dengan HAI Hub."
    error_kind: str | None = None
    clock_skew_s: float | None = None
    clock_warning: bool = False
    next_retry_at: str | None = None
    needs_signin: bool = False

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> SyncStatus:
        if not isinstance(data, dict):
            return cls()
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)

    @property
    def clock_message(self) -> str | None:
        """The clock warning in words, when the desk clock is off by more than 5 minutes."""
        if not self.clock_warning or self.clock_skew_s is None:
            return None
        minutes = round(abs(self.clock_skew_s) / 60)
        side = "terlambat" if self.clock_skew_s > 0 else "terlalu cepat"
        return (
            f"Jam komputer ini {side} sekitar {minutes} menit dibanding HAI Hub. "
            "Betulkan tanggal dan jam komputer."
        )


@dataclass
class SyncReport:
    """What one run did (the CLI prints it, the GUI shows the status)."""

    ok: bool = False
    skipped: bool = False
    pushed: int = 0
    accepted: int = 0
    unchanged: int = 0
    rejected: list[tuple[str, str, str]] = field(default_factory=list)  # type, id, message
    pulled: dict[str, int] = field(default_factory=dict)
    error: HubError | None = None
    requests: int = 0
    duration_s: float = 0.0
    status: SyncStatus = field(default_factory=SyncStatus)

    def summary_lines(self) -> list[str]:
        """An Indonesian summary, one fact per line."""
        lines = []
        if self.skipped:
            lines.append(f"Sinkronisasi ditunda: {self.status.message}")
            return lines
        lines.append(f"Terkirim ke HAI Hub: {self.accepted + self.unchanged} catatan.")
        for record_type, record_id, message in self.rejected:
            lines.append(f"Ditolak ({record_type} {record_id}): {message}")
        pulled = ", ".join(f"{k} {v}" for k, v in self.pulled.items() if v)
        if pulled:
            lines.append(f"Diterima dari HAI Hub: {pulled}.")
        if self.error is not None:
            lines.append(f"Gagal: {self.error.user_message}")
        lines.append(f"Menunggu dikirim: {self.status.waiting} catatan.")
        if self.status.clock_message:
            lines.append(self.status.clock_message)
        return lines


# ---------------------------------------------------------------------------- configuration


@dataclass
class HubConfig:
    """Where the hub is and how to reach it (from the settings file)."""

    hub_url: str | None = None
    ca_bundle: str | None = None
    proxy: str | None = None
    timeout_s: float = 30.0
    sync_interval_s: int = 60


def hub_config(paths: ProfilePaths) -> HubConfig:
    """The hub settings of a profile."""
    settings = Settings.load(paths.settings)
    return HubConfig(
        hub_url=settings.hub_url or None,
        ca_bundle=settings.ca_bundle or None,
        proxy=settings.proxy or None,
        timeout_s=float(settings.hub_timeout_s or 30.0),
        sync_interval_s=int(settings.sync_interval_s or 60),
    )


def set_hub_url(paths: ProfilePaths, hub_url: str) -> None:
    """Store the hub address in the profile's settings."""
    settings = Settings.load(paths.settings)
    settings.hub_url = hub_url.rstrip("/")
    settings.save(paths.settings)


def device_id() -> str:
    """This installation's device id: the profile's, or one kept in sync_state."""
    row = None
    with contextlib.suppress(Exception):
        row = database_proxy.obj.execute_sql(
            "SELECT device_id FROM profile WHERE id = 1"
        ).fetchone()
    if row and row[0]:
        return row[0]
    stored = state.get_value("device_id")
    if stored:
        return stored
    made = str(uuid.uuid4())
    state.set_value("device_id", made)
    return made


def device_name() -> str:
    """A human name for this desk at the centre (the PC's host name)."""
    return (platform.node() or "desk")[:100]


def default_client_factory(paths: ProfilePaths) -> Callable[[], HubClient]:
    """A factory building the client from the profile's settings and stored token."""

    def make() -> HubClient:
        config = hub_config(paths)
        if not config.hub_url:
            raise HubError(ErrorKind.REJECTED, REASON_NOT_CONFIGURED)
        token = credentials.load_token(paths)
        if not token:
            raise HubError(ErrorKind.AUTH, REASON_NO_TOKEN)
        return HubClient(
            config.hub_url,
            token=token,
            ca_bundle=config.ca_bundle,
            proxy=config.proxy,
            timeout=config.timeout_s,
        )

    return make


def sign_in(
    paths: ProfilePaths,
    hub_url: str,
    email: str,
    password: str,
    *,
    ca_bundle: str | None = None,
    proxy: str | None = None,
    client: HubClient | None = None,
) -> dict[str, Any]:
    """Sign in at the hub: store its address and the token (never the password).

    Returns the hub's ``user`` object. Raises :class:`HubError` (AUTH for wrong credentials,
    THROTTLED after too many attempts, OFFLINE…). Needs the desk database bound.
    """
    hub_url = hub_url.strip().rstrip("/")
    config = hub_config(paths)
    own_client = client is None
    if client is None:
        client = HubClient(
            hub_url,
            ca_bundle=ca_bundle or config.ca_bundle,
            proxy=proxy or config.proxy,
            timeout=config.timeout_s,
        )
    try:
        body = client.token(email.strip(), password, device_id(), device_name())
    finally:
        if own_client:
            client.close()
    previous_hub = (config.hub_url or "").rstrip("/")
    credentials.store_token(paths, body["access_token"])
    if previous_hub != hub_url:
        set_hub_url(paths, hub_url)
    user = body.get("user") or {}
    with database_proxy.obj.atomic():
        old = state.get_value("account") or {}
        old_office = (old.get("office") or {}).get("code")
        new_office = (user.get("office") or {}).get("code")
        if (previous_hub and previous_hub != hub_url) or (
            old_office and new_office and old_office != new_office
        ):
            # Another hub or office: the cursors describe someone else's feeds.
            state.reset_cursors()
        state.set_value(
            "account",
            {
                "email": user.get("email"),
                "name": user.get("name"),
                "role": user.get("role"),
                "office": user.get("office"),
                "expires_at": body.get("expires_at"),
                "hub_url": hub_url,
            },
        )
        status = load_status()
        status.needs_signin = False
        if status.error_kind == ErrorKind.AUTH.value:
            status.error_kind = None
            status.state = STATE_OFFLINE
            status.message = "Sudah masuk. Menunggu sinkronisasi."
        status.next_retry_at = None
        save_status(status)
        state.delete_value("backoff")
    return user


def sign_out(paths: ProfilePaths, client: HubClient | None = None) -> None:
    """Revoke the token at the hub when reachable, and forget it locally in any case."""
    if client is not None:
        with contextlib.suppress(HubError):
            client.logout()
    credentials.clear_token(paths)


def load_status() -> SyncStatus:
    """The last persisted sync status (defaults when never synced)."""
    return SyncStatus.from_dict(state.get_value("status"))


def save_status(status: SyncStatus) -> None:
    state.set_value("status", status.to_dict())


# ---------------------------------------------------------------------------- the engine


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
    """

    def __init__(
        self,
        paths: ProfilePaths,
        client_factory: Callable[[], HubClient] | None = None,
        progress: ProgressCallback | None = None,
    ) -> None:
        self.paths = paths
        self.client_factory = client_factory or default_client_factory(paths)
        self.progress = progress
        self._lock = threading.Lock()
        self.rng = random.Random()

    @property
    def db(self):
        return database_proxy.obj

    # -- public ---------------------------------------------------------------------------

    def status(self) -> SyncStatus:
        """The persisted status with the outbox counts refreshed."""
        status = load_status()
        status.waiting = outbox.queued_count()
        status.rejected = outbox.rejected_count()
        return status

    def due(self, now: datetime | None = None) -> bool:
        """Whether an automatic pass may run now (not inside a backoff or Retry-After)."""
        now = now or _now()
        backoff = state.get_value("backoff") or {}
        for key in ("throttled_until", "next_attempt_at"):
            when = backoff.get(key)
            if when and parse_utc(when) > now:
                return False
        return True

    def run_once(self, force: bool = False) -> SyncReport:
        """One full pass. ``force`` (the user asked) ignores the backoff, not Retry-After."""
        if not self._lock.acquire(blocking=False):
            report = SyncReport(skipped=True, status=self.status())
            report.status.message = "Sinkronisasi sedang berjalan."
            return report
        try:
            return self._run(force)
        finally:
            self._lock.release()

    # -- the pass -------------------------------------------------------------------------

    def _run(self, force: bool) -> SyncReport:
        started = time.perf_counter()
        report = SyncReport()
        now = _now()
        backoff = state.get_value("backoff") or {}
        throttled_until = backoff.get("throttled_until")
        blocked = throttled_until and parse_utc(throttled_until) > now
        if not blocked and not force:
            when = backoff.get("next_attempt_at")
            blocked = bool(when and parse_utc(when) > now)
        if blocked:
            report.skipped = True
            report.status = self.status()
            return report

        status = self.status()
        status.last_attempt = utc_now()
        client: HubClient | None = None
        try:
            client = self.client_factory()
            self._heartbeat(client, status)
            self._push(client, report)
            self._pull(client, report)
            state.set_value("last_pull_at", utc_now())
            report.ok = True
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
        self._finish(report, status, backoff)
        report.duration_s = time.perf_counter() - started
        return report

    def _finish(self, report: SyncReport, status: SyncStatus, backoff: dict) -> None:
        status.waiting = outbox.queued_count()
        status.rejected = outbox.rejected_count()
        err = report.error
        if err is None:
            status.last_good_sync = utc_now()
            status.error_kind = None
            status.needs_signin = False
            status.next_retry_at = None
            state.delete_value("backoff")
            if status.rejected:
                status.state = STATE_ATTENTION
                status.message = (
                    f"{status.rejected} catatan ditolak HAI Hub. Buka Riwayat untuk "
                    "melihat alasannya dan memperbaikinya."
                )
            else:
                status.state = STATE_ONLINE
                status.message = (
                    "Semua catatan sudah terkirim."
                    if not status.waiting
                    else f"{status.waiting} catatan menunggu dikirim."
                )
        else:
            failures = int(backoff.get("failures", 0)) + 1
            delay = self._retry_delay(err, failures)
            new_backoff: dict[str, Any] = {"failures": failures, "kind": err.kind.value}
            if err.kind is ErrorKind.THROTTLED:
                new_backoff["throttled_until"] = format_utc(_now() + timedelta(seconds=delay))
            if delay is not None:
                new_backoff["next_attempt_at"] = format_utc(_now() + timedelta(seconds=delay))
            state.set_value("backoff", new_backoff)
            status.error_kind = err.kind.value
            status.next_retry_at = new_backoff.get("next_attempt_at")
            # Not signed in, or no hub address yet: the sign-in dialog (with the address) fixes both.
            status.needs_signin = err.kind is ErrorKind.AUTH or err.reason == REASON_NOT_CONFIGURED
            status.message = err.user_message
            if err.kind in (ErrorKind.AUTH, ErrorKind.REJECTED) or err.reason == REASON_TLS:
                status.state = STATE_ATTENTION
            else:
                status.state = STATE_OFFLINE
        save_status(status)
        report.status = status

    def _retry_delay(self, err: HubError, failures: int) -> float | None:
        """Seconds until the next automatic attempt (None: wait for the user)."""
        exp = 2 ** min(failures - 1, 16)
        if err.kind is ErrorKind.THROTTLED:
            return err.retry_after if err.retry_after is not None else THROTTLE_DEFAULT_S
        if err.kind is ErrorKind.OFFLINE:
            return min(OFFLINE_RETRY_BASE_S * exp, OFFLINE_RETRY_CAP_S)
        if err.kind is ErrorKind.HUB_FAULT:
            cap = min(FAULT_RETRY_BASE_S * exp, FAULT_RETRY_CAP_S)
            # "Equal jitter": never sooner than half the step, so a thousand desks that saw
            # the same outage do not come back in the same second.
            delay = self.rng.uniform(cap / 2, cap)
            if err.retry_after is not None:
                delay = max(delay, err.retry_after)
            return delay
        return None  # AUTH / REJECTED: the user acts first

    # -- heartbeat ------------------------------------------------------------------------

    def _heartbeat(self, client: HubClient, status: SyncStatus) -> None:
        t0 = time.time()
        body = client.heartbeat(
            device_id=device_id(),
            outbox_depth=outbox.depth(),
            oldest_unsent_at=outbox.oldest_unsent_at(),
            last_pull_at=state.get_value("last_pull_at"),
            client_time=format_utc(datetime.fromtimestamp(t0, UTC)),
            app_version=__version__,
        )
        t1 = time.time()
        try:
            server = parse_utc(str(body["server_time"])).timestamp()
        except ValueError:
            return
        skew = server - (t0 + t1) / 2
        status.clock_skew_s = round(skew, 1)
        status.clock_warning = abs(skew) > CLOCK_SKEW_WARN_S
        clock.remember(skew)  # stamped on every record from now on (the clock rule, 7.10)

    # -- push -----------------------------------------------------------------------------

    def _progress(self, phase: str, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress(phase, done, total)

    def _push(self, client: HubClient, report: SyncReport) -> None:
        clock.fill_unmeasured()  # records made before the first measurement
        self._push_inquiries(client, report)
        self._push_kb_feedback(client, report)

    def _push_inquiries(self, client: HubClient, report: SyncReport) -> None:
        sent: set[int] = set()  # outbox row ids sent in this pass (a re-queue gets a new id)
        total = outbox.queued_count()
        while True:
            # Rescan after every batch: records saved during the upload go in this pass too.
            rows = [
                r for r in outbox.pending(PUSH_BATCH_MAX, record_type="inquiry") if r.id not in sent
            ]
            if not rows:
                break
            sent.update(r.id for r in rows)
            batch: list[tuple[Any, dict[str, Any], int]] = []  # (row, wire, version)
            missing = []
            for row in rows:
                record = inquiries.get_inquiry(row.record_id)
                if record is None:
                    missing.append(row.id)
                    continue
                batch.append((row, inquiries.to_wire(record), int(record.version)))
            if missing:
                outbox.ack(missing)  # nothing left to send for these
            if not batch:
                continue
            try:
                results = self._send_inquiry_batch(client, [w for _, w, _ in batch])
            except HubError as err:
                outbox.record_failure([row.id for row, _, _ in batch], err.describe())
                raise
            _crash_hook()
            self._store_inquiry_results(batch, results, report)
            report.pushed += len(batch)
            self._progress("push", report.pushed, max(total, report.pushed))

    def _send_inquiry_batch(
        self, client: HubClient, items: list[dict[str, Any]]
    ) -> dict[str, dict[str, Any]]:
        """Send items; a whole-batch 400/413/422 is split until the bad item is found."""
        try:
            results = client.push_inquiries(items)
        except HubError as err:
            if err.kind is not ErrorKind.REJECTED or err.status not in (400, 413, 422):
                raise
            if len(items) == 1:
                message = err.hub_message or err.user_message
                return {
                    items[0]["id"]: {"id": items[0]["id"], "status": "rejected", "error": message}
                }
            mid = len(items) // 2
            merged = self._send_inquiry_batch(client, items[:mid])
            merged.update(self._send_inquiry_batch(client, items[mid:]))
            return merged
        return {str(r["id"]): r for r in results}

    def _store_inquiry_results(
        self,
        batch: list[tuple[Any, dict[str, Any], int]],
        results: dict[str, dict[str, Any]],
        report: SyncReport,
    ) -> None:
        acked: list[int] = []
        revs: list[tuple[int | None, str, int]] = []
        rejected: list[tuple[int, str, str]] = []
        unanswered: list[int] = []
        for row, wire, version in batch:
            result = results.get(wire["id"])
            if result is None:
                unanswered.append(row.id)
                continue
            status = result.get("status")
            if status in ("created", "updated", "unchanged"):
                acked.append(row.id)
                rev = result.get("rev")
                revs.append((int(rev) if rev is not None else None, wire["id"], version))
                if status == "unchanged":
                    report.unchanged += 1
                else:
                    report.accepted += 1
            else:
                message = _result_message(result)
                rejected.append((row.id, wire["id"], message))
        with self.db.atomic():
            # ack() removes only rows that still exist: a record edited during the send got
            # a new outbox row, which stays queued and carries the newer version.
            outbox.ack(acked)
            for rev, record_id, version in revs:
                if rev is not None:
                    self.db.execute_sql(
                        "UPDATE inquiry SET hub_rev = ? WHERE id = ? AND version = ?",
                        (rev, record_id, version),
                    )
            for row_id, _record_id, message in rejected:
                outbox.mark_rejected(row_id, message)
            if unanswered:
                outbox.record_failure(unanswered, "no result from hub")
        for _row_id, record_id, message in rejected:
            report.rejected.append(("inquiry", record_id, message))

    def _push_kb_feedback(self, client: HubClient, report: SyncReport) -> None:
        record_type = kb.FEEDBACK_RECORD_TYPE
        sent: set[int] = set()
        while True:
            rows = [
                r
                for r in outbox.pending(KB_FEEDBACK_BATCH, record_type=record_type)
                if r.id not in sent
            ]
            if not rows:
                break
            for row in rows:
                sent.add(row.id)
                feedback = kb.get_feedback(row.record_id)
                if feedback is None:
                    outbox.ack([row.id])
                    continue
                body = kb.wire_feedback(feedback)
                try:
                    client.kb_feedback(
                        feedback.kb_entry_id, body["id"], body["helpful"], body.get("note")
                    )
                except HubError as err:
                    if err.kind is ErrorKind.REJECTED and err.status not in (None, 403):
                        outbox.mark_rejected(row.id, err.hub_message or err.user_message)
                        report.rejected.append(
                            (record_type, row.record_id, err.hub_message or err.user_message)
                        )
                        continue
                    outbox.record_failure([row.id], err.describe())
                    raise
                outbox.ack([row.id])
                report.accepted += 1

    # -- pull -----------------------------------------------------------------------------

    def _pull(self, client: HubClient, report: SyncReport) -> None:
        self._pull_reference(client, report)
        # Tickets and broadcasts have hub feeds too (HubClient.tickets_changes,
        # broadcasts_changes) but no desk store yet: they join this list with their core module.
        feeds: list[tuple[str, Callable[[int], dict], Callable[[list[dict]], Any]]] = [
            (state.FEED_KB, client.kb_changes, kb.apply_kb_changes),
            (state.FEED_INQUIRIES, client.inquiries_changes, inquiries.apply_from_hub),
        ]
        for feed, fetch, apply in feeds:
            report.pulled[feed] = self._pull_feed(feed, fetch, apply)

    def _pull_reference(self, client: HubClient, report: SyncReport) -> None:
        payload, etag = client.reference(reference.reference_etag())
        if payload is not None:
            reference.replace_reference(payload, etag)
            report.pulled[state.FEED_REFERENCE] = 1

    def pull_feed(
        self, feed: str, fetch: Callable[[int], dict], apply: Callable[[list[dict]], Any]
    ) -> int:
        """Public for tests/bench: pull one feed to its end."""
        return self._pull_feed(feed, fetch, apply)

    def _pull_feed(
        self, feed: str, fetch: Callable[[int], dict], apply: Callable[[list[dict]], Any]
    ) -> int:
        cursor = state.get_cursor(feed)
        count = 0
        while True:
            page = fetch(cursor)
            items = page["items"]
            try:
                next_cursor = int(page["next_cursor"])
            except (TypeError, ValueError) as exc:
                raise HubError(ErrorKind.HUB_FAULT, "bad_shape", status=200) from exc
            with self.db.atomic():
                # The page and its cursor commit together, or neither does.
                if items:
                    apply(items)
                if next_cursor != cursor:
                    state.set_cursor(feed, next_cursor)
            count += len(items)
            self._progress(f"pull:{feed}", count, count)
            if not page.get("has_more") or not items or next_cursor <= cursor:
                break
            cursor = next_cursor
        return count


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
    return "Ditolak oleh HAI Hub."
