"""Working-time SLA and resumable, owned uploads.

- ``calendar_day``: days an admin adds (``off``: cuti bersama, local holidays) or takes back
  from the national calendar (``work``).
- ``ticket``: the SLA targets in working minutes, the working minutes spent ``waiting`` (the
  clock paused), since when it waits, and the agent it is assigned to.
- ``attachment_upload``: who uploaded which file (an office or agent may name only its own
  uploads), with the name it gave.
- ``attachment_part``: a resumable upload in progress, per office (expires after 24 h).
"""

STATEMENTS = [
    """CREATE TABLE calendar_day (
        day VARCHAR(10) PRIMARY KEY, kind VARCHAR(8) NOT NULL, name TEXT NOT NULL,
        created_by VARCHAR(36), created_at TEXT NOT NULL)""",
    "ALTER TABLE ticket ADD COLUMN sla_response_minutes INTEGER",
    "ALTER TABLE ticket ADD COLUMN sla_resolve_minutes INTEGER",
    "ALTER TABLE ticket ADD COLUMN paused_minutes DOUBLE PRECISION NOT NULL DEFAULT 0",
    "ALTER TABLE ticket ADD COLUMN waiting_since TEXT",
    "ALTER TABLE ticket ADD COLUMN assigned_to VARCHAR(254)",
    """CREATE TABLE attachment_upload (
        sha256 VARCHAR(64) NOT NULL, uploaded_by VARCHAR(36) NOT NULL,
        office_code VARCHAR(32) NOT NULL, filename TEXT NOT NULL, created_at TEXT NOT NULL,
        PRIMARY KEY (sha256, uploaded_by))""",
    "CREATE INDEX attachment_upload_office ON attachment_upload (sha256, office_code)",
    # Uploads made before this version: their first uploader owns them.
    """INSERT INTO attachment_upload (sha256, uploaded_by, office_code, filename, created_at)
        SELECT sha256, COALESCE(uploaded_by, ''), COALESCE(office_code, ''), filename,
               created_at FROM attachment""",
    """CREATE TABLE attachment_part (
        sha256 VARCHAR(64) NOT NULL, office_code VARCHAR(32) NOT NULL,
        uploaded_by VARCHAR(36) NOT NULL, length BIGINT NOT NULL, upload_offset BIGINT NOT NULL,
        filename TEXT NOT NULL, content_type TEXT, token VARCHAR(32) NOT NULL,
        created_at TEXT NOT NULL, expires_at TEXT NOT NULL,
        PRIMARY KEY (sha256, office_code))""",
    "CREATE INDEX attachment_part_expiry ON attachment_part (expires_at)",
]


def apply(db) -> None:
    """Add the calendar, SLA, upload-ownership and upload-part tables and columns."""
    for sql in STATEMENTS:
        db.execute_sql(sql)
