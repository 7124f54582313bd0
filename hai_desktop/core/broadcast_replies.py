"""Replies to data requests, written at the desk and queued offline (outbox record type
``broadcast_reply``). Files are copied into the profile at once, so a reply survives the
original file being moved or the desk being killed before it was sent. No Qt."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import uuid
from pathlib import Path
from typing import Any

from hai_desktop.core import outbox
from hai_desktop.core.broadcasts import REPLY_RECORD_TYPE
from hai_desktop.core.db.models import database_proxy
from hai_desktop.core.timeutil import utc_now

MAX_BODY_CHARS = 50000
MAX_FILES = 20


class ReplyError(ValueError):
    """A reply that cannot be queued; ``code`` says why (the GUI owns the words)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def _hash(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def store_file(attachments_dir: Path, source: Path) -> dict[str, Any]:
    """Copy a file into the profile (by its SHA-256, written then renamed)."""
    sha = _hash(source)
    target = attachments_dir / sha[:2] / sha
    if not target.is_file():
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f"{sha}.{os.getpid()}.tmp")
        shutil.copyfile(source, tmp)
        with tmp.open("rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    return {
        "sha256": sha,
        "filename": source.name,
        "path": str(target),
        "size": target.stat().st_size,
    }


def create_reply(broadcast_id: str, body: str, files: list[Path], attachments_dir: Path) -> str:
    """Queue a reply with its files; returns the reply id."""
    db = database_proxy.obj
    body = (body or "").strip()
    if not body:
        raise ReplyError("body_required")
    if len(body) > MAX_BODY_CHARS:
        raise ReplyError("body_too_long")
    if len(files) > MAX_FILES:
        raise ReplyError("too_many_files")
    row = db.execute_sql(
        "SELECT reply_requested FROM broadcast WHERE id = ? AND problem IS NULL", (broadcast_id,)
    ).fetchone()
    if not row or not row[0]:
        raise ReplyError("no_reply_requested")
    stored = [store_file(attachments_dir, Path(f)) for f in files]
    reply_id = str(uuid.uuid4())
    with db.atomic():
        db.execute_sql(
            "INSERT INTO broadcast_reply (id, broadcast_id, body, attachments, created_at)"
            " VALUES (?, ?, ?, ?, ?)",
            (reply_id, broadcast_id, body, json.dumps(stored, ensure_ascii=False), utc_now()),
        )
        outbox.enqueue(REPLY_RECORD_TYPE, reply_id)
    return reply_id


def replies_for(broadcast_id: str) -> list[dict[str, Any]]:
    """This desk's replies to one broadcast, oldest first (with their sent state)."""
    cursor = database_proxy.obj.execute_sql(
        "SELECT id, body, attachments, created_at, sent_at, late FROM broadcast_reply"
        " WHERE broadcast_id = ? ORDER BY created_at",
        (broadcast_id,),
    )
    out = []
    for rid, body, atts, created, sent, late in cursor.fetchall():
        out.append(
            {
                "id": rid,
                "body": body,
                "attachments": json.loads(atts or "[]"),
                "created_at": created,
                "sent_at": sent,
                "late": None if late is None else bool(late),
            }
        )
    return out


def get_reply(reply_id: str) -> dict[str, Any] | None:
    row = database_proxy.obj.execute_sql(
        "SELECT id, broadcast_id, body, attachments, created_at FROM broadcast_reply WHERE id = ?",
        (reply_id,),
    ).fetchone()
    if not row:
        return None
    return {
        "id": row[0],
        "broadcast_id": row[1],
        "body": row[2],
        "attachments": json.loads(row[3] or "[]"),
        "created_at": row[4],
    }


def wire(reply: dict[str, Any]) -> dict[str, Any]:
    """The reply as ``POST /broadcasts/{id}/replies`` takes it."""
    return {
        "id": reply["id"],
        "body": reply["body"],
        "attachments": [
            {"sha256": a["sha256"], "filename": a["filename"]} for a in reply["attachments"]
        ],
        "created_at": reply["created_at"],
    }


def mark_sent(reply_id: str, late: bool | None) -> None:
    database_proxy.obj.execute_sql(
        "UPDATE broadcast_reply SET sent_at = ?, late = ? WHERE id = ?",
        (utc_now(), None if late is None else int(late), reply_id),
    )
