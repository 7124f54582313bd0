"""Opening the desk database and bringing its schema up to date.

SQLite through peewee with WAL, ``synchronous=FULL`` (a save the user saw is on disk),
foreign keys on and a busy timeout. The schema is versioned in the ``schema_version`` table;
migrations are the modules ``migrations/mNNNN_*.py`` applied in order, each in its own
transaction. Migrations use plain SQL so they stay frozen when the models change later.
"""

from __future__ import annotations

import contextlib
import importlib
import logging
import os
import pkgutil
import sqlite3
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import peewee

from hai_desktop.core.db import migrations as migrations_pkg
from hai_desktop.core.db.errors import (
    DatabaseDamaged,
    DatabaseTooNew,
    StorageError,
    classify,
    reraise_classified,
    sqlite_code,
)
from hai_desktop.core.db.models import database_proxy

__all__ = ["DatabaseDamaged", "DatabaseError", "DatabaseTooNew", "StorageError"]

log = logging.getLogger(__name__)

PRAGMAS = {
    "journal_mode": "wal",
    "synchronous": 2,  # FULL
    "foreign_keys": 1,
    "busy_timeout": 10000,
    "cache_size": -32000,  # 32 MB page cache
    "temp_store": 2,  # MEMORY
}
# How long opening waits for a lock held by another program before saying so (seconds).
OPEN_TIMEOUT_S = 5.0

# The storage errors (classified by SQLite result code) live in errors.py; DatabaseError
# stays the name callers catch for "any storage problem shown in words".
DatabaseError = StorageError

# Authorizer action codes that change the file (sqlite3.h): schema changes, writes.
_WRITE_ACTIONS = frozenset(
    {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 23, 26, 29, 30}
)
_SQLITE_AUTH = 23


class DeskDatabase(peewee.SqliteDatabase):
    """``SqliteDatabase`` that speaks in typed storage errors (``errors.classify``) and can
    refuse every write at once (``block_writes``) when the file turned out to be damaged.

    Two peewee behaviours are fixed here at the root:
    - after SQLITE_FULL (or IOERR) SQLite has already rolled the transaction back; peewee's
      rollback then failed with "cannot rollback - no transaction is active", hiding the
      real error. ``rollback`` does nothing when no transaction is active.
    - every error on execute, begin and commit is classified, so callers (save, sync,
      CLI) see ``DiskFull``/``DatabaseLocked``/... and not a bare ``OperationalError``.
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._blocked: StorageError | None = None
        # Every open connection of every thread (peewee keeps one per thread).
        self._connections: set[sqlite3.Connection] = set()
        self._guard: sqlite3.Connection | None = None
        self._reauthorized: set[sqlite3.Connection] = set()

    # -- typed errors ------------------------------------------------------------------
    def _typed(self, exc: BaseException) -> None:
        if self._blocked is not None and sqlite_code(exc) == _SQLITE_AUTH:
            raise self._blocked from exc
        reraise_classified(exc, self.database)

    def executemany(self, sql: str, rows) -> None:
        """``executemany`` on this thread's connection, speaking the typed storage errors
        (bulk writes that go past peewee: a full disk is ``DiskFull`` here as anywhere)."""
        self._reauthorize()
        try:
            self.connection().executemany(sql, rows)
        except sqlite3.Error as exc:
            self._typed(exc)
            raise

    def connect(self, reuse_if_open: bool = False) -> bool:
        try:
            return super().connect(reuse_if_open)
        except Exception as exc:
            self._typed(exc)
            raise

    def _reauthorize(self) -> None:
        """After ``block_writes``: this thread's connection re-reads its authorizer once."""
        if self._blocked is None:
            return
        conn = self._state.conn
        if conn is not None and conn not in self._reauthorized:
            with contextlib.suppress(sqlite3.Error):
                conn.set_authorizer(self._authorize)
            self._reauthorized.add(conn)

    def execute_sql(self, sql, params=None):
        self._reauthorize()
        try:
            return super().execute_sql(sql, params)
        except Exception as exc:
            self._typed(exc)
            raise

    def begin(self, lock_type=None) -> None:
        self._reauthorize()
        try:
            super().begin(lock_type)
        except Exception as exc:
            self._typed(exc)
            raise

    def commit(self) -> None:
        try:
            super().commit()
        except Exception as exc:
            self._typed(exc)
            raise

    def rollback(self) -> None:
        conn = None if self.is_closed() else self._state.conn
        if conn is not None and not conn.in_transaction:
            return  # SQLite rolled back already (SQLITE_FULL, IOERR): nothing to undo
        try:
            super().rollback()
        except Exception as exc:
            self._typed(exc)
            raise

    # -- refusing writes -----------------------------------------------------------------
    def _connect(self):
        conn = super()._connect()
        conn.set_authorizer(self._authorize)
        self._connections.add(conn)
        return conn

    def _close(self, conn) -> None:
        self._connections.discard(conn)
        self._reauthorized.discard(conn)
        super()._close(conn)

    def _authorize(self, action: int, *_args) -> int:
        if self._blocked is not None and action in _WRITE_ACTIONS:
            return sqlite3.SQLITE_DENY
        return sqlite3.SQLITE_OK

    @property
    def writes_blocked(self) -> StorageError | None:
        """The error every write now raises, or None."""
        return self._blocked

    def block_writes(self, error: StorageError) -> None:
        """From now on every write on any thread's connection raises ``error``, and
        closing never checkpoints the WAL into the file (a damaged file stays as found).

        A read-only connection is kept open (holding its shared lock) until ``close_all``:
        SQLite checkpoints and deletes the WAL only when the *last* connection closes,
        and a read-only one never does.
        """
        self._blocked = error
        # Each connection sets its authorizer again on its own thread, at its next use
        # (``_reauthorize``): that expires its cached statements, so a cached INSERT is
        # authorized anew and refused. Never from this thread: set_authorizer waits for the
        # connection's mutex holding the GIL, while a statement being prepared on the
        # owning thread holds that mutex and waits for the GIL in the authorizer.
        self._reauthorized.clear()
        if self._guard is None:
            with contextlib.suppress(sqlite3.Error):
                guard = sqlite3.connect(_ro_uri(self.database), uri=True, check_same_thread=False)
                guard.execute("SELECT count(*) FROM sqlite_master").fetchone()
                self._guard = guard
                _GUARDS.append(guard)

    def release_guard(self) -> None:
        """Close the read-only guard (after every other connection is closed)."""
        if self._guard is not None:
            with contextlib.suppress(sqlite3.Error, ValueError):
                _GUARDS.remove(self._guard)
            self._guard.close()
            self._guard = None


