"""Window-wide broadcast alerts: the urgent dialog at start and on arrival, its reminder until
confirmed, the tray notification, the outage banner, and the log form's outage offer that
links the inquiry (``outage_broadcast_id`` on the wire)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from hai_desktop.core import broadcasts, inquiries, inquiries_hub
from hai_desktop.gui import broadcast_alerts, changes
from hai_desktop.gui.widgets import set_combo_code
from tests.desktop.core.broadcast_fixtures import iso
from tests.desktop.gui.broadcast_gui_fixtures import apply, demo_set, signed_in
from tests.desktop.gui.conftest import drain


@pytest.fixture
def signer(db):
    return signed_in()


class FakeTray:
    def __init__(self) -> None:
        self.messages: list[tuple[str, str]] = []
        self.tip = ""

    def showMessage(self, title, text, *_args) -> None:  # noqa: N802 (Qt's name)
        self.messages.append((title, text))

    def setToolTip(self, text) -> None:  # noqa: N802
        self.tip = text


def settle(qtbot, tasks, ms: int = 30) -> None:
    drain(qtbot, tasks, ms)
    drain(qtbot, tasks, ms)


def test_urgent_dialog_at_start_stays_until_acknowledged(qtbot, signer, make_window, tasks):
    items = demo_set(signer)
    window = make_window()
    alerts = window.broadcast_alerts
    settle(qtbot, tasks)
    dialog = alerts.dialog
    assert dialog.isVisible()
    assert dialog.current["id"] == items["outage"]["id"]
    assert "Gangguan SPAN dan SAKTI" in dialog.title.text()
    assert dialog.windowFlags() & broadcast_alerts.Qt.WindowType.WindowStaysOnTopHint
    assert alerts.notifications and alerts.notifications[-1][1] == "Gangguan SPAN dan SAKTI"
    # Esc only postpones: still unconfirmed, the reminder runs.
    qtbot.keyClick(dialog, broadcast_alerts.Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert alerts.reminder.isActive() and alerts.reminder.interval() == 120_000
    dialog.raise_now()
    dialog.ack_button.click()
    settle(qtbot, tasks)
    assert broadcasts.get(items["outage"]["id"])["acknowledged_at"] is not None
    assert not dialog.isVisible()
    assert not alerts.reminder.isActive()


def test_reminder_raises_again_until_acknowledged(qtbot, signer, make_window, tasks, monkeypatch):
    monkeypatch.setattr(broadcast_alerts, "REMINDER_MS", 80)
    demo_set(signer)
    window = make_window()
    alerts = window.broadcast_alerts
    tray = FakeTray()
    alerts.tray = tray
    settle(qtbot, tasks)
    dialog = alerts.dialog
    dialog.later_button.click()
    assert not dialog.isVisible()
    first = dialog.shown_count
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.shown_count > first, timeout=3000)
    assert tray.messages  # the tray is told again at each reminder
    dialog.ack_button.click()
    settle(qtbot, tasks)
    count = dialog.shown_count
    qtbot.wait(300)
    assert dialog.shown_count == count and not dialog.isVisible()


def test_urgent_arrival_during_the_day_raises_the_dialog(qtbot, signer, make_window, tasks):
    window = make_window()
    alerts = window.broadcast_alerts
    settle(qtbot, tasks)
    assert not alerts.dialog.isVisible()
    tray = FakeTray()
    alerts.tray = tray
    urgent = signer.item(title="Batas SPM dimajukan", urgency="urgent")
    apply(urgent)
    changes.notify(broadcasts.FEED)  # what the sync controller says after the pass
    settle(qtbot, tasks)
    assert alerts.dialog.isVisible()
    assert alerts.dialog.current["id"] == urgent["id"]
    assert tray.messages == [("Siaran segera dari pusat", "Batas SPM dimajukan")]
    assert tray.tip == "HAI Desk — 1 siaran belum dibaca"


def test_altered_urgent_notice_raises_no_dialog(qtbot, signer, db, make_window, tasks):
    urgent = signer.item(title="Segera", urgency="urgent")
    apply(urgent)
    db.execute_sql("UPDATE broadcast SET body = 'lain' WHERE id = ?", (urgent["id"],))
    window = make_window()
    settle(qtbot, tasks)
    assert not window.broadcast_alerts.dialog.isVisible()


def test_outage_banner_until_resolved(qtbot, signer, make_window, tasks):
    items = demo_set(signer)
    window = make_window()
    alerts = window.broadcast_alerts
    alerts.dialog.hide()
    settle(qtbot, tasks)
    banner = alerts.banner
    assert banner.isVisible()
    line = banner.lines[0].text()
    assert "SPAN, SAKTI" in line and "Sedang diselidiki" in line and "berlaku s.d." in line
    assert banner.geometry().width() >= window.width() - 2  # across the whole window
    # "Lihat" opens the notice on the Broadcast screen.
    banner.findChild(broadcast_alerts.QWidget, "outageBannerOpen").click()
    drain(qtbot, tasks)
    assert window.current_page_key() == "broadcasts"
    # A follow-up says resolved: the banner goes.
    resolved = signer.outage(
        title="SPAN dan SAKTI pulih",
        updates=items["outage"]["id"],
        outage_status="resolved",
        affected_applications=["SPAN", "SAKTI"],
        published=datetime.now(UTC),
    )
    apply(resolved)
    changes.notify(broadcasts.FEED)
    settle(qtbot, tasks)
    assert not banner.isVisible()


def test_expired_outage_has_no_banner(qtbot, signer, make_window, tasks):
    apply(signer.outage(valid_until=iso(datetime.now(UTC) - timedelta(minutes=1))))
    window = make_window()
    settle(qtbot, tasks)
    assert not window.broadcast_alerts.banner.isVisible()


def test_log_form_offers_to_link_an_inquiry_to_the_outage(qtbot, signer, make_window, tasks):
    items = demo_set(signer)
    window = make_window()
    alerts = window.broadcast_alerts
    alerts.dialog.hide()
    settle(qtbot, tasks)
    form = window.form
    offer = alerts.offer
    assert not offer.isVisible()
    set_combo_code(form.application, "SAKTI")
    assert offer.isVisible() and offer.link.isVisible()
    assert items["outage"]["number"] in offer.text.text()
    offer.link.click()
    assert form.outage_broadcast_id == items["outage"]["id"]
    assert form.answer.toPlainText() == items["outage"]["body"]
    assert offer.unlink.isVisible() and "ditautkan" in offer.text.text()
    form.visitor_name.setText("Ani")
    form.question.setPlainText("SAKTI tidak bisa login sejak pagi")
    set_combo_code(form.channel, "tatap_muka")
    set_combo_code(form.department, "SITP")
    form.save()
    settle(qtbot, tasks)
    saved = inquiries.Inquiry.select().order_by(inquiries.Inquiry.created_at.desc()).first()
    assert saved.outage_broadcast_id == items["outage"]["id"]
    assert inquiries_hub.to_wire(saved)["outage_broadcast_id"] == items["outage"]["id"]
    # The next visitor starts unlinked; another application shows no offer.
    assert form.outage_broadcast_id is None
    set_combo_code(form.application, "OM-SPAN")
    assert not offer.isVisible()


def test_unlink_takes_the_link_back(qtbot, signer, make_window, tasks):
    demo_set(signer)
    window = make_window()
    alerts = window.broadcast_alerts
    alerts.dialog.hide()
    settle(qtbot, tasks)
    set_combo_code(window.form.application, "SPAN")
    alerts.offer.link.click()
    alerts.offer.unlink.click()
    assert window.form.outage_broadcast_id is None
    assert alerts.offer.link.isVisible()
