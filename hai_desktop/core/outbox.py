"""The outbox: records saved on the desk that the hub has not acknowledged yet.

``enqueue`` is called inside the transaction that writes the record, so no record exists
without its outbox row. There is one row per record (UNIQUE(record_type, record_id)); the
sender reads the record's latest state when it sends.

Enqueuing a record that already has a row *replaces* that row with a new id (ids are
AUTOINCREMENT, never reused). So if the user edits a record while an older state of it is
on the wire, the acknowledgement of the older send (``ack(old_id)``) deletes nothing and
the newer state is sent on the next run. ``enqueued_at`` of a still-queued row is kept, so
``oldest_unsent_at`` tells how long the record has been waiting.
"""

from __future__ import annotations

from collections.abc import Iterable

from hai_desktop.core.db.models import Inquiry, OutboxRow, database_proxy
from hai_desktop.core.timeutil import utc_now

# record_type -> the model whose sync_status mirrors the outbox state.
_STATUS_MODELS = {"inquiry": Inquiry}


def enqueue(record_type: str, record_id: str) -> int:
    """Queue a record for sending (call inside the caller's transaction). Returns the row id."""
    db = database_proxy.obj
    now = utc_now()
    old = db.execute_sql(
        "SELECT id, enqueued_at, state FROM outbox WHERE record_type = ? AND record_id = ?",
        (record_type, record_id),
    ).fetchone()
    enqueued_at = now
    if old is not None:
        if old[2] == "queued":
            enqueued_at = old[1]
        db.execute_sql("DELETE FROM outbox WHERE id = ?", (old[0],))
    cursor = db.execute_sql(
        "INSERT INTO outbox (record_type, record_id, enqueued_at, attempts, state)"
        " VALUES (?, ?, ?, 0, 'queued')",
        (record_type, record_id, enqueued_at),
    )
    return cursor.lastrowid


def pending(limit: int = 500, record_type: str | None = None) -> list[OutboxRow]:
    """Queued rows, oldest first (rejected rows wait for the user to fix the record)."""
    query = OutboxRow.select().where(OutboxRow.state == "queued")
    if record_type is not None:
        query = query.where(OutboxRow.record_type == record_type)
    return list(query.order_by(OutboxRow.id).limit(limit))


def _set_status(rows: list[OutboxRow], status: str, error: str | None) -> None:
    by_type: dict[str, list[str]] = {}
    for row in rows:
        by_type.setdefault(row.record_type, []).append(row.record_id)
    for record_type, ids in by_type.items():
        model = _STATUS_MODELS.get(record_type)
        if model is None:
            continue
        for start in range(0, len(ids), 500):
            model.update(sync_status=status, sync_error=error).where(
                model.id.in_(ids[start : start + 500])
            ).execute()


def _rows(row_ids: list[int]) -> list[OutboxRow]:
    found: list[OutboxRow] = []
    for start in range(0, len(row_ids), 500):
        found.extend(OutboxRow.select().where(OutboxRow.id.in_(row_ids[start : start + 500])))
    return found


def ack(row_ids: Iterable[int]) -> int:
    """The hub stored these rows' records: remove the rows. Returns how many were removed.

    Ids that no longer exist (the record was edited and re-queued meanwhile) are ignored.
    """
    row_ids = list(row_ids)
    if not row_ids:
        return 0
    with database_proxy.obj.atomic():
        rows = _rows(row_ids)
        for start in range(0, len(row_ids), 500):
            OutboxRow.delete().where(OutboxRow.id.in_(row_ids[start : start + 500])).execute()
        _set_status(rows, "synced", None)
    return len(rows)


def mark_rejected(row_id: int, message: str) -> None:
    """The hub refused this record: keep it, with the hub's message, for the user to fix."""
    with database_proxy.obj.atomic():
        rows = _rows([row_id])
        OutboxRow.update(state="rejected", last_error=message, last_attempt_at=utc_now()).where(
            OutboxRow.id == row_id
        ).execute()
        _set_status(rows, "rejected", message)


def record_failure(row_ids: Iterable[int], message: str) -> None:
    """A send attempt failed (offline, hub fault): count it, keep the rows queued."""
    row_ids = list(row_ids)
    now = utc_now()
    with database_proxy.obj.atomic():
        for start in range(0, len(row_ids), 500):
            OutboxRow.update(
                attempts=OutboxRow.attempts + 1, last_attempt_at=now, last_error=message
            ).where(OutboxRow.id.in_(row_ids[start : start + 500])).execute()


def depth() -> int:
    """How many records wait to be sent (queued and rejected)."""
    return OutboxRow.select().count()


def queued_count() -> int:
    """How many records are queued for sending (rejected ones excluded)."""
    return OutboxRow.select().where(OutboxRow.state == "queued").count()


def rejected_count() -> int:
    """How many records the hub refused (they need the user)."""
    return OutboxRow.select().where(OutboxRow.state == "rejected").count()


def oldest_unsent_at() -> str | None:
    """When the oldest waiting record was queued (None when the outbox is empty)."""
    row = database_proxy.obj.execute_sql("SELECT MIN(enqueued_at) FROM outbox").fetchone()
    return row[0] if row else None
