"""Sync in the GUI: the indicator's states, the controller on its worker thread (against a
contract hub on loopback), sign-in on 401, the hub settings tab, the window wiring."""

from __future__ import annotations

import os

import pytest

from hai_desktop.core import credentials, inquiries, inquiries_form
from hai_desktop.core.sync import codes
from hai_desktop.core.sync.client import HubClient
from hai_desktop.core.sync.engine import SyncEngine
from hai_desktop.core.sync.status import STATE_ATTENTION, STATE_OFFLINE, STATE_ONLINE, SyncStatus
from hai_desktop.core.timeutil import utc_now
from tests.desktop.core.sync_stub_hub import StubHub

SHOTS = os.environ.get("HAI_SCREENSHOT_DIR")


@pytest.fixture()
def hub():
    h = StubHub().start()
    yield h
    h.stop()


# Own fixtures (not the GUI conftest's) so this file stands alone.
@pytest.fixture()
def desk(tmp_path):
    from hai_desktop.core import profile_store, reference
    from hai_desktop.core.db.database import open_database
    from hai_desktop.core.paths import ProfilePaths

    paths = ProfilePaths.for_dir(tmp_path / "desk").ensure()
    db = open_database(paths.database)
    reference.seed_reference_if_empty()
    profile = profile_store.set_profile(
        "Budi Santoso", "budi.santoso@kemenkeu.go.id", "KPPN-BANDA-ACEH"
    )
    yield paths, profile
    db.close()


def shot(widget, name: str) -> None:
    if SHOTS:
        os.makedirs(SHOTS, exist_ok=True)
        if (
            widget.parent() is None
            and not widget.isWindow()
            or widget.objectName() == "syncIndicator"
        ):
            widget.adjustSize()
        widget.grab().save(os.path.join(SHOTS, f"{name}.png"))


def save_one(question="Bagaimana cara revisi DIPA?"):
    return inquiries.save_inquiry(
        inquiries_form.InquiryInput(
            channel="tatap_muka",
            department="PA",
            visitor_name="Ani",
            question=question,
            answer="Ajukan revisi.",
            outcome="answered",
        )
    )


def test_indicator_shows_each_state(qtbot):
    from hai_desktop.gui.sync_status import SyncIndicator

    ind = SyncIndicator()
    qtbot.addWidget(ind)
    ind.show()
    ind.set_status(SyncStatus(state=STATE_ONLINE, last_good_sync=utc_now()))
    assert ind.text().startswith("Tersambung") and "terakhir" in ind.text()
    assert ind.property("syncState") == STATE_ONLINE
    shot(ind, "sync_online")

    from hai_desktop.gui.sync_texts import text

    ind.set_status(SyncStatus(state=STATE_OFFLINE, waiting=7, code=codes.NO_NETWORK))
    assert ind.text().startswith("Tidak tersambung") and "7 menunggu" in ind.text()
    assert text(codes.NO_NETWORK) in ind.toolTip()
    shot(ind, "sync_offline")

    ind.set_syncing(True)
    ind.set_progress("push", 500, 1200)
    assert ind.text().startswith("Menyinkronkan") and "500/1200" in ind.text()
    assert not ind.button.isEnabled()
    shot(ind, "sync_syncing")
    ind.set_syncing(False)

    ind.set_status(SyncStatus(state=STATE_ATTENTION, rejected=2, waiting=0))
    assert ind.text().startswith("Perlu perhatian") and "2 ditolak" in ind.text()
    shot(ind, "sync_attention")

    ind.set_status(
        SyncStatus(state=STATE_ATTENTION, needs_signin=True, waiting=3, code=codes.SESSION_ENDED)
    )
    assert ind.text().startswith("Perlu masuk ulang")
    shot(ind, "sync_signin")

    ind.set_status(SyncStatus(state=STATE_ONLINE, clock_skew_s=-900.0, clock_warning=True))
    assert ind.clock.isVisible() and "15 menit" in ind.clock.toolTip()
    shot(ind, "sync_clock_warning")

    with qtbot.waitSignal(ind.clicked):
        ind.button.click()


