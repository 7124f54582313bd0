"""Schema upgrades: from every earlier version to the latest, data kept, on both backends."""

from __future__ import annotations

import pytest

from hai_central.main import create_app
from hai_central.store import db as store
from hai_central.store.migrate import (
    SchemaTooNew,
    latest_version,
    load_migrations,
    migrate,
    schema_version,
)
from tests.central.conftest import make_settings


def _db(backend_url, tmp_path):
    url = backend_url or f"sqlite:///{tmp_path / 'm.sqlite3'}"
    db = store.make_database(url)
    store.bind(db)
    return db


def test_migrations_numbered_without_gaps():
    assert [m.version for m in load_migrations()] == list(range(1, latest_version() + 1))


@pytest.mark.parametrize("start", range(0, latest_version()))
def test_upgrade_from_every_earlier_version(backend_url, tmp_path, start):
    db = _db(backend_url, tmp_path)
    migrate(db, start)
    with db.connection_context():
        assert schema_version(db) == start
        if start >= 1:
            p = db.param
            db.execute_sql(
                f"INSERT INTO office (code, name, kind) VALUES ({p}, {p}, {p})",
                ("KPPN-OLD", "Lama", "KPPN"),
            )
            db.execute_sql(
                "INSERT INTO inquiry (id, office_code, version, rev, outcome, department, channel, created_at, data, received_at) "
                f"VALUES ({p}, {p}, 1, 1, 'answered', 'PA', 'telepon', {p}, {p}, {p})",
                (
                    "00000000-0000-4000-8000-000000000001",
                    "KPPN-OLD",
                    "2026-01-01T00:00:00Z",
                    "{}",
                    "2026-01-01T00:00:00Z",
                ),
            )
    applied = migrate(db)
    assert applied == list(range(start + 1, latest_version() + 1))
    assert migrate(db) == []  # idempotent
    with db.connection_context():
        assert schema_version(db) == latest_version()
        if start >= 1:
            assert db.execute_sql("SELECT office_code FROM inquiry").fetchall() == [("KPPN-OLD",)]
    db.close_all()
    # The hub starts on the upgraded database.
    app = create_app(make_settings(tmp_path, backend_url or f"sqlite:///{tmp_path / 'm.sqlite3'}"))
    assert app is not None
    store.current_db().close_all()


def test_refuses_a_newer_schema(tmp_path):
    db = _db(None, tmp_path)
    migrate(db)
    with db.connection_context():
        db.execute_sql(
            "INSERT INTO schema_version (version, name, applied_at) VALUES (999, 'future', 'x')"
        )
    with pytest.raises(SchemaTooNew):
        migrate(db)
    db.close_all()
