"""Core tables: counters, reference data, offices, users, tokens, inquiries, KB, desks."""

STATEMENTS = [
    "CREATE TABLE counter (name VARCHAR(64) PRIMARY KEY, value BIGINT NOT NULL)",
    "INSERT INTO counter (name, value) VALUES ('rev', 0)",
    "CREATE TABLE reference_item (key VARCHAR(64) PRIMARY KEY, value TEXT NOT NULL)",
    """CREATE TABLE office (
        code VARCHAR(32) PRIMARY KEY, name TEXT NOT NULL, kind VARCHAR(16) NOT NULL,
        parent_code VARCHAR(32), active BOOLEAN NOT NULL DEFAULT TRUE,
        extra TEXT NOT NULL DEFAULT '{}')""",
    """CREATE TABLE app_user (
        id VARCHAR(36) PRIMARY KEY, email VARCHAR(254) NOT NULL UNIQUE, name TEXT NOT NULL,
        password_hash TEXT NOT NULL, role VARCHAR(16) NOT NULL,
        office_code VARCHAR(32) NOT NULL REFERENCES office (code),
        active BOOLEAN NOT NULL DEFAULT TRUE, created_at TEXT NOT NULL)""",
    """CREATE TABLE auth_token (
        token_hash VARCHAR(64) PRIMARY KEY, user_id VARCHAR(36) NOT NULL REFERENCES app_user (id),
        device_id VARCHAR(64), device_name TEXT, created_at BIGINT NOT NULL,
        expires_at BIGINT NOT NULL, revoked BOOLEAN NOT NULL DEFAULT FALSE)""",
    "CREATE INDEX auth_token_user ON auth_token (user_id)",
    """CREATE TABLE login_failure (
        id VARCHAR(36) PRIMARY KEY, email VARCHAR(254) NOT NULL, address VARCHAR(64) NOT NULL,
        at BIGINT NOT NULL)""",
    "CREATE INDEX login_failure_email ON login_failure (email, at)",
    "CREATE INDEX login_failure_address ON login_failure (address, at)",
    """CREATE TABLE inquiry (
        id VARCHAR(36) PRIMARY KEY, office_code VARCHAR(32) NOT NULL, version BIGINT NOT NULL,
        rev BIGINT NOT NULL, outcome VARCHAR(16) NOT NULL, department VARCHAR(16) NOT NULL,
        channel VARCHAR(32) NOT NULL, application VARCHAR(64), created_at TEXT NOT NULL,
        review_status VARCHAR(16), review_note TEXT, reviewed_by VARCHAR(36),
        data TEXT NOT NULL, received_at TEXT NOT NULL)""",
    "CREATE UNIQUE INDEX inquiry_rev ON inquiry (rev)",
    "CREATE INDEX inquiry_office_rev ON inquiry (office_code, rev)",
    "CREATE INDEX inquiry_review ON inquiry (review_status, rev)",
    "CREATE INDEX inquiry_office_created ON inquiry (office_code, created_at)",
    """CREATE TABLE kb_entry (
        id VARCHAR(36) PRIMARY KEY, rev BIGINT NOT NULL, title TEXT NOT NULL,
        question TEXT NOT NULL, answer TEXT NOT NULL, department VARCHAR(16) NOT NULL,
        application VARCHAR(64), regulations TEXT NOT NULL, tags TEXT NOT NULL,
        source_inquiry_ids TEXT NOT NULL, valid_until TEXT, updated_at TEXT NOT NULL,
        deleted BOOLEAN NOT NULL DEFAULT FALSE, helpful_count BIGINT NOT NULL DEFAULT 0,
        unhelpful_count BIGINT NOT NULL DEFAULT 0, created_by VARCHAR(36))""",
    "CREATE UNIQUE INDEX kb_entry_rev ON kb_entry (rev)",
    """CREATE TABLE kb_feedback (
        id VARCHAR(36) PRIMARY KEY, kb_entry_id VARCHAR(36) NOT NULL REFERENCES kb_entry (id),
        helpful BOOLEAN NOT NULL, note TEXT, user_id VARCHAR(36), office_code VARCHAR(32),
        created_at TEXT NOT NULL)""",
    "CREATE INDEX kb_feedback_entry ON kb_feedback (kb_entry_id)",
    """CREATE TABLE desk (
        device_id VARCHAR(64) PRIMARY KEY, user_id VARCHAR(36), office_code VARCHAR(32),
        device_name TEXT, app_version TEXT, outbox_depth INTEGER NOT NULL DEFAULT 0,
        oldest_unsent_at TEXT, last_pull_at TEXT, client_time TEXT, last_seen TEXT NOT NULL)""",
]


def apply(db) -> None:
    """Create the core tables."""
    for sql in STATEMENTS:
        db.execute_sql(sql)