# Guards stay referenced here until released: a guard collected before the last
# read-write connection closes would let that close checkpoint into a damaged file.
_GUARDS: list[sqlite3.Connection] = []


def _ro_uri(path: Path | str) -> str:
    """A read-only URI for ``path``. Without a ``-wal`` beside it (no connection has it open
    in WAL mode, nothing un-checkpointed) it is also ``immutable``: SQLite then creates no
    ``-wal``/``-shm`` files either, so checking leaves the folder exactly as it was."""
    path = Path(path)
    mode = "mode=ro"
    if not Path(f"{path}-wal").exists() and not Path(f"{path}-shm").exists():
        mode += "&immutable=1"
    return f"file:{urllib.parse.quote(path.as_posix())}?{mode}"


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    apply: Callable[[peewee.Database], None]
    # The module's VACUUM_AFTER: it frees much space, so the file is compacted afterwards.
    vacuum_after: bool = False


def load_migrations() -> list[Migration]:
    """All migrations in version order (discovered from the migrations package)."""
    found = []
    for info in pkgutil.iter_modules(migrations_pkg.__path__):
        if not info.name.startswith("m") or not info.name[1:5].isdigit():
            continue
        module = importlib.import_module(f"{migrations_pkg.__name__}.{info.name}")
        vacuum = bool(getattr(module, "VACUUM_AFTER", False))
        found.append(Migration(int(info.name[1:5]), info.name, module.apply, vacuum))
    found.sort(key=lambda m: m.version)
    versions = [m.version for m in found]
    if versions != list(range(1, len(found) + 1)):
        raise RuntimeError(f"migrations must be numbered 1..N without gaps, got {versions}")
    return found


def latest_version() -> int:
    return len(load_migrations())


def connect(path: Path | str, *, bind: bool = True) -> DeskDatabase:
    """Open (creating if needed) the SQLite file with the desk's pragmas.

    With ``bind`` the models' database proxy points at it (one open profile per process).
    Raises the typed storage errors (``errors.py``) when the file cannot be opened.
    """
    # lock_type IMMEDIATE: every transaction takes the write lock when it begins. With the
    # default (deferred) a transaction that reads and then writes fails at once with
    # "database is locked" if another thread committed in between (WAL snapshot); an
    # immediate one waits for busy_timeout instead. The GUI's db worker and the sync
    # thread write concurrently.
    db = DeskDatabase(
        str(path),
        pragmas=PRAGMAS,
        check_same_thread=False,
        lock_type="IMMEDIATE",
        timeout=OPEN_TIMEOUT_S,
    )
    try:
        db.connect(reuse_if_open=True)
    except BaseException:
        # A damaged file fails while the pragmas are set: leave no handle open on it
        # (Windows could then not move the file aside).
        with contextlib.suppress(Exception):
            db.close()
        raise
    _make_private(Path(path))
    if bind:
        database_proxy.initialize(db)
    return db


def _make_private(path: Path) -> None:
    """POSIX: the database and its -wal/-shm readable by the user only (personal data)."""
    if os.name != "posix":
        return  # Windows: the per-user profile folder's ACL already keeps others out
    for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        with contextlib.suppress(OSError):
            if p.exists() and p.stat().st_mode & 0o077:
                os.chmod(p, 0o600)


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
    if any(m.vacuum_after for m in all_migrations if m.version in applied):
        _vacuum(db)
    return applied


