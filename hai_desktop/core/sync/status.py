"""The one sync state the UI shows at all times, and what one pass did.

The status is persisted in ``sync_state`` (key ``status``) so that the indicator shows the
last known state at start-up, before the first pass of the session.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from hai_desktop.core.sync import state
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
) -> SyncStatus:
    """The status after a pass (``error`` None: it succeeded), persisted."""
    from hai_desktop.core.sync.protocol import REASON_NOT_CONFIGURED, REASON_TLS, ErrorKind

    status.waiting = waiting
    status.rejected = rejected
    status.next_retry_at = next_retry_at
    if error is None:
        status.last_good_sync = utc_now()
        status.error_kind = None
        status.needs_signin = False
        if rejected:
            status.state = STATE_ATTENTION
            status.message = (
                f"{rejected} catatan ditolak HAI Hub. Buka Riwayat untuk "
                "melihat alasannya dan memperbaikinya."
            )
        else:
            status.state = STATE_ONLINE
            status.message = (
                "Semua catatan sudah terkirim."
                if not waiting
                else f"{waiting} catatan menunggu dikirim."
            )
    else:
        status.error_kind = error.kind.value
        # Not signed in, or no hub address yet: the sign-in dialog (with the address) fixes both.
        status.needs_signin = error.kind is ErrorKind.AUTH or error.reason == REASON_NOT_CONFIGURED
        status.message = error.user_message
        if error.kind in (ErrorKind.AUTH, ErrorKind.REJECTED) or error.reason == REASON_TLS:
            status.state = STATE_ATTENTION
        else:
            status.state = STATE_OFFLINE
    save_status(status)
    return status
