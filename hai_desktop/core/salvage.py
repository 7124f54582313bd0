"""After a restore: put back the unsent records that the damaged file still holds.

A backup is up to an hour old; the records saved after it (the outbox rows not yet sent and
the records they name) are often still readable in the file that was moved aside, because
damage usually hits a few pages only. ``salvage_unsent`` reads that file **read-only**
(``database._ro_uri``: ``immutable`` when it has no ``-wal``; with one, ``mode=ro``, which
reads the WAL and never checkpoints it into the file) and copies, in one transaction of the
restored database:

- every outbox row whose record is missing from the restored database or newer there
  (``updated_at`` / ``version``), with that record and its dependency rows;
- the record types whose record is one table row (``RECORD_TABLES``). Inquiries go in through
  the table's triggers, so the full-text index stays consistent; a ``seq`` already taken in
  the restored file gets a free one in the same time slot.

Tolerant of damaged pages: a row that cannot be read (or written) is skipped and counted.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from hai_desktop.core.db import database

log = logging.getLogger(__name__)

# record_type -> (table, key column), in the order they are put back (a ticket before its
# messages: foreign keys). ``ticket_close`` is the ticket row itself (its close fields).
RECORD_TABLES: dict[str, tuple[str, str]] = {
    "attachment": ("attachment", "sha256"),
    "inquiry": ("inquiry", "id"),
    "ticket": ("ticket", "id"),
    "ticket_close": ("ticket", "id"),
    "ticket_message": ("ticket_message", "id"),
    "kb_feedback": ("kb_feedback", "id"),
    "broadcast_reply": ("broadcast_reply", "id"),
}
_OUTBOX_COLUMNS = "id, record_type, record_id, enqueued_at, attempts, last_attempt_at, last_error"
# How far a scan jumps past an unreadable outbox row before trying again (doubling).
_MAX_SKIP = 1 << 40


@dataclass
class SalvageResult:
    """``salvaged``: records put back (with their outbox rows); ``unreadable``: rows that
    could not be read from the damaged file (or not written back); ``left``: unsent rows of
    a record type that is not copied (their record is not one table row)."""

    salvaged: int = 0
    unreadable: int = 0
    left: int = 0
    # False: not even the damaged file's schema could be read (nothing could be salvaged).
    readable: bool = True

    @property
    def anything(self) -> bool:
        return bool(self.salvaged or self.unreadable or self.left)


def _outbox_rows(src: sqlite3.Connection, result: SalvageResult) -> list[tuple]:
    """The damaged file's outbox rows, read one at a time past unreadable pages (each run
    of failed reads counts as one unreadable row: how many a lost page held is unknown)."""
    rows: list[tuple] = []
    last, skip = 0, 1
    while True:
        try:
            row = src.execute(
                f"SELECT {_OUTBOX_COLUMNS} FROM outbox WHERE id > ? ORDER BY id LIMIT 1", (last,)
            ).fetchone()
        except sqlite3.DatabaseError:
            if skip == 1:
                result.unreadable += 1
            if skip > _MAX_SKIP:
                break
            last, skip = last + skip, skip * 2
            continue
        if row is None:
            break
        rows.append(row)
        last, skip = row[0], 1
    return rows


def _newer(src: dict, dst: dict | None) -> bool:
    """Is the damaged file's record newer than the restored one (or the only one)?"""
    if dst is None:
        return True
    for key in ("version", "updated_at"):
        if key in src and key in dst and src[key] is not None and dst[key] is not None:
            if src[key] != dst[key]:
                return src[key] > dst[key]
    return False


def _free_seq(dst: sqlite3.Connection, seq, created_at) -> int:
    """The record's own ``seq`` when the restored file has it free, else a free one in its
    time slot (as a new save would get)."""
    from hai_desktop.core.inquiries import next_seq

    if (
        seq is not None
        and not dst.execute("SELECT 1 FROM inquiry WHERE seq = ?", (seq,)).fetchone()
    ):
        return seq
    return next_seq(created_at or "", conn=dst)


