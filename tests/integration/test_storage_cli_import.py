"""Tester's trial of issue 7, point 2 and the minor points: ``import`` on a full disk and on a
read-only mount ends with the Indonesian words and exit 1 (no traceback, nothing
half-imported); every command keeps its log lines off the terminal; each message shows its
title once and the command line's own way out."""

from __future__ import annotations

import sqlite3
import subprocess
from datetime import datetime
from pathlib import Path

import pytest

from hai_desktop import cli
from hai_desktop.core import logbook_import, profile_store, reference
from hai_desktop.core.db import database
from hai_desktop.core.db.errors import DiskFull
from hai_desktop.core.paths import ProfilePaths
from tests.integration.test_sync_cli import run_cli
from tests.logbook_data import write_logbook
from tests.storage_faults import fill, read_only_mount, small_tmpfs


def _desk(data_dir: Path) -> ProfilePaths:
    paths = ProfilePaths.for_dir(data_dir).ensure()
    db = database.open_database(paths.database)
    reference.seed_reference_if_empty()
    profile_store.set_profile("Budi Santoso", "budi.santoso@kemenkeu.go.id", "KPPN-BANDA-ACEH")
    db.close()
    return paths


def _count(path: Path, table: str) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


def _clean_failure(done, title: str) -> None:
    """Exit 1, the title once, no traceback, no English log line, no "screen" wording."""
    out = done.stdout + done.stderr
    assert done.returncode == 1, out
    assert "Traceback" not in out
    assert "command failed" not in out
    assert out.count(title) == 1, out
    assert "layar" not in out
    assert "jalankan perintah ini lagi" in out


def test_apply_on_a_full_disk_raises_disk_full_and_writes_nothing(tmp_path):
    logbook = write_logbook(tmp_path / "big.xlsx", 3000, datetime(2026, 1, 5))
    with small_tmpfs("8m") as mount:
        paths = _desk(mount / "desk")
        db = database.open_database(paths.database)
        # A small page cache spills to the WAL inside the INSERTs, as a large import does
        # with the desk's 32 MB cache: the full disk is met by the raw executemany.
        db.execute_sql("PRAGMA cache_size=20")
        try:
            plan = logbook_import.plan(logbook, "KPPN-BANDA-ACEH")
            assert len(plan.new) == 3000
            fill(mount, leave_bytes=64 * 1024)
            with pytest.raises(DiskFull):
                logbook_import.apply(plan, "KPPN-BANDA-ACEH")
            # The connection is still usable and nothing of the import is in it.
            assert db.execute_sql("SELECT count(*) FROM inquiry").fetchone()[0] == 0
            assert db.execute_sql("SELECT count(*) FROM outbox").fetchone()[0] == 0
        finally:
            db.close()
        assert _count(paths.database, "inquiry") == 0


def test_cli_import_on_a_full_disk_says_disk_full(tmp_path, monkeypatch, capsys):
    logbook = write_logbook(tmp_path / "big.xlsx", 3000, datetime(2026, 1, 5))
    with small_tmpfs("8m") as mount:
        paths = _desk(mount / "desk")
        filler = fill(mount, leave_bytes=64 * 1024)
        with monkeypatch.context() as m:  # spill inside the INSERTs (see above)
            m.setitem(database.PRAGMAS, "cache_size", 20)
            code = cli.main(["import", str(logbook), "--data-dir", str(paths.data_dir)])
        done = subprocess.CompletedProcess([], code, *capsys.readouterr())
        _clean_failure(done, "Disk penuh")
        assert "Data yang sudah tersimpan tetap utuh" in done.stderr
        filler.unlink()
        assert _count(paths.database, "inquiry") == 0
        assert _count(paths.database, "outbox") == 0
        done = run_cli("import", str(logbook), "--data-dir", str(paths.data_dir))
        assert done.returncode == 0, done.stdout + done.stderr
        assert "Diimpor 3000" in done.stdout


def test_cli_import_on_a_read_only_mount_with_wal_files(tmp_path):
    logbook = write_logbook(tmp_path / "log.xlsx", 50, datetime(2026, 1, 5))
    folder = tmp_path / "desk"
    paths = _desk(folder)
    # Another connection keeps -wal/-shm in place, as the tester's read-only bind mount had.
    keeper = sqlite3.connect(paths.database)
    keeper.execute("SELECT count(*) FROM inquiry").fetchone()
    try:
        assert Path(f"{paths.database}-shm").exists()
        before = paths.database.read_bytes()
        with read_only_mount(folder):
            done = run_cli("import", str(logbook), "--data-dir", str(folder))
        _clean_failure(done, "Folder data hanya-baca")
        assert paths.database.read_bytes() == before
    finally:
        keeper.close()
    assert _count(paths.database, "inquiry") == 0


