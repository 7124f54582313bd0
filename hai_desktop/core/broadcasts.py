"""Broadcasts on the desk: stored from the hub's feed, readable offline, searched, receipts.

Codes only (kinds, urgencies, outage statuses, problems); the GUI and CLI own the words.
Every function runs on the bound desk database. A feed page is applied inside the caller's
transaction (the sync engine stores the page and its cursor together).

What the inbox shows: broadcasts with no arrival ``problem``. Those with one (bad signature,
not for this office) are *set apart*: listed only under their own filter, never raising a
dialog or a banner. Whether a shown broadcast is *Terverifikasi* is checked again on the
stored fields each time (``broadcasts_verify``), so a row altered later shows unverifiable.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from hai_contract.broadcasts import (
    KIND_OUTAGE,
    OUTAGE_RESOLVED,
    URGENCY_URGENT,
)
from hai_desktop.core import broadcasts_verify as verify
from hai_desktop.core import outbox
from hai_desktop.core.db.models import database_proxy
from hai_desktop.core.search import fts_query
from hai_desktop.core.sync import state
from hai_desktop.core.timeutil import utc_now

RECEIPT_RECORD_TYPE = "broadcast_receipt"
REPLY_RECORD_TYPE = "broadcast_reply"
FEED = "broadcasts"

# Arrival problems (the row is kept, set apart).
PROBLEM_BAD_SIGNATURE = "bad_signature"
PROBLEM_NOT_ADDRESSED = "not_addressed"
PROBLEM_MALFORMED = "malformed"

# Inbox filters on status.
STATUS_UNREAD = "unread"
STATUS_UNACKED = "unacknowledged"
STATUS_ACTIVE_OUTAGE = "active_outage"
STATUS_REPLY_DUE = "reply_due"
STATUS_SET_APART = "set_apart"

COLUMNS = (
    "id",
    "rev",
    "number",
    "kind",
    "title",
    "body",
    "urgency",
    "audience",
    "contact",
    "attachments",
    "valid_until",
    "updates",
    "outage_status",
    "affected_applications",
    "ack_required",
    "reply_requested",
    "reply_due",
    "published_at",
    "signature",
    "signature_version",
)
LIST_COLUMNS = (
    "seq, id, number, kind, title, urgency, published_at, outage_status, read_at, "
    "acknowledged_at, ack_required, reply_requested, reply_due, problem, valid_until"
)


def _db():
    return database_proxy.obj


def _json(value: Any) -> str | None:
    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _rows(cursor) -> list[dict[str, Any]]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]


# --------------------------------------------------------------------------- arrival


def account() -> dict[str, Any]:
    """The signed-in user as the hub described it (role, office code and kind)."""
    value = state.get_value("account") or {}
    return value if isinstance(value, dict) else {}


def addressed_here(item: dict[str, Any], acct: dict[str, Any]) -> bool:
    """Is this broadcast for this desk's office and role? (Unknown facts do not exclude.)"""
    audience = item.get("audience") or {}
    if not isinstance(audience, dict):
        return False
    office = acct.get("office") or {}
    checks = (
        (audience.get("roles"), acct.get("role")),
        (audience.get("office_kinds"), office.get("kind")),
        (audience.get("office_codes"), office.get("code")),
    )
    return all(not allowed or value is None or value in allowed for allowed, value in checks)


def arrival_problem(item: dict[str, Any], acct: dict[str, Any], key: str | None) -> str | None:
    """What is wrong with a feed item as it arrives (None: nothing)."""
    if verify.verify_item(item, key) != verify.VERIFIED:
        return PROBLEM_BAD_SIGNATURE
    if acct.get("role") not in ("broadcaster", "admin") and not addressed_here(item, acct):
        return PROBLEM_NOT_ADDRESSED
    return None


def _thread_id(item: dict[str, Any]) -> str | None:
    if item.get("kind") != KIND_OUTAGE:
        return None
    parent = item.get("updates")
    if not parent:
        return item["id"]
    row = _db().execute_sql("SELECT thread_id FROM broadcast WHERE id = ?", (parent,)).fetchone()
    return (row[0] if row and row[0] else None) or parent


