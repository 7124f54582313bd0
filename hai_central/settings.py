"""Hub settings, read once from the environment.

Environment variables (all optional):

``HAI_DATA_DIR``
    Folder for the SQLite file (``hub.sqlite3``), attachments (``attachments/``) and the
    broadcast signing key (``broadcast_signing_key.pem``). Default: ``./hai-hub-data``.
``HAI_DATABASE_URL``
    ``sqlite:///path/to/file.sqlite3`` or ``postgresql://user:pass@host:port/dbname`` (psycopg 3;
    query parameters such as ``?options=-csearch_path%3Dmyschema`` are passed to the driver).
    Default: SQLite file ``hub.sqlite3`` in ``HAI_DATA_DIR``.
``HAI_BOOTSTRAP_ADMIN_EMAIL`` / ``HAI_BOOTSTRAP_ADMIN_PASSWORD``
    Create this admin (office ``PUSAT``) at start if no admin exists yet.
``HAI_REFERENCE_FILE``
    Reference data seeded at first start. Default: the contract package's bundled
    ``hai_contract/reference/reference.json``.
``HAI_TOKEN_TTL_HOURS``
    Lifetime of an access token (default 12).
``HAI_MAX_REQUEST_BYTES``
    Largest JSON request body accepted (default 8 MiB); attachments may be up to the
    reference ``attachment_rules.max_bytes`` (15 MiB).
``HAI_DB_POOL_SIZE``
    Database connections per hub process (default 20; requests beyond it wait up to 30 s).
    Keep workers x pool size below the PostgreSQL server's ``max_connections``.
``HAI_SMTP_HOST`` / ``HAI_SMTP_PORT`` (default 25) / ``HAI_SMTP_FROM``
    When a host is set, every broadcast is also e-mailed to the addressed offices' ``email``
    (queued, retried; see services/broadcast_email.py). ``HAI_SMTP_TLS``: ``none``
    (default), ``starttls`` or ``ssl``; ``HAI_SMTP_USER`` / ``HAI_SMTP_PASSWORD`` to log
    in; ``HAI_SMTP_INTERVAL_S`` (default 15) between retry rounds.
``HAI_CONSOLE_IDLE_MINUTES`` (default 30) / ``HAI_CONSOLE_SESSION_HOURS`` (default 10)
    The web console's (``/console/``) session ends after this long unused / this long after
    sign-in. ``HAI_CONSOLE_TRUST_FORWARDED_PROTO=1``: behind a TLS-terminating proxy, take
    ``X-Forwarded-Proto: https`` as TLS (the session cookie is then ``Secure``).
``HAI_ENV``
    ``production`` (default) or ``development``/``test``: outside production weak Argon2
    parameters are allowed (``HAI_ARGON2_FAST=1``) to keep tests quick.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from hai_contract.reference import reference_path

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_REFERENCE_FILE = reference_path()


@dataclass
class Settings:
    """Everything the hub reads from its environment."""

    data_dir: Path = field(default_factory=lambda: Path("hai-hub-data"))
    database_url: str | None = None
    bootstrap_admin_email: str | None = None
    bootstrap_admin_password: str | None = None
    reference_file: Path = DEFAULT_REFERENCE_FILE
    token_ttl_hours: float = 12.0
    max_request_bytes: int = 8 * 1024 * 1024
    login_max_failures: int = 10
    login_window_seconds: int = 15 * 60
    argon2_fast: bool = False
    db_pool_size: int = 20
    environment: str = "production"
    smtp_host: str | None = None
    smtp_port: int = 25
    smtp_from: str = "hai-djpbn@localhost"
    smtp_tls: str = "none"
    smtp_user: str | None = None
    smtp_password: str | None = None
    smtp_timeout_s: float = 20.0
    smtp_interval_s: float = 15.0
    console_idle_minutes: float = 30.0
    console_session_hours: float = 10.0
    console_trust_forwarded_proto: bool = False

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> Settings:
        """Build the settings from ``os.environ`` (or the given mapping)."""
        env = dict(os.environ if env is None else env)
        s = cls()
        if env.get("HAI_DATA_DIR"):
            s.data_dir = Path(env["HAI_DATA_DIR"])
        s.database_url = env.get("HAI_DATABASE_URL") or None
        s.bootstrap_admin_email = env.get("HAI_BOOTSTRAP_ADMIN_EMAIL") or None
        s.bootstrap_admin_password = env.get("HAI_BOOTSTRAP_ADMIN_PASSWORD") or None
        if env.get("HAI_REFERENCE_FILE"):
            s.reference_file = Path(env["HAI_REFERENCE_FILE"])
        if env.get("HAI_TOKEN_TTL_HOURS"):
            s.token_ttl_hours = float(env["HAI_TOKEN_TTL_HOURS"])
        if env.get("HAI_MAX_REQUEST_BYTES"):
            s.max_request_bytes = int(env["HAI_MAX_REQUEST_BYTES"])
        if env.get("HAI_DB_POOL_SIZE"):
            s.db_pool_size = int(env["HAI_DB_POOL_SIZE"])
        s.environment = env.get("HAI_ENV", "production")
        s.smtp_host = env.get("HAI_SMTP_HOST") or None
        if env.get("HAI_SMTP_PORT"):
            s.smtp_port = int(env["HAI_SMTP_PORT"])
        s.smtp_from = env.get("HAI_SMTP_FROM") or s.smtp_from
        s.smtp_tls = env.get("HAI_SMTP_TLS") or s.smtp_tls
        s.smtp_user = env.get("HAI_SMTP_USER") or None
        s.smtp_password = env.get("HAI_SMTP_PASSWORD") or None
        if env.get("HAI_SMTP_INTERVAL_S"):
            s.smtp_interval_s = float(env["HAI_SMTP_INTERVAL_S"])
        if env.get("HAI_CONSOLE_IDLE_MINUTES"):
            s.console_idle_minutes = float(env["HAI_CONSOLE_IDLE_MINUTES"])
        if env.get("HAI_CONSOLE_SESSION_HOURS"):
            s.console_session_hours = float(env["HAI_CONSOLE_SESSION_HOURS"])
        s.console_trust_forwarded_proto = env.get("HAI_CONSOLE_TRUST_FORWARDED_PROTO") == "1"
        s.argon2_fast = env.get("HAI_ARGON2_FAST") == "1"
        s.validate()
        return s

    def validate(self) -> None:
        """Refuse unsafe combinations (weak hashing in production)."""
        if self.argon2_fast and self.environment == "production":
            raise ValueError("HAI_ARGON2_FAST=1 is only allowed with HAI_ENV=development or test")
        if self.smtp_tls not in ("none", "starttls", "ssl"):
            raise ValueError("HAI_SMTP_TLS must be none, starttls or ssl")

    @property
    def effective_database_url(self) -> str:
        """The database URL, defaulting to the SQLite file in the data dir."""
        return self.database_url or f"sqlite:///{self.data_dir / 'hub.sqlite3'}"

    @property
    def attachments_dir(self) -> Path:
        return self.data_dir / "attachments"

    @property
    def signing_key_file(self) -> Path:
        return self.data_dir / "broadcast_signing_key.pem"
