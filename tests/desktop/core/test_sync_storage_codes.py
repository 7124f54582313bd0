"""The sync status says what a storage failure is ("disk full", "locked"), not a generic
"error on this PC" (issue 7, the sync indicator)."""

from __future__ import annotations

import sqlite3

from hai_desktop import cli_texts
from hai_desktop.core.db import errors as storage
from hai_desktop.core.sync import codes
from hai_desktop.core.sync.status import local_failure_code


def test_a_really_locked_database_says_locked(tmp_path):
    path = tmp_path / "x.sqlite3"
    holder = sqlite3.connect(path)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("CREATE TABLE t (x)")
    holder.execute("INSERT INTO t VALUES (1)")
    holder.commit()
    other = sqlite3.connect(path, timeout=0)
    try:
        other.execute("SELECT * FROM t")
    except sqlite3.OperationalError as exc:
        assert local_failure_code(exc) == codes.DB_LOCKED
    else:
        raise AssertionError("the exclusive lock did not hold")
    finally:
        other.close()
        holder.close()


def test_each_storage_kind_has_its_own_code():
    assert local_failure_code(storage.DiskFull("full")) == codes.DISK_FULL
    assert local_failure_code(OSError(28, "No space left on device")) == codes.DISK_FULL
    assert local_failure_code(storage.StorageReadOnly("ro")) == codes.STORAGE_READ_ONLY
    assert local_failure_code(storage.DatabaseDamaged("bad")) == codes.DB_DAMAGED
    assert local_failure_code(storage.StorageIOError("io")) == codes.STORAGE_IO
    wrapped = RuntimeError("while syncing")
    wrapped.__cause__ = storage.DatabaseLocked("locked")
    assert local_failure_code(wrapped) == codes.DB_LOCKED
    assert local_failure_code(ValueError("a bug")) == codes.LOCAL_FAILURE


def test_the_cli_words_name_the_problem():
    assert "disk penuh" in cli_texts.sync_text(codes.DISK_FULL)
    assert "dipakai program lain" in cli_texts.sync_text(codes.DB_LOCKED)
