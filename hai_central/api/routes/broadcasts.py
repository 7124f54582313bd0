"""Broadcasts: publish (signed), feed, public key, receipts, data-request replies, e-mail."""

from __future__ import annotations

from fastapi import APIRouter, Response

from hai_central.api.common import ERRORS, Cursor, Limit, RecordId
from hai_central.api.deps import Broadcaster, Hub, User
from hai_central.schemas.broadcasts import (
    BroadcastIn,
    BroadcastOut,
    BroadcastPage,
    EmailStatus,
    PublicKey,
    ReceiptBatch,
    ReceiptReport,
    ReceiptResults,
    ReplyIn,
    ReplyOut,
    ReplyReport,
)
from hai_central.services import broadcast_email, broadcast_replies, broadcasts

router = APIRouter(prefix="/broadcasts", tags=["broadcasts"], responses=ERRORS)


@router.post(
    "",
    response_model=BroadcastOut,
    status_code=201,
    responses={200: {"model": BroadcastOut, "description": "Already published"}},
)
def publish(body: BroadcastIn, user: Broadcaster, hub: Hub, response: Response) -> dict:
    """Publish a broadcast; the hub numbers, dates and signs it (Ed25519, version 2).

    Beyond the schema (else 422): `valid_until` and `reply_due` lie in the future;
    `updates` names a published outage notice; `affected_applications` and the audience's
    `office_codes` are codes the reference data holds; only outages carry
    `affected_applications`, `outage_status` and `updates`, only data requests ask for
    replies (`reply_requested` needs `reply_due`)."""
    item, created = broadcasts.create(
        user, hub.signing_key, body, email=bool(hub.settings.smtp_host)
    )
    if not created:
        response.status_code = 200
    return item


@router.get("/changes", response_model=BroadcastPage)
def broadcast_changes(user: User, cursor: Cursor = 0, limit: Limit = 500) -> dict:
    """Broadcasts addressed to the caller, in rev order."""
    return broadcasts.changes(user, cursor, limit)


@router.get("/public-key", response_model=PublicKey)
def public_key(user: User, hub: Hub) -> dict:
    """The Ed25519 key that verifies broadcast signatures."""
    return {"algorithm": "Ed25519", "public_key": broadcasts.public_key_b64(hub.signing_key)}


@router.post("/receipts", response_model=ReceiptResults)
def post_receipts(body: ReceiptBatch, user: User) -> dict:
    """Read / acknowledged receipts (idempotent)."""
    return {"results": broadcast_replies.record_receipts(user, body.items)}


@router.get("/{broadcast_id}/receipts", response_model=ReceiptReport)
def get_receipts(user: Broadcaster, broadcast_id: RecordId) -> dict:
    """Per addressed office: read and acknowledged times, and who has done neither."""
    return broadcast_replies.receipts(broadcast_id.lower())


@router.post(
    "/{broadcast_id}/replies",
    response_model=ReplyOut,
    status_code=201,
    responses={200: {"model": ReplyOut, "description": "Already received"}},
)
def post_reply(broadcast_id: RecordId, body: ReplyIn, user: User, response: Response) -> dict:
    """A desk's reply to a data request (idempotent by reply id)."""
    item, created = broadcast_replies.create_reply(user, broadcast_id.lower(), body)
    if not created:
        response.status_code = 200
    return item


@router.get("/{broadcast_id}/replies", response_model=ReplyReport)
def get_replies(user: Broadcaster, broadcast_id: RecordId) -> dict:
    """Per addressed office: replied, late or missing; and the replies."""
    return broadcast_replies.replies(broadcast_id.lower())


@router.get("/{broadcast_id}/email", response_model=EmailStatus)
def get_email_status(user: Broadcaster, broadcast_id: RecordId) -> dict:
    """Where the e-mail copies of a broadcast stand (queued, sent, failed) per office."""
    return {
        "broadcast_id": broadcast_id.lower(),
        "items": broadcast_email.status(broadcast_id.lower()),
    }
