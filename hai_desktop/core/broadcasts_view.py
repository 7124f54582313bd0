"""What the desk's broadcast screen and alerts read, beyond the store (``broadcasts``):
a page of inbox rows with each row's signature checked now, one broadcast's detail with its
outage thread and this desk's replies, and the alert state (counts, unacknowledged urgent
notices that verify, active outages). Codes only, no Qt; runs on the bound database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from hai_desktop.core import broadcast_replies, broadcasts
from hai_desktop.core import broadcasts_verify as verify
from hai_desktop.core.db.models import database_proxy


def _check_ids(ids: list[str]) -> dict[str, str]:
    """Verification code per id, on the fields as stored now."""
    if not ids:
        return {}
    pinned = verify.pinned_key()
    key = pinned["public_key"] if pinned else None
    cursor = database_proxy.obj.execute_sql(
        f"SELECT {', '.join(broadcasts.COLUMNS)} FROM broadcast"
        f" WHERE id IN ({', '.join('?' * len(ids))})",
        ids,
    )
    out = {}
    for values in cursor.fetchall():
        row = dict(zip(broadcasts.COLUMNS, values, strict=True))
        out[row["id"]] = verify.verify_row(row, key)
    return out


def inbox_page(
    f: broadcasts.InboxFilter, limit: int = 200, offset: int = 0
) -> list[dict[str, Any]]:
    """Inbox rows, each with ``verified`` (bool) and ``verification`` (a code)."""
    rows = broadcasts.list_inbox(f, limit=limit, offset=offset)
    checks = _check_ids([r["id"] for r in rows])
    for row in rows:
        row["verification"] = checks.get(row["id"], verify.BAD_SIGNATURE)
        row["verified"] = row["verification"] == verify.VERIFIED and not row.get("problem")
    return rows


def detail(broadcast_id: str) -> dict[str, Any] | None:
    """One broadcast for the detail pane: parsed fields, ``verified``, its files, the outage
    thread (oldest first) and this desk's replies."""
    row = broadcasts.get(broadcast_id)
    if row is None:
        return None
    item = broadcasts.parsed(row)
    item["verification"] = broadcasts.verification(row)
    item["verified"] = item["verification"] == verify.VERIFIED and not row.get("problem")
    item["files"] = row["files"]
    item["thread"] = broadcasts.thread(row["thread_id"]) if row.get("thread_id") else []
    item["replies"] = broadcast_replies.replies_for(broadcast_id)
    return item


@dataclass
class AlertState:
    """What the window-wide alerts show: counts, urgent notices to confirm, outages."""

    counts: dict[str, int] = field(default_factory=dict)
    urgent: list[dict[str, Any]] = field(default_factory=list)
    outages: list[dict[str, Any]] = field(default_factory=list)
    key_changed: bool = False


def alert_state() -> AlertState:
    """Counts, the unacknowledged urgent notices that verify now (oldest first, with their
    bodies) and the active outages whose latest notice verifies."""
    urgent_rows = broadcasts.unacknowledged_urgent()
    checks = _check_ids([r["id"] for r in urgent_rows])
    urgent = []
    for row in urgent_rows:
        if checks.get(row["id"]) != verify.VERIFIED:
            continue  # an altered row raises no dialog: it is shown set apart in the inbox
        full = broadcasts.get(row["id"])
        if full is not None:
            urgent.append(broadcasts.parsed(full))
    outages = broadcasts.active_outages()
    checks = _check_ids([o["id"] for o in outages])
    outages = [o for o in outages if checks.get(o["id"]) == verify.VERIFIED]
    return AlertState(
        counts=broadcasts.counts(),
        urgent=urgent,
        outages=outages,
        key_changed=verify.key_change() is not None,
    )
