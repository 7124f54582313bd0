"""The web console's sessions (issue 14).

A console session rides on an access token issued by the ordinary sign-in (same
throttling, revocation and absolute expiry as every token), but the browser never holds
that token: its cookie is a secret of its own whose hash (``session_hash``) leads here, to
the token's hash (``token_hash``) and to when the session was last used (idle expiry). A
console cookie is no API bearer token, and an API token is no console cookie.
"""

STATEMENTS = [
    """CREATE TABLE console_session (
        session_hash VARCHAR(64) PRIMARY KEY,
        token_hash VARCHAR(64) NOT NULL,
        user_id VARCHAR(36) NOT NULL,
        created_at BIGINT NOT NULL,
        last_seen_at BIGINT NOT NULL,
        expires_at BIGINT NOT NULL)""",
    "CREATE INDEX console_session_token ON console_session (token_hash)",
    "CREATE INDEX console_session_expires ON console_session (expires_at)",
]


def apply(db) -> None:
    """Create the console's session table."""
    for sql in STATEMENTS:
        db.execute_sql(sql)