def apply_feed(items: list[dict[str, Any]]) -> int:
    """Store a feed page (call inside the page's transaction). Returns how many were stored.

    A broadcast is immutable at the hub: an id seen before keeps its stored row, receipts
    included (a second copy in the feed changes nothing).
    """
    acct = account()
    pinned = verify.pinned_key()
    key = pinned["public_key"] if pinned else None
    db = _db()
    now = utc_now()
    stored = 0
    for item in items:
        if not isinstance(item, dict) or not item.get("id"):
            continue
        try:
            values = [
                _json(item.get(c)) if c in verify.JSON_COLUMNS else item.get(c) for c in COLUMNS
            ]
            problem = arrival_problem(item, acct, key)
            values[COLUMNS.index("ack_required")] = _flag(item.get("ack_required"))
            values[COLUMNS.index("reply_requested")] = _flag(item.get("reply_requested"))
            title, body = str(item["title"]), str(item["body"])
            kind, urgency = str(item["kind"]), str(item["urgency"])
            published = str(item["published_at"])
        except (KeyError, TypeError, ValueError):
            continue
        values[COLUMNS.index("title")] = title
        values[COLUMNS.index("body")] = body
        values[COLUMNS.index("kind")] = kind
        values[COLUMNS.index("urgency")] = urgency
        values[COLUMNS.index("published_at")] = published
        cursor = db.execute_sql(
            f"INSERT INTO broadcast ({', '.join(COLUMNS)}, problem, thread_id, received_at)"
            f" VALUES ({', '.join('?' * len(COLUMNS))}, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
            (*values, problem, _thread_id(item), now),
        )
        if cursor.rowcount:
            stored += 1
            for att in item.get("attachments") or []:
                if isinstance(att, dict) and att.get("sha256"):
                    db.execute_sql(
                        "INSERT INTO broadcast_attachment (broadcast_id, sha256, filename)"
                        " VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                        (item["id"], str(att["sha256"]), str(att.get("filename") or "lampiran")),
                    )
    return stored


def _flag(value: Any) -> int | None:
    return None if value is None else int(bool(value))


# --------------------------------------------------------------------------- reading


@dataclass
class InboxFilter:
    """What the inbox shows: codes, a period (UTC ISO bounds) and search text."""

    kinds: list[str] = field(default_factory=list)
    urgency: str | None = None
    status: str | None = None
    since: str | None = None
    until: str | None = None
    text: str | None = None


