"""Issue 7.1: storage errors are classified by SQLite result code; only damage is damage.

Real faults: a second process holding the file with ``locking_mode=EXCLUSIVE``, a small
tmpfs that is filled up, a read-only bind mount and a process without root's bypass.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from hai_desktop.core import backups, inquiries, inquiries_view, reference
from hai_desktop.core.db import database
from hai_desktop.core.db.errors import (
    DatabaseDamaged,
    DatabaseLocked,
    DiskFull,
    StorageError,
    StorageReadOnly,
)
from hai_desktop.core.paths import ProfilePaths
from hai_desktop.storage_words import describe
from tests.storage_faults import exclusive_holder, fill, read_only_mount, run_as_nobody, small_tmpfs
from tests.storage_faults import save_answered as _save


def _profile(data_dir: Path, rows: int = 3) -> ProfilePaths:
    paths = ProfilePaths.for_dir(data_dir).ensure()
    db = database.open_database(paths.database)
    reference.seed_reference_if_empty()
    for i in range(rows):
        _save(f"pertanyaan {i}")
    db.close()
    return paths


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def _count(path: Path) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT count(*) FROM inquiry").fetchone()[0]
    finally:
        conn.close()


# -- locked --------------------------------------------------------------------------------
def test_locked_database_is_locked_not_damaged(tmp_path, monkeypatch):
    monkeypatch.setattr(database, "OPEN_TIMEOUT_S", 0.2)
    paths = _profile(tmp_path / "p")
    db = database.open_database(paths.database)
    backups.make_backup(db, paths.backups)
    db.close()
    with exclusive_holder(paths.database) as holder:
        before = _files(paths.data_dir)
        with pytest.raises(DatabaseLocked) as caught:
            database.open_database(paths.database)
        assert not isinstance(caught.value, DatabaseDamaged)
        assert any(f"PID {holder.pid}" in h for h in caught.value.holders)
        # Restoring over a locked (healthy) file is refused, and nothing is moved.
        with pytest.raises(DatabaseLocked):
            backups.restore_backup(backups.newest_backup(paths.backups), paths.database)
        assert _files(paths.data_dir) == before
        words = describe(caught.value)
        assert str(holder.pid) in words.text and words.way_out
    reopened = database.open_database(paths.database)
    assert inquiries_view.count_inquiries(inquiries_view.InquiryFilter()) == 3
    reopened.close()


def test_restore_refuses_a_readable_database(paths, db):
    _save()
    backup = backups.make_backup(db, paths.backups)
    db.close()
    before = _files(paths.data_dir)
    with pytest.raises(backups.NotDamaged):
        backups.restore_backup(backup, paths.database)
    assert _files(paths.data_dir) == before


# -- disk full -----------------------------------------------------------------------------
def test_save_on_a_full_disk_says_disk_full_and_keeps_every_row():
    with small_tmpfs("6m") as mount:
        paths = _profile(mount / "p")
        db = database.open_database(paths.database)
        filler = fill(mount)
        with pytest.raises(DiskFull) as caught:
            for i in range(200):  # the WAL grows until the disk has no page left
                _save("x" * 20000 + str(i))
        assert caught.value.needed_bytes > 0 and caught.value.free_bytes is not None
        assert "cannot rollback" not in str(caught.value)
        filler.unlink()
        saved = _save("sesudah disk dikosongkan")  # retry works on the same connection
        assert inquiries.get_inquiry(saved.id).question == "sesudah disk dikosongkan"
        assert database.quick_check(db) == []
        db.close()


def test_restore_on_a_full_disk_moves_nothing():
    with small_tmpfs("8m") as mount:
        paths = _profile(mount / "p", rows=40)
        db = database.open_database(paths.database)
        backup = backups.make_backup(db, paths.backups, compress=False)
        db.close()
        _damage(paths.database)
        before = _files(paths.data_dir)
        fill(mount)
        with pytest.raises(DiskFull):
            backups.restore_backup(backup, paths.database)
        assert _files(paths.data_dir) == before  # same names, same bytes, no .restoring
        assert backup.exists()


def _damage(path: Path) -> None:
    size = path.stat().st_size
    with open(path, "r+b") as fh:
        fh.seek(100)
        fh.write(os.urandom(min(size - 100, 8192)))


# -- restore keeps the pair ----------------------------------------------------------------
WAL_WRITER = r"""
import os, sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA wal_autocheckpoint=0")
for i in range(30):
    conn.execute("INSERT INTO marker VALUES (?)", ("w" * 500,))
