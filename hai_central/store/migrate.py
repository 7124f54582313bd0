"""Schema versioning: the ``schema_version`` table and applying migrations in order.

Each migration runs in its own transaction together with its version row, so a failed
migration leaves the previous version intact (PostgreSQL and SQLite both have transactional
DDL).
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

import peewee

from hai_central.store import migrations as migrations_pkg


class SchemaTooNew(RuntimeError):
    """The database was written by a newer hub than this one."""


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    apply: Callable[[peewee.Database], None]


def load_migrations() -> list[Migration]:
    """All migrations in version order."""
    found = []
    for info in pkgutil.iter_modules(migrations_pkg.__path__):
        if info.name.startswith("m") and info.name[1:5].isdigit():
            module = importlib.import_module(f"{migrations_pkg.__name__}.{info.name}")
            found.append(Migration(int(info.name[1:5]), info.name, module.apply))
    found.sort(key=lambda m: m.version)
    if [m.version for m in found] != list(range(1, len(found) + 1)):
        raise RuntimeError("hub migrations must be numbered 1..N without gaps")
    return found


def latest_version() -> int:
    """The version the code expects."""
    return len(load_migrations())


def schema_version(db: peewee.Database) -> int:
    """The database's current schema version (0 for an empty database)."""
    if not db.table_exists("schema_version"):
        return 0
    row = db.execute_sql("SELECT MAX(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def migrate(db: peewee.Database, target: int | None = None) -> list[int]:
    """Bring the schema up to ``target`` (default: latest); returns the versions applied."""
    migrations = load_migrations()
    target = len(migrations) if target is None else target
    with db.connection_context():
        if not db.table_exists("schema_version"):
            with db.atomic():
                db.execute_sql(
                    "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
                    "name TEXT NOT NULL, applied_at TEXT NOT NULL)"
                )
        current = schema_version(db)
        if current > len(migrations):
            raise SchemaTooNew(
                f"database schema {current} is newer than this hub ({len(migrations)})"
            )
        applied = []
        for m in migrations:
            if current < m.version <= target:
                with db.atomic():
                    # Several hub workers may start at once: re-check under a lock.
                    if isinstance(db, peewee.PostgresqlDatabase):
                        db.execute_sql("SELECT pg_advisory_xact_lock(427001)")
                    if schema_version(db) >= m.version:
                        continue
                    m.apply(db)
                    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
                    p = db.param
                    db.execute_sql(
                        f"INSERT INTO schema_version (version, name, applied_at) VALUES ({p}, {p}, {p})",
                        (m.version, m.name, now),
                    )
                applied.append(m.version)
        return applied
