"""Generic outbox: dependencies between outbox items, and conflicts kept for the user.

- ``outbox_dependency``: record (``record_type``, ``record_id``) waits until the record it
  needs (``needs_type``, ``needs_id``) has no outbox row any more, i.e. the hub acknowledged
  it (a ticket and the attachments it names). Keyed by record, not by outbox row: editing a
  record replaces its outbox row (see core/outbox.py) and must not lose what it waits for.
- ``sync_conflict``: a record another desk of the office changed at the hub while this desk
  changed it too (the hub answered ``conflict``). Both versions are kept, the local one in
  its own table, the hub's here, until the user picks one (ARCHITECTURE.md, "Record types
  and the pipeline"). Generic over record types, so no record table needs a new column.
"""

from __future__ import annotations

import peewee

STATEMENTS = [
    """
    CREATE TABLE outbox_dependency (
        record_type TEXT NOT NULL,
        record_id TEXT NOT NULL,
        needs_type TEXT NOT NULL,
        needs_id TEXT NOT NULL,
        PRIMARY KEY (record_type, record_id, needs_type, needs_id)
    ) WITHOUT ROWID
    """,
    "CREATE INDEX ix_outbox_dependency_needs ON outbox_dependency (needs_type, needs_id)",
    """
    CREATE TABLE sync_conflict (
        record_type TEXT NOT NULL,
        record_id TEXT NOT NULL,
        hub_version INTEGER NOT NULL,
        hub_item TEXT NOT NULL,
        detected_at TEXT NOT NULL,
        PRIMARY KEY (record_type, record_id)
    ) WITHOUT ROWID
    """,
]


def apply(db: peewee.Database) -> None:
    """Create the dependency and conflict tables."""
    for sql in STATEMENTS:
        db.execute_sql(sql)
