"""The desk's clock offset (issue 7.10): how far the desk clock is from the hub's.

The sync engine measures the offset at every heartbeat (``remember``). Each new record is
stamped with the offset known at that moment (``stamp``) and sends it, so the hub can
count the record at the right time even when the desk clock is years off. Records made
before the first measurement get it before they are first sent (``fill_unmeasured``).

Within one run of the program a clock change after the measurement is noticed too: the
offset is carried forward on the monotonic clock, which a wall-clock change does not move.
After a restart the stored offset is used as it is (it is right to within the time between
two syncs, and the hub caps every record at its arrival anyway).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime

from hai_contract import reports as rules
from hai_desktop.core.db.models import database_proxy
from hai_desktop.core.sync import state

STATE_KEY = "clock_offset"


@dataclass(frozen=True)
class _Measurement:
    offset_s: float
    wall: float
    mono: float


_last: _Measurement | None = None


def remember(offset_s: float) -> None:
    """Keep a fresh measurement (hub − desk, seconds), in memory and in ``sync_state``."""
    global _last
    _last = _Measurement(float(offset_s), time.time(), time.monotonic())
    state.set_value(STATE_KEY, {"offset_s": round(float(offset_s), 3)})


def forget() -> None:
    """Drop the in-memory measurement (tests; a different profile)."""
    global _last
    _last = None


def current_offset() -> float | None:
    """The offset now, or None when it was never measured on this profile."""
    if _last is not None:
        # true now ≈ hub time at measurement + elapsed (monotonic); minus the desk clock now.
        drift = (_last.wall - time.time()) + (time.monotonic() - _last.mono)
        return round(_last.offset_s + drift, 3)
    stored = state.get_value(STATE_KEY) or {}
    return rules.valid_offset(stored.get("offset_s"))


def stamp(created_at: str) -> dict[str, object]:
    """The clock-rule columns of a record created at ``created_at`` (desk clock)."""
    offset = current_offset()
    return {"clock_offset_s": offset, "counted_at": rules.counted_at(created_at, offset)}


def fill_unmeasured() -> int:
    """Give records still waiting without an offset the one measured now; returns how many.

    Only records not yet at the hub: once sent, the hub's counted time is the truth.
    """
    offset = current_offset()
    if offset is None:
        return 0
    db = database_proxy.obj
    rows = db.execute_sql(
        "SELECT id, created_at FROM inquiry WHERE clock_offset_s IS NULL"
        " AND sync_status = 'pending' AND hub_rev IS NULL"
    ).fetchall()
    with db.atomic():
        for record_id, created_at in rows:
            db.execute_sql(
                "UPDATE inquiry SET clock_offset_s = ?, counted_at = ? WHERE id = ?",
                (offset, rules.counted_at(created_at, offset), record_id),
            )
    return len(rows)


def hub_now(now: datetime | None = None) -> datetime:
    """The desk clock corrected by the offset (for "is this month in the future?")."""
    from datetime import UTC, timedelta

    moment = now or datetime.now(UTC)
    offset = current_offset() or 0.0
    return moment + timedelta(seconds=offset)