def make_controller(paths, hub_url, **kw):
    from hai_desktop.gui.sync_controller import SyncController

    engine = SyncEngine(
        paths, lambda: HubClient(hub_url, token=credentials.load_token(paths), timeout=2.0)
    )
    return SyncController(paths, engine=engine, **kw)


def test_controller_syncs_off_the_gui_thread(qtbot, desk, hub):
    paths, _profile = desk
    credentials.store_token(paths, "tok")
    controller = make_controller(paths, hub.url, debounce_ms=50)
    try:
        controller.start(first_sync_delay_ms=-1)
        saved = save_one()
        with qtbot.waitSignal(controller.sync_finished, timeout=10000) as blocker:
            controller.schedule_after_save(saved.id)  # debounced trigger
        report = blocker.args[0]
        assert report.ok and report.accepted == 1
        assert controller.status.state == STATE_ONLINE
        assert saved.id in hub.state.inquiries
        # Requests while a pass runs coalesce into one more pass.
        with qtbot.waitSignal(controller.sync_finished, timeout=10000):
            controller.sync_now()
            controller.sync_now()
            controller.sync_now()
        qtbot.waitUntil(lambda: not controller.running, timeout=10000)
    finally:
        controller.stop()


def test_controller_asks_for_sign_in_on_401(qtbot, desk, hub):
    paths, _profile = desk
    credentials.store_token(paths, "kedaluwarsa")
    controller = make_controller(paths, hub.url)
    try:
        controller.start(first_sync_delay_ms=-1)
        with qtbot.waitSignal(controller.signin_required, timeout=10000) as blocker:
            controller.sync_now()
        assert "masuk lagi" in blocker.args[0]
        assert controller.status.needs_signin
    finally:
        controller.stop()


def test_signin_dialog_signs_in_and_never_keeps_the_password(qtbot, desk, hub):
    paths, _profile = desk
    from hai_desktop.gui.signin_dialog import SignInDialog

    dialog = SignInDialog(paths, hub_url=hub.url, email="budi.santoso@kemenkeu.go.id")
    qtbot.addWidget(dialog)
    dialog.show()
    shot(dialog, "signin_dialog")
    dialog.password.setText("salah")
    dialog.submit()
    assert dialog.error.isVisible() and "salah" in dialog.error.text()
    assert dialog.password.text() == ""
    shot(dialog, "signin_dialog_error")
    dialog.password.setText("benar")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.submit()
    assert dialog.user["role"] == "cso"
    assert credentials.load_token(paths) == "tok"
    for file in paths.data_dir.rglob("*"):
        if file.is_file():
            assert b"benar" not in file.read_bytes()


def test_hub_settings_page_applies_fields(qtbot):
    from hai_desktop.core.settings import Settings
    from hai_desktop.gui.hub_settings_page import HubSettingsPage

    settings = Settings()
    page = HubSettingsPage(settings)
    qtbot.addWidget(page)
    page.hub_url.setText("https://hub.contoh.go.id/ ")
    page.proxy.setText("http://proxy.kantor:3128")
    page.interval.setValue(120)
    page.apply(settings)
    assert settings.hub_url == "https://hub.contoh.go.id"
    assert settings.proxy == "http://proxy.kantor:3128"
    assert settings.sync_interval_s == 120


