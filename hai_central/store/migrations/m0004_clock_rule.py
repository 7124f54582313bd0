"""The clock rule (issue 7.10): the time the monthly report counts an inquiry under.

- ``first_received_at``: the hub's clock when the record first arrived; later pushes of
  new versions keep it (``received_at`` moves with every version).
- ``counted_at``: ``min(created_at + clock_offset_s, first_received_at)``
  (hai_contract.reports.counted_at), computed on every write. Rows older than this
  migration take ``created_at`` capped at their ``received_at``.
- ``inquiry_office_counted``: the monthly report's range scan per office (a Kanwil rollup
  is an IN list over it); ``inquiry_counted`` the same across all offices.
"""

from __future__ import annotations

STATEMENTS = [
    "ALTER TABLE inquiry ADD COLUMN first_received_at TEXT",
    "ALTER TABLE inquiry ADD COLUMN counted_at TEXT",
    "UPDATE inquiry SET first_received_at = received_at,"
    " counted_at = CASE WHEN created_at > received_at THEN received_at ELSE created_at END",
    "CREATE INDEX inquiry_office_counted ON inquiry (office_code, counted_at)",
    "CREATE INDEX inquiry_counted ON inquiry (counted_at)",
]


def apply(db) -> None:
    """Add the clock-rule columns, fill them for existing rows, index them."""
    for sql in STATEMENTS:
        db.execute_sql(sql)
