"""The clock rule (issue 7.10): each inquiry keeps the desk's measured clock offset and the
time it is counted under in reports.

- ``clock_offset_s``: hub time minus desk time (seconds) as the desk knew it when the record
  was made; NULL = not measured yet (filled in before the record is first sent).
- ``counted_at``: the time the monthly report counts the record under. The desk sets it
  from ``created_at`` and the offset; the hub's value (capped at its first arrival) replaces
  it when the record comes back in the office feed. NULL (rows older than this migration)
  means ``created_at``.
- ``ix_inquiry_counted``: the report's range scan. It is an expression index over
  ``COALESCE(counted_at, created_at)`` so that old rows need no rewrite; the report's query
  must use exactly that expression (core/reports_query.py; tests/desktop/core/test_reports.py
  checks the plan uses this index).
"""

from __future__ import annotations

import peewee

STATEMENTS = [
    "ALTER TABLE inquiry ADD COLUMN clock_offset_s REAL",
    "ALTER TABLE inquiry ADD COLUMN counted_at TEXT",
    "CREATE INDEX ix_inquiry_counted ON inquiry (COALESCE(counted_at, created_at))",
]


def apply(db: peewee.Database) -> None:
    """Add the clock-rule columns and the report index."""
    for sql in STATEMENTS:
        db.execute_sql(sql)
