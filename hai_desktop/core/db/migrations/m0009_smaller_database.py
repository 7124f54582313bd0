"""A smaller desk database (issue 7, item 5): at 500,000 inquiries the inquiry full-text
index was larger than all the text it indexes.

- ``inquiry_fts`` is rebuilt with ``detail=column`` and ``columnsize=0``. The history search
  only ever asks for rows holding every term (``core.search.fts_query``: quoted single
  tokens, ANDed, the last one as a prefix), ordered by rowid: it never uses phrases,
  ``NEAR``, ``bm25`` or ``snippet``, so token positions and per-row column sizes were
  stored for nothing. (``detail=none`` is smaller still, but made word prefixes such as
  "budi sant" several times slower: p95 0.9 s for the first page at 500,000 rows.) The
  ``prefix='2 3'`` indexes stay: without them a 2-3 letter prefix ("pe", "pen") took
  0.1-0.4 s at 50,000 rows (it merges every matching term), against a few ms with them.
  After the rebuild ``optimize`` merges the index into one segment. Columns, content table
  and triggers are those of m0008 (the triggers are kept: they name the table only).
- ``ix_inquiry_filters (created_at, department, channel, outcome)`` is dropped: no query
  plan of the history, reports or sync uses it (``ix_inquiry_created`` and the per-column
  ``(column, created_at)`` indexes serve every one; checked with EXPLAIN QUERY PLAN).

``VACUUM_AFTER``: the migration runner then runs ``VACUUM`` (outside the transaction), so
the freed pages are given back to the disk rather than kept inside the file.
"""

from __future__ import annotations

import peewee

from hai_desktop.core.db.migrations.m0008_inquiry_visitor_search import COLUMNS, _values

VACUUM_AFTER = True

STATEMENTS = [
    "DROP TABLE IF EXISTS inquiry_fts",
    f"""
    CREATE VIRTUAL TABLE inquiry_fts USING fts5(
        {COLUMNS},
        content='inquiry', content_rowid='seq',
        tokenize='unicode61 remove_diacritics 2',
        prefix='2 3', detail=column, columnsize=0
    )
    """,
    f"INSERT INTO inquiry_fts (rowid, {COLUMNS}) SELECT {_values('i')} FROM inquiry AS i",
    "INSERT INTO inquiry_fts (inquiry_fts) VALUES ('optimize')",
    "DROP INDEX IF EXISTS ix_inquiry_filters",
]


def apply(db: peewee.Database) -> None:
    """Rebuild the inquiry search index without positions; drop the unused index."""
    for sql in STATEMENTS:
        db.execute_sql(sql)
