"""The first schema: profile, reference data, inquiries (+ full-text index), outbox, drafts.

Plain SQL so it stays frozen whatever the models become. Never edit it once shipped.

Notes on choices:
- ``inquiry.seq`` is an ``INTEGER PRIMARY KEY`` (the rowid alias) so that the rowid the
  full-text index points at never changes (VACUUM may renumber an implicit rowid). The
  public identity stays the UUID ``id`` (UNIQUE); the models treat ``id`` as the key.
- Every index on a sortable column ends in ``created_at`` (SQLite appends the rowid), so
  "ORDER BY col, created_at, seq" walks an index and stops after one page at any size.
- ``ix_inquiry_filters`` carries the filter columns so counting with any filter
  combination is an index-only scan (``ix_inquiry_created`` alone gives the total order
  ``created_at, seq`` that paging needs).
- ``outbox`` uses AUTOINCREMENT: a row id is never reused, so an acknowledgement that
  arrives for an older row can never delete a newer one (see core/outbox.py).
"""

from __future__ import annotations

import peewee

STATEMENTS = [
    """
    CREATE TABLE profile (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        name TEXT NOT NULL,
        email TEXT NOT NULL,
        office_code TEXT NOT NULL,
        device_id TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )
    """,
    """
    CREATE TABLE reference_item (
        kind TEXT NOT NULL,
        code TEXT NOT NULL,
        name TEXT NOT NULL,
        data TEXT NOT NULL DEFAULT '{}',
        sort_order INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (kind, code)
    ) WITHOUT ROWID
    """,
    """
    CREATE TABLE reference_meta (
        key TEXT PRIMARY KEY,
        value TEXT
    ) WITHOUT ROWID
    """,
    """
    CREATE TABLE inquiry (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        office_code TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        channel TEXT NOT NULL,
        department TEXT NOT NULL,
        application TEXT,
        visitor_name TEXT NOT NULL DEFAULT '',
        satker_code TEXT,
        institution TEXT,
        phone TEXT,
        email TEXT,
        question TEXT NOT NULL DEFAULT '',
        answer TEXT,
        basis_regulations TEXT NOT NULL DEFAULT '[]',
        basis_kb_entry_ids TEXT NOT NULL DEFAULT '[]',
        outcome TEXT NOT NULL,
        out_of_scope_reason TEXT,
        ticket_id TEXT,
        served_started_at TEXT,
        served_ended_at TEXT,
        version INTEGER NOT NULL DEFAULT 1,
        sync_status TEXT NOT NULL DEFAULT 'pending'
            CHECK (sync_status IN ('pending', 'synced', 'rejected')),
        sync_error TEXT,
        hub_rev INTEGER,
        review_status TEXT,
        origin TEXT NOT NULL DEFAULT 'desk' CHECK (origin IN ('desk', 'hub'))
    )
    """,
    "CREATE INDEX ix_inquiry_created ON inquiry (created_at)",
    "CREATE INDEX ix_inquiry_filters ON inquiry (created_at, department, channel, outcome)",
    "CREATE INDEX ix_inquiry_department ON inquiry (department, created_at)",
    "CREATE INDEX ix_inquiry_channel ON inquiry (channel, created_at)",
    "CREATE INDEX ix_inquiry_outcome ON inquiry (outcome, created_at)",
    "CREATE INDEX ix_inquiry_sync_status ON inquiry (sync_status, created_at)",
    "CREATE INDEX ix_inquiry_visitor ON inquiry (visitor_name COLLATE NOCASE, created_at)",
    "CREATE INDEX ix_inquiry_satker ON inquiry (COALESCE(satker_code, ''), created_at)",
    "CREATE INDEX ix_inquiry_application ON inquiry (COALESCE(application, ''), created_at)",
    # External-content FTS5 over the searchable text; the triggers keep it current.
    """
    CREATE VIRTUAL TABLE inquiry_fts USING fts5(
        question, answer, institution,
        content='inquiry', content_rowid='seq',
        tokenize='unicode61 remove_diacritics 2',
        prefix='2 3'
    )
    """,
    """
    CREATE TRIGGER inquiry_fts_ai AFTER INSERT ON inquiry BEGIN
        INSERT INTO inquiry_fts (rowid, question, answer, institution)
        VALUES (new.seq, new.question, COALESCE(new.answer, ''), COALESCE(new.institution, ''));
    END
    """,
    """
    CREATE TRIGGER inquiry_fts_ad AFTER DELETE ON inquiry BEGIN
        INSERT INTO inquiry_fts (inquiry_fts, rowid, question, answer, institution)
        VALUES ('delete', old.seq, old.question, COALESCE(old.answer, ''),
                COALESCE(old.institution, ''));
    END
    """,
    """
    CREATE TRIGGER inquiry_fts_au AFTER UPDATE OF question, answer, institution ON inquiry
    BEGIN
        INSERT INTO inquiry_fts (inquiry_fts, rowid, question, answer, institution)
        VALUES ('delete', old.seq, old.question, COALESCE(old.answer, ''),
                COALESCE(old.institution, ''));
        INSERT INTO inquiry_fts (rowid, question, answer, institution)
        VALUES (new.seq, new.question, COALESCE(new.answer, ''), COALESCE(new.institution, ''));
    END
    """,
    """
    CREATE TABLE outbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        record_type TEXT NOT NULL,
        record_id TEXT NOT NULL,
        enqueued_at TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        last_attempt_at TEXT,
        last_error TEXT,
        state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'rejected')),
        UNIQUE (record_type, record_id)
    )
    """,
    "CREATE INDEX ix_outbox_state ON outbox (state, id)",
    """
    CREATE TABLE draft (
        key TEXT PRIMARY KEY,
        payload TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )
    """,
]


def apply(db: peewee.Database) -> None:
    """Create the initial schema."""
    for sql in STATEMENTS:
        db.execute_sql(sql)
