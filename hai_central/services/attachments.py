"""Attachments stored by SHA-256: hash, size, extension and magic-byte checks."""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path
from typing import Any

import peewee

from hai_central.errors import ApiError, forbidden, not_found
from hai_central.services import broadcasts, reference, scoping
from hai_central.services.common import CurrentUser, now_iso
from hai_central.store import db as store
from hai_central.store.models import Attachment, Broadcast, BroadcastReply, Ticket, TicketMessage

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP = (b"PK\x03\x04", b"PK\x05\x06")
MAGIC: dict[str, tuple[bytes, ...]] = {
    "pdf": (b"%PDF-",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "gif": (b"GIF87a", b"GIF89a"),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "zip": ZIP,
    "docx": ZIP,
    "xlsx": ZIP,
    "pptx": ZIP,
    "rar": (b"Rar!\x1a\x07",),
    "doc": (OLE,),
    "xls": (OLE,),
    "ppt": (OLE,),
}
EXECUTABLE = (b"MZ", b"\x7fELF", b"\xca\xfe\xba\xbe", b"\xcf\xfa\xed\xfe", b"#!")
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "png": "image/png",
    "gif": "image/gif",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "zip": "application/zip",
    "rar": "application/vnd.rar",
    "txt": "text/plain",
    "doc": "application/msword",
    "xls": "application/vnd.ms-excel",
    "ppt": "application/vnd.ms-powerpoint",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}
SHA_RE = re.compile(r"^[0-9a-f]{64}$")


def safe_filename(name: str) -> str:
    """The file's own name: no directories, no ``..``, no control characters."""
    name = name.replace("\\", "/").split("/")[-1]
    name = name.replace("..", "")
    name = "".join(ch for ch in name if ch.isprintable())
    return name.strip().strip(".") or "file"


def content_matches(ext: str, head: bytes) -> bool:
    """Does the content really look like ``ext``?"""
    if any(head.startswith(m) for m in EXECUTABLE):
        return False
    if ext == "txt":
        return b"\x00" not in head[:8192]
    signatures = MAGIC.get(ext)
    return signatures is None or any(head.startswith(s) for s in signatures)


def path_for(root: Path, sha: str) -> Path:
    return root / sha[:2] / sha


def put(
    user: CurrentUser,
    root: Path,
    sha: str,
    body: bytes,
    filename: str | None,
    content_type: str | None,
) -> tuple[dict[str, Any], bool]:
    """Check and store an attachment; returns (metadata, created)."""
    rules = reference.get_item("attachment_rules") or {}
    max_bytes = int(rules.get("max_bytes") or 15 * 1024 * 1024)
    allowed = {e.lower() for e in rules.get("allowed_extensions") or []}
    if not SHA_RE.match(sha):
        raise ApiError(
            422, "invalid_field", "the hash must be 64 lowercase hex digits", {"field": "sha256"}
        )
    if len(body) > max_bytes:
        raise ApiError(
            413, "too_large", "the file is larger than allowed", {"max_bytes": max_bytes}
        )
    if not filename:
        raise ApiError(
            422, "invalid_field", "the X-Filename header is required", {"field": "X-Filename"}
        )
    name = safe_filename(filename)
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if ext not in allowed:
        raise ApiError(
            415,
            "unsupported_type",
            "this file type is not allowed",
            {"extension": ext, "allowed_extensions": sorted(allowed)},
        )
    if hashlib.sha256(body).hexdigest() != sha:
        raise ApiError(
            422, "invalid_field", "the hash does not match the content", {"field": "sha256"}
        )
    if not content_matches(ext, body[:8192]):
        raise ApiError(
            415,
            "unsupported_type",
            "the content is not what the extension says",
            {"extension": ext},
        )
    target = path_for(root, sha)
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f"{sha}.{os.getpid()}.tmp")
        tmp.write_bytes(body)
        os.replace(tmp, target)  # atomic: a reader never sees half a file
    with store.transaction():
        created = store.insert_new(
            Attachment,
            sha256=sha,
            filename=name,
            content_type=CONTENT_TYPES.get(ext, content_type),
            size=len(body),
            office_code=user.office_code,
            uploaded_by=user.id,
            created_at=now_iso(),
        )
        row = Attachment.get_by_id(sha)
    return {
        "sha256": sha,
        "filename": row.filename,
        "size": row.size,
        "content_type": row.content_type,
        "created": created,
    }, created


def _mentions(field: peewee.Field, sha: str) -> peewee.Expression:
    """``field`` (JSON text) names the hash. The pattern bypasses the field's JSON converter:
    ``field.contains()`` would JSON-encode the pattern itself and never match."""
    return peewee.Expression(field, peewee.OP.ILIKE, peewee.Value(f'%"{sha}"%', converter=False))


def _named_by(sha: str, user: CurrentUser) -> bool:
    """Is the attachment named by a record the user may see?"""
    # A broadcast's attachment is as visible as the broadcast: only to its audience (and to
    # the roles that see every broadcast), never to every signed-in user.
    named_in = Broadcast.select(Broadcast.audience).where(_mentions(Broadcast.attachments, sha))
    if any(broadcasts.visible_to(b, user) for b in named_in):
        return True
    # A data-request reply's file: its office (above) and the broadcasters who asked.
    if user.role in broadcasts.ALL_BROADCASTS_ROLES and (
        BroadcastReply.select().where(_mentions(BroadcastReply.attachments, sha)).exists()
    ):
        return True
    tickets = Ticket.select(Ticket.office_code).where(_mentions(Ticket.attachments, sha))
    if any(scoping.can_read_office(user, t.office_code) for t in tickets):
        return True
    messages = (
        TicketMessage.select(Ticket.office_code)
        .join(Ticket, on=(TicketMessage.ticket_id == Ticket.id))
        .where(_mentions(TicketMessage.attachments, sha))
    )
    return any(scoping.can_read_office(user, m.ticket.office_code) for m in messages)


def get(user: CurrentUser, root: Path, sha: str) -> tuple[Path, str, str]:
    """The stored file, its name and type, if the user may see it."""
    with store.session():
        row = Attachment.get_or_none(Attachment.sha256 == sha)
        if row is None:
            raise not_found("attachment")
        allowed = scoping.can_read_office(user, row.office_code) or _named_by(sha, user)
    if not allowed:
        raise forbidden("this attachment belongs to another office")
    path = path_for(root, sha)
    if not path.is_file():
        raise not_found("attachment content")
    return path, row.filename, row.content_type or "application/octet-stream"


def missing(hashes: list[str]) -> list[str]:
    """Which of these hashes the hub does not have."""
    if not hashes:
        return []
    with store.session():
        have = {
            a.sha256
            for a in Attachment.select(Attachment.sha256).where(Attachment.sha256.in_(hashes))
        }
    return [h for h in hashes if h not in have]
