"""Issue 7.2-7.3 at the command line: a full disk ends ``login`` and ``sync`` with a message
(no traceback, no ``.hub-token.*.tmp`` left), ``self-check`` fails on it, and a damaged big
database is refused by ``sync`` and saves before anything is written."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from hai_desktop import cli
from hai_desktop.core import reference
from hai_desktop.core.db import database
from hai_desktop.core.paths import ProfilePaths
from tests.integration.test_sync_cli import run_cli
from tests.integration.test_sync_reliability import save_many
from tests.storage_faults import fill, small_tmpfs


def _login(hub, account, data_dir: str):
    return run_cli(
        "login",
        "--hub",
        hub.url,
        "--email",
        account.email,
        "--data-dir",
        data_dir,
        stdin=account.password + "\n",
    )


def test_login_and_sync_on_a_full_disk_end_with_a_message(hub):
    account = hub.create_office_with_cso()
    with small_tmpfs("24m") as mount:
        data_dir = str(mount / "desk")
        assert _login(hub, account, data_dir).returncode == 0
        db = database.open_database(Path(data_dir) / "hai-desk.sqlite3")
        save_many(3)
        db.close()
        filler = fill(mount)
        for args in (("sync", "--data-dir", data_dir), ("login",)):
            done = _login(hub, account, data_dir) if args == ("login",) else run_cli(*args)
            assert done.returncode == 1, done.stdout + done.stderr
            assert "Traceback" not in done.stderr
            assert "Disk penuh" in done.stderr
        assert not list(Path(data_dir).glob(".hub-token.*.tmp"))
        assert not list(Path(data_dir).glob("*.tmp"))
        filler.unlink()
        done = run_cli("sync", "--data-dir", data_dir)
        assert done.returncode == 0, done.stdout + done.stderr


def test_token_file_on_a_full_disk_leaves_no_temporary_file():
    from hai_desktop.core import credentials
    from hai_desktop.core.db.errors import DiskFull

    with small_tmpfs("1m") as mount:
        paths = ProfilePaths.for_dir(mount / "desk").ensure()
        fill(mount)
        with pytest.raises(DiskFull):
            credentials._write_private_file(credentials.token_file(paths), "t" * 200_000)
        assert not [p for p in paths.data_dir.iterdir() if p.name.endswith(".tmp")]


def test_self_check_fails_on_a_full_disk():
    with small_tmpfs("100m") as mount:
        data_dir = str(mount / "desk")
        assert run_cli("self-check", "--data-dir", data_dir).returncode == 0
        fill(mount)
        done = run_cli("self-check", "--data-dir", data_dir)
        assert done.returncode == 1, done.stdout
        assert "[GAGAL]" in done.stdout and "Disk penuh" in done.stdout
        assert "Traceback" not in done.stdout + done.stderr


def _damage_inquiry_pages(path: Path) -> None:
    """Overwrite leaf pages of the inquiry table only: the fast check (schema and small
    tables) passes, the full quick_check fails, as with a big damaged file."""
    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    pages = [
        r[0]
        for r in conn.execute(
            "SELECT pageno FROM dbstat WHERE name = 'inquiry' AND pagetype = 'leaf'"
        )
    ]
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    with open(path, "r+b") as fh:
        for page in pages[1:4]:
            fh.seek((page - 1) * page_size + 8)
            fh.write(b"\x00\xff" * 200)


def test_sync_and_saves_refuse_a_damaged_big_database(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(database, "FULL_CHECK_MAX_BYTES", 0)  # every file counts as big
    paths = ProfilePaths.for_dir(tmp_path / "desk").ensure()
    db = database.open_database(paths.database)
    reference.seed_reference_if_empty()
    save_many(300)
    db.close()
    _damage_inquiry_pages(paths.database)
    assert database.fast_check(sqlite3.connect(paths.database)) == []  # what "auto" sees
    before = paths.database.read_bytes()
    for argv in (
        ["sync", "--data-dir", str(paths.data_dir)],
        [
            "profile",
            "set",
            "--data-dir",
            str(paths.data_dir),
            "--name",
            "Budi Santoso",
            "--email",
            "budi@kemenkeu.go.id",
            "--office",
            "KPPN-BANDA-ACEH",
        ],
    ):
        assert cli.main(argv) == cli.EXIT_FAILED
        err = capsys.readouterr().err
        assert "rusak" in err and "Traceback" not in err
    assert paths.database.read_bytes() == before  # nothing written into the damaged file
