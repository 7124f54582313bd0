"""Broadcasts: Ed25519-signed publication, audience filtering, read receipts."""

from __future__ import annotations

import base64
import json
import os
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from hai_central.errors import ApiError, not_found
from hai_central.schemas import BroadcastIn, ReceiptIn
from hai_central.services.common import CurrentUser, clamp_limit, iso, utcnow
from hai_central.store import db as store
from hai_central.store.models import AppUser, Broadcast, BroadcastReceipt, Office

ALL_BROADCASTS_ROLES = frozenset({"broadcaster", "admin"})
SIGNED_FIELDS = ("id", "kind", "title", "body", "urgency", "contact", "attachments", "published_at")


def canonical_json(obj: Any) -> bytes:
    """Keys sorted, ``,``/``:`` separators without spaces, UTF-8 (no ``\\u`` escapes)."""
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode(
        "utf-8"
    )


def signed_part(item: dict[str, Any]) -> dict[str, Any]:
    return {k: item[k] for k in SIGNED_FIELDS}


def load_signing_key(path: Path) -> Ed25519PrivateKey:
    """The hub's signing key, created on first use (readable by the hub's user only)."""
    if path.is_file():
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
        assert isinstance(key, Ed25519PrivateKey)
        return key
    path.parent.mkdir(parents=True, exist_ok=True)
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(pem)
    try:
        os.link(tmp, path)  # first writer wins when several workers start at once
    except FileExistsError:
        pass
    os.unlink(tmp)
    return load_signing_key(path)


def public_key_b64(key: Ed25519PrivateKey) -> str:
    raw = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode("ascii")


def public(b: Broadcast) -> dict[str, Any]:
    return {
        "id": b.id,
        "number": b.number,
        "rev": b.rev,
        "kind": b.kind,
        "title": b.title,
        "body": b.body,
        "urgency": b.urgency,
        "audience": b.audience,
        "contact": b.contact,
        "attachments": b.attachments or [],
        "valid_until": b.valid_until,
        "resolves": b.resolves,
        "published_at": b.published_at,
        "signature": b.signature,
    }


def create(
    user: CurrentUser, key: Ed25519PrivateKey, body: BroadcastIn
) -> tuple[dict[str, Any], bool]:
    """Publish (idempotent by id): number, time and signature are the hub's."""
    from hai_central.services import attachments

    gone = attachments.missing([a.sha256 for a in body.attachments])
    if gone:
        raise ApiError(
            422,
            "invalid_field",
            "attachment not uploaded first",
            {"field": "attachments", "missing": gone},
        )
    now = utcnow()
    item = {
        "id": str(body.id),
        "kind": body.kind,
        "title": body.title,
        "body": body.body,
        "urgency": body.urgency,
        "contact": body.contact.model_dump(mode="json"),
        "attachments": [a.model_dump(mode="json") for a in body.attachments],
        "published_at": iso(now),
    }
    signature = base64.b64encode(key.sign(canonical_json(signed_part(item)))).decode("ascii")
    with store.transaction() as db:
        with db.atomic() as sp:
            rev = store.next_rev(db)
            seq = store.next_counter(f"broadcast:{now.year}", db)
            created = store.insert_new(
                Broadcast,
                rev=rev,
                number=f"BC-{now.year}-{seq:06d}",
                audience=body.audience.model_dump(mode="json"),
                valid_until=iso(body.valid_until) if body.valid_until else None,
                resolves=str(body.resolves) if body.resolves else None,
                signature=signature,
                created_by=user.id,
                **item,
            )
            if not created:
                sp.rollback()
        return public(Broadcast.get_by_id(str(body.id))), created


def addressed_to(
    b: dict[str, Any] | Broadcast, role: str, office_kind: str, office_code: str
) -> bool:
    """Audience lists combine with AND; an empty list does not restrict."""
    audience = b["audience"] if isinstance(b, dict) else b.audience
    audience = audience or {}
    checks = (
        (audience.get("roles"), role),
        (audience.get("office_kinds"), office_kind),
        (audience.get("office_codes"), office_code),
    )
    return all(not allowed or value in allowed for allowed, value in checks)


def visible_to(b: dict[str, Any] | Broadcast, user: CurrentUser) -> bool:
    """May ``user`` see broadcast ``b`` (its audience, or a role that sees them all)?"""
    return user.role in ALL_BROADCASTS_ROLES or addressed_to(
        b, user.role, user.office_kind, user.office_code
    )


def changes(user: CurrentUser, cursor: int, limit: int | None) -> dict[str, Any]:
    """Broadcasts addressed to the caller after ``cursor`` (all for broadcasters/admins)."""
    limit = clamp_limit(limit)
    cursor = max(0, cursor)
    items: list[dict[str, Any]] = []
    has_more = False
    with store.session():
        # Broadcasts are few (dozens a month): filter the audience here, page in rev order.
        for b in Broadcast.select().where(Broadcast.rev > cursor).order_by(Broadcast.rev):
            if visible_to(b, user):
                if len(items) == limit:
                    has_more = True
                    break
                items.append(public(b))
    return {
        "items": items,
        "next_cursor": items[-1]["rev"] if items else cursor,
        "has_more": has_more,
    }


def record_receipts(user: CurrentUser, items: list[ReceiptIn]) -> list[dict[str, Any]]:
    """Read / acknowledged receipts, idempotent per broadcast and user (first times kept)."""
    results = []
    with store.transaction() as db:
        for r in items:
            bid = str(r.broadcast_id)
            b = Broadcast.get_or_none(Broadcast.id == bid)
            if b is None or not visible_to(b, user):
                results.append(
                    {
                        "broadcast_id": bid,
                        "status": "rejected",
                        "error": {
                            "code": "not_found",
                            "message": "broadcast not found",
                            "details": {},
                        },
                    }
                )
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


def receipts(broadcast_id: str) -> dict[str, Any]:
    """Who read, who acknowledged, and which addressed offices did neither."""
    with store.session():
        b = Broadcast.get_or_none(Broadcast.id == broadcast_id)
        if b is None:
            raise not_found("broadcast")
        names = {u.id: u.name for u in AppUser.select(AppUser.id, AppUser.name)}
        rows = list(BroadcastReceipt.select().where(BroadcastReceipt.broadcast_id == broadcast_id))
        audience = b.audience or {}
        addressed = [
            o.code
            for o in Office.select().where(Office.active == True)  # noqa: E712
            if (not audience.get("office_kinds") or o.kind in audience["office_kinds"])
            and (not audience.get("office_codes") or o.code in audience["office_codes"])
        ]

    def row(r: BroadcastReceipt) -> dict[str, Any]:
        return {
            "user_id": r.user_id,
            "name": names.get(r.user_id),
            "office_code": r.office_code,
            "read_at": r.read_at,
            "acknowledged_at": r.acknowledged_at,
        }

    heard = {r.office_code for r in rows}
    return {
        "broadcast_id": broadcast_id,
        "read": [row(r) for r in rows if r.read_at],
        "acknowledged": [row(r) for r in rows if r.acknowledged_at],
        "silent_offices": [c for c in addressed if c not in heard],
    }
