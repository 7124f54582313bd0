"""Backups: online backup, rotation, throttling; a corrupted database is refused and kept."""

from __future__ import annotations

import os
import sqlite3
import sys
import time

import pytest

from hai_desktop.core import backups, inquiries, inquiries_view
from hai_desktop.core.db.database import DatabaseError, open_database
from tests.storage_faults import save_answered as _save


def test_backup_is_a_consistent_copy(db, paths):
    _save("sebelum cadangan")
    path = backups.make_backup(db, paths.backups)
    _save("sesudah cadangan")
    assert backups.check_file(path) == []
    import sqlite3

    plain = path.with_name("plain.sqlite3")
    with backups.open_backup(path) as fh:
        plain.write_bytes(fh.read())
    conn = sqlite3.connect(plain)
    assert conn.execute("SELECT question FROM inquiry").fetchall() == [("sebelum cadangan",)]
    conn.close()
    assert backups.newest_backup(paths.backups) == path


def test_rotation_keeps_newest(db, paths):
    made = [backups.make_backup(db, paths.backups, keep=3) for _ in range(5)]
    assert backups.list_backups(paths.backups) == list(reversed(made[-3:]))


def test_maybe_backup_is_throttled(db, paths):
    first = backups.maybe_backup(db, paths.backups, min_interval_s=3600)
    assert first is not None
    assert backups.maybe_backup(db, paths.backups, min_interval_s=3600) is None
    old = time.time() - 7200
    os.utime(first, (old, old))
    assert backups.maybe_backup(db, paths.backups, min_interval_s=3600) is not None


def _corrupt(path):
    size = path.stat().st_size
    with open(path, "r+b") as fh:
        # Keep the header, overwrite the schema page and beyond with garbage.
        fh.seek(100)
        fh.write(os.urandom(min(size - 100, 8192)))


def test_corrupted_database_is_refused_then_restored(db, paths):
    saved = _save("harus kembali")
    backup = backups.make_backup(db, paths.backups)
    _save("hilang karena rusak")
    db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    _corrupt(paths.database)
    damaged_bytes = paths.database.read_bytes()

    with pytest.raises(DatabaseError):
        open_database(paths.database)
    assert paths.database.read_bytes() == damaged_bytes  # never modified

    aside = backups.restore_backup(backups.newest_backup(paths.backups), paths.database)
    assert aside.name.startswith(paths.database.name + ".damaged-")
    assert aside.read_bytes() == damaged_bytes  # kept, not deleted
    assert backup.exists()

    reopened = open_database(paths.database)
    assert inquiries.get_inquiry(saved.id).question == "harus kembali"
    reopened.close()


def test_garbage_file_is_refused(paths):
    paths.database.write_bytes(b"this is not a database" * 100)
    with pytest.raises(DatabaseError):
        open_database(paths.database)
    assert paths.database.read_bytes() == b"this is not a database" * 100


def test_damaged_backup_is_not_restored(db, paths):
    bad = paths.backups / "hai-desk-20990101-000000-000000.sqlite3"
    bad.write_bytes(b"garbage" * 1000)
    db.close()
    before = paths.database.read_bytes()
    with pytest.raises(DatabaseError):
        backups.restore_backup(bad, paths.database)
    assert paths.database.read_bytes() == before


def test_fast_check_for_big_files(db, paths, monkeypatch):
    from hai_desktop.core.db import database

    _save("besar")
    db.close()
    monkeypatch.setattr(database, "FULL_CHECK_MAX_BYTES", 0)
    reopened = open_database(paths.database)
    assert reopened.deep_check_pending is True
    assert database.quick_check(reopened) == []  # what the caller runs in the background
    reopened.close()
    _corrupt(paths.database)
    with pytest.raises(DatabaseError):
        open_database(paths.database, check="fast")


def test_backup_is_compressed_and_restorable(db, paths):
    for i in range(40):
        _save(f"pertanyaan tentang pencairan dana nomor {i} " * 20)
    db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    path = backups.make_backup(db, paths.backups)
    assert path.name.endswith(".sqlite3.gz")
    assert path.stat().st_size < paths.database.stat().st_size / 3
    assert not list(paths.backups.glob("*.partial")) and not list(paths.backups.glob(".*"))
    db.close()
    _corrupt(paths.database)
    backups.restore_backup(path, paths.database)
    reopened = open_database(paths.database)
    assert inquiries_view.count_inquiries() == 40
    reopened.close()


def test_rotation_is_bounded_by_total_size(db, paths, monkeypatch):
    _save("isi " * 2000)
    size = backups.make_backup(db, paths.backups).stat().st_size
    # A budget of 2.5 backups: however many are kept by count, the total stays under it.
    db_size = backups._db_size(paths.database)
    monkeypatch.setattr(backups, "MAX_TOTAL_FACTOR", 2.5 * size / db_size)
    made = [backups.make_backup(db, paths.backups, keep=10) for _ in range(5)]
    kept = backups.list_backups(paths.backups)
    assert kept[0] == made[-1] and 1 < len(kept) <= 3
    assert backups.backups_total_bytes(paths.backups) <= backups.MAX_TOTAL_FACTOR * db_size


def test_save_during_a_running_backup(db, paths, monkeypatch):
    """The backup's snapshot holds a read transaction across its steps; a save meanwhile
    commits at once, and the backup is still one consistent snapshot."""
    import threading

    _save("sebelum")
    started, saved = threading.Event(), threading.Event()
    pauses = []

    def pause() -> None:
        pauses.append(threading.current_thread().name)
        if sys.platform.startswith("linux"):  # the backup's own thread runs nicer
            nice = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
            app = os.getpriority(os.PRIO_PROCESS, os.getpid())  # the main thread
            assert nice == min(19, app + backups.BACKGROUND_NICE), (nice, app)
        if not started.is_set():  # after the first page of the copy
            started.set()
            saved.wait(10)

    monkeypatch.setattr(backups, "STEP_PAGES", 1)
    monkeypatch.setattr(backups, "_pause", pause)
    result: list = []
    worker = threading.Thread(target=lambda: result.append(backups.make_backup(db, paths.backups)))
    worker.start()
    assert started.wait(10)
    t = time.perf_counter()
    _save("selama cadangan")  # would raise "database is locked" if the backup blocked it
    elapsed = time.perf_counter() - t
    saved.set()
    worker.join(20)
    assert elapsed < 2.0 and result and backups.check_file(result[0]) == []
    assert inquiries_view.count_inquiries() == 2
    assert set(pauses) == {"hai-backup"} and len(pauses) > 2
    # The backup is the snapshot from before the save: one inquiry.
    restored = paths.database.with_name("restored.sqlite3")
    backups._copy_durably(result[0], restored)
    conn = sqlite3.connect(restored)
    assert conn.execute("SELECT COUNT(*) FROM inquiry").fetchone()[0] == 1
    conn.close()
