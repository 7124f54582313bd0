"""Automatic rotated backups of the desk database, and restoring one.

A backup is a page copy (SQLite's online backup API) from a read-only connection of its
own that holds one read transaction throughout (one consistent WAL snapshot; writers are
never blocked), then gzip-compressed under a temporary name and renamed, so a half-written
backup never looks complete. It runs on a thread of its own at a lower CPU priority and
pauses between steps, so a save made meanwhile keeps its speed (issue 7.5: the former
``VACUUM INTO`` rebuilt every index and kept both cores and the disk busy). Free pages
are copied as they are (the migrations that free many pages VACUUM the database).
Rotation keeps at most ``keep`` backups whose total size is at most ``MAX_TOTAL_FACTOR``
times the database (the newest is always kept): backups never fill the disk the records
need.

Restoring never overwrites or deletes the damaged database: it is moved aside as
``<name>.damaged-<timestamp>`` together with its ``-wal``/``-shm`` and kept for IT staff.
The unsent records still readable in it are then copied back (``core.salvage``). A restore
cut short (power cut between the renames) is finished at the next open
(``restore_finish``), and a database file that is missing while backups exist
is never replaced by a new empty one (``raise_if_missing``: ``DatabaseMissing``).
"""

from __future__ import annotations

import contextlib
import gzip
import logging
import os
import shutil
import sqlite3
import sys
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

import peewee

from hai_desktop.core.db import database
from hai_desktop.core.db.database import CheckCancelled  # noqa: F401  (re-exported)
from hai_desktop.core.db.errors import (
    DatabaseDamaged,
    StorageError,
    reraise_classified,
)

log = logging.getLogger(__name__)

PREFIX = "hai-desk-"
SUFFIX = ".sqlite3"
GZ_SUFFIX = ".sqlite3.gz"
DEFAULT_KEEP = 10
DEFAULT_INTERVAL_S = 3600
# All backups together take at most this many times the database's size.
MAX_TOTAL_FACTOR = 2.0
# zlib level 3: about 4x smaller for the desk's text at several times the speed of level 9.
COMPRESS_LEVEL = 3
# The backup's pace: pages copied (and 1 MiB chunks compressed) per step, the pause after
# each step, and how much nicer than the app its thread runs (Linux: per thread; 19 at most).
STEP_PAGES = 1024
STEP_PAUSE_S = 0.002
BACKGROUND_NICE = 10


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")


def _db_path(db: peewee.Database | sqlite3.Connection | Path | str) -> Path:
    if isinstance(db, (str, Path)):
        return Path(db)
    if isinstance(db, sqlite3.Connection):
        return Path(db.execute("PRAGMA database_list").fetchone()[2])
    return Path(db.database)


def list_backups(backups_dir: Path | str) -> list[Path]:
    """The complete backups in ``backups_dir`` (plain or compressed), newest first."""
    folder = Path(backups_dir)
    if not folder.is_dir():
        return []
    found = [
        p
        for pattern in (f"{PREFIX}*{SUFFIX}", f"{PREFIX}*{GZ_SUFFIX}")
        for p in folder.glob(pattern)
        if p.is_file()
    ]
    # The name holds a sortable UTC timestamp; mtime breaks ties of copied files.
    return sorted(found, key=lambda p: (_stem(p), p.stat().st_mtime), reverse=True)


def _stem(path: Path) -> str:
    return path.name.removesuffix(".gz")


def newest_backup(backups_dir: Path | str) -> Path | None:
    """The newest backup, or None."""
    backups = list_backups(backups_dir)
    return backups[0] if backups else None


@contextlib.contextmanager
def open_backup(path: Path | str):
    """A backup's SQLite bytes for reading (decompressed when it is a ``.gz``)."""
    path = Path(path)
    fh: IO[bytes] = gzip.open(path, "rb") if path.name.endswith(".gz") else open(path, "rb")
    try:
        yield fh
    finally:
        fh.close()


def make_backup(
    db: peewee.Database | sqlite3.Connection | Path | str,
    backups_dir: Path | str,
    keep: int = DEFAULT_KEEP,
    *,
    compress: bool = True,
) -> Path:
    """Back up the database into ``backups_dir`` and rotate (see the module docstring).

    Runs on any thread: it reads through a read-only connection of its own. A full disk
    raises ``DiskFull`` and leaves no partial file behind.
    """
    folder = Path(backups_dir)
    source = _db_path(db)
    stamp = _stamp()
    snapshot = folder / f".{PREFIX}{stamp}{SUFFIX}.partial"
    target = folder / f"{PREFIX}{stamp}{GZ_SUFFIX if compress else SUFFIX}"
    partial = target.with_name(target.name + ".partial")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _private_dir(folder)

        def copy() -> None:  # one lower-priority thread for both steps
            _snapshot(source, snapshot)
            if compress:
                _compress(snapshot, partial)  # fsyncs what it keeps
            else:
                _fsync_file(snapshot)  # the uncompressed copy is what is kept
                os.replace(snapshot, partial)

        _in_background(copy)
        if compress:
            snapshot.unlink()
        os.chmod(partial, 0o600)
        os.replace(partial, target)
        _fsync_dir(folder)  # the rename itself survives a power cut
    except (OSError, sqlite3.Error) as exc:
        for leftover in (snapshot, partial):
            with contextlib.suppress(OSError):
                leftover.unlink()
        reraise_classified(exc, folder)
        raise
    _rotate(folder, keep, _db_size(source))
    log.info("backup made (%d bytes)", target.stat().st_size)
    return target


