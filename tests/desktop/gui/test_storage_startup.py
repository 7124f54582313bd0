"""Issue 7.1-7.3 in the GUI: a locked database is not "damaged" (retry, no restore), a
read-only data dir is explained before the instance lock, a failed deep check stops every
writer and leaves the file as found, a save on a full disk says "Disk penuh"."""

from __future__ import annotations

from pathlib import Path

import pytest

from hai_desktop.core import backups, profile_store, reference
from hai_desktop.core.db import database
from hai_desktop.core.db.errors import DatabaseDamaged
from hai_desktop.core.paths import ProfilePaths
from hai_desktop.gui import object_names as names
from hai_desktop.gui.app import DeskApp, open_database_or_offer_backup
from tests.desktop.gui.test_startup_safety import _answer_dialogs
from tests.storage_faults import exclusive_holder, fill, read_only_mount, small_tmpfs


def _make_profile(paths: ProfilePaths) -> None:
    paths.ensure()
    db = database.open_database(paths.database)
    reference.seed_reference_if_empty()
    profile_store.set_profile("Budi Santoso", "budi.santoso@kemenkeu.go.id", "KPPN-BANDA-ACEH")
    backups.make_backup(db, paths.backups)
    db.close()


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_locked_database_at_start_offers_retry_never_a_restore(qtbot, qapp, tmp_path, monkeypatch):
    monkeypatch.setattr(database, "OPEN_TIMEOUT_S", 0.2)
    paths = ProfilePaths.for_dir(tmp_path / "p")
    _make_profile(paths)
    seen: list[dict] = []
    with exclusive_holder(paths.database):
        before = _files(paths.data_dir)
        _answer_dialogs(qtbot, ["Coba lagi", "Keluar"], seen)
        assert open_database_or_offer_backup(paths) is None
        assert _files(paths.data_dir) == before  # nothing moved aside, nothing restored
    assert [s["name"] for s in seen] == [names.STORAGE_DIALOG, names.STORAGE_DIALOG]
    assert all("Pulihkan cadangan" not in s["buttons"] for s in seen)
    db = open_database_or_offer_backup(paths)  # the holder is gone: it opens as it was
    assert db is not None and profile_store.get_profile() is not None
    db.close()


def test_read_only_data_dir_is_explained_before_the_instance_lock(qtbot, qapp, tmp_path):
    paths = ProfilePaths.for_dir(tmp_path / "p")
    _make_profile(paths)
    (paths.data_dir / "instance.lock").unlink(missing_ok=True)
    seen: list[dict] = []
    with read_only_mount(paths.data_dir):
        _answer_dialogs(qtbot, ["Keluar"], seen)
        desk = DeskApp(paths)
        assert desk.show_frame(single_instance=True, show=False) is None
        assert desk.exit_code == 1
        desk.shutdown()
    assert seen[0]["name"] == names.STORAGE_DIALOG
    assert str(paths.data_dir) in seen[0]["text"]
    assert not (paths.data_dir / "instance.lock").exists()


def test_failed_deep_check_stops_every_writer_and_leaves_the_file(qtbot, qapp, paths, monkeypatch):
    _make_profile(paths)
    monkeypatch.setattr(database, "FULL_CHECK_MAX_BYTES", 0)
    monkeypatch.setattr(backups, "check_file", lambda path, stop=None: ["*** page 7 ***"])
    desk = DeskApp(paths)
    desk.load_settings()
    stopped: list[bool] = []
    try:
        assert desk.start(qapp, single_instance=False) is not None
        real_stop = desk.sync.stop
        monkeypatch.setattr(desk.sync, "stop", lambda *a: (stopped.append(True), real_stop(*a)))
        qtbot.waitUntil(lambda: desk.deep_check_ok is False, timeout=5000)
        assert stopped, "the sync worker was not stopped"
        main_before = paths.database.read_bytes()
        wal = Path(f"{paths.database}-wal")
        # Every thread's writes are refused now: the db worker's and this thread's.
        failures: list[BaseException] = []
        desk.tasks.run_db(
            lambda: profile_store.set_profile("X Y", "x.y@kemenkeu.go.id", "KPPN-BANDA-ACEH"),
            on_error=failures.append,
        )
        qtbot.waitUntil(lambda: bool(failures), timeout=5000)
        assert isinstance(failures[0], DatabaseDamaged)
        with pytest.raises(DatabaseDamaged):
            desk.db.execute_sql("INSERT INTO draft (key, payload, updated_at) VALUES ('k','p','t')")
        wal_before = wal.read_bytes() if wal.exists() else None
        desk.deep_check_box.close()
    finally:
        desk.shutdown()
    # Closing checkpointed nothing into the damaged file and kept its WAL.
    assert paths.database.read_bytes() == main_before
    assert (wal.read_bytes() if wal.exists() else None) == wal_before


