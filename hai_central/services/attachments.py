"""Attachments stored by SHA-256: hash, size, extension and magic-byte checks (the rules
are the contract's, :mod:`hai_contract.attachments`), uploads owned per office or agent."""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import peewee

from hai_central.errors import ApiError, not_found
from hai_central.services import broadcasts, reference, scoping
from hai_central.services.common import CurrentUser, now_iso
from hai_central.store import db as store
from hai_central.store.models import (
    Attachment,
    AttachmentUpload,
    Broadcast,
    BroadcastReply,
    Ticket,
    TicketMessage,
)
from hai_contract.attachments import CONTENT_TYPES, content_matches, safe_filename

SHA_RE = re.compile(r"^[0-9a-f]{64}$")
RFC8187_RE = re.compile(r"^utf-8'[^']*'(.*)$", re.IGNORECASE)
# Roles whose uploads belong to the person rather than the office (API.md: an agent may
# name only what the agent uploaded).
PERSONAL_UPLOAD_ROLES = frozenset({"agent"})


def decode_filename(raw: str | None) -> str | None:
    """The ``X-Filename`` header as text.

    ``UTF-8''surat%20r%C3%A9sum%C3%A9.pdf`` (RFC 8187 style) is percent-decoded as UTF-8.
    A raw UTF-8 name arrives as latin-1 text (HTTP headers are bytes; Starlette reads them
    as latin-1), so it is taken back to its bytes and read as UTF-8 when that is valid.
    """
    if raw is None:
        return None
    raw = raw.strip()
    m = RFC8187_RE.match(raw)
    if m:
        try:
            return unquote(m.group(1), encoding="utf-8", errors="strict")
        except UnicodeDecodeError:
            raise ApiError(
                422,
                "invalid_field",
                "X-Filename is not valid percent-encoded UTF-8",
                {"field": "X-Filename"},
            ) from None
    try:
        return raw.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return raw


def path_for(root: Path, sha: str) -> Path:
    return root / sha[:2] / sha


def rules() -> tuple[int, set[str]]:
    """(max bytes, allowed extensions) from the reference data."""
    r = reference.get_item("attachment_rules") or {}
    return int(r.get("max_bytes") or 15 * 1024 * 1024), {
        e.lower() for e in r.get("allowed_extensions") or []
    }


def check_sha(sha: str) -> None:
    if not SHA_RE.match(sha):
        raise ApiError(
            422, "invalid_field", "the hash must be 64 lowercase hex digits", {"field": "sha256"}
        )


def check_name(filename: str | None) -> tuple[str, str]:
    """(safe name, extension) of an upload; 422 without a name, 415 for a refused type."""
    if not filename:
        raise ApiError(
            422, "invalid_field", "the X-Filename header is required", {"field": "X-Filename"}
        )
    name = safe_filename(filename)
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    _, allowed = rules()
    if ext not in allowed:
        raise ApiError(
            415,
            "unsupported_type",
            "this file type is not allowed",
            {"extension": ext, "allowed_extensions": sorted(allowed)},
        )
    return name, ext


def check_size(size: int) -> None:
    max_bytes, _ = rules()
    if size > max_bytes:
        raise ApiError(
            413, "too_large", "the file is larger than allowed", {"max_bytes": max_bytes}
        )


def check_content(ext: str, head: bytes) -> None:
    if not content_matches(ext, head[:8192]):
        raise ApiError(
            415,
            "unsupported_type",
            "the content is not what the extension says",
            {"extension": ext},
        )


def fsync_dir(path: Path) -> None:
    """Make a rename in ``path`` durable (POSIX; Windows has no directory fsync)."""
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def store_file(root: Path, sha: str, source: Path | bytes) -> None:
    """Put the checked content at its final place: a unique temp file, fsync, rename, fsync
    the folder. Parallel uploads of one file each write their own temp file; the renames
    replace equal bytes with equal bytes, so any order is right."""
    target = path_for(root, sha)
    if target.exists():
        if isinstance(source, Path):
            source.unlink(missing_ok=True)
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(source, Path):
        with open(source, "rb+") as f:
            os.fsync(f.fileno())
        os.replace(source, target)
    else:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{sha[:12]}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(source)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, target)  # atomic: a reader never sees half a file
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    fsync_dir(target.parent)


