"""The KB's full-text index merges its segments less eagerly (issue 8: a 50,000-entry pull).

A KB pull writes pages of up to 2,000 entries; after each page FTS5's ``automerge`` (4 by
default) merges segments, so the same postings are rewritten again and again while a large
KB arrives. With ``automerge = 16`` the index waits for 16 segments of a level before it
merges them. Measured with 50,000 KB-like documents in pages of 2,000, one transaction
each: 5.4 s -> 3.9 s for the inserts, the same size (172 vs 173 MB), prefix queries as fast
(0.6 vs 0.5 ms). The setting is stored in the index's own config table, so it holds for
every later write; search results do not change.
"""

from __future__ import annotations

STATEMENTS = ["INSERT INTO kb_fts (kb_fts, rank) VALUES ('automerge', 16)"]


def apply(db) -> None:
    for sql in STATEMENTS:
        db.execute_sql(sql)
