"""Pengaturan → Akun (issue 12): change the profile, sign out, sign in to another hub — with
the real hub on loopback."""

from __future__ import annotations

import pytest
import requests

from hai_desktop.core import credentials, profile_store
from tests.integration.hub_harness import API, close_bound, make_desk


@pytest.fixture()
def desk_window(hub, tmp_path, qtbot):
    from hai_desktop.gui import sync_controller
    from hai_desktop.gui.mainwindow import MainWindow
    from hai_desktop.gui.tasks import TaskManager

    account = hub.create_office_with_cso()
    paths = make_desk(tmp_path / "desk", hub.url, account)
    tasks = TaskManager()
    window = MainWindow(paths, tasks, profile=profile_store.get_profile())
    qtbot.addWidget(window)
    sync_controller.install(window, paths, start=False)
    yield window, account, paths
    window.sync_controller.stop()
    tasks.shutdown()
    close_bound()


def test_account_page_shows_the_account_and_signs_out(desk_window, hub, qtbot):
    from hai_desktop.gui.account_page import AccountPage

    window, account, paths = desk_window
    token = credentials.load_token(paths)
    page = AccountPage(window, None)
    qtbot.addWidget(page)
    assert account.email in page.hub_label.text() and "CSO" in page.hub_label.text()
    assert page.sign_out_button.isEnabled()
    page.confirm_sign_out = lambda waiting: True
    page.sign_out()
    qtbot.waitUntil(lambda: credentials.load_token(paths) is None, timeout=15_000)
    # the page says so once the sign-out finished (the button is disabled while it runs)
    qtbot.waitUntil(lambda: "Belum masuk" in page.hub_label.text(), timeout=15_000)
    assert not page.sign_out_button.isEnabled()
    # The token was revoked at the hub too, not only forgotten here.
    r = requests.get(
        hub.url + API + "/inquiries/changes",
        headers={"Authorization": f"Bearer {token}"},
        timeout=10,
    )
    assert r.status_code == 401


def test_profile_changed_from_settings_shows_in_the_window(desk_window, qtbot, monkeypatch):
    from hai_desktop.gui.account_page import AccountPage
    from hai_desktop.gui.dialogs.profile_dialog import ProfileDialog

    window, account, _paths = desk_window
    page = AccountPage(window, None)
    qtbot.addWidget(page)

    def fake_exec(dialog):  # the dialog as a CSO fills it in, then Save
        assert dialog.name.text() == "CSO Uji"  # prefilled from the profile
        dialog.name.setText("Rina Wulandari")
        dialog.save()
        qtbot.waitUntil(lambda: dialog.profile is not None, timeout=5000)
        return ProfileDialog.DialogCode.Accepted

    monkeypatch.setattr(ProfileDialog, "exec", fake_exec)
    page.change_profile()
    assert window.profile.name == "Rina Wulandari"
    assert window._profile_label.text() == "Rina Wulandari"
    assert "Rina Wulandari" in page.profile_label.text()
    assert profile_store.get_profile().office_code == account.office_code
