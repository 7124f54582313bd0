"""Application-level behaviour: single instance, objectNames, translation, first run."""

from __future__ import annotations

import filecmp
import importlib.util
from pathlib import Path

from PySide6.QtCore import QTranslator
from PySide6.QtNetwork import QLocalSocket
from PySide6.QtWidgets import QApplication, QWidget

from hai_desktop.gui import object_names as names
from hai_desktop.gui.app import RAISE_COMMAND, SingleInstance, server_name

ROOT = Path(__file__).resolve().parents[3]
TRANSLATIONS = ROOT / "hai_desktop" / "resources" / "translations"


def test_single_instance_second_launch_raises_the_first(qtbot, tmp_path):
    first = SingleInstance(tmp_path / "profile")
    assert not first.notify_running(200)  # nobody runs yet
    assert first.listen()
    try:
        with qtbot.waitSignal(first.raise_requested, timeout=3000):
            second = SingleInstance(tmp_path / "profile")
            assert second.notify_running(1000)
        # A raw second connection (as from another process) raises it too.
        with qtbot.waitSignal(first.raise_requested, timeout=3000):
            socket = QLocalSocket()
            socket.connectToServer(server_name(tmp_path / "profile"))
            assert socket.waitForConnected(1000)
            socket.write(RAISE_COMMAND)
            socket.flush()
        # Another profile is another instance.
        other = SingleInstance(tmp_path / "other")
        assert not other.notify_running(200)
    finally:
        first.close()


def test_profile_lock_decides_who_runs_and_is_freed_on_close(qtbot, tmp_path):
    first = SingleInstance(tmp_path / "profile")
    assert first.claim()
    first.listen()
    try:
        second = SingleInstance(tmp_path / "profile")
        assert not second.claim()  # the first holds the profile
        with qtbot.waitSignal(first.raise_requested, timeout=3000):
            assert second.notify_running(1000, attempts=3)
        assert SingleInstance(tmp_path / "elsewhere").claim()
    finally:
        first.close()
    third = SingleInstance(tmp_path / "profile")
    assert third.claim()  # released with the first
    third.close()


def test_second_launch_exits_quietly_and_raises_the_first(qtbot, tmp_path, qapp):
    from hai_desktop.core.paths import ProfilePaths
    from hai_desktop.gui.app import DeskApp

    paths = ProfilePaths.for_dir(tmp_path / "profile")
    first = SingleInstance(paths.data_dir)
    assert first.claim() and first.listen()
    try:
        with qtbot.waitSignal(first.raise_requested, timeout=5000):
            assert DeskApp(paths).show_frame(show=False) is None
    finally:
        first.close()


def test_main_window_raise_window(window):
    window.showMinimized()
    window.raise_window()
    assert not window.isMinimized()
    assert window.isVisible()


def test_every_listed_object_name_is_present(window):
    found = {w.objectName() for w in window.findChildren(QWidget)} | {window.objectName()}
    missing = [n for n in names.MAIN_WINDOW_REQUIRED if n not in found]
    assert missing == []
    history = window.history
    found = {w.objectName() for w in history.findChildren(QWidget)} | {history.objectName()}
    assert [n for n in names.HISTORY_REQUIRED if n not in found] == []
    kb_view = window.kb_view
    found = {w.objectName() for w in kb_view.findChildren(QWidget)} | {kb_view.objectName()}
    assert [n for n in names.KB_REQUIRED if n not in found] == []


def test_plug_in_points(qtbot, window):
    from PySide6.QtWidgets import QLabel

    indicator = QLabel("daring")
    window.set_sync_indicator(indicator)
    assert indicator.parent().objectName() == names.SYNC_INDICATOR_SLOT
    panel = QLabel("saran")
    window.set_side_panel(panel)
    assert panel.isVisibleTo(window)
    kb = QLabel("kb")
    window.replace_page(names.PAGE_KB, kb)
    window.show_page(names.PAGE_KB)
    assert window.stack.currentWidget() is kb
    extra = QLabel("x")
    window.add_page("extra", "Tambahan", extra)
    window.show_page("extra")
    assert window.current_page_key() == "extra"
    with qtbot.waitSignal(window.sync_requested, timeout=1000):
        qtbot.keyClick(
            window.form.visitor_name,
            "r",
            modifier=__import__(
                "PySide6.QtCore", fromlist=["Qt"]
            ).Qt.KeyboardModifier.ControlModifier,
        )


