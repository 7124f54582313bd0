"""Storage errors, classified by SQLite's result code (and errno for plain file work).

A healthy database that is only locked, on a full disk or in a read-only folder is not
damaged, and following the damage advice (restore a backup) would lose records. So every
SQLite or file error the desk's storage meets is turned into one of a small set of typed
errors, each with a stable ``code`` and its own way out (``hai_desktop.storage_words`` holds
the words; core speaks in codes):

==================  ===============================  ===========================================
class               SQLite result code / errno       way out
==================  ===============================  ===========================================
DatabaseLocked      BUSY, LOCKED                     name the likely holder, retry
DiskFull            FULL, ENOSPC, EDQUOT             say how much space is needed, keep unsaved
                                                     data in memory, retry
StorageReadOnly     READONLY, CANTOPEN, EROFS,       say where and why
                    EACCES, EPERM
StorageIOError      IOERR (other), EIO               retry; the disk or network share misbehaves
DatabaseDamaged     CORRUPT, NOTADB, failed check    offer the newest good backup
DatabaseMissing     (file gone, backups present)     offer the newest good backup
DatabaseTooNew      (newer schema version)           update HAI Desk
==================  ===============================  ===========================================

Only ``DatabaseDamaged`` counts as damage.
"""

from __future__ import annotations

import errno
import os
import shutil
import sys
from pathlib import Path

from hai_desktop.core.errors import HaiError

# SQLite primary result codes (sqlite3.h).
SQLITE_BUSY, SQLITE_LOCKED = 5, 6
SQLITE_READONLY, SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL = 8, 10, 11, 13
SQLITE_CANTOPEN, SQLITE_NOTADB = 14, 26

# What a write needs free at the least: SQLite's WAL grows by whole pages, a checkpoint
# and the next backup need room too. Said to the user as "at least this much".
MIN_FREE_BYTES = 64 * 1024 * 1024


class StorageError(HaiError):
    """A storage problem shown to the user in words (``code`` names it)."""

    code = "storage"

    def __init__(self, detail: str = "", *, path: Path | str | None = None) -> None:
        super().__init__(detail or self.code)
        self.detail = detail
        self.path = Path(path) if path is not None else None


class DatabaseLocked(StorageError):
    """Another program holds the database file (``holders``: names of likely programs)."""

    code = "db_locked"

    def __init__(self, detail: str = "", *, path=None, holders: list[str] | None = None):
        super().__init__(detail, path=path)
        self.holders = list(holders or [])


class DiskFull(StorageError):
    """No room left where the desk writes (``needed_bytes``, ``free_bytes``)."""

    code = "disk_full"

    def __init__(self, detail: str = "", *, path=None, needed_bytes: int = 0, free_bytes=None):
        super().__init__(detail, path=path)
        self.needed_bytes = max(int(needed_bytes), MIN_FREE_BYTES)
        self.free_bytes = free_bytes if free_bytes is not None else free_space(self.path)


class StorageReadOnly(StorageError):
    """The desk may not write where it must. ``reason``: ``read_only_fs`` (a read-only
    drive or mount), ``permission`` (no write permission on the folder or file)."""

    code = "db_read_only"

    def __init__(self, detail: str = "", *, path=None, reason: str = "permission"):
        super().__init__(detail, path=path)
        self.reason = reason


class StorageIOError(StorageError):
    """The disk (or network share) failed a read or write: not damage, retry later."""

    code = "db_io_error"


class DatabaseDamaged(StorageError):
    """The file is damaged (CORRUPT/NOTADB or a failed quick_check/integrity_check)."""

    code = "db_damaged"

    def __init__(self, detail: str = "", *, path=None, problems: list[str] | None = None):
        super().__init__(detail, path=path)
        self.problems = list(problems or [])


class DatabaseTooNew(StorageError):
    """The file was written by a newer HAI Desk. It is not damaged: the user updates the
    app; a backup must never be restored over it."""

    code = "db_too_new"


class DatabaseMissing(StorageError):
    """The database file is gone while the profile has backups (or a file a restore moved
    aside): a new empty database would hide that, so none is made. ``backups``: the names
    of the backups, newest first."""

    code = "db_missing"

    def __init__(self, detail: str = "", *, path=None, backups: list[str] | None = None):
        super().__init__(detail, path=path)
        self.backups = list(backups or [])


