"""Migrations: a database at every earlier schema version, with data, upgrades to the latest."""

from __future__ import annotations

import pytest

from hai_desktop.core.db import database
from hai_desktop.core.db.database import DatabaseTooNew, connect, latest_version, migrate

INSERT_INQUIRY = (
    "INSERT INTO inquiry (id, created_at, updated_at, channel, department, visitor_name,"
    " question, answer, outcome) VALUES (?, ?, ?, 'telepon', 'PA', 'Ani', ?, 'jawab', 'answered')"
)


def _schema(db) -> set[tuple[str, str]]:
    rows = db.execute_sql(
        "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'"
    ).fetchall()
    return {(name, " ".join(sql.split())) for name, sql in rows}


def test_migrations_numbered_without_gaps():
    versions = [m.version for m in database.load_migrations()]
    assert versions == list(range(1, len(versions) + 1))
    assert versions[0] == 1


@pytest.mark.parametrize("start", range(0, latest_version() + 1))
def test_upgrade_from_every_version(tmp_path, start):
    fresh = connect(tmp_path / "fresh.sqlite3", bind=False)
    migrate(fresh)
    expected = _schema(fresh)
    fresh.close()

    db = connect(tmp_path / "old.sqlite3")
    migrate(db, target=start)
    assert database.schema_version(db) == start
    if start >= 1:
        db.execute_sql(INSERT_INQUIRY, ("a-1", "2026-01-01T00:00:00.000Z", "x", "pencairan dana"))
    applied = migrate(db)
    assert applied == list(range(start + 1, latest_version() + 1))
    assert database.schema_version(db) == latest_version()
    assert _schema(db) == expected
    if start >= 1:
        row = db.execute_sql("SELECT id, question FROM inquiry").fetchall()
        assert row == [("a-1", "pencairan dana")]
        hits = db.execute_sql(
            "SELECT rowid FROM inquiry_fts WHERE inquiry_fts MATCH '\"pencairan\"'"
        ).fetchall()
        assert len(hits) == 1
    assert database.quick_check(db) == []
    assert migrate(db) == []  # idempotent
    db.close()


def test_database_from_newer_app_is_refused(tmp_path):
    db = connect(tmp_path / "new.sqlite3")
    migrate(db)
    db.execute_sql(
        "INSERT INTO schema_version (version, name, applied_at) VALUES (?, 'future', 'x')",
        (latest_version() + 1,),
    )
    with pytest.raises(DatabaseTooNew):
        migrate(db)
    db.close()


def test_open_database_pragmas(tmp_path):
    db = database.open_database(tmp_path / "p.sqlite3")
    assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute_sql("PRAGMA synchronous").fetchone()[0] == 2
    assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    db.close()
