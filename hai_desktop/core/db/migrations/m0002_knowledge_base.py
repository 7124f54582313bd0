"""The local knowledge base: entries pulled from the hub, their search index, KB feedback.

- ``kb_entry`` mirrors the hub's KbEntry (API.md). ``seq`` is an explicit INTEGER PRIMARY
  KEY so the FTS rowid that points at it is stable (an implicit rowid may be renumbered by
  VACUUM); ``id`` is the hub's UUID. Tombstones keep their row (``deleted = 1``) because
  logged inquiries may name the entry as their basis; they leave the search index.
- ``kb_fts`` holds the *stemmed* text (Indonesian, Sastrawi, done in Python by
  ``core.kb``), keyed by ``rowid = kb_entry.seq``. It is a regular FTS5 table, not
  external-content: an external-content table re-tokenizes the raw content on delete,
  which would not match the stemmed tokens that were indexed and corrupt the index, and a
  contentless table cannot delete rows on SQLite < 3.43. ``prefix`` indexes make
  search-as-you-type prefix queries cheap.
- ``kb_feedback`` is a desk-born record ("membantu / tidak membantu") sent to the hub
  through the outbox (record_type ``kb_feedback``).
"""

from __future__ import annotations

import peewee

STATEMENTS = [
    """
    CREATE TABLE kb_entry (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        rev INTEGER NOT NULL DEFAULT 0,
        title TEXT NOT NULL DEFAULT '',
        question TEXT NOT NULL DEFAULT '',
        answer TEXT NOT NULL DEFAULT '',
        department TEXT,
        application TEXT,
        regulations TEXT NOT NULL DEFAULT '[]',
        tags TEXT NOT NULL DEFAULT '[]',
        source_inquiry_ids TEXT NOT NULL DEFAULT '[]',
        valid_until TEXT,
        updated_at TEXT,
        deleted INTEGER NOT NULL DEFAULT 0
    )
    """,
    "CREATE INDEX kb_entry_department ON kb_entry (department, application)",
    "CREATE INDEX kb_entry_application ON kb_entry (application)",
    """
    CREATE VIRTUAL TABLE kb_fts USING fts5 (
        title, question, answer, tags,
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '2 3 4'
    )
    """,
    # Ranking: bm25 with the title weighted up (title, question, answer, tags).
    "INSERT INTO kb_fts (kb_fts, rank) VALUES ('rank', 'bm25(10.0, 4.0, 1.0, 3.0)')",
    """
    CREATE TABLE kb_feedback (
        id TEXT PRIMARY KEY,
        kb_entry_id TEXT NOT NULL,
        helpful INTEGER NOT NULL,
        note TEXT,
        created_at TEXT NOT NULL
    )
    """,
    "CREATE INDEX kb_feedback_entry ON kb_feedback (kb_entry_id)",
]


def apply(db: peewee.Database) -> None:
    for sql in STATEMENTS:
        db.execute_sql(sql)
