"""The web console's sessions (issue 14).

A console session rides on an access token issued by the ordinary sign-in (same
throttling, revocation and absolute expiry as every token); this table adds what a browser
session needs beyond it: when it was last used (idle expiry) and that the token belongs to
the console at all (a desk's bearer token put into a cookie is no session).
"""

STATEMENTS = [
    """CREATE TABLE console_session (
        token_hash VARCHAR(64) PRIMARY KEY,
        user_id VARCHAR(36) NOT NULL,
        created_at BIGINT NOT NULL,
        last_seen_at BIGINT NOT NULL,
        expires_at BIGINT NOT NULL)""",
    "CREATE INDEX console_session_seen ON console_session (last_seen_at)",
]


def apply(db) -> None:
    """Create the console's session table."""
    for sql in STATEMENTS:
        db.execute_sql(sql)