def free_space(path: Path | str | None) -> int | None:
    """Free bytes on the volume holding ``path`` (its nearest existing parent), or None."""
    if path is None:
        return None
    p = Path(path)
    while not p.exists() and p.parent != p:
        p = p.parent
    try:
        return shutil.disk_usage(p).free
    except OSError:
        return None


def sqlite_code(exc: BaseException) -> int | None:
    """The SQLite result code behind ``exc`` (peewee wraps sqlite3's exceptions)."""
    seen: set[int] = set()
    todo: list[object] = [exc]
    while todo:
        item = todo.pop()
        if not isinstance(item, BaseException) or id(item) in seen:
            continue
        seen.add(id(item))
        code = getattr(item, "sqlite_errorcode", None)
        if isinstance(code, int):
            return code
        todo += [item.__cause__, item.__context__, *item.args]
    return None


def _writable_reason(path: Path) -> str:
    """Why the desk cannot write at ``path``: a read-only mount, or permissions."""
    folder = path if path.is_dir() else path.parent
    while not folder.exists() and folder.parent != folder:
        folder = folder.parent
    if hasattr(os, "statvfs"):
        try:
            if os.statvfs(folder).f_flag & os.ST_RDONLY:
                return "read_only_fs"
        except OSError:
            pass
    return "permission"


def holders_of(path: Path | str) -> list[str]:
    """Names of the other processes that have ``path`` open (Linux /proc; [] elsewhere)."""
    target = Path(path)
    try:
        wanted = {
            os.stat(target).st_ino,
            *(
                os.stat(f"{target}{s}").st_ino
                for s in ("-wal", "-shm")
                if Path(f"{target}{s}").exists()
            ),
        }
        device = os.stat(target).st_dev
    except OSError:
        return []
    proc = Path("/proc")
    if not sys.platform.startswith("linux") or not proc.is_dir():
        return []
    names: list[str] = []
    for entry in proc.iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            for fd in (entry / "fd").iterdir():
                st = os.stat(fd)
                if st.st_dev == device and st.st_ino in wanted:
                    name = (entry / "comm").read_text().strip()
                    names.append(f"{name} (PID {entry.name})")
                    break
        except OSError:
            continue
    return names


def classify(exc: BaseException, path: Path | str | None = None) -> StorageError | None:
    """The typed storage error for ``exc`` (a sqlite3/peewee error or an OSError), or None
    when it is none of the storage kinds (a constraint, a bug: let it through)."""
    if isinstance(exc, StorageError):
        return exc
    detail = str(exc)
    if isinstance(exc, OSError) and sqlite_code(exc) is None:
        # The place the caller names (a folder) before the file the OS names: a write
        # probe's or temporary file's name says nothing to the user.
        where = path if path is not None else exc.filename
        if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
            return DiskFull(detail, path=where)
        if exc.errno == errno.EROFS:
            return StorageReadOnly(detail, path=where, reason="read_only_fs")
        if exc.errno in (errno.EACCES, errno.EPERM):
            return StorageReadOnly(detail, path=where, reason=_writable_reason(Path(where or ".")))
        if exc.errno == errno.EIO:
            return StorageIOError(detail, path=where)
        return None
    code = sqlite_code(exc)
    if code is None:
        return None
    primary = code & 0xFF
    if primary in (SQLITE_BUSY, SQLITE_LOCKED):
        return DatabaseLocked(detail, path=path, holders=holders_of(path) if path else [])
    if primary == SQLITE_FULL:
        return DiskFull(detail, path=path)
    if primary in (SQLITE_READONLY, SQLITE_CANTOPEN):
        where = Path(path) if path is not None else Path(".")
        return StorageReadOnly(detail, path=path, reason=_writable_reason(where))
    if primary == SQLITE_IOERR:
        # SQLite reports some ENOSPC writes as IOERR_WRITE: a nearly full volume is "full".
        free = free_space(path)
        if free is not None and free < MIN_FREE_BYTES:
            return DiskFull(detail, path=path, free_bytes=free)
        return StorageIOError(detail, path=path)
    if primary in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return DatabaseDamaged(detail, path=path, problems=[detail])
    return None


def reraise_classified(exc: BaseException, path: Path | str | None = None) -> None:
    """Raise the typed error for ``exc`` (chained) if it is a storage kind; else return."""
    typed = classify(exc, path)
    if typed is not None and typed is not exc:
        raise typed from exc
