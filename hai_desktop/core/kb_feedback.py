"""KB feedback: "membantu / tidak membantu" on an entry, queued for the hub.

``record_feedback`` writes the feedback row and its outbox row in one transaction;
``wire_feedback`` is what the sync engine sends.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from hai_desktop.core.db.models import database_proxy
from hai_desktop.core.timeutil import utc_now

FEEDBACK_RECORD_TYPE = "kb_feedback"


@dataclass(frozen=True)
class KbFeedback:
    """A local KB feedback record (sent to ``POST /api/v1/kb/{kb_entry_id}/feedback``)."""

    id: str
    kb_entry_id: str
    helpful: bool
    note: str | None
    created_at: str


def record_feedback(entry_id: str, helpful: bool, note: str | None = None) -> str:
    """Store "membantu / tidak membantu" for an entry and queue it for the hub.

    The feedback row and its outbox row are written in one transaction. Returns its id.
    """
    from hai_desktop.core import outbox

    note = (note or "").strip() or None
    feedback_id = str(uuid.uuid4())
    with database_proxy.atomic():
        database_proxy.execute_sql(
            "INSERT INTO kb_feedback (id, kb_entry_id, helpful, note, created_at) "
            "VALUES (?, ?, ?, ?, ?)",
            (feedback_id, entry_id, 1 if helpful else 0, note, utc_now()),
        )
        outbox.enqueue(FEEDBACK_RECORD_TYPE, feedback_id)
    return feedback_id


def get_feedback(feedback_id: str) -> KbFeedback | None:
    """A stored feedback record by id (the sync engine reads it when sending)."""
    row = database_proxy.execute_sql(
        "SELECT id, kb_entry_id, helpful, note, created_at FROM kb_feedback WHERE id = ?",
        (feedback_id,),
    ).fetchone()
    if row is None:
        return None
    return KbFeedback(row[0], row[1], bool(row[2]), row[3], row[4])


def feedback_path(row: KbFeedback) -> str:
    """The hub path the feedback is posted to."""
    return f"/api/v1/kb/{row.kb_entry_id}/feedback"


def wire_feedback(row: KbFeedback | str) -> dict:
    """The JSON body of ``POST /api/v1/kb/{kb_entry_id}/feedback`` for a stored record.

    Accepts the record or its id (the outbox's ``record_id``).
    """
    if isinstance(row, str):
        found = get_feedback(row)
        if found is None:
            raise KeyError(row)
        row = found
    body: dict = {"id": row.id, "helpful": row.helpful}
    if row.note:
        body["note"] = row.note
    return body


def feedback_for(entry_id: str) -> list[KbFeedback]:
    """The feedback this desk gave on an entry, newest first."""
    rows = database_proxy.execute_sql(
        "SELECT id, kb_entry_id, helpful, note, created_at FROM kb_feedback "
        "WHERE kb_entry_id = ? ORDER BY created_at DESC",
        (entry_id,),
    )
    return [KbFeedback(r[0], r[1], bool(r[2]), r[3], r[4]) for r in rows]