def test_english_translation_switches_labels(qtbot, paths, tasks, profile):
    from hai_desktop.gui import widgets
    from hai_desktop.gui.mainwindow import MainWindow

    app = QApplication.instance()
    translator = QTranslator()
    assert translator.load(str(TRANSLATIONS / "hai_desktop_en.qm"))
    app.installTranslator(translator)
    widgets.set_reference_language("en")
    try:
        window = MainWindow(paths, tasks, profile=profile)
        qtbot.addWidget(window)
        assert window.nav.item(0).text().splitlines()[0] == "Log a Service"
        assert window.form.save_button.text() == "Save (Ctrl+S)"
        assert window.form.channel.currentText() == "Walk-in"
    finally:
        app.removeTranslator(translator)
        widgets.set_reference_language("id")
    window = MainWindow(paths, tasks, profile=profile)
    qtbot.addWidget(window)
    assert window.nav.item(0).text().splitlines()[0] == "Catat Layanan"


def test_compiled_translation_is_current(tmp_path):
    spec = importlib.util.spec_from_file_location("update", TRANSLATIONS / "update.py")
    update = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(update)
    fresh = tmp_path / "fresh.qm"
    update.lrelease(TRANSLATIONS / "hai_desktop_en.ts", fresh)
    assert filecmp.cmp(fresh, TRANSLATIONS / "hai_desktop_en.qm", shallow=False), (
        "run: .venv/bin/python hai_desktop/resources/translations/update.py --release"
    )


def test_first_run_profile_dialog_saves_profile(qtbot, db, tasks):
    from hai_desktop.core.profile_store import get_profile
    from hai_desktop.gui.dialogs.profile_dialog import ProfileDialog
    from tests.desktop.gui.conftest import drain

    dialog = ProfileDialog(tasks)
    qtbot.addWidget(dialog)
    dialog.name.setText("Budi Santoso")
    dialog.email.setText("budi@gmail.com")
    dialog.save()
    drain(qtbot, tasks)
    assert dialog.result() != dialog.DialogCode.Accepted
    assert dialog._errors["office_code"].text()
    assert dialog._errors["email"].text()
    # The office list filters as one types.
    qtbot.keyClicks(dialog.office.lineEdit(), "KPPN Banda")
    assert dialog.office.selected_code() is None
    index = dialog.office.findData("KPPN-BANDA-ACEH")
    dialog.office.setCurrentIndex(index)
    assert dialog.office.selected_code() == "KPPN-BANDA-ACEH"
    dialog.email.setText("budi.santoso@kemenkeu.go.id")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.save()
    assert get_profile().office_code == "KPPN-BANDA-ACEH"


def test_settings_dialog_saves_language(qtbot, paths):
    from hai_desktop.core.settings import Settings
    from hai_desktop.gui.dialogs.settings_dialog import SettingsDialog

    dialog = SettingsDialog(paths)
    qtbot.addWidget(dialog)
    page = dialog.pages[0]
    page.language.setCurrentIndex(page.language.findData("en"))
    asked = []
    dialog.ask_restart = lambda: asked.append(True) or False
    dialog.accept()
    assert Settings.load(paths.settings).language == "en"
    assert asked == [True]  # a language change offers to reopen at once


