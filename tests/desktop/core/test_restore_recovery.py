"""Trial bugs of issue 7: a missing database with backups never becomes a new empty desk,
a restore cut short between its renames is finished at the next open, and restoring a
backup copies back the unsent records the damaged file still holds."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from hai_desktop.core import backups, inquiries, reference, restore_finish
from hai_desktop.core.db import database
from hai_desktop.core.db.errors import DatabaseMissing
from hai_desktop.core.paths import ProfilePaths
from hai_desktop.core.selfcheck import run_self_check
from tests.storage_faults import save_answered as _save


def _profile_with_backup(paths: ProfilePaths) -> list[str]:
    db = database.open_database(paths.database)
    reference.seed_reference_if_empty()
    ids = [_save(f"sebelum cadangan {i}").id for i in range(2)]
    backups.make_backup(db, paths.backups)
    db.close()
    return ids


def _remove_database(paths: ProfilePaths) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{paths.database}{suffix}").unlink(missing_ok=True)


def test_missing_database_with_backups_is_refused_never_recreated(paths):
    _profile_with_backup(paths)
    _remove_database(paths)
    with pytest.raises(DatabaseMissing) as caught:
        database.open_database(paths.database)
    assert caught.value.backups and caught.value.backups[0].startswith("hai-desk-")
    assert not paths.database.exists()  # no new empty desk


def test_fresh_profile_still_gets_a_new_database(paths):
    db = database.open_database(paths.database)
    assert database.schema_version(db) == database.latest_version()
    db.close()


def test_self_check_fails_on_a_missing_database_with_backups(paths):
    _profile_with_backup(paths)
    _remove_database(paths)
    results = {name: (ok, detail) for name, ok, detail in run_self_check(paths)}
    assert results["database_open"][0] is False
    assert results["database_open"][1].startswith("db_missing:")
    assert not paths.database.exists()


def test_cli_refuses_a_missing_database_with_backups(paths, capsys):
    from hai_desktop.cli import main

    _profile_with_backup(paths)
    _remove_database(paths)
    newest = backups.newest_backup(paths.backups).name
    for argv in (["profile", "show"], ["sync"], ["kb", "search", "pajak"]):
        assert main([*argv, "--data-dir", str(paths.data_dir)]) == 1, argv
        err = capsys.readouterr().err
        assert "tidak ada" in err and newest in err, err
        assert "Belum ada profil" not in err
        assert not paths.database.exists()


def _damaged(paths: ProfilePaths) -> None:
    """Garbage over the file: it fails every check."""
    _remove_database(paths)
    paths.database.write_bytes(b"this is not a database" * 1000)


def _interrupted_restore(paths: ProfilePaths, monkeypatch) -> None:
    """``restore_backup`` cut short after the damaged file was moved aside (a power cut
    between the two renames)."""
    real = os.replace

    def cut(src, dst, *a, **kw):
        if str(src).endswith(".restoring"):
            raise KeyboardInterrupt("power cut")
        return real(src, dst, *a, **kw)

    monkeypatch.setattr(backups.os, "replace", cut)
    with pytest.raises(KeyboardInterrupt):
        backups.restore_backup(backups.newest_backup(paths.backups), paths.database)
    monkeypatch.setattr(backups.os, "replace", real)
    assert not paths.database.exists()
    assert paths.database.with_name(paths.database.name + ".restoring").exists()


def test_interrupted_restore_is_finished_at_open(paths, monkeypatch):
    ids = _profile_with_backup(paths)
    _damaged(paths)
    _interrupted_restore(paths, monkeypatch)
    db = database.open_database(paths.database)
    assert [inquiries.get_inquiry(i).id for i in ids] == ids
    db.close()
    assert not paths.database.with_name(paths.database.name + ".restoring").exists()
    assert any(".damaged-" in p.name for p in paths.data_dir.iterdir())


def test_failing_restoring_copy_is_left_and_ignored(paths):
    _profile_with_backup(paths)
    _remove_database(paths)
    partial = paths.database.with_name(paths.database.name + ".restoring")
    partial.write_bytes(b"half a copy" * 100)
    with pytest.raises(DatabaseMissing):
        database.open_database(paths.database)
    assert partial.read_bytes() == b"half a copy" * 100
    assert not paths.database.exists()


def _damage_other_pages(path: Path) -> None:
    """Overwrite the pages of the reference list table: the file fails quick_check while
    the inquiry and outbox pages stay readable."""
    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    pages = [r[0] for r in conn.execute("SELECT pageno FROM dbstat WHERE name = 'reference_item'")]
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    with open(path, "r+b") as fh:
        for page in pages:
            fh.seek((page - 1) * page_size + 8)
            fh.write(b"\x00\xff" * 200)


def test_restore_salvages_the_unsent_records_of_the_damaged_file(paths):
    before = _profile_with_backup(paths)
    db = database.open_database(paths.database)
    after = [_save(f"sesudah cadangan kata{i}").id for i in range(5)]
    db.close()
    _damage_other_pages(paths.database)
    assert database.check_file(paths.database)  # damaged
    damaged_bytes = paths.database.read_bytes()

    aside, result = restore_finish.restore_with_salvage(
        backups.newest_backup(paths.backups), paths.database
    )
    assert (result.salvaged, result.unreadable, result.left) == (5, 0, 0)
    assert aside.read_bytes() == damaged_bytes  # read-only: never written
    assert not Path(f"{aside}-wal").exists()

    db = database.open_database(paths.database)
    for record_id in before + after:
        assert inquiries.get_inquiry(record_id) is not None
    queued = {
        r[0]
        for r in db.execute_sql(
            "SELECT record_id FROM outbox WHERE record_type = 'inquiry' AND state = 'queued'"
        )
    }
    assert queued == set(before + after)
    statuses = {
        r[0]
        for r in db.execute_sql(
            "SELECT sync_status FROM inquiry WHERE id IN (?, ?, ?, ?, ?)", tuple(after)
        )
    }
    assert statuses == {"pending"}
    found = db.execute_sql("SELECT COUNT(*) FROM inquiry_fts WHERE inquiry_fts MATCH 'sesudah'")
    assert found.fetchone()[0] == 5
    db.execute_sql("INSERT INTO inquiry_fts(inquiry_fts) VALUES ('integrity-check')")
    assert database.quick_check(db) == []
    db.close()


def test_salvage_after_an_interrupted_restore_is_done_at_open(paths, monkeypatch):
    _profile_with_backup(paths)
    db = database.open_database(paths.database)
    after = [_save(f"sesudah cadangan {i}").id for i in range(3)]
    db.close()
    _damage_other_pages(paths.database)
    _interrupted_restore(paths, monkeypatch)
    db = database.open_database(paths.database)
    assert all(inquiries.get_inquiry(i) is not None for i in after)
    db.close()
    assert not paths.database.with_name(paths.database.name + ".salvage-pending").exists()


def test_cli_restore_brings_back_a_missing_database_and_refuses_a_readable_one(paths, capsys):
    from hai_desktop.cli import main

    _profile_with_backup(paths)
    _remove_database(paths)
    data_dir = ["--data-dir", str(paths.data_dir)]
    assert main(["restore", *data_dir]) == 0
    assert "dipulihkan" in capsys.readouterr().out
    assert main(["kb", "search", "pajak", *data_dir]) == 0
    capsys.readouterr()
    assert main(["restore", *data_dir]) == 1
    assert "tidak rusak" in capsys.readouterr().err


def test_salvage_skips_and_counts_the_rows_it_cannot_read(paths):
    _profile_with_backup(paths)
    db = database.open_database(paths.database)
    after = [_save(f"sesudah cadangan {i} " + "isi panjang " * 40).id for i in range(120)]
    db.close()
    conn = sqlite3.connect(paths.database)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    pages = [
        r[0]
        for r in conn.execute(
            "SELECT pageno FROM dbstat WHERE name = 'inquiry' AND pagetype = 'leaf'"
        )
    ]
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    assert len(pages) > 4
    with open(paths.database, "r+b") as fh:
        for page in pages[-3:-1]:  # pages of records saved after the backup
            fh.seek((page - 1) * page_size + 8)
            fh.write(b"\x00\xff" * 200)

    _aside, result = restore_finish.restore_with_salvage(
        backups.newest_backup(paths.backups), paths.database
    )
    assert result.unreadable > 0 and result.salvaged > 0
    assert result.salvaged + result.unreadable == len(after)
    db = database.open_database(paths.database)
    back = [i for i in after if inquiries.get_inquiry(i) is not None]
    assert len(back) == result.salvaged
    assert database.quick_check(db) == []
    db.close()
