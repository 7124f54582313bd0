"""Broadcasts v2: outage lifecycle, acknowledgements, data-request replies, e-mail queue.

- ``broadcast`` gains the fields signature version 2 covers: ``updates`` (the notice a
  follow-up updates; the old ``resolves`` column is copied into it and no longer written),
  ``outage_status``, ``affected_applications`` (JSON list), ``ack_required``,
  ``reply_requested``, ``reply_due``, and ``signature_version`` (1 for rows signed before).
- ``broadcast_reply``: a desk's answer to a data request, idempotent by its id.
- ``email_outbox``: one row per (broadcast, address), sent by the hub's mail worker with
  retries; the publish only inserts rows, it never waits for the SMTP server.
"""

STATEMENTS = [
    "ALTER TABLE broadcast ADD COLUMN updates VARCHAR(36)",
    "ALTER TABLE broadcast ADD COLUMN outage_status VARCHAR(16)",
    "ALTER TABLE broadcast ADD COLUMN affected_applications TEXT NOT NULL DEFAULT '[]'",
    "ALTER TABLE broadcast ADD COLUMN ack_required BOOLEAN NOT NULL DEFAULT FALSE",
    "ALTER TABLE broadcast ADD COLUMN reply_requested BOOLEAN NOT NULL DEFAULT FALSE",
    "ALTER TABLE broadcast ADD COLUMN reply_due TEXT",
    "ALTER TABLE broadcast ADD COLUMN signature_version INTEGER NOT NULL DEFAULT 1",
    "UPDATE broadcast SET updates = resolves WHERE resolves IS NOT NULL",
    "CREATE INDEX broadcast_updates ON broadcast (updates)",
    """CREATE TABLE broadcast_reply (
        id VARCHAR(36) PRIMARY KEY,
        broadcast_id VARCHAR(36) NOT NULL REFERENCES broadcast (id),
        office_code VARCHAR(32) NOT NULL, user_id VARCHAR(36), author_name TEXT,
        body TEXT NOT NULL, attachments TEXT NOT NULL, created_at TEXT NOT NULL,
        received_at TEXT NOT NULL)""",
    "CREATE INDEX broadcast_reply_broadcast ON broadcast_reply (broadcast_id, office_code)",
    """CREATE TABLE email_outbox (
        id VARCHAR(36) PRIMARY KEY,
        broadcast_id VARCHAR(36) NOT NULL REFERENCES broadcast (id),
        office_code VARCHAR(32), address TEXT NOT NULL,
        state VARCHAR(16) NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT NOT NULL, claimed_until TEXT, last_error TEXT,
        created_at TEXT NOT NULL, sent_at TEXT)""",
    "CREATE UNIQUE INDEX email_outbox_once ON email_outbox (broadcast_id, address)",
    "CREATE INDEX email_outbox_due ON email_outbox (state, next_attempt_at)",
]


def apply(db) -> None:
    """Add the v2 broadcast columns and the reply and e-mail tables."""
    for sql in STATEMENTS:
        db.execute_sql(sql)
