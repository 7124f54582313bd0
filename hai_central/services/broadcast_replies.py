"""Broadcast receipts (read / acknowledged) and data-request replies, with the broadcaster's
per-office views: who read, who acknowledged, who did neither; who replied, late, missing."""

from __future__ import annotations

from typing import Any

from hai_central.errors import ApiError, forbidden, not_found
from hai_central.schemas.broadcasts import ReceiptIn, ReplyIn
from hai_central.services import broadcasts
from hai_central.services.common import CurrentUser, iso, parse_time, utcnow
from hai_central.store import db as store
from hai_central.store.models import (
    AppUser,
    Attachment,
    Broadcast,
    BroadcastReceipt,
    BroadcastReply,
)
from hai_contract.broadcasts import (
    RECEIPT_ACKNOWLEDGED,
    RECEIPT_NONE,
    RECEIPT_READ,
    REPLY_LATE,
    REPLY_MISSING,
    REPLY_REPLIED,
)


def _rejected(bid: str, code: str, message: str) -> dict[str, Any]:
    return {
        "broadcast_id": bid,
        "status": "rejected",
        "error": {"code": code, "message": message, "details": {}},
    }


def record_receipts(user: CurrentUser, items: list[ReceiptIn]) -> list[dict[str, Any]]:
    """Read / acknowledged receipts, idempotent per broadcast and user (first times kept)."""
    results = []
    with store.transaction() as db:
        for r in items:
            bid = str(r.broadcast_id)
            b = Broadcast.get_or_none(Broadcast.id == bid)
            if b is None or not broadcasts.visible_to(b, user):
                results.append(_rejected(bid, "not_found", "broadcast not found"))
                continue
            read_at = iso(r.read_at)
            ack = iso(r.acknowledged_at) if r.acknowledged_at else None
            p = db.param
            db.execute_sql(
                "INSERT INTO broadcast_receipt (broadcast_id, user_id, office_code, read_at, acknowledged_at) "
                f"VALUES ({p}, {p}, {p}, {p}, {p}) ON CONFLICT (broadcast_id, user_id) DO UPDATE SET "
                "read_at = COALESCE(broadcast_receipt.read_at, excluded.read_at), "
                "acknowledged_at = COALESCE(broadcast_receipt.acknowledged_at, excluded.acknowledged_at)",
                (bid, user.id, user.office_code, read_at, ack),
            )
            results.append({"broadcast_id": bid, "status": "recorded"})
    return results


def _first(values: list[str | None]) -> str | None:
    present = [v for v in values if v]
    return min(present) if present else None


def receipts(broadcast_id: str) -> dict[str, Any]:
    """Per addressed office: first read and acknowledgement; who did neither."""
    with store.session():
        b = Broadcast.get_or_none(Broadcast.id == broadcast_id)
        if b is None:
            raise not_found("broadcast")
        names = {u.id: u.name for u in AppUser.select(AppUser.id, AppUser.name)}
        rows = list(BroadcastReceipt.select().where(BroadcastReceipt.broadcast_id == broadcast_id))
        addressed = broadcasts.addressed_offices(b.audience)

    def row(r: BroadcastReceipt) -> dict[str, Any]:
        return {
            "user_id": r.user_id,
            "name": names.get(r.user_id),
            "office_code": r.office_code,
            "read_at": r.read_at,
            "acknowledged_at": r.acknowledged_at,
        }

    offices = []
    for office in addressed:
        mine = [r for r in rows if r.office_code == office.code]
        read_at = _first([r.read_at for r in mine])
        ack_at = _first([r.acknowledged_at for r in mine])
        state = RECEIPT_ACKNOWLEDGED if ack_at else RECEIPT_READ if read_at else RECEIPT_NONE
        offices.append(
            {
                "office_code": office.code,
                "office_name": office.name,
                "state": state,
                "read_at": read_at,
                "acknowledged_at": ack_at,
            }
        )
    return {
        "broadcast_id": broadcast_id,
        "ack_required": bool(b.ack_required),
        "read": [row(r) for r in rows if r.read_at],
        "acknowledged": [row(r) for r in rows if r.acknowledged_at],
        "silent_offices": [o["office_code"] for o in offices if o["state"] == RECEIPT_NONE],
        "unacknowledged_offices": [
            o["office_code"] for o in offices if o["state"] != RECEIPT_ACKNOWLEDGED
        ]
        if b.ack_required
        else [],
        "offices": offices,
    }


