"""The desk's start-up flow before the main window is usable: the data folder must be
writable (explained before the single-instance lock, which needs it), then the database
opens, or the user is told why not and offered the way out that fits:

- damaged (CORRUPT/NOTADB, a failed check) → restore the newest good backup;
- missing while backups exist → the same restore offer (never a new empty desk);
- locked, disk full, read-only, I/O → say so (which program, how much space, where and
  why) and retry; nothing is moved or restored;
- written by a newer HAI Desk → update the app.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import QWidget

from hai_desktop.core.paths import ProfilePaths
from hai_desktop.gui.startup_dialogs import (
    ask_restore_backup,
    ask_retry_storage,
    tell_database_too_new,
)

log = logging.getLogger(__name__)


def ensure_data_dir(paths: ProfilePaths, parent: QWidget | None = None) -> bool:
    """The profile's folders exist and take writes; else explain (retry or quit).

    Runs before the instance lock and the log file, which both need the folder: a
    read-only or full data dir is a dialog with the reason, never a crash.
    """
    from hai_desktop.core.db.errors import StorageError

    while True:
        try:
            paths.ensure()
            paths.probe_writable()
            return True
        except StorageError as exc:
            log.error("data folder unusable: %s", exc.code)
            if not ask_retry_storage(exc, parent):
                return False


def open_database_or_offer_backup(paths: ProfilePaths, parent: QWidget | None = None):
    """Open the profile's database; on a damaged file offer the newest usable backup.

    The damaged file is never overwritten: ``restore_backup`` moves it aside first. A
    locked file, a full disk or a read-only folder is no damage: the user is told what
    happened and may retry. A database written by a newer HAI Desk is not damaged: the user is told to update the app
    and nothing is offered (restoring would move the healthy newer file aside).
    Returns the database, or None when the user chose (or had) to quit.
    """
    from hai_desktop.core.db.database import open_database
    from hai_desktop.core.db.errors import (
        DatabaseDamaged,
        DatabaseMissing,
        DatabaseTooNew,
        StorageError,
    )

    # A deep check that found problems last session asks for a full check now, so that the
    # damage leads to the restore offer below.
    check = "full" if paths.full_check_requested.exists() else "auto"
    offered: set[Path] = set()  # a restored backup that still fails is not offered again
    while True:
        try:
            db = open_database(paths.database, check=check)
        except DatabaseTooNew as exc:
            log.error("database is newer than this app: %s", exc)
            tell_database_too_new(paths, parent)
            return None
        except DatabaseMissing as exc:
            # Gone while backups exist: never a new empty desk; the same restore flow.
            log.error("database file is missing: %s", exc)
            if not ask_restore_backup(paths, parent, skip=offered, missing=True):
                return None
            continue
        except DatabaseDamaged as exc:
            log.error("database is damaged: %s", exc)
            if not ask_restore_backup(paths, parent, skip=offered):
                return None
            continue  # the restored file is opened (and checked) like any other
        except StorageError as exc:
            # Locked, full, read-only: the file is healthy. Never offer a restore here.
            log.error("database cannot be opened now (%s): %s", exc.code, exc)
            if not ask_retry_storage(exc, parent):
                return None
            continue
        if check == "full":
            paths.full_check_requested.unlink(missing_ok=True)
        return db