def _in_background(work: Callable[[], None]) -> None:
    """Run ``work`` on a short-lived thread at a lower CPU priority (a pool thread made nicer
    could never be made normal again) and wait for it; its exception is raised here."""
    failure: list[BaseException] = []

    def run() -> None:
        if sys.platform.startswith("linux"):
            with contextlib.suppress(OSError):
                # Linux only: PRIO_PROCESS with a thread id sets that thread's nice value
                # (elsewhere the id would name a process).
                me = threading.get_native_id()
                nice = os.getpriority(os.PRIO_PROCESS, me) + BACKGROUND_NICE
                os.setpriority(os.PRIO_PROCESS, me, min(19, nice))
        try:
            work()
        except BaseException as exc:  # noqa: BLE001 - re-raised on the caller's thread
            failure.append(exc)

    worker = threading.Thread(target=run, name="hai-backup", daemon=True)
    worker.start()
    worker.join()
    if failure:
        raise failure[0]


def _snapshot(source: Path, target: Path) -> None:
    """Copy the database's pages into ``target``, a few at a time with pauses. The source
    connection's read transaction stays open across the steps, so the copy is one snapshot
    (SQLite restarts a backup only when its source connection sees a newer one)."""
    src = sqlite3.connect(
        database._ro_uri(source), uri=True, timeout=database.OPEN_TIMEOUT_S, isolation_level=None
    )
    try:
        src.execute("BEGIN")
        src.execute("SELECT count(*) FROM sqlite_master").fetchone()
        dst = sqlite3.connect(target, isolation_level=None)
        try:
            dst.execute("PRAGMA journal_mode=OFF")
            dst.execute("PRAGMA synchronous=OFF")
            src.backup(dst, pages=STEP_PAGES, progress=lambda *_: _pause())
        finally:
            dst.close()
        src.execute("COMMIT")
    finally:
        src.close()


def _fsync_file(path: Path) -> None:
    with open(path, "rb") as fh:
        os.fsync(fh.fileno())


def _pause() -> None:
    """Between two steps of a backup: the app's writer gets the disk and a core."""
    time.sleep(STEP_PAUSE_S)


def _compress(source: Path, target: Path) -> None:
    with open(source, "rb") as src, open(target, "wb") as raw:
        with gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=COMPRESS_LEVEL, mtime=0) as gz:
            while chunk := src.read(1024 * 1024):
                gz.write(chunk)
                _pause()
        raw.flush()
        os.fsync(raw.fileno())


def _db_size(path: Path) -> int:
    return sum(
        Path(f"{path}{s}").stat().st_size for s in ("", "-wal") if Path(f"{path}{s}").exists()
    )


def _private_dir(folder: Path) -> None:
    if os.name == "posix":
        with contextlib.suppress(OSError):
            os.chmod(folder, 0o700)


def _rotate(folder: Path, keep: int, db_size: int | None = None) -> None:
    """Keep the newest ``keep`` backups, and (given ``db_size``) no more than
    ``MAX_TOTAL_FACTOR * db_size`` bytes of them; the newest always stays."""
    found = list_backups(folder)
    budget = None if not db_size else MAX_TOTAL_FACTOR * db_size
    total = 0
    for index, backup in enumerate(found):
        size = backup.stat().st_size
        over_budget = budget is not None and index > 0 and total + size > budget
        if index >= max(1, keep) or over_budget:
            with contextlib.suppress(OSError):
                backup.unlink()
            continue
        total += size
    for pattern in (f"{PREFIX}*.partial", f".{PREFIX}*.partial"):
        for stale in folder.glob(pattern):
            # A crash mid-backup leaves one of these; they are never complete.
            with contextlib.suppress(OSError):
                if time.time() - stale.stat().st_mtime > 3600:
                    stale.unlink()


def backups_total_bytes(backups_dir: Path | str) -> int:
    """Bytes taken by the complete backups in ``backups_dir``."""
    return sum(p.stat().st_size for p in list_backups(backups_dir))


def maybe_backup(
    db: peewee.Database | sqlite3.Connection | Path | str,
    backups_dir: Path | str,
    keep: int = DEFAULT_KEEP,
    min_interval_s: float = DEFAULT_INTERVAL_S,
) -> Path | None:
    """Make a backup unless the newest one is younger than ``min_interval_s``."""
    newest = newest_backup(backups_dir)
    if newest is not None and time.time() - newest.stat().st_mtime < min_interval_s:
        return None
    return make_backup(db, backups_dir, keep)


