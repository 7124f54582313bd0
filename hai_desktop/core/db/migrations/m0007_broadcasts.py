"""Broadcasts kept on the desk (readable offline), their search index, attachments, replies.

- ``broadcast`` holds every field the hub signed, exactly as the feed gave it (JSON lists and
  objects as text), so the signature can be checked again whenever a broadcast is shown: a
  row altered in this file after it arrived no longer verifies. ``problem`` is what was
  wrong on arrival (``bad_signature``, ``not_addressed`` …, NULL when nothing); such rows are
  set apart, never mixed silently into the inbox. ``thread_id`` is the first notice of an
  outage thread (``updates`` chains). ``read_at`` / ``acknowledged_at`` are this desk's
  receipts, sent through the outbox (record_type ``broadcast_receipt``).
- ``broadcast_fts``: external-content FTS5 over number, title and body (rowid = seq).
- ``broadcast_attachment``: one row per file of a broadcast, with where the local copy is,
  or why there is none (``missing`` at the hub, ``failed``).
- ``broadcast_reply``: this desk's replies to data requests (record_type
  ``broadcast_reply``), with the files they carry.
- ``inquiry.outage_broadcast_id``: an inquiry answered from an outage notice (the monthly
  report counts the questions each outage caused).
"""

from __future__ import annotations

import peewee

STATEMENTS = [
    """
    CREATE TABLE broadcast (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        rev INTEGER NOT NULL DEFAULT 0,
        number TEXT,
        kind TEXT NOT NULL,
        title TEXT NOT NULL,
        body TEXT NOT NULL,
        urgency TEXT NOT NULL,
        audience TEXT,
        contact TEXT,
        attachments TEXT NOT NULL DEFAULT '[]',
        valid_until TEXT,
        updates TEXT,
        outage_status TEXT,
        affected_applications TEXT,
        ack_required INTEGER,
        reply_requested INTEGER,
        reply_due TEXT,
        published_at TEXT NOT NULL,
        signature TEXT,
        signature_version INTEGER,
        problem TEXT,
        thread_id TEXT,
        received_at TEXT NOT NULL,
        read_at TEXT,
        acknowledged_at TEXT
    )
    """,
    "CREATE INDEX broadcast_published ON broadcast (published_at)",
    "CREATE INDEX broadcast_thread ON broadcast (thread_id, published_at)",
    "CREATE INDEX broadcast_unread ON broadcast (read_at, problem)",
    """
    CREATE VIRTUAL TABLE broadcast_fts USING fts5 (
        number, title, body,
        content = 'broadcast', content_rowid = 'seq',
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '2 3 4'
    )
    """,
    """
    CREATE TRIGGER broadcast_fts_ai AFTER INSERT ON broadcast BEGIN
        INSERT INTO broadcast_fts (rowid, number, title, body)
        VALUES (new.seq, new.number, new.title, new.body);
    END
    """,
    """
    CREATE TRIGGER broadcast_fts_ad AFTER DELETE ON broadcast BEGIN
        INSERT INTO broadcast_fts (broadcast_fts, rowid, number, title, body)
        VALUES ('delete', old.seq, old.number, old.title, old.body);
    END
    """,
    """
    CREATE TRIGGER broadcast_fts_au AFTER UPDATE OF number, title, body ON broadcast BEGIN
        INSERT INTO broadcast_fts (broadcast_fts, rowid, number, title, body)
        VALUES ('delete', old.seq, old.number, old.title, old.body);
        INSERT INTO broadcast_fts (rowid, number, title, body)
        VALUES (new.seq, new.number, new.title, new.body);
    END
    """,
    """
    CREATE TABLE broadcast_attachment (
        broadcast_id TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        filename TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'pending',
        path TEXT,
        size INTEGER,
        error TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (broadcast_id, sha256)
    ) WITHOUT ROWID
    """,
    """
    CREATE TABLE broadcast_reply (
        id TEXT PRIMARY KEY,
        broadcast_id TEXT NOT NULL,
        body TEXT NOT NULL,
        attachments TEXT NOT NULL DEFAULT '[]',
        created_at TEXT NOT NULL,
        sent_at TEXT,
        late INTEGER
    )
    """,
    "CREATE INDEX broadcast_reply_broadcast ON broadcast_reply (broadcast_id)",
    "ALTER TABLE inquiry ADD COLUMN outage_broadcast_id TEXT",
]


def apply(db: peewee.Database) -> None:
    """Create the broadcast tables and the inquiry's outage link."""
    for sql in STATEMENTS:
        db.execute_sql(sql)
