"""Automatic rotated backups of the desk database, and restoring one.

Backups are made with SQLite's online backup API (a consistent copy while the app runs),
written under a temporary name and renamed, so a half-written backup never looks complete.
Restoring never overwrites or deletes the damaged database: it is moved aside as
``<name>.damaged-<timestamp>`` (with its ``-wal``/``-shm`` files) and kept for IT staff.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import sqlite3
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import peewee

from hai_desktop.core.db.database import DatabaseError

log = logging.getLogger(__name__)

PREFIX = "hai-desk-"
SUFFIX = ".sqlite3"
DEFAULT_KEEP = 10
DEFAULT_INTERVAL_S = 3600


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")


def _raw_connection(db: peewee.Database | sqlite3.Connection) -> sqlite3.Connection:
    if isinstance(db, sqlite3.Connection):
        return db
    return db.connection()


def list_backups(backups_dir: Path | str) -> list[Path]:
    """The complete backups in ``backups_dir``, newest first."""
    folder = Path(backups_dir)
    if not folder.is_dir():
        return []
    found = [p for p in folder.glob(f"{PREFIX}*{SUFFIX}") if p.is_file()]
    # The name holds a sortable UTC timestamp; mtime breaks ties of copied files.
    return sorted(found, key=lambda p: (p.name, p.stat().st_mtime), reverse=True)


def newest_backup(backups_dir: Path | str) -> Path | None:
    """The newest backup, or None."""
    backups = list_backups(backups_dir)
    return backups[0] if backups else None


def make_backup(
    db: peewee.Database | sqlite3.Connection, backups_dir: Path | str, keep: int = DEFAULT_KEEP
) -> Path:
    """Copy the open database into ``backups_dir`` and keep only the newest ``keep`` backups."""
    folder = Path(backups_dir)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{PREFIX}{_stamp()}{SUFFIX}"
    partial = target.with_name(target.name + ".partial")
    source = _raw_connection(db)
    dest = sqlite3.connect(str(partial))
    try:
        source.backup(dest)
        # The copy is a standalone file: no WAL beside it.
        dest.execute("PRAGMA journal_mode=DELETE")
        dest.commit()
    finally:
        dest.close()
    with open(partial, "rb") as fh:
        os.fsync(fh.fileno())
    os.replace(partial, target)
    _rotate(folder, keep)
    log.info("backup made (%d bytes)", target.stat().st_size)
    return target


def _rotate(folder: Path, keep: int) -> None:
    for old in list_backups(folder)[max(1, keep) :]:
        with contextlib.suppress(OSError):
            old.unlink()
    for stale in folder.glob(f"{PREFIX}*{SUFFIX}.partial"):
        # A crash mid-backup leaves one of these; they are never complete.
        if time.time() - stale.stat().st_mtime > 3600:
            with contextlib.suppress(OSError):
                stale.unlink()


def maybe_backup(
    db: peewee.Database | sqlite3.Connection,
    backups_dir: Path | str,
    keep: int = DEFAULT_KEEP,
    min_interval_s: float = DEFAULT_INTERVAL_S,
) -> Path | None:
    """Make a backup unless the newest one is younger than ``min_interval_s``."""
    newest = newest_backup(backups_dir)
    if newest is not None and time.time() - newest.stat().st_mtime < min_interval_s:
        return None
    return make_backup(db, backups_dir, keep)


class CheckCancelled(Exception):
    """``check_file`` was stopped by its ``should_stop`` (the app is closing)."""


def check_file(path: Path | str, should_stop: Callable[[], bool] | None = None) -> list[str]:
    """``PRAGMA quick_check`` of a database file opened read-only: [] when sound.

    ``should_stop`` (polled while the check runs) ends a long check early, raising
    ``CheckCancelled``: a cancelled check says nothing about the file.
    """
    try:
        conn = sqlite3.connect(f"file:{Path(path).as_posix()}?mode=ro", uri=True)
        try:
            if should_stop is not None:
                conn.set_progress_handler(lambda: 1 if should_stop() else 0, 10_000)
            rows = [r[0] for r in conn.execute("PRAGMA quick_check").fetchall()]
        finally:
            conn.close()
    except sqlite3.OperationalError as exc:
        if should_stop is not None and should_stop():
            raise CheckCancelled(str(exc)) from exc
        return [str(exc)]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    return [] if rows == ["ok"] else rows


def restore_backup(backup: Path | str, db_path: Path | str) -> Path:
    """Put ``backup`` in place of the (closed) database at ``db_path``.

    The current file, if any, is moved aside first, never overwritten or deleted. Returns
    the path it was moved to (``db_path`` itself if there was nothing to move). Raises
    ``DatabaseError`` if the backup is itself damaged (nothing is changed then).
    """
    backup, db_path = Path(backup), Path(db_path)
    problems = check_file(backup)
    if problems:
        raise DatabaseError("backup file is damaged: " + "; ".join(problems[:3]))
    aside = db_path
    stamp = _stamp()
    if db_path.exists():
        aside = db_path.with_name(f"{db_path.name}.damaged-{stamp}")
        os.replace(db_path, aside)
    for extra in ("-wal", "-shm"):
        side = db_path.with_name(db_path.name + extra)
        if side.exists():
            os.replace(side, db_path.with_name(f"{db_path.name}{extra}.damaged-{stamp}"))
    partial = db_path.with_name(db_path.name + ".restoring")
    shutil.copyfile(backup, partial)
    with open(partial, "rb") as fh:
        os.fsync(fh.fileno())
    os.replace(partial, db_path)
    log.warning("database restored from a backup; the previous file was kept aside")
    return aside
