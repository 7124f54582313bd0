"""Broadcasts: publish (signed), feed, public key, read receipts."""

from __future__ import annotations

from fastapi import APIRouter, Response

from hai_central.api.common import ERRORS, Cursor, Limit, RecordId
from hai_central.api.deps import Broadcaster, Hub, User
from hai_central.schemas import (
    BroadcastIn,
    BroadcastOut,
    BroadcastPage,
    PublicKey,
    ReceiptBatch,
    ReceiptReport,
    ReceiptResults,
)
from hai_central.services import broadcasts

router = APIRouter(prefix="/broadcasts", tags=["broadcasts"], responses=ERRORS)


@router.post(
    "",
    response_model=BroadcastOut,
    status_code=201,
    responses={200: {"model": BroadcastOut, "description": "Already published"}},
)
def publish(body: BroadcastIn, user: Broadcaster, hub: Hub, response: Response) -> dict:
    """Publish a broadcast; the hub numbers, dates and signs it (Ed25519)."""
    item, created = broadcasts.create(user, hub.signing_key, body)
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
    return {"results": broadcasts.record_receipts(user, body.items)}


@router.get("/{broadcast_id}/receipts", response_model=ReceiptReport)
def get_receipts(user: Broadcaster, broadcast_id: RecordId) -> dict:
    """Who read, who acknowledged, which addressed offices did neither."""
    return broadcasts.receipts(broadcast_id.lower())