def test_install_puts_indicator_in_window_and_ctrl_r_syncs(qtbot, desk, hub):
    from hai_desktop.core.settings import Settings
    from hai_desktop.gui import sync_controller
    from hai_desktop.gui.mainwindow import MainWindow
    from hai_desktop.gui.tasks import TaskManager

    paths, profile = desk
    tasks = TaskManager()
    window = MainWindow(paths, tasks, profile=profile)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)

    s = Settings.load(paths.settings)
    s.hub_url = hub.url
    s.save(paths.settings)
    credentials.store_token(paths, "tok")
    controller = sync_controller.install(window, paths, start=False)
    try:
        controller.start(first_sync_delay_ms=-1)
        qtbot.waitUntil(window.sync_indicator.isVisible, timeout=3000)
        with qtbot.waitSignal(controller.sync_finished, timeout=10000) as blocker:
            window.sync_requested.emit()  # what Ctrl+R does
        assert blocker.args[0].ok
        qtbot.waitUntil(lambda: window.sync_indicator.state == STATE_ONLINE, timeout=5000)
        shot(window, "window_with_sync_indicator")
    finally:
        controller.stop()
        tasks.shutdown()


def test_never_signed_in_desk_stays_quiet_until_clicked(qtbot, desk, hub):
    from hai_desktop.gui.sync_controller import SyncController

    paths, _profile = desk  # no hub address, no token: a desk used offline only
    controller = SyncController(paths)
    popped: list[str] = []
    controller.signin_required.connect(popped.append)
    try:
        controller.start(first_sync_delay_ms=-1)
        with qtbot.waitSignal(controller.sync_finished, timeout=10000) as blocker:
            controller.request_sync()  # an automatic pass (timer)
        assert popped == []  # no dialog pops up by itself
        status = blocker.args[0].status
        assert status.needs_signin and status.code == codes.NOT_CONFIGURED
        with qtbot.waitSignal(controller.signin_required, timeout=10000) as asked:
            controller.sync_now()  # the user clicked: now the sign-in dialog is due
        # The dialog opens without "click the sync status…" above its fields.
        assert asked.args[0] == ""
    finally:
        controller.stop()


def test_fresh_profile_says_not_signed_in_not_sign_in_again(qtbot):
    """Issue 12: a desk that never signed in is "Belum masuk", never "Perlu masuk ulang"."""
    from hai_desktop.gui.sync_status import SyncIndicator

    ind = SyncIndicator()
    qtbot.addWidget(ind)
    for code in (codes.NOT_CONFIGURED, codes.NOT_SIGNED_IN):
        ind.set_status(SyncStatus(state=STATE_ATTENTION, needs_signin=True, code=code))
        assert ind.text().startswith("Belum masuk"), code
        assert "ulang" not in ind.text()
    ind.set_status(SyncStatus(state=STATE_ATTENTION, needs_signin=True, code=codes.SESSION_ENDED))
    assert ind.text().startswith("Perlu masuk ulang")


def test_indicator_words_are_indonesian_and_waiting_shows_when_online(qtbot):
    from hai_desktop.gui.sync_status import SyncIndicator

    ind = SyncIndicator()
    qtbot.addWidget(ind)
    ind.set_status(SyncStatus(state=STATE_OFFLINE))
    assert ind.text().startswith("Tidak tersambung") and "Offline" not in ind.text()
    ind.set_status(SyncStatus(state=STATE_ONLINE, waiting=0))
    assert "menunggu" not in ind.text()
    ind.set_waiting(3)  # a save, before the next pass
    assert ind.text().startswith("Tersambung") and "3 menunggu" in ind.text()


def test_user_sync_says_done_and_a_save_refreshes_the_waiting_count(qtbot, desk, hub):
    from hai_desktop.gui.sync_controller import HEALTH_TIMEOUT_S

    assert HEALTH_TIMEOUT_S <= 5
    paths, _profile = desk
    credentials.store_token(paths, "tok")
    controller = make_controller(paths, hub.url, debounce_ms=60000)
    try:
        controller.start(first_sync_delay_ms=-1)
        save_one()
        with qtbot.waitSignal(controller.counts_changed, timeout=10000) as counted:
            controller.schedule_after_save()
        assert counted.args[0] == 1
        with qtbot.waitSignal(controller.completed, timeout=10000) as done:
            controller.sync_now()
        assert done.args[0] == "Sinkronisasi selesai."
    finally:
        controller.stop()


