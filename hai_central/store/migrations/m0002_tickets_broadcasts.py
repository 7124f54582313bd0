"""Attachments, tickets with messages, broadcasts with read receipts."""

STATEMENTS = [
    """CREATE TABLE attachment (
        sha256 VARCHAR(64) PRIMARY KEY, filename TEXT NOT NULL, content_type TEXT,
        size BIGINT NOT NULL, office_code VARCHAR(32), uploaded_by VARCHAR(36),
        created_at TEXT NOT NULL)""",
    """CREATE TABLE ticket (
        id VARCHAR(36) PRIMARY KEY, number VARCHAR(20) NOT NULL UNIQUE, rev BIGINT NOT NULL,
        office_code VARCHAR(32) NOT NULL, inquiry_id VARCHAR(36), department VARCHAR(16) NOT NULL,
        subject TEXT NOT NULL, message TEXT NOT NULL, priority VARCHAR(16) NOT NULL,
        requester TEXT NOT NULL, attachments TEXT NOT NULL, status VARCHAR(16) NOT NULL,
        level INTEGER NOT NULL DEFAULT 1, assigned_department VARCHAR(16),
        response_due TEXT, resolve_due TEXT, first_response_at TEXT, resolved_at TEXT,
        closed_at TEXT, satisfied BOOLEAN, close_note TEXT, created_at TEXT NOT NULL,
        received_at TEXT NOT NULL, updated_at TEXT NOT NULL, created_by VARCHAR(36))""",
    "CREATE UNIQUE INDEX ticket_rev ON ticket (rev)",
    "CREATE INDEX ticket_office_rev ON ticket (office_code, rev)",
    """CREATE TABLE ticket_message (
        id VARCHAR(36) PRIMARY KEY, ticket_id VARCHAR(36) NOT NULL REFERENCES ticket (id),
        author_role VARCHAR(16) NOT NULL, author_user_id VARCHAR(36), author_name TEXT,
        body TEXT NOT NULL, attachments TEXT NOT NULL, created_at TEXT NOT NULL)""",
    "CREATE INDEX ticket_message_ticket ON ticket_message (ticket_id)",
    """CREATE TABLE broadcast (
        id VARCHAR(36) PRIMARY KEY, number VARCHAR(20) NOT NULL UNIQUE, rev BIGINT NOT NULL,
        kind VARCHAR(32) NOT NULL, title TEXT NOT NULL, body TEXT NOT NULL,
        urgency VARCHAR(16) NOT NULL, audience TEXT NOT NULL, contact TEXT NOT NULL,
        attachments TEXT NOT NULL, valid_until TEXT, resolves VARCHAR(36),
        published_at TEXT NOT NULL, signature TEXT NOT NULL, created_by VARCHAR(36))""",
    "CREATE UNIQUE INDEX broadcast_rev ON broadcast (rev)",
    """CREATE TABLE broadcast_receipt (
        broadcast_id VARCHAR(36) NOT NULL REFERENCES broadcast (id),
        user_id VARCHAR(36) NOT NULL, office_code VARCHAR(32), read_at TEXT,
        acknowledged_at TEXT, PRIMARY KEY (broadcast_id, user_id))""",
]


def apply(db) -> None:
    """Create the ticket, attachment and broadcast tables."""
    for sql in STATEMENTS:
        db.execute_sql(sql)
