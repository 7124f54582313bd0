"""Hub test fixtures: a fresh hub per test on SQLite and, when it answers, on PostgreSQL.

PostgreSQL: the server named by ``HAI_TEST_POSTGRES_URL``; this session works in its own
schema (created here, emptied before every test, dropped at the end), so other people using
the same database are never touched. Without a reachable server the PostgreSQL runs are
skipped with the reason printed (visible under ``-ra``).
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from hai_central.main import create_app
from hai_central.settings import Settings
from hai_central.store import db as store

PG_URL = os.environ.get("HAI_TEST_POSTGRES_URL", "").strip()
ADMIN_EMAIL = "admin@kemenkeu.go.id"
ADMIN_PASSWORD = "admin-password-1"
PASSWORD = "password-123"


def _pg_unavailable_reason() -> str | None:
    if not PG_URL:
        return "HAI_TEST_POSTGRES_URL is not set: PostgreSQL runs skipped"
    try:
        import psycopg

        with psycopg.connect(PG_URL, connect_timeout=3) as conn:
            conn.execute("SELECT 1")
    except Exception as exc:  # noqa: BLE001 - any failure means: no PostgreSQL here
        return f"PostgreSQL at HAI_TEST_POSTGRES_URL does not answer ({type(exc).__name__}: {exc})"
    return None


@pytest.fixture(scope="session")
def pg_schema():
    """A schema of this test session's own (None when PostgreSQL is unavailable)."""
    reason = _pg_unavailable_reason()
    if reason:
        yield None, reason
        return
    import psycopg

    name = f"hai_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{name}"')
    try:
        yield name, None
    finally:
        with psycopg.connect(PG_URL, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA IF EXISTS "{name}" CASCADE')


def pg_url_for(schema: str) -> str:
    sep = "&" if "?" in PG_URL else "?"
    return f"{PG_URL}{sep}options={quote('-csearch_path=' + schema)}"


def reset_pg_schema(schema: str) -> None:
    import psycopg

    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        conn.execute(f'CREATE SCHEMA "{schema}"')


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def backend_url(request, tmp_path, pg_schema) -> str | None:
    """The database URL of this test's backend (None = the default SQLite file)."""
    if request.param == "sqlite":
        return None
    schema, reason = pg_schema
    if schema is None:
        pytest.skip(reason)
    reset_pg_schema(schema)
    return pg_url_for(schema)


def make_settings(tmp_path: Path, database_url: str | None, **overrides: Any) -> Settings:
    s = Settings(
        data_dir=tmp_path / "hub",
        database_url=database_url,
        bootstrap_admin_email=ADMIN_EMAIL,
        bootstrap_admin_password=ADMIN_PASSWORD,
        argon2_fast=True,
        environment="test",
    )
    for k, v in overrides.items():
        setattr(s, k, v)
    return s


@dataclass
class HubClient:
    """A hub app with its test client and helpers to make offices, users and tokens."""

    app: Any
    client: TestClient
    settings: Settings
    backend: str

    def login(self, email: str, password: str = PASSWORD) -> dict[str, str]:
        r = self.client.post(
            "/api/v1/auth/token",
            json={
                "email": email,
                "password": password,
                "device_id": str(uuid.uuid4()),
                "device_name": "test",
            },
        )
        assert r.status_code == 200, r.text
        return {"Authorization": f"Bearer {r.json()['access_token']}"}

    @property
    def admin(self) -> dict[str, str]:
        if not hasattr(self, "_admin"):
            self._admin = self.login(ADMIN_EMAIL, ADMIN_PASSWORD)
        return self._admin

    def office(self, code: str, kind: str = "KPPN", parent: str | None = "PUSAT") -> None:
        r = self.client.post(
            "/api/v1/admin/offices",
            headers=self.admin,
            json={"code": code, "name": f"Kantor {code}", "kind": kind, "parent_code": parent},
        )
        assert r.status_code in (201, 409), r.text

    def user(self, role: str, office: str = "PUSAT", email: str | None = None) -> dict[str, str]:
        """Create a user (and its office) and return its auth headers."""
        if office != "PUSAT":
            self.office(office)
        email = email or f"{role}.{uuid.uuid4().hex[:8]}@kemenkeu.go.id"
        r = self.client.post(
            "/api/v1/admin/users",
            headers=self.admin,
            json={
                "email": email,
                "name": f"{role} user",
                "password": PASSWORD,
                "role": role,
                "office_code": office,
            },
        )
        assert r.status_code == 201, r.text
        return self.login(email)


def _make_hub(tmp_path: Path, url: str | None, backend: str, **overrides: Any):
    settings = make_settings(tmp_path, url, **overrides)
    app = create_app(settings)
    client = TestClient(app)
    return HubClient(app, client, settings, backend)


@pytest.fixture
def hub(backend_url, tmp_path):
    """A fresh hub (SQLite or PostgreSQL) with its TestClient."""
    h = _make_hub(tmp_path, backend_url, "sqlite" if backend_url is None else "postgres")
    yield h
    h.client.close()
    store.current_db().close_all()


@pytest.fixture
def sqlite_hub(tmp_path):
    """A fresh hub on SQLite only (for tests that need no second backend)."""
    h = _make_hub(tmp_path, None, "sqlite")
    yield h
    h.client.close()
    store.current_db().close_all()


def inquiry(office: str, **kw: Any) -> dict[str, Any]:
    """A valid desk inquiry for ``office``."""
    item = {
        "id": str(uuid.uuid4()),
        "office_code": office,
        "created_at": "2026-11-26T08:15:00Z",
        "updated_at": "2026-11-26T08:20:00Z",
        "channel": "tatap_muka",
        "department": "PA",
        "application": "SAKTI",
        "visitor": {
            "name": "Siti Rahayu",
            "satker_code": "123456",
            "phone": "08123456789",
            "email": "siti@example.go.id",
        },
        "question": "Bagaimana cara revisi DIPA?",
        "answer": "Ajukan melalui SAKTI.",
        "basis": {"regulations": ["PMK 62 Tahun 2023 pasal 5"], "kb_entry_ids": []},
        "outcome": "answered",
        "served_started_at": "2026-11-26T08:15:00Z",
        "served_ended_at": "2026-11-26T08:25:00Z",
        "version": 1,
    }
    item.update(kw)
    return item
