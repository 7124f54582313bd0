"""Broadcasts: Ed25519-signed publication (signature v2), outage threads, audience filtering.

Receipts and data-request replies are in :mod:`broadcast_replies`; the e-mail channel in
:mod:`broadcast_email`.
"""

from __future__ import annotations

import base64
import os
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from hai_central.errors import ApiError, invalid
from hai_central.schemas.broadcasts import BroadcastIn
from hai_central.services import reference
from hai_central.services.common import ROLES, CurrentUser, clamp_limit, iso, utcnow
from hai_central.store import db as store
from hai_central.store.models import AppUser, Broadcast, Office
from hai_contract.broadcasts import (
    KIND_DATA_REQUEST,
    KIND_OUTAGE,
    OUTAGE_INVESTIGATING,
    OUTAGE_RESOLVED,
    SIGNATURE_VERSION,
    signed_bytes,
)

ALL_BROADCASTS_ROLES = frozenset({"broadcaster", "admin"})


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
    """A broadcast as the feed returns it: every signed field exactly as it was signed."""
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
        "updates": b.updates,
        "outage_status": b.outage_status,
        "affected_applications": b.affected_applications or None,
        "ack_required": bool(b.ack_required),
        "reply_requested": bool(b.reply_requested),
        "reply_due": b.reply_due,
        "published_at": b.published_at,
        "signature": b.signature,
        "signature_version": int(b.signature_version or 1),
    }


def _future(field: str, value: datetime | None, now: datetime) -> str | None:
    if value is None:
        return None
    if value.tzinfo is None:
        raise invalid(field, f"{field} needs a time zone (e.g. Z)")
    if value <= now:
        raise invalid(field, f"{field} must be in the future")
    return iso(value)


def _check_audience(audience: dict[str, list[str]]) -> None:
    bad_roles = [r for r in audience.get("roles") or [] if r not in ROLES]
    if bad_roles:
        raise invalid("audience.roles", f"unknown role: {', '.join(bad_roles)}")
    bad_kinds = [k for k in audience.get("office_kinds") or [] if k not in reference.OFFICE_KINDS]
    if bad_kinds:
        raise invalid("audience.office_kinds", f"unknown office kind: {', '.join(bad_kinds)}")
    codes = audience.get("office_codes") or []
    if codes:
        known = {o.code for o in Office.select(Office.code).where(Office.code.in_(codes))}
        unknown = [c for c in codes if c not in known]
        if unknown:
            raise invalid("audience.office_codes", f"unknown office: {', '.join(unknown)}")


def _outage_fields(body: BroadcastIn, parent: Broadcast | None) -> dict[str, Any]:
    """Check and complete the outage fields; a follow-up inherits what it leaves out."""
    if body.kind != KIND_OUTAGE:
        for field, value in (
            ("affected_applications", body.affected_applications),
            ("outage_status", body.outage_status),
            ("updates", body.updates or body.resolves),
        ):
            if value:
                raise invalid(field, f"{field} is only for outage notices")
        return {"updates": None, "outage_status": None, "affected_applications": []}
    apps = list(dict.fromkeys(body.affected_applications)) or (
        list(parent.affected_applications or []) if parent else []
    )
    if not apps:
        raise invalid("affected_applications", "an outage names the affected applications")
    known = {a.get("code") for a in reference.get_item("applications") or []}
    unknown = [a for a in apps if a not in known]
    if unknown:
        raise invalid("affected_applications", f"unknown application: {', '.join(unknown)}")
    status = body.outage_status or (OUTAGE_RESOLVED if body.resolves else OUTAGE_INVESTIGATING)
    return {
        "updates": parent.id if parent else None,
        "outage_status": status,
        "affected_applications": apps,
    }


def _reply_fields(body: BroadcastIn, now: datetime) -> dict[str, Any]:
    if body.kind != KIND_DATA_REQUEST:
        if body.reply_requested or body.reply_due:
            raise invalid("reply_requested", "replies are only for data requests")
        return {"reply_requested": False, "reply_due": None}
    requested = body.reply_requested if body.reply_requested is not None else bool(body.reply_due)
    if requested and body.reply_due is None:
        raise invalid("reply_due", "a data request asking for replies needs reply_due")
    return {
        "reply_requested": bool(requested),
        "reply_due": _future("reply_due", body.reply_due, now) if requested else None,
    }


