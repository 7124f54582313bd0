"""Backups: online backup, rotation, throttling; a corrupted database is refused and kept."""

from __future__ import annotations

import os
import time

import pytest

from hai_desktop.core import backups, inquiries
from hai_desktop.core.db.database import DatabaseError, open_database
from hai_desktop.core.inquiries import InquiryInput


def _save(question: str):
    return inquiries.save_inquiry(
        InquiryInput(
            channel="telepon",
            department="PA",
            visitor_name="Ani",
            question=question,
            answer="Dijawab.",
            outcome="answered",
        )
    )


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
