"""Start-up safety: the GUI log is masked, a newer database is not "damaged", damaged
backups fall back to older ones, periodic backups, the background deep check."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from hai_desktop.core import backups, profile_store, reference
from hai_desktop.core.db import database
from hai_desktop.core.db.database import open_database
from hai_desktop.gui import object_names as names
from hai_desktop.gui.app import DeskApp, open_database_or_offer_backup


@pytest.fixture
def restore_root_logging():
    """Remove the desk's log handlers a test installed (they point into its tmp_path)."""
    root = logging.getLogger()
    before = list(root.handlers), root.level
    yield
    for handler in list(root.handlers):
        if handler not in before[0]:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(before[1])


def _answer_dialogs(qtbot, answers: list[str], seen: list[dict]) -> None:
    """Click ``answers`` (button texts) in the next modal message boxes, one each, and
    record what every box said."""
    pending = list(answers)

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        seen.append(
            {
                "name": box.objectName(),
                "title": box.windowTitle(),
                "text": box.text(),
                "info": box.informativeText(),
                "buttons": [b.text() for b in box.buttons()],
            }
        )
        wanted = pending.pop(0)
        for button in box.buttons():
            if button.text() == wanted:
                button.click()
                break
        else:
            raise AssertionError(f"no button {wanted!r}")
        if pending:
            QTimer.singleShot(20, click)

    QTimer.singleShot(20, click)


def _make_profile_db(paths) -> None:
    db = open_database(paths.database)
    reference.seed_reference_if_empty()
    profile_store.set_profile("Budi Santoso", "budi.santoso@kemenkeu.go.id", "KPPN-BANDA-ACEH")
    db.close()


# -- item 7/8: the GUI's log file ------------------------------------------------------------
def test_gui_log_file_is_masked_and_keeps_its_timestamp(paths, restore_root_logging):
    desk = DeskApp(paths)
    path = desk.start_logging()
    assert path == paths.logs / "hai-desk.log"
    logger = logging.getLogger("hai_desktop.gui.test")
    logger.warning("visitor %s phone %s", "siti.aminah@example.com", "0812-3456-7890")
    logger.warning("hub said Authorization: Bearer abcdefghijklmnopqrstuvwxyz")
    try:
        raise ValueError("bad e-mail budi@example.co.id")
    except ValueError:
        logger.exception("failed for 081234567890")
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = path.read_text(encoding="utf-8")
    for secret in ("siti.aminah", "3456-7890", "abcdefghijklmnop", "budi@example", "081234567890"):
        assert secret not in text
    assert "<email>" in text and "<phone>" in text and "<token>" in text
    first = text.splitlines()[0]
    # "2026-11-26 20:51:08,123 WARNING ...": the timestamp is not taken for a phone number.
    assert first[:4].isdigit() and first[4] == "-" and first[10] == " " and first[13] == ":"
    assert "<phone>" not in first.split(" WARNING ")[0]


# -- item 9: a database from a newer app -----------------------------------------------------
def test_database_too_new_asks_to_update_and_offers_no_restore(qtbot, paths, qapp):
    db = open_database(paths.database)
    backups.make_backup(db, paths.backups)
    db.execute_sql(
        "INSERT INTO schema_version (version, name, applied_at) VALUES (999, 'future', 'x')"
    )
    db.close()
    before = paths.database.read_bytes()
    seen: list[dict] = []
    _answer_dialogs(qtbot, ["Tutup"], seen)
    assert open_database_or_offer_backup(paths) is None
    assert len(seen) == 1
    box = seen[0]
    assert box["name"] == names.DATABASE_TOO_NEW_DIALOG
    assert "Perbarui HAI Desk" in box["text"] and "rusak" not in box["text"].lower()
    assert "Pulihkan cadangan" not in box["buttons"]
    assert paths.database.read_bytes() == before  # untouched, nothing moved aside
    assert not [p for p in paths.data_dir.iterdir() if ".damaged" in p.name]


# -- item 10: a damaged newest backup ----------------------------------------------------
def test_damaged_newest_backup_falls_back_to_the_next(qtbot, paths, qapp):
    db = open_database(paths.database)
    db.execute_sql("CREATE TABLE marker (x)")
    good = backups.make_backup(db, paths.backups)
    db.close()
    bad = paths.backups / "hai-desk-20990101-000000-000000.sqlite3"  # sorts newest
    bad.write_bytes(b"garbage" * 1000)
    assert backups.list_backups(paths.backups)[:2] == [bad, good]
    paths.database.write_bytes(b"this is not a database" * 1000)
    for suffix in ("-wal", "-shm"):
        Path(str(paths.database) + suffix).unlink(missing_ok=True)

    seen: list[dict] = []
    _answer_dialogs(qtbot, ["Pulihkan cadangan", "Pulihkan cadangan"], seen)
    restored = open_database_or_offer_backup(paths)
    assert restored is not None
    assert restored.table_exists("marker")
    restored.close()
    assert [s["name"] for s in seen] == [names.RESTORE_DIALOG, names.RESTORE_DIALOG]
    assert bad.name in seen[0]["info"]
    assert bad.name in seen[1]["text"] and good.name in seen[1]["info"]


