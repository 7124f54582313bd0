"""The one sync state the UI shows at all times, and what one pass did.

The state speaks in message codes (:mod:`~hai_desktop.core.sync.codes`) with parameters;
the GUI's and the CLI's tables hold the words.

The status is persisted in ``sync_state`` (key ``status``) so that the indicator shows the
last known state at start-up, before the first pass of the session.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from hai_desktop.core.sync import codes, state
from hai_desktop.core.sync.protocol import HubError
from hai_desktop.core.timeutil import utc_now

STATE_ONLINE = "online"
STATE_OFFLINE = "offline"
STATE_SYNCING = "syncing"
STATE_ATTENTION = "attention"

CLOCK_SKEW_WARN_S = 300.0


@dataclass
class SyncStatus:
    """The one sync state the UI shows at all times (persisted in ``sync_state``)."""

    state: str = STATE_OFFLINE
    waiting: int = 0
    rejected: int = 0
    conflicts: int = 0  # records another desk changed too, waiting for the user's pick
    last_good_sync: str | None = None
    last_attempt: str | None = None
    code: str = codes.NEVER_SYNCED  # what the status line says, as a message code
    params: dict[str, Any] = field(default_factory=dict)  # and its parameters
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
    def clock_code(self) -> tuple[str, dict[str, Any]] | None:
        """The clock warning, when the desk clock is off by more than 5 minutes."""
        if not self.clock_warning or self.clock_skew_s is None:
            return None
        minutes = round(abs(self.clock_skew_s) / 60)
        code = codes.CLOCK_BEHIND if self.clock_skew_s > 0 else codes.CLOCK_AHEAD
        return code, {"minutes": minutes}

    def say(self, code: str, **params: Any) -> None:
        """Set the status line's message."""
        self.code = code
        self.params = params


@dataclass
class SyncReport:
    """What one run did (the CLI prints it, the GUI shows the status)."""

    ok: bool = False
    skipped: bool = False
    pushed: int = 0
    accepted: int = 0
    unchanged: int = 0
    conflicts: int = 0
    rejected: list[tuple[str, str, str]] = field(default_factory=list)  # type, id, message
    pulled: dict[str, int] = field(default_factory=dict)
    changed: set[str] = field(default_factory=set)  # topics whose data changed (GUI refresh)
    error: HubError | None = None
    requests: int = 0
    duration_s: float = 0.0
    status: SyncStatus = field(default_factory=SyncStatus)


def load_status() -> SyncStatus:
    """The last persisted sync status (defaults when never synced)."""
    return SyncStatus.from_dict(state.get_value("status"))


def save_status(status: SyncStatus) -> None:
    state.set_value("status", status.to_dict())


def settle(
    status: SyncStatus,
    error: HubError | None,
    *,
    waiting: int,
    rejected: int,
    next_retry_at: str | None,
    conflicts: int = 0,
) -> SyncStatus:
    """The status after a pass (``error`` None: it succeeded), persisted."""
    from hai_desktop.core.sync.protocol import REASON_NOT_CONFIGURED, REASON_TLS, ErrorKind

    status.waiting = waiting
    status.rejected = rejected
    status.conflicts = conflicts
    status.next_retry_at = next_retry_at
    if error is None:
        status.last_good_sync = utc_now()
        status.error_kind = None
        status.needs_signin = False
        if conflicts:
            status.state = STATE_ATTENTION
            status.say(codes.CONFLICTS, count=conflicts)
        elif rejected:
            status.state = STATE_ATTENTION
            status.say(codes.REJECTED, count=rejected)
        else:
            status.state = STATE_ONLINE
            if waiting:
                status.say(codes.WAITING, count=waiting)
            else:
                status.say(codes.ALL_SENT)
    else:
        status.error_kind = error.kind.value
        # Not signed in, or no hub address yet: the sign-in dialog (with the address) fixes both.
        status.needs_signin = error.kind is ErrorKind.AUTH or error.reason == REASON_NOT_CONFIGURED
        status.code, status.params = error.message_code()
        if error.kind in (ErrorKind.AUTH, ErrorKind.REJECTED) or error.reason == REASON_TLS:
            status.state = STATE_ATTENTION
        else:
            status.state = STATE_OFFLINE
    save_status(status)
    return status


def local_failure_code(exc: BaseException) -> str:
    """The status line's code for a pass that failed on this PC: a storage error says what
    it is (disk full, locked, read-only, I/O, damaged), anything else is a local failure."""
    from hai_desktop.core.db import errors as storage

    typed = storage.classify(exc)
    if typed is None and exc.__cause__ is not None:
        typed = storage.classify(exc.__cause__)
    kinds = (
        (storage.DiskFull, codes.DISK_FULL),
        (storage.DatabaseLocked, codes.DB_LOCKED),
        (storage.StorageReadOnly, codes.STORAGE_READ_ONLY),
        (storage.DatabaseDamaged, codes.DB_DAMAGED),
        (storage.StorageIOError, codes.STORAGE_IO),
    )
    for kind, code in kinds:
        if isinstance(typed, kind):
            return code
    return codes.LOCAL_FAILURE