def _vacuum(db: peewee.Database) -> None:
    """Give the pages a migration freed back to the disk. Best effort: VACUUM needs free
    space about the database's size; without it the (sound) file just stays larger."""
    try:
        db.execute_sql("VACUUM")
    except (StorageError, sqlite3.Error, peewee.DatabaseError) as exc:
        log.warning("VACUUM after the migration skipped: %s", type(exc).__name__)


def _rows(db, sql: str) -> list:
    """Run ``sql`` on a peewee database or a plain sqlite3 connection."""
    run = db.execute_sql if hasattr(db, "execute_sql") else db.execute
    return run(sql).fetchall()


def quick_check(db, table: str | None = None) -> list[str]:
    """``PRAGMA quick_check`` (of one table and its indexes if ``table`` is given): an empty
    list when sound, else the problems."""
    sql = "PRAGMA quick_check" if table is None else f'PRAGMA quick_check("{table}")'
    rows = [r[0] for r in _rows(db, sql)]
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


def fast_check(db) -> list[str]:
    """``quick_check`` of the schema and the small tables only (milliseconds at any size)."""
    existing = {r[0] for r in _rows(db, "SELECT name FROM sqlite_master")}
    problems: list[str] = []
    for table in FAST_CHECK_TABLES:
        if table == "sqlite_master" or table in existing:
            problems += quick_check(db, table)
    return problems


class CheckCancelled(Exception):
    """``check_file`` was stopped by its ``should_stop`` (the app is closing)."""


def check_file(
    path: Path | str, should_stop: Callable[[], bool] | None = None, *, full: bool = True
) -> list[str]:
    """``PRAGMA quick_check`` (``full``) or the fast check of a database file opened
    **read-only**: [] when sound, else the problems (damage).

    Read-only, so closing it never checkpoints a WAL into the file or deletes it: a damaged
    file stays exactly as found. A file that is only locked, on a full disk or unreadable
    raises its typed error (``DatabaseLocked``, ``StorageReadOnly``, ...): that is not damage.
    ``should_stop`` (polled while the check runs) ends a long check early, raising
    ``CheckCancelled``: a cancelled check says nothing about the file.
    """
    try:
        conn = sqlite3.connect(_ro_uri(path), uri=True, timeout=OPEN_TIMEOUT_S)
    except sqlite3.Error as exc:
        reraise_classified(exc, path)
        raise
    try:
        if should_stop is not None:
            conn.set_progress_handler(lambda: 1 if should_stop() else 0, 10_000)
        return quick_check(conn) if full else fast_check(conn)
    except sqlite3.Error as exc:
        if should_stop is not None and should_stop():
            raise CheckCancelled(str(exc)) from exc
        typed = classify(exc, path)
        if isinstance(typed, DatabaseDamaged):
            return typed.problems
        if typed is not None:
            raise typed from exc
        return [str(exc)]
    finally:
        conn.close()


def open_database(
    path: Path | str, check: str = "auto", *, backups_dir: Path | str | None = None
) -> DeskDatabase:
    """Finish an interrupted restore, check integrity (read-only), connect and migrate.

    A missing file is created only for a fresh profile: with backups in ``backups_dir``
    (default: the profile's ``backups`` folder beside the file) or a file a restore moved
    aside, ``DatabaseMissing`` is raised instead (``restore_finish.raise_if_missing``).

    Raises ``DatabaseDamaged`` only for a damaged file, and the other typed storage errors
    (``DatabaseLocked``, ``DiskFull``, ``StorageReadOnly``, ``StorageIOError``,
    ``DatabaseTooNew``) for a healthy file that cannot be used right now.

    ``check``: ``"full"`` runs ``PRAGMA quick_check``; ``"fast"`` checks the schema and
    the small tables; ``"auto"`` (default) is full up to ``FULL_CHECK_MAX_BYTES`` and fast
    above, setting ``db.deep_check_pending = True`` so the caller can run ``quick_check``
    later off the start path. The check runs on a read-only connection before the file is
    opened for writing, so a damaged file is never modified here (not even by the
    checkpoint SQLite runs when a read-write connection closes).
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        reraise_classified(exc, path.parent)
        raise
    from hai_desktop.core import restore_finish  # it imports this module

    try:
        restore_finish.finish_interrupted_restore(path)
    except OSError as exc:
        reraise_classified(exc, path.parent)
        raise
    restore_finish.raise_if_missing(
        path, path.parent / "backups" if backups_dir is None else backups_dir
    )
    size = path.stat().st_size if path.exists() else 0
    if check == "auto":
        check = "full" if size <= FULL_CHECK_MAX_BYTES else "fast"
    if size > 0:
        problems = check_file(path, full=check == "full")
        if problems:
            raise DatabaseDamaged(
                "database file is damaged: " + "; ".join(problems[:5]),
                path=path,
                problems=problems,
            )
    db = connect(path)
    db.deep_check_pending = check != "full"
    try:
        migrate(db)
    except BaseException:
        db.close()
        raise
    return db