def test_only_damaged_backups_end_with_a_calm_message(qtbot, paths, qapp):
    bad = paths.backups / "hai-desk-20990101-000000-000000.sqlite3"
    bad.write_bytes(b"garbage" * 1000)
    damaged = b"this is not a database" * 1000
    paths.database.write_bytes(damaged)
    seen: list[dict] = []
    _answer_dialogs(qtbot, ["Pulihkan cadangan", "Tutup"], seen)
    assert open_database_or_offer_backup(paths) is None
    assert "tidak ada cadangan yang utuh" in seen[1]["text"]
    assert paths.database.read_bytes() == damaged


# -- item 4: periodic backups ---------------------------------------------------------------
def test_periodic_backup_timer_calls_maybe_backup(qtbot, paths, qapp, monkeypatch):
    from hai_desktop.core.settings import Settings

    _make_profile_db(paths)
    Settings(backup_interval_s=600, backup_keep=4).save(paths.settings)
    calls: list[tuple] = []
    real = backups.maybe_backup

    def spy(db, folder, keep=10, min_interval_s=3600):
        calls.append((keep, min_interval_s))
        return real(db, folder, keep=keep, min_interval_s=min_interval_s)

    monkeypatch.setattr(backups, "maybe_backup", spy)
    desk = DeskApp(paths)
    desk.load_settings()
    try:
        assert desk.start(qapp, single_instance=False) is not None
        qtbot.waitUntil(lambda: not desk.backup_running, timeout=5000)
        assert len(calls) == 1  # at start
        assert calls[0][0] == 4
        assert len(backups.list_backups(paths.backups)) == 1
        assert desk.backup_timer.isActive()
        assert desk.backup_timer.interval() == 600_000
        desk.backup_timer.timeout.emit()
        qtbot.waitUntil(lambda: not desk.backup_running, timeout=5000)
        assert len(calls) == 2
        # Throttled: the backup made at start is recent.
        assert len(backups.list_backups(paths.backups)) == 1
    finally:
        desk.shutdown()
    assert not desk.backup_timer.isActive()


# -- item 5: the deep check of a big database -----------------------------------------------
def _start_big(qtbot, paths, qapp, monkeypatch) -> DeskApp:
    _make_profile_db(paths)
    monkeypatch.setattr(database, "FULL_CHECK_MAX_BYTES", 0)  # every file counts as big
    desk = DeskApp(paths)
    desk.load_settings()
    assert desk.start(qapp, single_instance=False) is not None
    assert desk.db.deep_check_pending is True
    return desk


def test_deep_check_pending_runs_quick_check_in_the_background(qtbot, paths, qapp, monkeypatch):
    checked: list[Path] = []
    real = backups.check_file

    def spy(path, should_stop=None):
        checked.append(Path(path))
        assert should_stop is not None and not should_stop()
        return real(path, should_stop)

    monkeypatch.setattr(backups, "check_file", spy)
    desk = _start_big(qtbot, paths, qapp, monkeypatch)
    try:
        qtbot.waitUntil(lambda: desk.deep_check_ok is not None, timeout=5000)
        assert checked == [paths.database]
        assert desk.deep_check_ok is True
        assert desk.backup_timer is not None and desk.backup_timer.isActive()
        assert desk.deep_check_box is None
        assert not paths.full_check_requested.exists()
    finally:
        desk.shutdown()


def test_deep_check_problems_lead_to_the_restore_path(qtbot, paths, qapp, monkeypatch):
    monkeypatch.setattr(backups, "check_file", lambda path, stop=None: ["*** in database main ***"])
    desk = _start_big(qtbot, paths, qapp, monkeypatch)
    try:
        qtbot.waitUntil(lambda: desk.deep_check_ok is not None, timeout=5000)
        assert desk.deep_check_ok is False
        assert desk.deep_check_box is not None
        assert desk.deep_check_box.objectName() == names.DEEP_CHECK_DIALOG
        assert "cadangan" in desk.deep_check_box.text()
        assert paths.full_check_requested.exists()
        assert desk.backup_timer is None  # a damaged file never pushes good backups out
        desk.deep_check_box.close()
    finally:
        desk.shutdown()
    assert backups.list_backups(paths.backups) == []  # no backup on close either
    # The next start runs the full check (here the file is in fact sound: it opens and the
    # request is cleared).
    monkeypatch.undo()
    calls: list[str] = []
    real_open = database.open_database

    def spy_open(path, check="auto"):
        calls.append(check)
        return real_open(path, check=check)

    monkeypatch.setattr(database, "open_database", spy_open)
    db = open_database_or_offer_backup(paths)
    assert db is not None
    db.close()
    assert calls == ["full"]
    assert not paths.full_check_requested.exists()


def test_new_startup_texts_have_english_translations(qapp):
    from PySide6.QtCore import QTranslator

    from hai_desktop.core.resources import resource_path

    translator = QTranslator()
    assert translator.load(str(resource_path("translations", "hai_desktop_en.qm")))
    qapp.installTranslator(translator)
    try:
        assert QApplication.translate("Startup", "Perbarui HAI Desk") == "Update HAI Desk"
        assert QApplication.translate("Startup", "Cadangan sebelumnya:") == "Previous backup:"
        assert QApplication.translate("DeskApp", "Basis data rusak") == "Database damaged"
    finally:
        qapp.removeTranslator(translator)