print("written", flush=True)
os.kill(os.getpid(), 9)  # no close: the WAL stays beside the file, as after a crash
"""


def _leave_wal(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE IF NOT EXISTS marker (x)")
    conn.commit()
    conn.close()
    proc = subprocess.run([sys.executable, "-c", WAL_WRITER, str(path)], capture_output=True)
    assert proc.returncode == -signal.SIGKILL
    assert Path(f"{path}-wal").stat().st_size > 0


def test_damaged_file_is_opened_read_only_and_its_wal_is_kept(paths, db):
    db.close()
    _leave_wal(paths.database)
    _damage(paths.database)
    wal = Path(f"{paths.database}-wal")
    main_before, wal_before = paths.database.read_bytes(), wal.read_bytes()
    with pytest.raises(DatabaseDamaged):
        database.open_database(paths.database)
    # Closing never checkpointed the WAL into the damaged file, nor deleted it.
    assert paths.database.read_bytes() == main_before
    assert wal.read_bytes() == wal_before


def test_restore_moves_main_wal_and_shm_under_one_stem(paths, db):
    backup = backups.make_backup(db, paths.backups)
    db.close()
    _leave_wal(paths.database)
    wal_bytes = Path(f"{paths.database}-wal").read_bytes()
    _damage(paths.database)
    aside = backups.restore_backup(backup, paths.database)
    assert Path(f"{aside}-wal").read_bytes() == wal_bytes  # still the pair of its main file
    assert not Path(f"{paths.database}-wal").exists()
    assert not any(p.name.endswith(".restoring") for p in paths.data_dir.iterdir())
    assert database.check_file(paths.database) == []


# -- read-only -----------------------------------------------------------------------------
def test_read_only_mount_is_read_only_not_damage(tmp_path):
    paths = _profile(tmp_path / "p")
    before = _files(paths.data_dir)
    with read_only_mount(paths.data_dir):
        with pytest.raises(StorageReadOnly) as caught:
            database.open_database(paths.database)
        assert caught.value.reason == "read_only_fs"
        with pytest.raises(StorageReadOnly):
            ProfilePaths.for_dir(paths.data_dir / "new").ensure()
        with pytest.raises(StorageReadOnly):
            paths.probe_writable()
        assert str(paths.data_dir) in describe(caught.value).text
    assert _files(paths.data_dir) == before


NO_PERMISSION = r"""
import sys
from hai_desktop.core.db import database
from hai_desktop.core.db.errors import StorageError
try:
    database.open_database(sys.argv[1])
except StorageError as exc:
    print(exc.code, getattr(exc, "reason", ""))
"""


def test_folder_without_write_permission_is_read_only_not_damage(tmp_path):
    paths = _profile(tmp_path / "p")
    for p in (tmp_path, *tmp_path.parents):
        if p != Path("/"):
            os.chmod(p, os.stat(p).st_mode | 0o055)  # nobody may walk to the profile
    for p in paths.data_dir.iterdir():
        os.chmod(p, 0o644)
    os.chmod(paths.data_dir, 0o755)  # readable, not writable for "nobody"
    try:
        done = run_as_nobody(NO_PERMISSION, str(paths.database))
    except (
        PermissionError
    ) as exc:  # the venv's interpreter lies under a folder "nobody" can't enter
        pytest.skip(f"'nobody' cannot run this interpreter here: {exc}")
    assert done.stdout.split() == ["db_read_only", "permission"], done.stderr


def test_every_typed_error_has_words():
    from hai_desktop import storage_words

    for error in (
        DatabaseLocked(path="/x"),
        DiskFull(path="/x", needed_bytes=1),
        StorageReadOnly(path="/x", reason="read_only_fs"),
        StorageReadOnly(path="/x", reason="permission"),
        DatabaseDamaged(path="/x"),
    ):
        words = describe(error)
        assert isinstance(error, StorageError)
        assert words.title and words.text and words.way_out
        assert "{" not in words.text
        assert storage_words.key_of(error) != storage_words.FALLBACK


def test_each_message_shows_its_title_once_and_the_cli_has_no_screen():
    from hai_desktop.cli import storage_failure_text
    from hai_desktop.core.db.errors import DatabaseMissing, DatabaseTooNew, StorageIOError
    from hai_desktop.storage_words import TEXTS

    for error in (
        DatabaseLocked(path="/x"),
        DiskFull(path="/x"),
        StorageReadOnly(path="/x", reason="read_only_fs"),
        StorageReadOnly(path="/x", reason="permission"),
        StorageIOError(path="/x"),
        DatabaseDamaged(path="/x"),
        DatabaseMissing(path="/x"),
        DatabaseTooNew(path="/x"),
    ):
        for screen in (False, True):
            words = describe(error, screen=screen)
            assert words.title not in words.text, words
            assert words.line().startswith(f"{words.title}: {words.text}")
        cli_text = storage_failure_text(error)
        title = describe(error).title
        assert cli_text.startswith(f"{title}: ") and f"{title}: {title}" not in cli_text
        assert "layar" not in cli_text
    assert all(not text.startswith(title) for title, text, _ in TEXTS.values())
    gui, cli = describe(DiskFull(path="/x"), screen=True), describe(DiskFull(path="/x"))
    assert "tetap ada di layar" in gui.text and "lalu coba lagi" in gui.way_out
    assert "jalankan perintah ini lagi" in cli.way_out


def test_read_only_probe_names_the_folder_not_the_probe_file(tmp_path):
    paths = _profile(tmp_path / "p")
    with read_only_mount(paths.data_dir):
        with pytest.raises(StorageReadOnly) as caught:
            paths.probe_writable()
    assert caught.value.path == paths.data_dir
    assert ".write-probe-" not in describe(caught.value).text


def test_blocked_writes_are_refused_even_for_a_cached_statement(paths, db):
    """After block_writes (a failed deep check) a save that reuses a prepared INSERT is
    refused too; the connection re-reads its authorizer on its own thread."""
    from hai_desktop.core.db.errors import DatabaseDamaged

    _save("sebelum")  # the INSERT is now in the statement cache
    db.block_writes(DatabaseDamaged("deep check failed", path=paths.database, problems=["x"]))
    with pytest.raises(DatabaseDamaged):
        _save("sesudah")
    assert inquiries_view.count_inquiries() == 1
