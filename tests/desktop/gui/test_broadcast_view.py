"""The Broadcast screen: inbox with kinds, urgency, times, read marks and verification;
opening records a read receipt; an altered notice is not proven and records nothing;
filters and search; the nav's unread count; the data request's reply form, queued offline."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea

from hai_desktop.core import broadcast_replies, broadcasts
from hai_desktop.core.db.models import database_proxy
from hai_desktop.gui.models.broadcast_model import COLUMNS
from tests.desktop.gui.broadcast_gui_fixtures import apply, demo_set, signed_in
from tests.desktop.gui.conftest import drain


@pytest.fixture
def signer(db):
    return signed_in()


def loaded(qtbot, view, tasks):
    drain(qtbot, tasks)
    qtbot.waitUntil(lambda: not view.model.is_loading, timeout=5000)
    drain(qtbot, tasks)


def open_view(qtbot, window, tasks):
    window.open_screen("broadcasts")
    view = window.page("broadcasts")
    loaded(qtbot, view, tasks)
    return view


def cell(view, row: int, key: str) -> str:
    return view.model.data(view.model.index(row, COLUMNS.index(key)))


def nav_text(window) -> str:
    for row in range(window.nav.count()):
        item = window.nav.item(row)
        if item.data(Qt.ItemDataRole.UserRole) == "broadcasts":
            return item.text()
    raise AssertionError("no Broadcast entry")


def outbox_types() -> list[str]:
    rows = database_proxy.obj.execute_sql("SELECT record_type FROM outbox").fetchall()
    return [row[0] for row in rows]


def test_inbox_lists_kind_title_urgency_times_state_and_verification(
    qtbot, signer, make_window, tasks
):
    items = demo_set(signer)
    window = make_window()
    view = open_view(qtbot, window, tasks)
    assert view.model.rowCount() == 4
    assert view.count_label.text() == "4 siaran"
    # Newest first: the urgent outage.
    assert "Gangguan" in cell(view, 0, "kind") and "Sedang diselidiki" in cell(view, 0, "kind")
    assert cell(view, 0, "urgency") == "Segera"
    assert cell(view, 0, "title").endswith("Gangguan SPAN dan SAKTI")
    assert cell(view, 0, "published_at") and cell(view, 0, "valid_until")
    assert cell(view, 0, "state") == "Baru — perlu konfirmasi"
    assert "●" in cell(view, 0, "mark") and "!" in cell(view, 0, "mark")
    assert {cell(view, r, "verified") for r in range(4)} == {"Terverifikasi"}
    assert cell(view, 3, "title").endswith(items["info"]["title"])
    assert nav_text(window).startswith("Broadcast (4)")


def test_opening_marks_read_once_and_queues_a_receipt(qtbot, signer, make_window, tasks):
    items = demo_set(signer)
    window = make_window()
    window.broadcast_alerts.dialog.hide()
    view = open_view(qtbot, window, tasks)
    row = view.model.row_of(items["info"]["id"])
    view.table.selectRow(row)
    loaded(qtbot, view, tasks)
    qtbot.waitUntil(lambda: view.detail.item is not None, timeout=3000)
    assert view.detail.title.text() == items["info"]["title"]
    assert view.detail.badge_title.text() == "✔ Terverifikasi"
    assert broadcasts.get(items["info"]["id"])["read_at"] is not None
    assert cell(view, row, "state") == "Dibaca"
    assert outbox_types().count(broadcasts.RECEIPT_RECORD_TYPE) == 1
    drain(qtbot, tasks)
    qtbot.waitUntil(lambda: nav_text(window).startswith("Broadcast (3)"), timeout=3000)
    # Opening it again records nothing more.
    view.table.clearSelection()
    view.table.selectRow(row)
    loaded(qtbot, view, tasks)
    assert outbox_types().count(broadcasts.RECEIPT_RECORD_TYPE) == 1


def test_altered_notice_shows_not_proven_and_records_nothing(qtbot, signer, db, make_window, tasks):
    item = signer.item(title="Batas SPM", body="Batas pengajuan SPM 20 Desember.")
    apply(item)
    db.execute_sql(
        "UPDATE broadcast SET body = ? WHERE id = ?",
        ("Batas pengajuan SPM 31 Desember.", item["id"]),
    )
    window = make_window()
    view = open_view(qtbot, window, tasks)
    assert cell(view, 0, "verified") == "Tidak dapat diverifikasi"
    assert "⚠" in cell(view, 0, "mark")
    view.table.selectRow(0)
    loaded(qtbot, view, tasks)
    qtbot.waitUntil(lambda: view.detail.item is not None, timeout=3000)
    assert "TIDAK DAPAT DIVERIFIKASI" in view.detail.badge_title.text()
    assert "Tanda tangan tidak cocok" in view.detail.badge_reason.text()
    assert broadcasts.get(item["id"])["read_at"] is None
    assert broadcasts.RECEIPT_RECORD_TYPE not in outbox_types()


def test_forged_feed_item_is_set_apart_under_its_filter(qtbot, signer, make_window, tasks):
    good = signer.item(title="Asli")
    forged = signer.item(title="Palsu")
    forged["title"] = "Palsu diubah"
    apply(good, forged)
    window = make_window()
    view = open_view(qtbot, window, tasks)
    assert view.model.rowCount() == 1
    view.status.setCurrentIndex(view.status.findData(broadcasts.STATUS_SET_APART))
    loaded(qtbot, view, tasks)
    assert view.model.rowCount() == 1
    assert cell(view, 0, "verified") == "Tidak dapat diverifikasi"
    assert cell(view, 0, "title").endswith("Palsu diubah")


def test_html_body_is_shown_as_text(qtbot, signer, make_window, tasks):
    body = '<script>alert(1)</script><img src="http://evil/x.png"><b>tebal</b>'
    item = signer.item(title="<b>Judul</b>", body=body)
    apply(item)
    window = make_window()
    view = open_view(qtbot, window, tasks)
    view.table.selectRow(0)
    qtbot.waitUntil(lambda: view.detail.item is not None, timeout=3000)
    assert view.detail.body.toPlainText() == body
    assert view.detail.title.text() == "<b>Judul</b>"
    assert view.detail.title.textFormat() == Qt.TextFormat.PlainText


def test_filters_and_search(qtbot, signer, make_window, tasks):
    demo_set(signer)
    window = make_window()
    view = open_view(qtbot, window, tasks)
    view.kind.setCurrentIndex(view.kind.findData("data_request"))
    loaded(qtbot, view, tasks)
    assert view.model.rowCount() == 1
    view.kind.setCurrentIndex(0)
    view.urgency.setCurrentIndex(view.urgency.findData("urgent"))
    loaded(qtbot, view, tasks)
    assert view.model.rowCount() == 1
    view.urgency.setCurrentIndex(0)
    view.status.setCurrentIndex(view.status.findData(broadcasts.STATUS_ACTIVE_OUTAGE))
    loaded(qtbot, view, tasks)
    assert view.model.rowCount() == 1
    view.status.setCurrentIndex(0)
    view.search.setText("lantai")
    view.apply_filters()
    loaded(qtbot, view, tasks)
    assert view.model.rowCount() == 1
    assert "lantai 2" in cell(view, 0, "title")
    view.search.setText('"((( AND')  # operator soup never breaks the query
    view.apply_filters()
    loaded(qtbot, view, tasks)


def test_urgent_acknowledged_from_the_detail(qtbot, signer, make_window, tasks):
    items = demo_set(signer)
    window = make_window()
    window.broadcast_alerts.dialog.hide()
    view = open_view(qtbot, window, tasks)
    view.open_broadcast(items["outage"]["id"])
    qtbot.waitUntil(lambda: view.detail.item is not None, timeout=3000)
    assert view.detail.ack_button.isVisible()
    assert view.detail.thread.count() == 1
    view.detail.ack_button.click()
    drain(qtbot, tasks)
    qtbot.waitUntil(lambda: view.detail.ack_state.text().startswith("Dikonfirmasi"), timeout=3000)
    assert broadcasts.get(items["outage"]["id"])["acknowledged_at"] is not None
    assert not view.detail.ack_button.isVisible()


def test_data_request_reply_form_queues_offline_with_files(
    qtbot, signer, make_window, tasks, tmp_path
):
    items = demo_set(signer)
    window = make_window()
    window.broadcast_alerts.dialog.hide()
    view = open_view(qtbot, window, tasks)
    view.open_broadcast(items["request"]["id"])
    qtbot.waitUntil(lambda: view.detail.reply_form is not None, timeout=3000)
    form = view.detail.reply_form
    assert form.due.text().startswith("Tenggat jawaban: ")
    form.send.click()  # empty: refused with the reason
    qtbot.waitUntil(lambda: form.error.isVisibleTo(form), timeout=3000)
    assert form.error.text() == "Tulis isi jawaban."
    attachment = tmp_path / "rekap.xlsx"
    attachment.write_bytes(b"rekap november")
    form.body.setPlainText("Terlampir rekap 37 pertanyaan SPAN.")
    form.add_files([attachment])
    form.send.click()
    drain(qtbot, tasks)
    replies = broadcast_replies.replies_for(items["request"]["id"])
    assert len(replies) == 1 and replies[0]["attachments"][0]["filename"] == "rekap.xlsx"
    assert outbox_types().count(broadcasts.REPLY_RECORD_TYPE) == 1
    attachment.unlink()  # the copy in the profile is what gets sent
    qtbot.waitUntil(
        lambda: (
            view.detail.reply_form is not form
            and "menunggu dikirim" in view.detail.reply_form.sent.text()
        ),
        timeout=3000,
    )


@pytest.mark.parametrize("size", [(1024, 600), (1366, 768), (1920, 1080)])
def test_the_title_column_keeps_room_for_the_title(qtbot, signer, make_window, tasks, size):
    """The title is what a CSO scans for: optional columns give way before it is squeezed
    (at 1366×768 it once showed only "BC-2…"); the detail pane never scrolls sideways."""
    demo_set(signer)
    window = make_window()
    window.resize(*size)
    view = open_view(qtbot, window, tasks)
    window.show()
    qtbot.waitUntil(lambda: view.table.viewport().width() > 0)
    view.fit_columns(view.table.viewport().width())
    title = view.table.columnWidth(COLUMNS.index("title"))
    assert title >= 200 or view.table.viewport().width() < 450, (size, title)
    view.table.selectRow(0)
    drain(qtbot, tasks)
    scroll = view.detail.findChild(QScrollArea)
    assert scroll.horizontalScrollBar().maximum() == 0


def test_hidden_columns_follow_the_order_of_least_use():
    from hai_desktop.gui.views.broadcast_view import OPTIONAL_COLUMNS, hidden_columns

    assert hidden_columns(2000) == set()
    assert hidden_columns(0) == set(OPTIONAL_COLUMNS)
    assert hidden_columns(700) == {"valid_until", "published_at"}


def test_a_new_hub_key_is_accepted_only_with_the_centres_fingerprint(
    qtbot, signer, make_window, tasks, monkeypatch
):
    from hai_desktop.core import broadcasts_verify as verify
    from hai_desktop.gui.dialogs.key_change_dialog import KeyChangeDialog
    from tests.desktop.core.broadcast_fixtures import HUB_URL, Signer

    new = Signer()
    assert verify.pin(new.public_b64, HUB_URL) == "changed"
    item = new.item()
    apply(item)
    window = make_window()
    view = open_view(qtbot, window, tasks)
    assert view.key_warning.isVisibleTo(view)
    assert cell(view, 0, "verified") != "Terverifikasi"

    dialog = KeyChangeDialog(view)
    assert dialog.new_fp.text() == verify.fingerprint(new.public_b64)
    dialog.typed.setText(verify.fingerprint(signer.public_b64))  # the old key: refused
    assert not dialog.ok_button.isEnabled() and dialog.problem.text()
    dialog.typed.setText(verify.fingerprint(new.public_b64).lower().replace(" ", ""))
    assert dialog.ok_button.isEnabled()
    dialog.ok_button.click()
    assert dialog.result() == KeyChangeDialog.DialogCode.Accepted
    assert verify.pinned_key()["public_key"] == new.public_b64

    view.refresh()
    loaded(qtbot, view, tasks)
    assert not view.key_warning.isVisibleTo(view)
    assert cell(view, 0, "verified") == "Terverifikasi"
