"""Tickets forwarded to HAI-DJPBN, their conversation, and the attachment store's index.

- ``attachment``: one row per file in the content-addressed store (``attachments/ab/abcdef…``
  by SHA-256). ``stored`` says whether the bytes are on this desk (a reply's attachment is
  fetched when first opened); ``uploaded`` whether this office's upload was acknowledged;
  ``upload_offset`` how far a resumable upload got (progress).
- ``ticket``: the desk's copy; ``number`` is NULL until the hub gives one (*menunggu kirim*).
  ``sla`` is the hub's SLA object (JSON); ``unread`` counts replies not yet seen.
- ``ticket_message``: follow-ups from this desk and replies from the centre.
"""

from __future__ import annotations

import peewee

STATEMENTS = [
    """
    CREATE TABLE attachment (
        sha256 TEXT PRIMARY KEY,
        filename TEXT NOT NULL,
        size INTEGER NOT NULL,
        content_type TEXT,
        stored INTEGER NOT NULL DEFAULT 1,
        uploaded INTEGER NOT NULL DEFAULT 0,
        upload_offset INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL
    ) WITHOUT ROWID
    """,
    """
    CREATE TABLE ticket (
        id TEXT PRIMARY KEY,
        number TEXT,
        inquiry_id TEXT,
        office_code TEXT NOT NULL DEFAULT '',
        department TEXT NOT NULL,
        subject TEXT NOT NULL,
        message TEXT NOT NULL,
        priority TEXT NOT NULL,
        requester TEXT NOT NULL,
        attachments TEXT NOT NULL DEFAULT '[]',
        status TEXT NOT NULL DEFAULT 'new',
        level INTEGER NOT NULL DEFAULT 1,
        assigned_department TEXT,
        sla TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        last_reply_at TEXT,
        unread INTEGER NOT NULL DEFAULT 0,
        closed_at TEXT,
        satisfied INTEGER,
        close_note TEXT,
        hub_rev INTEGER,
        sync_status TEXT NOT NULL DEFAULT 'pending',
        sync_error TEXT,
        origin TEXT NOT NULL DEFAULT 'desk'
    )
    """,
    "CREATE INDEX ix_ticket_updated ON ticket (updated_at)",
    "CREATE INDEX ix_ticket_inquiry ON ticket (inquiry_id)",
    """
    CREATE TABLE ticket_message (
        id TEXT PRIMARY KEY,
        ticket_id TEXT NOT NULL REFERENCES ticket (id),
        author_role TEXT NOT NULL,
        author_name TEXT,
        body TEXT NOT NULL,
        attachments TEXT NOT NULL DEFAULT '[]',
        created_at TEXT NOT NULL,
        sync_status TEXT NOT NULL DEFAULT 'pending',
        sync_error TEXT,
        origin TEXT NOT NULL DEFAULT 'desk'
    )
    """,
    "CREATE INDEX ix_ticket_message_ticket ON ticket_message (ticket_id, created_at)",
]


def apply(db: peewee.Database) -> None:
    """Create the attachment, ticket and ticket message tables."""
    for sql in STATEMENTS:
        db.execute_sql(sql)