def test_a_pass_tells_the_views_what_changed_through_the_notifier(qtbot, desk, hub):
    from PySide6.QtWidgets import QWidget

    from hai_desktop.gui import changes

    paths, _profile = desk
    credentials.store_token(paths, "tok")
    controller = make_controller(paths, hub.url)
    seen: list[str] = []
    view = QWidget()
    changes.subscribe(changes.INQUIRIES, lambda: seen.append("inquiries"), view)
    changes.subscribe(changes.KB, lambda: seen.append("kb"), view)
    try:
        controller.start(first_sync_delay_ms=-1)
        save_one()
        with qtbot.waitSignal(controller.sync_finished, timeout=10000) as blocker:
            controller.sync_now()
        assert blocker.args[0].changed == {"inquiries", "reference"}
        assert seen == ["inquiries"]  # nothing came for the KB
        view.deleteLater()  # a closed view is never called again
        qtbot.waitUntil(lambda: not _alive(view), timeout=2000)
        save_one("Kedua")
        with qtbot.waitSignal(controller.sync_finished, timeout=10000):
            controller.sync_now()
        assert seen == ["inquiries"]
    finally:
        controller.stop()


def _alive(obj) -> bool:
    import shiboken6

    return shiboken6.isValid(obj)


def test_a_dead_hub_is_noticed_by_the_probe_between_passes(qtbot, desk, hub):
    paths, _profile = desk
    credentials.store_token(paths, "tok")
    controller = make_controller(paths, hub.url, health_poll_ms=60000)
    try:
        controller.start(first_sync_delay_ms=-1)
        with qtbot.waitSignal(controller.sync_finished, timeout=10000):
            controller.sync_now()
        assert controller.status.state == STATE_ONLINE
        hub.stop()  # the hub dies; the network is fine
        with qtbot.waitSignal(controller.status_changed, timeout=10000) as changed:
            controller._poll_health()  # what the health timer does
        status = changed.args[0]
        assert status.state == STATE_OFFLINE and status.code == codes.HUB_NOT_ANSWERING
    finally:
        controller.stop()


def test_sync_button_checks_health_first_so_a_hung_hub_fails_fast(qtbot, desk):
    import socket

    from hai_desktop.gui.sync_controller import SyncController

    paths, _profile = desk
    credentials.store_token(paths, "tok")
    hung = socket.socket()  # accepts connections, never answers (a hub that hangs)
    hung.bind(("127.0.0.1", 0))
    hung.listen(8)
    url = f"http://127.0.0.1:{hung.getsockname()[1]}"
    engine = SyncEngine(paths, lambda: HubClient(url, token="tok", timeout=120.0))
    controller = SyncController(paths, engine=engine)
    try:
        controller.start(first_sync_delay_ms=-1)
        with qtbot.waitSignal(controller.sync_finished, timeout=20000) as blocker:
            controller.sync_now()
        report = blocker.args[0]
        # One request, the health check with its short timeout; not the 120 s of a push.
        assert report.requests == 1 and report.status.code == codes.TIMEOUT
    finally:
        controller.stop()
        hung.close()


def test_a_full_disk_during_sync_says_disk_full_not_a_generic_failure(qtbot, desk, hub):
    from hai_desktop.core.db.errors import DiskFull
    from hai_desktop.gui.sync_texts import status_text

    paths, _profile = desk

    class FullDiskEngine(SyncEngine):
        def run_once(self, force=False, quick_check=False):
            raise DiskFull("database or disk is full", path=paths.database)

    from hai_desktop.gui.sync_controller import SyncController

    controller = SyncController(paths, engine=FullDiskEngine(paths, lambda: None))
    try:
        controller.start(first_sync_delay_ms=-1)
        with qtbot.waitSignal(controller.sync_finished, timeout=10000) as blocker:
            controller.sync_now()
        status = blocker.args[0].status
        assert status.state == STATE_ATTENTION and status.code == codes.DISK_FULL
        assert "disk penuh" in status_text(status).lower()
    finally:
        controller.stop()
