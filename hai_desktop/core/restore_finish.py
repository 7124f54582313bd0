"""Finishing what a restore left: a restore cut short between its renames, the salvage of
the unsent records still in the file it moved aside, and a database file that went missing
while backups exist (never replaced by a new empty one). Called before every open
(``database.open_database``, the CLI's ``profile_db``, ``self-check``).
"""

from __future__ import annotations

import contextlib
import logging
import os
from pathlib import Path

from hai_desktop.core.backups import (
    _asides,
    _fsync_dir,
    _newest_aside,
    _salvage_marker,
    _stamp,
    _write_durably,
    check_file,
    list_backups,
    restore_backup,
)
from hai_desktop.core.db.errors import DatabaseMissing, StorageError

log = logging.getLogger(__name__)


def _present(db_path: Path) -> bool:
    """Is there a database at ``db_path`` (a non-empty main file, or a -wal to pair with)?"""
    wal = Path(f"{db_path}-wal")
    return (db_path.exists() and db_path.stat().st_size > 0) or (
        wal.exists() and wal.stat().st_size > 0
    )


def finish_interrupted_restore(db_path: Path | str):
    """Finish a restore cut short between its renames, before the database is opened.

    - No database but a complete ``<name>.restoring`` (it passes ``check_file``): a -wal/-shm
      left behind go to the moved-aside file's stem (they belong to it, never to the
      restored file), the copy is renamed into place and the folder fsynced. A failing
      ``.restoring`` is left as it is and ignored.
    - A salvage still pending (``.salvage-pending``) is done: the unsent records of the
      moved-aside file are copied back (``core.salvage``).

    Returns the ``SalvageResult`` when a salvage ran, else None.
    """
    db_path = Path(db_path)
    partial = db_path.with_name(db_path.name + ".restoring")
    if partial.is_file() and not _present(db_path):
        try:
            problems = check_file(partial)
        except StorageError as exc:
            problems = [exc.code]
        if problems:
            log.warning("an interrupted restore left an unusable copy; it is ignored")
        else:
            aside = _newest_aside(db_path) or db_path.with_name(
                f"{db_path.name}.damaged-{_stamp()}"
            )
            for suffix in ("-wal", "-shm"):
                stray = Path(f"{db_path}{suffix}")
                if stray.exists():
                    target = Path(f"{aside}{suffix}")
                    if target.exists():
                        target = Path(f"{aside}.stray{suffix}")
                    os.replace(stray, target)
            with contextlib.suppress(FileNotFoundError):
                db_path.unlink()  # an empty file (nothing in it)
            if not _salvage_marker(db_path).exists() and aside.exists():
                _write_durably(_salvage_marker(db_path), aside.name)
            os.replace(partial, db_path)
            _fsync_dir(db_path.parent)
            log.warning("an interrupted restore was finished")
    return run_pending_salvage(db_path)


def run_pending_salvage(db_path: Path | str):
    """Copy back the unsent records a restore left to salvage (``.salvage-pending``), then
    drop the marker. Returns the ``SalvageResult``, or None when nothing was pending."""
    from hai_desktop.core.salvage import SalvageResult, salvage_unsent

    db_path = Path(db_path)
    marker = _salvage_marker(db_path)
    if not marker.exists() or not _present(db_path):
        return None
    try:
        name = marker.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeError):
        name = ""
    source = db_path.with_name(name) if name and "/" not in name and "\\" not in name else None
    result = salvage_unsent(source, db_path) if source is not None else SalvageResult()
    marker.unlink(missing_ok=True)
    _fsync_dir(db_path.parent)
    return result


def raise_if_missing(db_path: Path | str, backups_dir: Path | str) -> None:
    """``DatabaseMissing`` when there is no database at ``db_path`` but the profile has
    backups (or a file a restore moved aside): a new empty database would hide the loss.
    A truly fresh profile (neither) passes."""
    db_path = Path(db_path)
    if _present(db_path):
        return
    names = [p.name for p in list_backups(backups_dir)]
    if names or _asides(db_path):
        raise DatabaseMissing(
            "database file is missing but backups exist", path=db_path, backups=names
        )


def restore_with_salvage(backup: Path | str, db_path: Path | str):
    """``restore_backup``, then copy back the unsent records still readable in the file
    moved aside. Returns ``(aside, SalvageResult)``."""
    from hai_desktop.core.salvage import SalvageResult

    aside = restore_backup(backup, db_path)
    result = run_pending_salvage(db_path)
    return aside, result if result is not None else SalvageResult()