class NotDamaged(StorageError):
    """``restore_backup`` refused: the current database is readable (not damaged)."""

    code = "db_not_damaged"


def check_file(path: Path | str, should_stop: Callable[[], bool] | None = None) -> list[str]:
    """``PRAGMA quick_check`` of a database file opened read-only: [] when sound.

    See ``database.check_file``: a locked or unreadable file raises its typed error. A
    compressed backup is checked through a decompressed temporary copy.
    """
    path = Path(path)
    if not path.name.endswith(".gz"):
        return database.check_file(path, should_stop)
    plain = path.with_name(f".{path.name}.{os.getpid()}.check")
    try:
        try:
            _copy_durably(path, plain, fsync=False)
        except (gzip.BadGzipFile, EOFError) as exc:
            return [f"compressed backup is damaged: {exc}"]
        except OSError as exc:
            reraise_classified(exc, path.parent)
            raise
        return database.check_file(plain, should_stop)
    finally:
        with contextlib.suppress(OSError):
            plain.unlink()


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return  # Windows has no directory fsync; NTFS journals the rename
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _move_aside(main: Path, aside: Path) -> None:
    """Put ``main`` and its -wal/-shm under the stem ``aside`` (so they stay a pair)."""
    for suffix in ("", "-wal", "-shm"):
        src = Path(f"{main}{suffix}")
        if src.exists():
            os.replace(src, Path(f"{aside}{suffix}"))


def restore_backup(backup: Path | str, db_path: Path | str) -> Path:
    """Put ``backup`` in place of the (closed, damaged) database at ``db_path``.

    - A readable database is never moved aside: ``NotDamaged`` (and a locked one raises
      ``DatabaseLocked``) with nothing changed.
    - The backup is first copied next to its final place (temp file + fsync), so a full
      disk fails with ``DiskFull`` before anything is renamed.
    - Only then the damaged file, its ``-wal`` and ``-shm`` move together under one stem
      (``<name>.damaged-<stamp>``, ``…-wal``, ``…-shm``: still a pair SQLite can open),
      and the copy is renamed into place.

    Returns the path the damaged file was moved to (``db_path`` if there was none).
    Raises ``DatabaseDamaged`` if the backup is itself damaged (nothing is changed then).
    """
    backup, db_path = Path(backup), Path(db_path)
    if db_path.exists() and db_path.stat().st_size > 0 and not check_file(db_path):
        raise NotDamaged("the database is readable; it is not replaced", path=db_path)
    partial = db_path.with_name(db_path.name + ".restoring")
    try:
        _copy_durably(backup, partial)
        problems = check_file(partial)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            partial.unlink()
        if isinstance(exc, (OSError, EOFError)) and not isinstance(exc, gzip.BadGzipFile):
            reraise_classified(exc, db_path.parent)
        if isinstance(exc, (gzip.BadGzipFile, EOFError)):
            raise DatabaseDamaged(f"backup file is damaged: {exc}", path=backup) from exc
        raise
    if problems:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise DatabaseDamaged(
            "backup file is damaged: " + "; ".join(problems[:3]), path=backup, problems=problems
        )
    aside = db_path
    if any(Path(f"{db_path}{s}").exists() for s in ("", "-wal", "-shm")):
        aside = db_path.with_name(f"{db_path.name}.damaged-{_stamp()}")
        _move_aside(db_path, aside)
    salvage_from = aside if aside != db_path else _newest_aside(db_path)
    if salvage_from is not None:
        # Survives a power cut after the rename below: the next open salvages then.
        _write_durably(_salvage_marker(db_path), salvage_from.name)
    os.replace(partial, db_path)
    _fsync_dir(db_path.parent)
    log.warning("database restored from a backup; the previous file was kept aside")
    return aside


def _copy_durably(source: Path, target: Path, *, fsync: bool = True) -> None:
    """Copy ``source`` (a plain or compressed backup) to ``target`` and fsync it."""
    with open_backup(source) as src, open(target, "wb") as dst:
        shutil.copyfileobj(src, dst, 1024 * 1024)
        dst.flush()
        if fsync:
            os.fsync(dst.fileno())
    with contextlib.suppress(OSError):
        os.chmod(target, 0o600)


# -- a restore cut short, a missing database, the records left in the damaged file ----------
def _salvage_marker(db_path: Path) -> Path:
    """Names the moved-aside file whose unsent records are still to be copied back."""
    return db_path.with_name(db_path.name + ".salvage-pending")


def _write_durably(path: Path, text: str) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())


def _asides(db_path: Path) -> list[Path]:
    """The main files ``restore_backup`` moved aside, newest first."""
    found = [
        p
        for p in db_path.parent.glob(f"{db_path.name}.damaged-*")
        if not p.name.endswith(("-wal", "-shm")) and p.is_file()
    ]
    return sorted(found, key=lambda p: p.name, reverse=True)


def _newest_aside(db_path: Path) -> Path | None:
    found = _asides(db_path)
    return found[0] if found else None
