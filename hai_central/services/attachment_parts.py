"""Resumable uploads (API.md, attachments): ``HEAD`` tells how much of a file the hub holds
for the caller, ``PATCH`` appends the next chunk at ``Upload-Offset``.

A part belongs to the uploading office (one part per file and office) and expires 24 hours
after it was begun. The database row's ``upload_offset`` is the truth: a chunk is written
(truncate to the offset, write, fsync) and the offset moved in one transaction, so a hub that
dies after writing but before committing merely gets that chunk again. The row is locked
while a chunk is written (``SELECT … FOR UPDATE`` on PostgreSQL; SQLite's write transactions
are serialised), so two desks of one office racing on a part cannot interleave their bytes.

The last chunk completes the file: its hash is checked over the whole part (a mismatch
discards the part: 422), its content type by magic bytes, and then it is moved to its final
place like a whole upload (fsync, rename, fsync the folder).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import secrets
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from hai_central.errors import ApiError
from hai_central.services import attachments
from hai_central.services.common import CurrentUser, iso, now_iso, utcnow
from hai_central.store import db as store
from hai_central.store.models import AttachmentPart
from hai_contract.attachments import BYTE_COUNT_PATTERN

BYTE_COUNT_RE = re.compile(BYTE_COUNT_PATTERN.removeprefix("^").removesuffix("$"))

PART_TTL = timedelta(hours=24)
READ_BLOCK = 1024 * 1024


@dataclass(frozen=True)
class HeadState:
    """What the hub holds of a file for the caller."""

    complete: bool
    offset: int
    length: int


def part_path(root: Path, sha: str, token: str) -> Path:
    """Where a part's bytes wait (a fresh token per part: a discarded part's file is never
    appended to by a new one)."""
    return root / ".parts" / f"{sha}.{token}.part"


def _expired(part: AttachmentPart) -> bool:
    return part.expires_at <= now_iso()


def _discard(root: Path, part: AttachmentPart) -> None:
    AttachmentPart.delete().where(
        (AttachmentPart.sha256 == part.sha256) & (AttachmentPart.office_code == part.office_code)
    ).execute()
    with contextlib.suppress(OSError):
        part_path(root, part.sha256, part.token).unlink()


def purge_expired(root: Path, limit: int = 100) -> int:
    """Drop parts older than 24 hours (called as new parts begin); returns how many."""
    with store.transaction():
        old = list(
            AttachmentPart.select().where(AttachmentPart.expires_at <= now_iso()).limit(limit)
        )
        for part in old:
            _discard(root, part)
    return len(old)


def head(user: CurrentUser, root: Path, sha: str) -> HeadState | None:
    """The caller's view of a file: whole, a part of it, or nothing (None).

    A file only another office uploaded counts as nothing: the caller must send its bytes,
    which proves it has the file (the hub then keeps one copy).
    """
    attachments.check_sha(sha)
    if attachments.owned(user, [sha]) and attachments.path_for(root, sha).is_file():
        size = attachments.path_for(root, sha).stat().st_size
        return HeadState(True, size, size)
    with store.session():
        part = AttachmentPart.get_or_none(
            (AttachmentPart.sha256 == sha) & (AttachmentPart.office_code == user.office_code)
        )
    if part is None or _expired(part):
        return None
    return HeadState(False, int(part.upload_offset), int(part.length))


def _header_int(value: str | None, field: str) -> int:
    # ASCII digits only, as the document says: int() would also take "+5", "1_000", "٣".
    if value is None or not BYTE_COUNT_RE.fullmatch(value.strip()):
        raise ApiError(
            400, "bad_request", f"{field} must be a whole number of bytes", {"field": field}
        )
    number = int(value.strip())
    if number < 0:
        raise ApiError(400, "bad_request", f"{field} must not be negative", {"field": field})
    return number


def _wrong_offset(current: int) -> ApiError:
    return ApiError(
        409,
        "conflict",
        "the upload continues at another offset",
        {"field": "Upload-Offset", "upload_offset": current},
        headers={"Upload-Offset": str(current)},
    )


def _locked_part(db: Any, sha: str, office_code: str) -> AttachmentPart | None:
    query = AttachmentPart.select().where(
        (AttachmentPart.sha256 == sha) & (AttachmentPart.office_code == office_code)
    )
    if store.is_postgres(db):
        query = query.for_update()
    return query.first()


def _write_chunk(path: Path, offset: int, chunk: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = "r+b" if path.exists() else "wb"
    with open(path, mode) as f:
        f.truncate(offset)  # bytes past the committed offset are from a chunk never confirmed
        f.seek(offset)
        f.write(chunk)
        f.flush()
        os.fsync(f.fileno())


def _file_hash_and_head(path: Path) -> tuple[str, bytes]:
    digest = hashlib.sha256()
    head = b""
    with open(path, "rb") as f:
        while block := f.read(READ_BLOCK):
            if not head:
                head = block[:8192]
            digest.update(block)
    return digest.hexdigest(), head


def patch(
    user: CurrentUser,
    root: Path,
    sha: str,
    *,
    upload_offset: str | None,
    upload_length: str | None,
    filename: str | None,
    content_type: str | None,
    chunk: bytes,
) -> dict[str, Any]:
    """Append ``chunk`` at ``upload_offset``.

    Returns ``{"complete": False, "upload_offset": N}`` while parts are missing, or
    ``{"complete": True, "created": bool, "attachment": metadata}`` when the file is whole.
    """
    attachments.check_sha(sha)
    offset = _header_int(upload_offset, "Upload-Offset")
    length = _header_int(upload_length, "Upload-Length")
    attachments.check_size(length)
    name, ext = attachments.check_name(attachments.decode_filename(filename))
    if offset + len(chunk) > length:
        raise ApiError(
            422,
            "invalid_field",
            "the chunk goes past Upload-Length",
            {"field": "Upload-Length", "upload_length": length},
        )
    if attachments.owned(user, [sha]) and attachments.path_for(root, sha).is_file():
        # Already whole for this office (a retry after the completing answer was lost).
        meta = attachments._meta(sha, name, False)
        return {"complete": True, "created": False, "attachment": meta}
    if offset == 0:
        purge_expired(root)
    # A refusal that discards the part must not be rolled back with it: the transaction
    # ends normally and the error is raised after it.
    refusal: ApiError | None = None
    result: dict[str, Any] = {}
    with store.transaction() as db:
        part = _locked_part(db, sha, user.office_code)
        if part is not None and _expired(part):
            _discard(root, part)
            part = None
        if part is None:
            if offset != 0:
                raise _wrong_offset(0)
            now = utcnow()
            store.insert_new(
                AttachmentPart,
                sha256=sha,
                office_code=user.office_code,
                uploaded_by=user.id,
                length=length,
                upload_offset=0,
                filename=name,
                content_type=content_type,
                token=secrets.token_hex(8),
                created_at=iso(now),
                expires_at=iso(now + PART_TTL),
            )
            part = _locked_part(db, sha, user.office_code)
        if int(part.length) != length:
            raise ApiError(
                409,
                "conflict",
                "Upload-Length differs from the part begun earlier",
                {"field": "Upload-Length", "upload_length": int(part.length)},
                headers={"Upload-Offset": str(part.upload_offset)},
            )
        if offset != int(part.upload_offset):
            raise _wrong_offset(int(part.upload_offset))
        path = part_path(root, sha, part.token)
        try:
            if offset > 0 and not path.exists():
                # The part's bytes are gone (a hub that died after moving a completed file
                # into place, before committing): begin again from 0.
                raise _wrong_offset(0)
            if offset == 0 and chunk:
                attachments.check_content(ext, chunk)
            _write_chunk(path, offset, chunk)
            new_offset = offset + len(chunk)
            if new_offset < length:
                AttachmentPart.update(upload_offset=new_offset).where(
                    (AttachmentPart.sha256 == sha)
                    & (AttachmentPart.office_code == user.office_code)
                ).execute()
                return {"complete": False, "upload_offset": new_offset}
            digest, head_bytes = _file_hash_and_head(path)
            if digest != sha:
                raise ApiError(
                    422,
                    "invalid_field",
                    "the hash does not match the content; the parts were discarded",
                    {"field": "sha256"},
                )
            attachments.check_content(ext, head_bytes)
        except ApiError as exc:
            _discard(root, part)
            refusal = exc
        else:
            AttachmentPart.delete().where(
                (AttachmentPart.sha256 == sha) & (AttachmentPart.office_code == user.office_code)
            ).execute()
            attachments.store_file(root, sha, path)
            created = attachments.record_upload(user, sha, name, ext, length, content_type)
            result = {"complete": True, "created": created}
    if refusal is not None:
        raise refusal
    result["attachment"] = attachments._meta(sha, name, result["created"])
    return result
