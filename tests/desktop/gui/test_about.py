"""Issue 13: the About tab (version, hub and its version, data folder, licence) and the notice
when the hub's reference announces a newer desk."""

from __future__ import annotations

import json
import os

from hai_desktop import __version__
from hai_desktop.core import about
from hai_desktop.core.db.models import ReferenceMeta
from hai_desktop.core.settings import Settings
from hai_desktop.core.sync import state

SHOTS = os.environ.get("HAI_SCREENSHOT_DIR")


def _announce(value, url=None):
    ReferenceMeta.replace(key="json:desk_version", value=json.dumps(value)).execute()
    if url is not None:
        ReferenceMeta.replace(key="json:desk_download_url", value=json.dumps(url)).execute()


def test_version_comparison():
    assert about.newer_desk("0.2.0", current="0.1.0").version == "0.2.0"
    assert about.newer_desk("0.1.0", current="0.1.0") is None
    assert about.newer_desk("0.1.10", current="0.1.9") is not None
    assert about.newer_desk("1.0.0rc1", current="1.0.0") is None
    assert about.newer_desk("1.0.0", current="1.0.0rc1") is not None
    assert about.newer_desk("bukan versi", current="0.1.0") is None
    obj = about.newer_desk({"version": "2.0", "url": "https://hai.example.go.id/desk"}, None, "1.9")
    assert obj.url == "https://hai.example.go.id/desk"
    assert about.newer_desk("2.0", "file:///evil", "1.0").url is None  # only web links


def test_about_page_shows_everything(qtbot, db, paths):
    from PySide6.QtWidgets import QLabel

    from hai_desktop.gui.about_page import AboutPage

    state.set_value("hub_version", "0.1.0")
    _announce("9.0.0", "https://hai.example.go.id/unduh")
    page = AboutPage(Settings(hub_url="https://hub.example.go.id"), paths)
    qtbot.addWidget(page)

    def text(name):
        return page.findChild(QLabel, name).text()

    assert text("aboutVersion") == __version__
    assert text("aboutHub") == "https://hub.example.go.id"
    assert text("aboutHubVersion") == "0.1.0"
    assert text("aboutDataDir") == str(paths.data_dir)
    assert "Direktorat Jenderal Perbendaharaan" in text("aboutLicence")
    assert "9.0.0" in text("aboutUpdate") and "https://hai.example.go.id/unduh" in text(
        "aboutUpdate"
    )
    if SHOTS:
        page.resize(560, 300)
        page.show()
        qtbot.waitExposed(page)
        os.makedirs(SHOTS, exist_ok=True)
        page.grab().save(os.path.join(SHOTS, "about_page.png"))


def test_current_desk_shows_no_notice(qtbot, db, paths):
    from hai_desktop.gui.about_page import AboutPage

    _announce(__version__)
    page = AboutPage(Settings(), paths)
    qtbot.addWidget(page)
    assert page.update_label.isHidden()


def test_newer_desk_notice_in_the_status_bar_once(qtbot, window, paths, monkeypatch):
    from hai_desktop.gui import about_page, messages

    said: list[str] = []
    monkeypatch.setattr(messages, "info", lambda text, timeout_ms=5000: said.append(text))
    _announce("99.0.0")
    about_page.install(window, paths)
    about_page.install(window, paths)  # a second window's install tells again, once
    assert len(said) == 2 and "99.0.0" in said[0]
