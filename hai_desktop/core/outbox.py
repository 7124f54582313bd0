"""The outbox: records saved on the desk that the hub has not acknowledged yet.

Generic over record types: a row names a record (``record_type``, ``record_id``) and nothing
else. The record type's own module (registered in :mod:`hai_desktop.core.sync.registry`)
loads the record at send time and mirrors the outbox state onto it through its
``set_status`` hook; the outbox itself knows no record table.

``enqueue`` is called inside the transaction that writes the record, so no record exists
without its outbox row. There is one row per record (UNIQUE(record_type, record_id)); the
sender reads the record's latest state when it sends.

Enqueuing a record that already has a row *replaces* that row with a new id (ids are
AUTOINCREMENT, never reused). So if the user edits a record while an older state of it is
on the wire, the acknowledgement of the older send (``ack(old_id)``) deletes nothing and
the newer state is sent on the next run. ``enqueued_at`` of a still-queued row is kept, so
``oldest_unsent_at`` tells how long the record has been waiting.

Dependencies: ``enqueue(..., depends_on=[(type, id), …])`` makes the record wait until each
named record has no outbox row any more, i.e. the hub acknowledged it (an attachment before
the ticket that names it). ``pending`` leaves waiting rows out.
"""

from __future__ import annotations

from collections.abc import Iterable

from hai_desktop.core.db.models import OutboxRow, database_proxy
from hai_desktop.core.timeutil import utc_now

_CHUNK = 500

# A queued row is ready when nothing it depends on is still in the outbox.
_PENDING_SQL = (
    "SELECT o.* FROM outbox AS o WHERE o.state = 'queued' AND o.id > ?{type}"
    " AND NOT EXISTS (SELECT 1 FROM outbox_dependency AS d JOIN outbox AS n"
    " ON n.record_type = d.needs_type AND n.record_id = d.needs_id"
    " WHERE d.record_type = o.record_type AND d.record_id = o.record_id)"
    " ORDER BY o.id LIMIT ?"
)


def enqueue(
    record_type: str,
    record_id: str,
    depends_on: Iterable[tuple[str, str]] = (),
) -> int:
    """Queue a record for sending (call inside the caller's transaction). Returns the row id.

    ``depends_on``: records that must be acknowledged by the hub before this one is sent.
    Dependencies add up over edits and are dropped when the record is acknowledged.
    """
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
    needs = [(record_type, record_id, t, str(i)) for t, i in depends_on]
    if needs:
        db.cursor().executemany(
            "INSERT OR IGNORE INTO outbox_dependency (record_type, record_id, needs_type,"
            " needs_id) VALUES (?, ?, ?, ?)",
            needs,
        )
    return cursor.lastrowid


def pending(limit: int = 500, record_type: str | None = None, after_id: int = 0) -> list[OutboxRow]:
    """Queued rows ready to send, oldest first.

    Rejected rows wait for the user to fix the record; rows whose dependencies are still in
    the outbox wait for those. ``after_id`` continues a scan (rows queued or re-queued later
    get higher ids, so a rescan from the last id sent picks them up).
    """
    if record_type is None:
        sql, params = _PENDING_SQL.format(type=""), (after_id, limit)
    else:
        sql = _PENDING_SQL.format(type=" AND o.record_type = ?")
        params = (after_id, record_type, limit)
    return list(OutboxRow.raw(sql, *params))


def waiting_on(record_type: str, record_id: str) -> list[tuple[str, str]]:
    """What a record still waits for (dependencies that are in the outbox)."""
    rows = database_proxy.obj.execute_sql(
        "SELECT d.needs_type, d.needs_id FROM outbox_dependency AS d JOIN outbox AS n"
        " ON n.record_type = d.needs_type AND n.record_id = d.needs_id"
        " WHERE d.record_type = ? AND d.record_id = ? ORDER BY d.needs_type, d.needs_id",
        (record_type, record_id),
    ).fetchall()
    return [(t, i) for t, i in rows]


def _set_status(rows: list[OutboxRow], status: str, error: str | None) -> None:
    """Mirror the outbox state on the records, through each record type's own hook."""
    from hai_desktop.core.sync import registry

    by_type: dict[str, list[str]] = {}
    for row in rows:
        by_type.setdefault(row.record_type, []).append(row.record_id)
    for record_type, ids in by_type.items():
        push_type = registry.push_type(record_type)
        if push_type is None or push_type.set_status is None:
            continue
        for start in range(0, len(ids), _CHUNK):
            push_type.set_status(ids[start : start + _CHUNK], status, error)


def _rows(row_ids: list[int]) -> list[OutboxRow]:
    found: list[OutboxRow] = []
    for start in range(0, len(row_ids), _CHUNK):
        found.extend(OutboxRow.select().where(OutboxRow.id.in_(row_ids[start : start + _CHUNK])))
    return found


def _forget_dependencies(rows: list[OutboxRow]) -> None:
    database_proxy.obj.cursor().executemany(
        "DELETE FROM outbox_dependency WHERE record_type = ? AND record_id = ?",
        [(row.record_type, row.record_id) for row in rows],
    )


def ack(row_ids: Iterable[int]) -> int:
    """The hub stored these rows' records: remove the rows. Returns how many were removed.

    Ids that no longer exist (the record was edited and re-queued meanwhile) are ignored.
    """
    row_ids = list(row_ids)
    if not row_ids:
        return 0
    with database_proxy.obj.atomic():
        rows = _rows(row_ids)
        for start in range(0, len(row_ids), _CHUNK):
            OutboxRow.delete().where(OutboxRow.id.in_(row_ids[start : start + _CHUNK])).execute()
        _forget_dependencies(rows)
        _set_status(rows, "synced", None)
    return len(rows)


def drop(record_type: str, record_id: str) -> None:
    """Forget a record's outbox row without sending it (the hub's newer state replaced it)."""
    db = database_proxy.obj
    db.execute_sql(
        "DELETE FROM outbox WHERE record_type = ? AND record_id = ?", (record_type, record_id)
    )
    db.execute_sql(
        "DELETE FROM outbox_dependency WHERE record_type = ? AND record_id = ?",
        (record_type, record_id),
    )


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
        for start in range(0, len(row_ids), _CHUNK):
            OutboxRow.update(
                attempts=OutboxRow.attempts + 1, last_attempt_at=now, last_error=message
            ).where(OutboxRow.id.in_(row_ids[start : start + _CHUNK])).execute()


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
