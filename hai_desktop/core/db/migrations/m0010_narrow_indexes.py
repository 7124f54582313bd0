"""A smaller desk database, second step (issue 7, item 5; m0009 was the first). At 500,000
inquiries (tests/bench/bench_db_size.py): 1,250 MB at m0008, 1,035 MB after m0009, 828 MB
after this one (the inquiry table itself is 379 MB of it).

- ``seq`` (the rowid) is made from ``created_at`` (milliseconds << 20, plus a counter for
  rows of the same millisecond; ``core.inquiries.seq_base``), so ``seq`` order is time
  order. Rows whose ``seq`` is not in the slot of their ``created_at`` (written by a
  version older than that rule) get a free ``seq`` in it first, so the history can sort
  and page by ``seq`` alone.
- The seven ``(column, created_at)`` sort indexes become one-column indexes: SQLite
  appends the rowid, so ``(column)`` is ``(column, seq)``, the history's order for that
  column, at less than half the size (the 24-byte time text was in every entry). The
  names stay. ``ix_inquiry_created`` stays for index-only counts of a date range;
  ``ix_inquiry_counted`` for the reports.
- ``inquiry_fts`` keeps only the 3-letter prefix index (``prefix='3'``; ``'2 3'`` stored
  every posting twice more). A 2-letter last word is searched as the word OR its
  3-letter prefixes (``core.search.fts_query(short_prefix=3)``): each branch is one
  stored list. Measured at 500,000 rows (tests/bench/bench_db_size.py): no prefix index
  at all makes the index 166 MB instead of about 310, but then a common 3-letter prefix
  ("pen", in 99% of rows) merges every matching word in memory: 0.23 s for the first page
  and count alone, 0.58 s worst under load, over the history's 300 ms; a 2-letter one
  0.35-0.8 s. Same columns, content table and triggers as m0008.

``VACUUM_AFTER``: the freed pages go back to the disk.
"""

from __future__ import annotations

import peewee

from hai_desktop.core.db.migrations.m0008_inquiry_visitor_search import COLUMNS, _values

VACUUM_AFTER = True

SLOT_BITS = 20
# The last whole slot below 2**63: a later time (a desk clock far ahead; the contract allows
# years to 9998) shares it instead of leaving SQLite's integer (as core.inquiries.seq_base).
MAX_MILLIS = ((1 << 63) - 1 >> SLOT_BITS) - 1
# created_at (stored text, UTC) as milliseconds since 1970; 0 when before or unreadable
# (as core.inquiries.seq_base).
_MILLIS = (
    f"MIN({MAX_MILLIS}, MAX(0, COALESCE(CAST(round((julianday(created_at) - 2440587.5)"
    " * 86400000.0) AS INTEGER), 0)))"
)

SORT_INDEXES = {
    "ix_inquiry_department": "department",
    "ix_inquiry_channel": "channel",
    "ix_inquiry_outcome": "outcome",
    "ix_inquiry_sync_status": "sync_status",
    "ix_inquiry_visitor": "visitor_name COLLATE NOCASE",
    "ix_inquiry_satker": "COALESCE(satker_code, '')",
    "ix_inquiry_application": "COALESCE(application, '')",
}

FTS_STATEMENTS = [
    "DROP TABLE IF EXISTS inquiry_fts",
    f"""
    CREATE VIRTUAL TABLE inquiry_fts USING fts5(
        {COLUMNS},
        content='inquiry', content_rowid='seq',
        tokenize='unicode61 remove_diacritics 2',
        prefix='3', detail=column, columnsize=0
    )
    """,
    f"INSERT INTO inquiry_fts (rowid, {COLUMNS}) SELECT {_values('i')} FROM inquiry AS i",
    "INSERT INTO inquiry_fts (inquiry_fts) VALUES ('optimize')",
]


def _renumber(db: peewee.Database) -> int:
    """Move every row whose ``seq`` is outside its ``created_at`` slot into it."""
    stray = db.execute_sql(
        f"SELECT seq, {_MILLIS} FROM inquiry WHERE (seq >> {SLOT_BITS}) != {_MILLIS} ORDER BY seq"
    ).fetchall()
    for seq, millis in stray:
        base = millis << SLOT_BITS
        top = db.execute_sql(
            "SELECT MAX(seq) FROM inquiry WHERE seq >= ? AND seq < ?",
            (base, base + (1 << SLOT_BITS)),
        ).fetchone()[0]
        db.execute_sql(
            "UPDATE inquiry SET seq = ? WHERE seq = ?", (base if top is None else top + 1, seq)
        )
    return len(stray)


def apply(db: peewee.Database) -> None:
    """Time-ordered seq everywhere, one-column sort indexes, a 3-letter prefix index only."""
    _renumber(db)
    for name, expr in SORT_INDEXES.items():
        db.execute_sql(f"DROP INDEX IF EXISTS {name}")
        db.execute_sql(f"CREATE INDEX {name} ON inquiry ({expr})")
    for sql in FTS_STATEMENTS:
        db.execute_sql(sql)
