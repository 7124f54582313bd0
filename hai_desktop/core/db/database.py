"""Opening the desk database and bringing its schema up to date.

SQLite through peewee with WAL, ``synchronous=FULL`` (a save the user saw is on disk),
foreign keys on and a busy timeout. The schema is versioned in the ``schema_version`` table;
migrations are the modules ``migrations/mNNNN_*.py`` applied in order, each in its own
transaction. Migrations use plain SQL so they stay frozen when the models change later.
"""

from __future__ import annotations

import contextlib
import importlib
import pkgutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import peewee

from hai_desktop.core.db import migrations as migrations_pkg
from hai_desktop.core.db.models import database_proxy

PRAGMAS = {
    "journal_mode": "wal",
    "synchronous": 2,  # FULL
    "foreign_keys": 1,
    "busy_timeout": 10000,
    "cache_size": -32000,  # 32 MB page cache
    "temp_store": 2,  # MEMORY
}


class DatabaseError(Exception):
    """An expected storage problem (damaged file, newer schema) shown to the user in words."""


class DatabaseTooNew(DatabaseError):
    """The file was written by a newer HAI Desk. It is not damaged: the user updates the
    app; a backup must never be restored over it (callers catch this one first)."""


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    apply: Callable[[peewee.Database], None]


def load_migrations() -> list[Migration]:
    """All migrations in version order (discovered from the migrations package)."""
    found = []
    for info in pkgutil.iter_modules(migrations_pkg.__path__):
        if not info.name.startswith("m") or not info.name[1:5].isdigit():
            continue
        module = importlib.import_module(f"{migrations_pkg.__name__}.{info.name}")
        found.append(Migration(int(info.name[1:5]), info.name, module.apply))
    found.sort(key=lambda m: m.version)
    versions = [m.version for m in found]
    if versions != list(range(1, len(found) + 1)):
        raise RuntimeError(f"migrations must be numbered 1..N without gaps, got {versions}")
    return found


def latest_version() -> int:
    return len(load_migrations())


def connect(path: Path | str, *, bind: bool = True) -> peewee.SqliteDatabase:
    """Open (creating if needed) the SQLite file with the desk's pragmas.

    With ``bind`` the models' database proxy points at it (one open profile per process).
    """
    # lock_type IMMEDIATE: every transaction takes the write lock when it begins. With the
    # default (deferred) a transaction that reads and then writes fails at once with
    # "database is locked" if another thread committed in between (WAL snapshot); an
    # immediate one waits for busy_timeout instead. The GUI's db worker and the sync
    # thread write concurrently.
    db = peewee.SqliteDatabase(
        str(path), pragmas=PRAGMAS, check_same_thread=False, lock_type="IMMEDIATE"
    )
    try:
        db.connect(reuse_if_open=True)
    except BaseException:
        # A damaged file fails while the pragmas are set: leave no handle open on it
        # (Windows could then not move the file aside).
        with contextlib.suppress(Exception):
            db.close()
        raise
    if bind:
        database_proxy.initialize(db)
    return db


def schema_version(db: peewee.Database) -> int:
    if not db.table_exists("schema_version"):
        return 0
    row = db.execute_sql("SELECT MAX(version) FROM schema_version").fetchone()
    return row[0] or 0


def migrate(db: peewee.Database, target: int | None = None) -> list[int]:
    """Apply every pending migration up to ``target`` (default: latest). Returns those applied."""
    db.execute_sql(
        "CREATE TABLE IF NOT EXISTS schema_version ("
        " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    all_migrations = load_migrations()
    current = schema_version(db)
    if current > len(all_migrations):
        raise DatabaseTooNew(
            f"database schema {current} is newer than this app knows ({len(all_migrations)})"
        )
    target = len(all_migrations) if target is None else target
    applied = []
    for m in all_migrations:
        if current < m.version <= target:
            with db.atomic():
                m.apply(db)
                db.execute_sql(
                    "INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)",
                    (m.version, m.name, datetime.now(UTC).isoformat()),
                )
            applied.append(m.version)
    return applied


def quick_check(db: peewee.Database, table: str | None = None) -> list[str]:
    """``PRAGMA quick_check`` (of one table and its indexes if ``table`` is given): an empty
    list when sound, else the problems."""
    sql = "PRAGMA quick_check" if table is None else f'PRAGMA quick_check("{table}")'
    rows = [r[0] for r in db.execute_sql(sql).fetchall()]
    return [] if rows == ["ok"] else rows


# What the fast start-up check covers: the schema and the small tables the app needs to
# start. The big ones (inquiries, full-text and KB indexes) are left to a deep check.
FAST_CHECK_TABLES = (
    "sqlite_master",
    "schema_version",
    "profile",
    "reference_item",
    "reference_meta",
    "outbox",
    "draft",
)
# Up to this size "auto" runs the full quick_check at start (about a second when the file
# is not in the OS cache); a bigger file (years of history) gets the fast check, and the
# caller runs ``quick_check(db)`` in the background (``db.deep_check_pending``).
FULL_CHECK_MAX_BYTES = 256 * 1024 * 1024


def fast_check(db: peewee.Database) -> list[str]:
    """``quick_check`` of the schema and the small tables only (milliseconds at any size)."""
    existing = {r[0] for r in db.execute_sql("SELECT name FROM sqlite_master").fetchall()}
    problems: list[str] = []
    for table in FAST_CHECK_TABLES:
        if table == "sqlite_master" or table in existing:
            problems += quick_check(db, table)
    return problems


def open_database(path: Path | str, check: str = "auto") -> peewee.SqliteDatabase:
    """Connect, check integrity and migrate. Raises DatabaseError on a damaged file.

    ``check``: ``"full"`` runs ``PRAGMA quick_check``; ``"fast"`` checks the schema and
    the small tables; ``"auto"`` (default) is full up to ``FULL_CHECK_MAX_BYTES`` and fast
    above, setting ``db.deep_check_pending = True`` so the caller can run ``quick_check``
    later off the start path. A damaged file is never modified here: the caller offers the
    newest backup instead.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if check == "auto":
        size = path.stat().st_size if path.exists() else 0
        check = "full" if size <= FULL_CHECK_MAX_BYTES else "fast"
    db = None
    try:
        db = connect(path)
        problems = quick_check(db) if check == "full" else fast_check(db)
    except (peewee.DatabaseError, sqlite3.DatabaseError) as exc:
        if db is not None:
            db.close()
        raise DatabaseError(f"database file cannot be read: {exc}") from exc
    if problems:
        db.close()
        raise DatabaseError("database file is damaged: " + "; ".join(problems[:5]))
    db.deep_check_pending = check != "full"
    migrate(db)
    return db