@pytest.fixture
def paths():
    """This module's profiles live on a small tmpfs (so the disk-full test can fill it)."""
    with small_tmpfs("24m") as mount:
        yield ProfilePaths.for_dir(mount / "profile").ensure()


def test_save_on_a_full_disk_says_disk_full_and_keeps_the_form(qtbot, window, tasks, paths):
    from hai_desktop.gui import messages

    posted: list[tuple[str, str]] = []
    messages.channel().posted.connect(lambda level, text, _t: posted.append((level, text)))
    form = window.form
    form.visitor_name.setText("Andi")
    form.department.setCurrentIndex(1)
    form.question.setPlainText("Bagaimana pencairan dana?")
    form.answer.setPlainText("Jawaban panjang. " * 4000)
    filler = fill(paths.data_dir)
    form.save()
    qtbot.waitUntil(lambda: any(level == "error" for level, _ in posted), timeout=10000)
    text = [t for level, t in posted if level == "error"][-1]
    assert text.startswith("Disk penuh")
    assert "rollback" not in text
    assert form.visitor_name.text() == "Andi"  # kept in memory for the retry
    filler.unlink()
    with qtbot.waitSignal(form.saved, timeout=10000):
        form.save()


def test_missing_database_with_backups_offers_the_restore_never_a_new_desk(qtbot, qapp, tmp_path):
    paths = ProfilePaths.for_dir(tmp_path / "p")
    _make_profile(paths)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{paths.database}{suffix}").unlink(missing_ok=True)
    seen: list[dict] = []
    _answer_dialogs(qtbot, ["Keluar"], seen)
    assert open_database_or_offer_backup(paths) is None
    assert not paths.database.exists()  # no new empty desk
    assert [s["name"] for s in seen] == [names.RESTORE_DIALOG]
    assert "tidak ditemukan" in seen[0]["text"] and "Pulihkan cadangan" in seen[0]["buttons"]

    _answer_dialogs(qtbot, ["Pulihkan cadangan"], seen)
    db = open_database_or_offer_backup(paths)
    assert db is not None and profile_store.get_profile() is not None
    db.close()


def test_restore_says_how_many_unsent_records_were_salvaged(qtbot, qapp, tmp_path):
    from tests.desktop.core.test_restore_recovery import _damage_other_pages, _save

    paths = ProfilePaths.for_dir(tmp_path / "p")
    _make_profile(paths)
    db = database.open_database(paths.database)
    ids = [_save(f"sesudah cadangan {i}").id for i in range(3)]
    db.close()
    _damage_other_pages(paths.database)
    seen: list[dict] = []
    _answer_dialogs(qtbot, ["Pulihkan cadangan", "Tutup"], seen)
    db = open_database_or_offer_backup(paths)
    assert db is not None
    from hai_desktop.core import inquiries

    assert all(inquiries.get_inquiry(i) is not None for i in ids)
    db.close()
    assert [s["name"] for s in seen] == [names.RESTORE_DIALOG, names.SALVAGE_DIALOG]
    assert "3 catatan yang belum terkirim diselamatkan" in seen[1]["text"]