def _where(f: InboxFilter, now: str) -> tuple[list[str], list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if f.status == STATUS_SET_APART:
        clauses.append("problem IS NOT NULL")
    else:
        clauses.append("problem IS NULL")
    if f.kinds:
        clauses.append(f"kind IN ({', '.join('?' * len(f.kinds))})")
        params.extend(f.kinds)
    if f.urgency:
        clauses.append("urgency = ?")
        params.append(f.urgency)
    if f.since:
        clauses.append("published_at >= ?")
        params.append(f.since)
    if f.until:
        clauses.append("published_at < ?")
        params.append(f.until)
    if f.status == STATUS_UNREAD:
        clauses.append("read_at IS NULL")
    elif f.status == STATUS_UNACKED:
        clauses.append("ack_required = 1 AND acknowledged_at IS NULL")
    elif f.status == STATUS_REPLY_DUE:
        clauses.append(
            "reply_requested = 1 AND NOT EXISTS (SELECT 1 FROM broadcast_reply r"
            " WHERE r.broadcast_id = broadcast.id)"
        )
    elif f.status == STATUS_ACTIVE_OUTAGE:
        ids = [o["thread_id"] for o in active_outages(now)]
        clauses.append(f"thread_id IN ({', '.join('?' * len(ids)) or 'NULL'})")
        params.extend(ids)
    query = fts_query(f.text)
    if query:
        clauses.append("seq IN (SELECT rowid FROM broadcast_fts WHERE broadcast_fts MATCH ?)")
        params.append(query)
    return clauses, params


def list_inbox(f: InboxFilter | None = None, limit: int = 200, offset: int = 0) -> list[dict]:
    """Inbox rows, newest first (no bodies: the list stays light at 10,000 rows)."""
    f = f or InboxFilter()
    clauses, params = _where(f, utc_now())
    sql = (
        f"SELECT {LIST_COLUMNS} FROM broadcast WHERE {' AND '.join(clauses)}"
        " ORDER BY published_at DESC, seq DESC LIMIT ? OFFSET ?"
    )
    return _rows(_db().execute_sql(sql, (*params, limit, offset)))


def count_inbox(f: InboxFilter | None = None) -> int:
    f = f or InboxFilter()
    clauses, params = _where(f, utc_now())
    row = (
        _db()
        .execute_sql(f"SELECT COUNT(*) FROM broadcast WHERE {' AND '.join(clauses)}", params)
        .fetchone()
    )
    return int(row[0])


def get(broadcast_id: str) -> dict[str, Any] | None:
    """One broadcast, every column (JSON columns parsed), with its attachments' state."""
    rows = _rows(_db().execute_sql("SELECT * FROM broadcast WHERE id = ?", (broadcast_id,)))
    if not rows:
        return None
    row = rows[0]
    row["files"] = _rows(
        _db().execute_sql(
            "SELECT sha256, filename, state, path, size, error FROM broadcast_attachment"
            " WHERE broadcast_id = ? ORDER BY filename",
            (broadcast_id,),
        )
    )
    return row


def verification(row: dict[str, Any]) -> str:
    """Check a stored row (from :func:`get`) now: a ``broadcasts_verify`` code."""
    return verify.verify_row({c: row.get(c) for c in COLUMNS})


def parsed(row: dict[str, Any]) -> dict[str, Any]:
    """A stored row with its JSON columns as Python values (for display)."""
    return verify.item_from_row(row)


def counts() -> dict[str, int]:
    """Unread, unacknowledged (ack required), and set-apart counts (navigation, tray)."""
    row = (
        _db()
        .execute_sql(
            "SELECT"
            " SUM(problem IS NULL AND read_at IS NULL),"
            " SUM(problem IS NULL AND ack_required = 1 AND acknowledged_at IS NULL),"
            " SUM(problem IS NOT NULL)"
            " FROM broadcast"
        )
        .fetchone()
    )
    return {
        "unread": int(row[0] or 0),
        "unacknowledged": int(row[1] or 0),
        "set_apart": int(row[2] or 0),
    }


def unacknowledged_urgent() -> list[dict[str, Any]]:
    """Urgent (ack-required) broadcasts not yet acknowledged, oldest first, still valid."""
    now = utc_now()
    return _rows(
        _db().execute_sql(
            f"SELECT {LIST_COLUMNS} FROM broadcast WHERE problem IS NULL"
            " AND (ack_required = 1 OR urgency = ?) AND acknowledged_at IS NULL"
            " AND (valid_until IS NULL OR valid_until > ?) ORDER BY published_at",
            (URGENCY_URGENT, now),
        )
    )


def active_outages(now: str | None = None) -> list[dict[str, Any]]:
    """One row per active outage thread: its latest notice (status, applications, time).

    A thread is active until its latest notice says ``resolved`` or is past ``valid_until``.
    """
    now = now or utc_now()
    rows = _rows(
        _db().execute_sql(
            "SELECT b.id, b.number, b.title, b.body, b.thread_id, b.outage_status,"
            " b.affected_applications, b.published_at, b.valid_until"
            " FROM broadcast b WHERE b.kind = ? AND b.problem IS NULL AND b.seq = ("
            "  SELECT x.seq FROM broadcast x WHERE x.thread_id = b.thread_id"
            "  AND x.problem IS NULL ORDER BY x.published_at DESC, x.rev DESC, x.seq DESC"
            "  LIMIT 1)"
            " ORDER BY b.published_at DESC",
            (KIND_OUTAGE,),
        )
    )
    active = []
    for r in rows:
        if r["outage_status"] == OUTAGE_RESOLVED:
            continue
        if r["valid_until"] and r["valid_until"] <= now:
            continue
        r["affected_applications"] = (
            verify.item_from_row({"affected_applications": r["affected_applications"]})[
                "affected_applications"
            ]
            or []
        )
        active.append(r)
    return active


def outage_for_application(application: str | None) -> dict[str, Any] | None:
    """The newest active outage naming ``application`` (for the log form's offer)."""
    if not application:
        return None
    for outage in active_outages():
        if application in outage["affected_applications"]:
            return outage
    return None


def thread(thread_id: str) -> list[dict[str, Any]]:
    """Every notice of an outage thread, oldest first (the view's timeline)."""
    return _rows(
        _db().execute_sql(
            "SELECT id, number, outage_status, published_at, title, problem FROM broadcast"
            " WHERE thread_id = ? ORDER BY published_at, seq",
            (thread_id,),
        )
    )


# --------------------------------------------------------------------------- receipts


def mark_read(broadcast_id: str) -> bool:
    """Opening a broadcast records when it was first read (queued for the hub)."""
    with _db().atomic():
        cursor = _db().execute_sql(
            "UPDATE broadcast SET read_at = ? WHERE id = ? AND read_at IS NULL AND problem IS NULL",
            (utc_now(), broadcast_id),
        )
        if cursor.rowcount:
            outbox.enqueue(RECEIPT_RECORD_TYPE, broadcast_id)
    return bool(cursor.rowcount)


def acknowledge(broadcast_id: str) -> bool:
    """The user confirmed an urgent broadcast (read as well, if it was not yet)."""
    now = utc_now()
    with _db().atomic():
        cursor = _db().execute_sql(
            "UPDATE broadcast SET acknowledged_at = ?, read_at = COALESCE(read_at, ?)"
            " WHERE id = ? AND acknowledged_at IS NULL AND problem IS NULL",
            (now, now, broadcast_id),
        )
        if cursor.rowcount:
            outbox.enqueue(RECEIPT_RECORD_TYPE, broadcast_id)
    return bool(cursor.rowcount)


def receipt_wire(broadcast_id: str) -> dict[str, Any] | None:
    """The receipt item the hub takes (None: nothing to send for this id)."""
    row = (
        _db()
        .execute_sql("SELECT read_at, acknowledged_at FROM broadcast WHERE id = ?", (broadcast_id,))
        .fetchone()
    )
    if not row or not row[0]:
        return None
    item = {"broadcast_id": broadcast_id, "read_at": row[0]}
    if row[1]:
        item["acknowledged_at"] = row[1]
    return item


def to_json(row: dict[str, Any]) -> dict[str, Any]:
    """The CLI's JSON for one broadcast (verification checked now)."""
    full = get(row["id"]) if "body" not in row else row
    assert full is not None
    item = parsed(full)
    return {
        "id": item["id"],
        "number": item.get("number"),
        "kind": item["kind"],
        "title": item["title"],
        "urgency": item["urgency"],
        "published_at": item["published_at"],
        "verified": verification(full) == verify.VERIFIED and not full.get("problem"),
        "problem": full.get("problem"),
        "read_at": item.get("read_at"),
        "acknowledged_at": item.get("acknowledged_at"),
        "ack_required": bool(item.get("ack_required")),
        "outage_status": item.get("outage_status"),
        "affected_applications": item.get("affected_applications"),
        "updates": item.get("updates"),
        "valid_until": item.get("valid_until"),
        "reply_requested": bool(item.get("reply_requested")),
        "reply_due": item.get("reply_due"),
    }


# --------------------------------------------------------------------------- key checks

_BAD_SEEN = "broadcast_bad_signature_seen"


def bad_signature_watermark() -> int | None:
    """The newest set-apart (bad signature) row not yet followed by a key check, or None."""
    row = (
        _db()
        .execute_sql("SELECT MAX(seq) FROM broadcast WHERE problem = ?", (PROBLEM_BAD_SIGNATURE,))
        .fetchone()
    )
    newest = int(row[0] or 0)
    return newest if newest > int(state.get_value(_BAD_SEEN) or 0) else None


def set_bad_signature_watermark(seq: int) -> None:
    state.set_value(_BAD_SEEN, int(seq))


def recheck_set_apart() -> int:
    """After IT confirmed a new hub key: rows set apart for their signature that verify now
    join the inbox. Returns how many did."""
    acct = account()
    pinned = verify.pinned_key()
    key = pinned["public_key"] if pinned else None
    rows = _rows(
        _db().execute_sql(
            f"SELECT seq, {', '.join(COLUMNS)} FROM broadcast WHERE problem = ?",
            (PROBLEM_BAD_SIGNATURE,),
        )
    )
    fixed = 0
    with _db().atomic():
        for row in rows:
            item = verify.item_from_row({c: row[c] for c in COLUMNS})
            problem = arrival_problem(item, acct, key)
            if problem != PROBLEM_BAD_SIGNATURE:
                _db().execute_sql(
                    "UPDATE broadcast SET problem = ? WHERE seq = ?", (problem, row["seq"])
                )
                fixed += problem is None
    return fixed


def accept_hub_key(fingerprint: str) -> int | None:
    """Pin the hub's new key when ``fingerprint`` (as IT got it from the centre) is its own,
    and let the notices it signed join the inbox. None when refused (no new key, or another
    fingerprint); otherwise how many set-apart notices verify now."""
    with _db().atomic():
        if not verify.accept_key_change(fingerprint):
            return None
        return recheck_set_apart()
