"""``hai-desktop self-check``: is this desk profile healthy? (used by IT staff and the CLI)."""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from hai_desktop.core.db.errors import (
    MIN_FREE_BYTES,
    DatabaseDamaged,
    DiskFull,
    StorageError,
    free_space,
)
from hai_desktop.core.paths import ProfilePaths

log = logging.getLogger(__name__)

PROBE_BYTES = 64 * 1024

CheckResult = tuple[str, bool, str]


def _check_writable(folder: Path) -> str:
    """Write real bytes (an empty file still fits on a full disk) and fsync them."""
    folder.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=folder, prefix=".selfcheck-")
    try:
        os.write(fd, b"\0" * PROBE_BYTES)
        os.fsync(fd)
    finally:
        os.close(fd)
        os.unlink(name)
    return str(folder)


def _check_free_space(folder: Path) -> str:
    free = free_space(folder)
    if free is not None and free < MIN_FREE_BYTES:
        raise DiskFull(
            "less free space than a save and a backup need", path=folder, free_bytes=free
        )
    return f"{free // (1024 * 1024) if free is not None else '?'} MB free"


def run_self_check(paths: ProfilePaths) -> list[CheckResult]:
    """Run every check and return ``(name, ok, detail)`` for each (details hold no
    personal data). Creates the profile's database if it does not exist yet."""
    from hai_desktop.core import outbox, reference
    from hai_desktop.core.db import database
    from hai_desktop.core.profile_store import get_profile

    results: list[CheckResult] = []

    def check(name: str, fn: Callable[[], str]) -> bool:
        try:
            detail = fn()
        except StorageError as exc:  # in words: where, why, and the way out
            from hai_desktop.storage_words import describe

            # The words for the user; SQLite's own (English) findings for IT in the log.
            log.warning("self-check %s failed: %s (%s)", name, exc.code, exc.detail or "-")
            results.append((name, False, f"{exc.code}: {describe(exc).line()}"))
            return False
        except Exception as exc:  # a self-check reports every failure, whatever it is
            from hai_desktop.core.db.errors import classify

            typed = classify(exc, paths.data_dir)
            if typed is not None and typed is not exc:
                from hai_desktop.storage_words import describe

                detail = f"{typed.code}: {describe(typed).line()}"
            else:
                detail = f"{type(exc).__name__}: {exc}"
            results.append((name, False, detail))
            return False
        results.append((name, True, detail))
        return True

    if not check("data_dir", lambda: _check_writable(paths.data_dir)):
        return results
    check("disk_space", lambda: _check_free_space(paths.data_dir))
    if not check("folders", lambda: str(paths.ensure().data_dir)):
        return results
    state: dict[str, object] = {}

    def open_db() -> str:
        from hai_desktop.core import restore_finish

        # A restore cut short is finished; backups but no database: the file went missing,
        # and a new empty one would hide it (DatabaseMissing, in words).
        restore_finish.finish_interrupted_restore(paths.database)
        restore_finish.raise_if_missing(paths.database, paths.backups)
        existed = paths.database.exists()
        # Read-only check first: a damaged file is never opened for writing here.
        problems = database.check_file(paths.database) if existed else []
        if problems:
            raise DatabaseDamaged("; ".join(problems[:5]), path=paths.database, problems=problems)
        state["db"] = db = database.connect(paths.database)
        version = db.execute_sql("select sqlite_version()").fetchone()[0]
        created = "" if existed else ", created now"
        return f"{paths.database} (SQLite {version}{created})"

    if not check("database_open", open_db):
        return results
    db = state["db"]
    try:

        def quick() -> str:
            problems = database.quick_check(db)
            if problems:
                raise DatabaseDamaged(
                    "; ".join(problems[:5]), path=paths.database, problems=problems
                )
            return "ok"

        if not check("quick_check", quick):
            return results

        def migrate() -> str:
            applied = database.migrate(db)
            return (
                f"schema version {database.schema_version(db)} (applied now: {applied or 'none'})"
            )

        check("migrations", migrate)

        def pragmas() -> str:
            mode = db.execute_sql("PRAGMA journal_mode").fetchone()[0]
            sync = db.execute_sql("PRAGMA synchronous").fetchone()[0]
            fks = db.execute_sql("PRAGMA foreign_keys").fetchone()[0]
            if (mode, sync, fks) != ("wal", 2, 1):
                raise RuntimeError(f"journal_mode={mode} synchronous={sync} foreign_keys={fks}")
            return "journal_mode=wal synchronous=FULL foreign_keys=on"

        check("pragmas", pragmas)

        def fts() -> str:
            db.execute_sql("INSERT INTO inquiry_fts(inquiry_fts) VALUES ('integrity-check')")
            return "inquiry_fts consistent"

        check("full_text_index", fts)

        def ref() -> str:
            seeded = reference.seed_reference_if_empty()
            counts = {
                kind: len(reference.items(kind))
                for kind in ("departments", "channels", "applications", "offices")
            }
            empty = [k for k, n in counts.items() if n == 0]
            if empty:
                raise RuntimeError(f"empty reference lists: {', '.join(empty)}")
            source = "seeded from the bundled file" if seeded else "present"
            return f"{source}: " + ", ".join(f"{k}={n}" for k, n in counts.items())

        check("reference_data", ref)

        def prof() -> str:
            profile = get_profile()
            if profile is None:
                return "not set yet (hai-desktop profile set ...)"
            return f"office {profile.office_code}"

        check("profile", prof)
        check(
            "outbox", lambda: f"{outbox.depth()} waiting, oldest {outbox.oldest_unsent_at() or '-'}"
        )

        def backups_dir() -> str:
            from hai_desktop.core.backups import list_backups

            _check_writable(paths.backups)
            found = list_backups(paths.backups)
            newest = found[0].name if found else "none yet"
            return f"{paths.backups} ({len(found)} backups, newest: {newest})"

        check("backups_dir", backups_dir)
        check("logs_dir", lambda: _check_writable(paths.logs))
    finally:
        db.close()
    return results