def _parent(body: BroadcastIn) -> Broadcast | None:
    parent_id = body.updates or body.resolves
    if parent_id is None:
        return None
    parent = Broadcast.get_or_none(Broadcast.id == str(parent_id))
    if parent is None or parent.kind != KIND_OUTAGE:
        raise invalid("updates", "updates must name a published outage notice")
    return parent


def create(
    user: CurrentUser, key: Ed25519PrivateKey, body: BroadcastIn, *, email: bool = False
) -> tuple[dict[str, Any], bool]:
    """Publish (idempotent by id): number, time and signature are the hub's.

    With ``email`` the addressed offices' e-mails are queued in the same transaction (the
    mail worker sends them later; the publish never waits for SMTP).
    """
    from hai_central.services import attachments, broadcast_email

    with store.session():
        existing = Broadcast.get_or_none(Broadcast.id == str(body.id))
        if existing is not None:
            return public(existing), False
        gone = attachments.missing([a.sha256 for a in body.attachments])
        if gone:
            raise ApiError(
                422,
                "invalid_field",
                "attachment not uploaded first",
                {"field": "attachments", "missing": gone},
            )
        now = utcnow()
        parent = _parent(body)
        if body.audience is not None:
            audience = body.audience.model_dump(mode="json")
        else:
            audience = dict(parent.audience) if parent else {}
        audience = {
            k: list(audience.get(k) or []) for k in ("roles", "office_kinds", "office_codes")
        }
        _check_audience(audience)
        item: dict[str, Any] = {
            "id": str(body.id),
            "kind": body.kind,
            "title": body.title,
            "body": body.body,
            "urgency": body.urgency,
            "audience": audience,
            "contact": body.contact.model_dump(mode="json"),
            "attachments": [a.model_dump(mode="json") for a in body.attachments],
            "valid_until": _future("valid_until", body.valid_until, now),
            # Urgent means acknowledged (issue 10): the desk must ask for an explicit ack.
            "ack_required": body.urgency == "urgent" or bool(body.ack_required),
            "published_at": iso(now),
            **_outage_fields(body, parent),
            **_reply_fields(body, now),
        }
    with store.transaction() as db:
        with db.atomic() as sp:
            rev = store.next_rev(db)
            seq = store.next_counter(f"broadcast:{now.year}", db)
            item["number"] = f"BC-{now.year}-{seq:06d}"
            signed = dict(item, affected_applications=item["affected_applications"] or None)
            signature = key.sign(signed_bytes(signed, SIGNATURE_VERSION))
            created = store.insert_new(
                Broadcast,
                rev=rev,
                signature=base64.b64encode(signature).decode("ascii"),
                signature_version=SIGNATURE_VERSION,
                created_by=user.id,
                **item,
            )
            if not created:
                sp.rollback()
            elif email:
                broadcast_email.enqueue(db, item["id"], addressed_offices(audience))
        result = public(Broadcast.get_by_id(str(body.id)))
    if created and email:
        broadcast_email.wake()
    return result, created


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


def addressed_offices(audience: dict[str, Any] | None) -> list[Office]:
    """The active offices a broadcast is for: kind and code match, and when roles restrict,
    the office has an active user with one of those roles."""
    audience = audience or {}
    query = Office.select().where(Office.active == True)  # noqa: E712
    if audience.get("office_kinds"):
        query = query.where(Office.kind.in_(audience["office_kinds"]))
    if audience.get("office_codes"):
        query = query.where(Office.code.in_(audience["office_codes"]))
    offices = list(query.order_by(Office.code))
    roles = audience.get("roles")
    if roles:
        with_role = {
            u.office_code
            for u in AppUser.select(AppUser.office_code).where(
                AppUser.role.in_(roles),
                AppUser.active == True,  # noqa: E712
            )
        }
        offices = [o for o in offices if o.code in with_role]
    return offices


def get_visible(broadcast_id: str, user: CurrentUser) -> Broadcast:
    """The broadcast if ``user`` may see it, else the same 404 as a missing one."""
    from hai_central.errors import not_found

    b = Broadcast.get_or_none(Broadcast.id == broadcast_id)
    if b is None or not visible_to(b, user):
        raise not_found("broadcast")
    return b


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


def latest_rev() -> int:
    """The highest broadcast rev (the long-poll compares against it)."""
    with store.session() as db:
        row = db.execute_sql("SELECT MAX(rev) FROM broadcast").fetchone()
    return int(row[0] or 0)