def _late(created_at: str, due: str | None) -> bool:
    return bool(due) and parse_time(created_at) > parse_time(due)


def reply_public(r: BroadcastReply, due: str | None) -> dict[str, Any]:
    return {
        "id": r.id,
        "broadcast_id": r.broadcast_id,
        "office_code": r.office_code,
        "author_name": r.author_name,
        "body": r.body,
        "attachments": r.attachments or [],
        "created_at": r.created_at,
        "received_at": r.received_at,
        "late": _late(r.created_at, due),
    }


def create_reply(
    user: CurrentUser, broadcast_id: str, body: ReplyIn
) -> tuple[dict[str, Any], bool]:
    """A desk's reply to a data request (idempotent by reply id)."""
    rid = str(body.id)
    now = utcnow()
    with store.transaction():
        b = Broadcast.get_or_none(Broadcast.id == broadcast_id)
        # Only an addressed office answers; a broadcaster seeing every notice is not one.
        if b is None or not broadcasts.addressed_to(
            b, user.role, user.office_kind, user.office_code
        ):
            raise not_found("broadcast")
        existing = BroadcastReply.get_or_none(BroadcastReply.id == rid)
        if existing is not None:
            if existing.broadcast_id != broadcast_id or existing.office_code != user.office_code:
                raise forbidden("this reply id belongs to another broadcast or office")
            return reply_public(existing, b.reply_due), False
        if not b.reply_requested:
            # The broadcast's state, not the reply, is what refuses it (409, like a closed ticket).
            raise ApiError(409, "replies_not_requested", "this broadcast does not ask for replies")
        hashes = [a.sha256 for a in body.attachments]
        own = {
            a.sha256
            for a in Attachment.select(Attachment.sha256).where(
                Attachment.sha256.in_(hashes or [""]),
                Attachment.office_code == user.office_code,
            )
        }
        missing = [h for h in hashes if h not in own]
        if missing:
            # Another office's file answers the same as a missing one (API.md, Attachments).
            raise ApiError(
                422,
                "invalid_field",
                "attachment not uploaded first",
                {"field": "attachments", "missing": missing},
            )
        # A reply written offline before the due date counts from when it was written; a
        # client time in the future is taken as the hub's receipt time.
        created = min(body.created_at, now) if body.created_at else now
        store.insert_new(
            BroadcastReply,
            id=rid,
            broadcast_id=broadcast_id,
            office_code=user.office_code,
            user_id=user.id,
            author_name=user.name,
            body=body.body,
            attachments=[a.model_dump(mode="json") for a in body.attachments],
            created_at=iso(created),
            received_at=iso(now),
        )
        row = BroadcastReply.get_by_id(rid)
        return reply_public(row, b.reply_due), True


def replies(broadcast_id: str) -> dict[str, Any]:
    """Per addressed office: replied (on time), late, or missing; and every reply."""
    with store.session():
        b = Broadcast.get_or_none(Broadcast.id == broadcast_id)
        if b is None:
            raise not_found("broadcast")
        rows = list(
            BroadcastReply.select()
            .where(BroadcastReply.broadcast_id == broadcast_id)
            .order_by(BroadcastReply.created_at)
        )
        addressed = broadcasts.addressed_offices(b.audience)
    due = b.reply_due
    offices = []
    for office in addressed:
        mine = [r for r in rows if r.office_code == office.code]
        on_time = [r for r in mine if not _late(r.created_at, due)]
        state = REPLY_REPLIED if on_time else REPLY_LATE if mine else REPLY_MISSING
        offices.append(
            {
                "office_code": office.code,
                "office_name": office.name,
                "state": state,
                "replied_at": (on_time or mine)[0].created_at if mine else None,
                "replies": len(mine),
            }
        )
    return {
        "broadcast_id": broadcast_id,
        "reply_due": due,
        "due_passed": bool(due) and parse_time(due) < utcnow(),
        "offices": offices,
        "replies": [reply_public(r, due) for r in rows],
    }