def record_upload(
    user: CurrentUser, sha: str, name: str, ext: str, size: int, content_type: str | None
) -> bool:
    """Note the stored file and its uploader; True when this uploader is new for it."""
    now = now_iso()
    with store.transaction():
        store.insert_new(
            Attachment,
            sha256=sha,
            filename=name,
            content_type=CONTENT_TYPES.get(ext, content_type),
            size=size,
            office_code=user.office_code,
            uploaded_by=user.id,
            created_at=now,
        )
        return store.insert_new(
            AttachmentUpload,
            sha256=sha,
            uploaded_by=user.id,
            office_code=user.office_code,
            filename=name,
            created_at=now,
        )


def _meta(sha: str, name: str, created: bool) -> dict[str, Any]:
    with store.session():
        row = Attachment.get_by_id(sha)
    return {
        "sha256": sha,
        "filename": name,
        "size": row.size,
        "content_type": row.content_type,
        "created": created,
    }


def put(
    user: CurrentUser,
    root: Path,
    sha: str,
    body: bytes,
    filename: str | None,
    content_type: str | None,
) -> tuple[dict[str, Any], bool]:
    """Check and store a whole file; returns (metadata, created).

    ``created`` is about this uploader: the second upload of a file another office already
    sent is "created" for this office too, so the answer tells nothing about other offices.
    """
    check_sha(sha)
    check_size(len(body))
    name, ext = check_name(decode_filename(filename))
    if hashlib.sha256(body).hexdigest() != sha:
        raise ApiError(
            422, "invalid_field", "the hash does not match the content", {"field": "sha256"}
        )
    check_content(ext, body)
    store_file(root, sha, body)
    created = record_upload(user, sha, name, ext, len(body), content_type)
    return _meta(sha, name, created), created


def owned(user: CurrentUser, hashes: list[str]) -> set[str]:
    """Which of ``hashes`` the user may name: uploaded by the user's office (an agent: by
    the agent)."""
    if not hashes:
        return set()
    with store.session():
        query = AttachmentUpload.select(AttachmentUpload.sha256).where(
            AttachmentUpload.sha256.in_(hashes)
        )
        if user.role in PERSONAL_UPLOAD_ROLES:
            query = query.where(AttachmentUpload.uploaded_by == user.id)
        else:
            query = query.where(AttachmentUpload.office_code == user.office_code)
        return {r.sha256 for r in query}


def check_named(user: CurrentUser, hashes: list[str], field: str = "attachments") -> None:
    """422 naming every hash the user may not name. A hash another office uploaded answers
    exactly like one nobody uploaded: naming a hash proves nothing and reveals nothing."""
    mine = owned(user, hashes)
    gone = [h for h in dict.fromkeys(hashes) if h not in mine]
    if gone:
        raise ApiError(
            422, "invalid_field", "attachment not uploaded first", {"field": field, "missing": gone}
        )


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
        allowed = bool(owned(user, [sha])) or _named_by(sha, user)
    if not allowed:
        # The same answer as for a hash nobody uploaded: no way to probe for hashes.
        raise not_found("attachment")
    path = path_for(root, sha)
    if not path.is_file():
        raise not_found("attachment content")
    return path, row.filename, row.content_type or "application/octet-stream"


def missing(hashes: list[str]) -> list[str]:
    """Which of these hashes the hub does not have at all (prefer :func:`check_named`)."""
    if not hashes:
        return []
    with store.session():
        have = {
            a.sha256
            for a in Attachment.select(Attachment.sha256).where(Attachment.sha256.in_(hashes))
        }
    return [h for h in hashes if h not in have]