def test_the_demos_language_survives_a_restart(qtbot, paths, tmp_path, monkeypatch):
    """The demo's profile is new at each start: the chosen language is kept beside it."""
    from PySide6.QtWidgets import QWidget

    from hai_desktop import cli_demo
    from hai_desktop.core import paths as core_paths
    from hai_desktop.core.settings import Settings, remembered_demo_language
    from hai_desktop.gui.dialogs.settings_dialog import SettingsDialog

    monkeypatch.setattr(core_paths, "default_data_dir", lambda: tmp_path / "real-profile")
    window = QWidget()
    window.demo = True
    qtbot.addWidget(window)
    dialog = SettingsDialog(paths, window)
    dialog.ask_restart = lambda: False
    dialog.pages[0].language.setCurrentIndex(dialog.pages[0].language.findData("en"))
    dialog.accept()
    assert remembered_demo_language() == "en"
    fresh = type(paths).for_dir(tmp_path / "next-demo").ensure()
    cli_demo._apply_remembered_language(fresh)
    assert Settings.load(fresh.settings).language == "en"


def _click_when_modal(qtbot, button_text: str) -> None:
    """Click the named button of the next modal dialog (as the user would)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        for button in box.buttons():
            if button.text() == button_text:
                button.click()
                return
        raise AssertionError(f"no button {button_text!r}")

    QTimer.singleShot(20, click)


def test_damaged_database_offers_newest_backup_and_keeps_the_file(qtbot, paths, qapp):
    from hai_desktop.core import backups
    from hai_desktop.core.db.database import open_database
    from hai_desktop.gui.app import open_database_or_offer_backup

    db = open_database(paths.database)
    db.execute_sql("CREATE TABLE marker (x)")
    backups.make_backup(db, paths.backups)
    db.close()
    damaged = b"this is not a database" * 1000
    paths.database.write_bytes(damaged)
    for suffix in ("-wal", "-shm"):
        Path(str(paths.database) + suffix).unlink(missing_ok=True)

    _click_when_modal(qtbot, "Pulihkan cadangan")
    restored = open_database_or_offer_backup(paths)
    assert restored is not None
    assert restored.table_exists("marker")
    restored.close()
    kept = [p for p in paths.data_dir.iterdir() if ".damaged" in p.name]
    assert kept and kept[0].read_bytes() == damaged


def test_damaged_database_without_backup_quits_without_touching_it(qtbot, paths, qapp):
    from hai_desktop.gui.app import open_database_or_offer_backup

    damaged = b"garbage" * 5000
    paths.database.write_bytes(damaged)
    _click_when_modal(qtbot, "Tutup")
    assert open_database_or_offer_backup(paths) is None
    assert paths.database.read_bytes() == damaged


def test_every_core_message_is_listed_for_translation():
    from hai_desktop.core.errors import CODES
    from hai_desktop.gui import error_texts

    assert set(CODES) <= error_texts.codes()


def test_core_messages_follow_the_ui_language(qapp):
    from hai_desktop.gui.error_texts import text

    assert text("satker_invalid") == "Kode satker harus 6 angka."
    translator = QTranslator()
    assert translator.load(str(TRANSLATIONS / "hai_desktop_en.qm"))
    qapp.installTranslator(translator)
    try:
        assert text("satker_invalid") == "The satker code must be 6 digits."
    finally:
        qapp.removeTranslator(translator)


def test_the_form_comes_first_and_the_rest_just_after(qtbot, tmp_path, qapp):
    """run_gui's start: the log form is built and takes typing before the KB suggestions,
    the alerts, the sync part and the single-instance listener are installed."""
    from hai_desktop.core import profile_store, reference
    from hai_desktop.core.db.database import open_database
    from hai_desktop.core.paths import ProfilePaths
    from hai_desktop.gui.app import DeskApp

    paths = ProfilePaths.for_dir(tmp_path / "profile").ensure()
    db = open_database(paths.database)
    reference.seed_reference_if_empty()
    profile_store.set_profile("Budi Santoso", "budi@kemenkeu.go.id", "KPPN-BANDA-ACEH")
    db.close()
    desk = DeskApp(paths)
    try:
        window = desk.show_frame(show=False)
        qtbot.addWidget(window)
        assert desk.finish_start(defer_sync=True)
        assert window.form is not None and window.kb_suggestions is None and desk.sync is None
        assert desk.instance.server is None  # not listening yet
        qtbot.waitUntil(lambda: window.kb_suggestions is not None and desk.sync is not None)
        assert desk.instance.server.isListening()
    finally:
        desk.shutdown()
