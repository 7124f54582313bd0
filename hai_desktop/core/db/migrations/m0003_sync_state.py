"""Sync state: one cursor per pull feed, and the sync engine's small persistent state.

- ``sync_cursor``: the hub's change number (``rev``) up to which a feed has been applied.
  It is written only in the transaction that stores that page's items (see core/sync).
- ``sync_state``: key → JSON text. Keys used by core/sync/state.py: ``status`` (the last
  SyncStatus the UI shows), ``backoff`` (consecutive failures, next attempt time),
  ``last_pull_at``, ``account`` (the signed-in user as the hub described it: e-mail, name,
  role, office; never the password), ``device_id`` (only when no profile exists yet).
"""

from __future__ import annotations

import peewee

STATEMENTS = [
    """
    CREATE TABLE sync_cursor (
        feed TEXT PRIMARY KEY,
        cursor INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL
    ) WITHOUT ROWID
    """,
    """
    CREATE TABLE sync_state (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        updated_at TEXT NOT NULL
    ) WITHOUT ROWID
    """,
]


def apply(db: peewee.Database) -> None:
    """Create the sync tables."""
    for sql in STATEMENTS:
        db.execute_sql(sql)