def _put_record(
    dst: sqlite3.Connection, table: str, key: str, record: dict, columns: list[str], exists: bool
):
    """Write ``record`` into ``table`` of the restored file; ``columns`` are that table's."""
    cols = [c for c in columns if c in record]
    if exists:
        sets = ", ".join(f'"{c}" = ?' for c in cols if c not in (key, "seq"))
        values = [record[c] for c in cols if c not in (key, "seq")]
        dst.execute(f'UPDATE "{table}" SET {sets} WHERE "{key}" = ?', (*values, record[key]))
        return
    if table == "inquiry" and "seq" in cols:
        record = {**record, "seq": _free_seq(dst, record.get("seq"), record.get("created_at"))}
    names = ", ".join(f'"{c}"' for c in cols)
    marks = ", ".join("?" for _ in cols)
    dst.execute(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', [record[c] for c in cols])


def _put_outbox(dst, src, row: tuple) -> None:
    _id, record_type, record_id, enqueued_at, attempts, last_attempt_at, last_error = row
    dst.execute(
        "DELETE FROM outbox WHERE record_type = ? AND record_id = ?", (record_type, record_id)
    )
    dst.execute(
        "INSERT INTO outbox (record_type, record_id, enqueued_at, attempts, last_attempt_at,"
        " last_error, state) VALUES (?, ?, ?, ?, ?, ?, 'queued')",
        (record_type, record_id, enqueued_at, attempts, last_attempt_at, last_error),
    )
    with contextlib.suppress(sqlite3.DatabaseError):
        needs = src.execute(
            "SELECT needs_type, needs_id FROM outbox_dependency"
            " WHERE record_type = ? AND record_id = ?",
            (record_type, record_id),
        ).fetchall()
        dst.executemany(
            "INSERT OR IGNORE INTO outbox_dependency (record_type, record_id, needs_type,"
            " needs_id) VALUES (?, ?, ?, ?)",
            [(record_type, record_id, t, i) for t, i in needs],
        )


def _salvage_one(src, dst, row: tuple, result: SalvageResult) -> None:
    record_type, record_id = row[1], row[2]
    table, key = RECORD_TABLES[record_type]
    try:
        cur = src.execute(f'SELECT * FROM "{table}" WHERE "{key}" = ?', (record_id,))
        found = cur.fetchone()
        names = [d[0] for d in cur.description]
    except sqlite3.DatabaseError:
        result.unreadable += 1
        return
    if found is None:
        return  # the record is gone from the damaged file too: nothing to send
    record = dict(zip(names, found, strict=True))
    cur = dst.execute(f'SELECT * FROM "{table}" WHERE "{key}" = ?', (record_id,))
    have = cur.fetchone()
    columns = [d[0] for d in cur.description]
    restored = None if have is None else dict(zip(columns, have, strict=True))
    if not _newer(record, restored):
        return  # the backup holds this state already (and its outbox row if unsent)
    dst.execute("SAVEPOINT salvage_row")
    try:
        _put_record(dst, table, key, record, columns, exists=restored is not None)
        _put_outbox(dst, src, row)
    except sqlite3.DatabaseError as exc:
        dst.execute("ROLLBACK TO salvage_row")
        dst.execute("RELEASE salvage_row")
        log.warning("a salvaged %s could not be written: %s", record_type, type(exc).__name__)
        result.unreadable += 1
        return
    dst.execute("RELEASE salvage_row")
    result.salvaged += 1


def salvage_unsent(damaged: Path | str, db_path: Path | str) -> SalvageResult:
    """Copy the unsent records still readable in ``damaged`` into ``db_path`` (see the
    module docstring). Never writes ``damaged``. A damaged file that cannot be opened at
    all gives an empty result (nothing readable); a restored file that cannot be written
    raises the typed storage error (nothing was changed then)."""
    damaged, db_path = Path(damaged), Path(db_path)
    result = SalvageResult()
    if not damaged.exists() or damaged.stat().st_size == 0:
        return result
    try:
        src = sqlite3.connect(database._ro_uri(damaged), uri=True, timeout=1)
    except sqlite3.DatabaseError:
        return result
    try:
        try:
            tables = {r[0] for r in src.execute("SELECT name FROM sqlite_master")}
        except sqlite3.DatabaseError:
            log.warning("the damaged file is unreadable; nothing could be salvaged")
            result.readable = False
            return result
        if "outbox" not in tables:
            return result
        rows = _outbox_rows(src, result)
        order = list(RECORD_TABLES)
        rows.sort(key=lambda r: (order.index(r[1]) if r[1] in order else len(order), r[0]))
        dst = sqlite3.connect(db_path, isolation_level=None, timeout=database.OPEN_TIMEOUT_S)
        try:
            dst.execute("PRAGMA foreign_keys = ON")
            dst.execute("PRAGMA synchronous = FULL")
            dst.execute("BEGIN IMMEDIATE")
            for row in rows:
                if row[1] not in RECORD_TABLES:
                    result.left += 1
                    continue
                _salvage_one(src, dst, row, result)
            dst.execute("COMMIT")
        except sqlite3.Error as exc:
            with contextlib.suppress(sqlite3.Error):
                dst.execute("ROLLBACK")
            from hai_desktop.core.db.errors import reraise_classified

            reraise_classified(exc, db_path)
            raise
        finally:
            dst.close()
    finally:
        src.close()
    log.warning(
        "salvaged %d unsent records from the damaged file (%d unreadable, %d left)",
        result.salvaged,
        result.unreadable,
        result.left,
    )
    return result