def test_self_check_on_a_read_only_folder_names_the_folder(tmp_path):
    folder = tmp_path / "desk"
    _desk(folder)
    with read_only_mount(folder):
        done = run_cli("self-check", "--data-dir", str(folder))
    assert done.returncode == 1
    assert "Folder data hanya-baca" in done.stdout
    assert f"menulis di {folder}:" in done.stdout
    assert ".selfcheck-" not in done.stdout and ".write-probe-" not in done.stdout
    assert "layar" not in done.stdout


def _damaged_desk(tmp_path: Path) -> ProfilePaths:
    paths = _desk(tmp_path / "desk")
    with open(paths.database, "r+b") as fh:  # the header: not a database any more
        fh.write(b"\xff" * 100)
    return paths


@pytest.mark.parametrize(
    "argv",
    [
        ("import", "LOGBOOK"),
        ("kb", "search", "SP2D"),
        ("profile", "show"),
        ("tickets",),
        ("export", "--month", "2026-11", "--format", "csv", "--out", "OUT"),
    ],
    ids=lambda a: a[0],
)
def test_every_command_logs_to_its_file_not_the_terminal(tmp_path, argv):
    paths = _damaged_desk(tmp_path)
    logbook = write_logbook(tmp_path / "log.xlsx", 5, datetime(2026, 1, 5))
    subst = {"LOGBOOK": str(logbook), "OUT": str(tmp_path / "out.csv")}
    done = run_cli(*(subst.get(a, a) for a in argv), "--data-dir", str(paths.data_dir))
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    assert "command failed" not in done.stderr  # the English log line went to the file
    assert done.stderr.count("Basis data rusak") == 1, done.stderr
    log = (paths.logs / "hai-desk.log").read_text()
    assert "command failed on storage: db_damaged" in log


def test_a_command_on_a_missing_profile_creates_no_folder(tmp_path):
    done = run_cli("tickets", "--data-dir", str(tmp_path / "none"))
    assert done.returncode == 2
    assert "Belum ada profil desk" in done.stderr
    assert not (tmp_path / "none").exists()


def test_self_check_says_damage_in_words(tmp_path):
    paths = _damaged_desk(tmp_path)
    done = run_cli("self-check", "--data-dir", str(paths.data_dir))
    assert done.returncode == 1
    line = next(x for x in done.stdout.splitlines() if "database_open" in x)
    assert line.startswith("[GAGAL] database_open: db_damaged: Basis data rusak: ")
    assert "memulihkan cadangan terbaru" in line
    assert "RuntimeError" not in done.stdout and "malformed" not in done.stdout
    log = (paths.logs / "hai-desk.log").read_text()
    assert "self-check database_open failed: db_damaged" in log  # SQLite's words, for IT


def test_self_check_says_a_missing_database_with_backups_in_words(tmp_path):
    from hai_desktop.core import backups

    paths = _desk(tmp_path / "desk")
    backups.make_backup(paths.database, paths.backups)
    paths.database.unlink()
    done = run_cli("self-check", "--data-dir", str(paths.data_dir))
    assert done.returncode == 1
    line = next(x for x in done.stdout.splitlines() if "database_open" in x)
    assert line.startswith("[GAGAL] database_open: db_missing: Basis data tidak ditemukan: ")
    assert "memulihkan cadangan terbaru" in line and "RuntimeError" not in done.stdout
    assert not paths.database.exists()  # no new empty desk over the loss


def test_an_unclassified_sqlite_error_still_ends_in_words(tmp_path, monkeypatch, capsys):
    """The safety net in ``cli.main``: a raw sqlite3 error that core let through."""
    from hai_desktop import cli_reports

    paths = _desk(tmp_path / "desk")

    def raw_write(args):
        conn = sqlite3.connect(f"file:{paths.database}?mode=ro", uri=True)
        try:
            conn.execute("DELETE FROM outbox")
        finally:
            conn.close()

    monkeypatch.setattr(cli_reports, "cmd_import", raw_write)
    code = cli.main(["import", "x.xlsx", "--data-dir", str(paths.data_dir)])
    err = capsys.readouterr().err
    assert code == cli.EXIT_FAILED
    assert err.count("Tidak ada izin menulis") + err.count("Folder data hanya-baca") == 1, err
    assert str(paths.database) in err
