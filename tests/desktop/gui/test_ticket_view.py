"""The Tiket screen: *menunggu kirim* until the hub numbers a ticket, the SLA states
(overdue, near, paused while waiting), the conversation with its files, reading marks read,
follow-up and close with satisfaction queued offline, the centre's answer copied into the
inquiry, the nav's unread count and the notice of a new reply, and the ways to forward."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from hai_desktop.core import inquiries, tickets
from hai_desktop.core.db.models import Ticket
from hai_desktop.gui import changes
from hai_desktop.gui.models.ticket_model import COLUMNS, OVERDUE_COLOR, TicketListModel
from tests.desktop.gui.conftest import drain
from tests.desktop.gui.ticket_gui_fixtures import (
    PDF,
    apply,
    hub_answer,
    iso,
    make_inquiry,
    make_ticket,
    outbox_types,
)


def loaded(qtbot, view, tasks):
    drain(qtbot, tasks)
    qtbot.waitUntil(lambda: not view.model.is_loading, timeout=5000)
    drain(qtbot, tasks)


def open_view(qtbot, window, tasks):
    window.open_screen("tickets")
    view = window.page("tickets")
    loaded(qtbot, view, tasks)
    return view


def cell(view, row: int, key: str, role=Qt.ItemDataRole.DisplayRole):
    return view.model.data(view.model.index(row, COLUMNS.index(key)), role)


def select(qtbot, view, tasks, ticket_id: str) -> None:
    view.table.selectRow(view.model.row_of(ticket_id))
    loaded(qtbot, view, tasks)
    qtbot.waitUntil(lambda: view.detail.item is not None, timeout=3000)


def nav_text(window) -> str:
    for row in range(window.nav.count()):
        item = window.nav.item(row)
        if item.data(Qt.ItemDataRole.UserRole) == "tickets":
            return item.text()
    raise AssertionError("no Tiket entry")


def test_a_queued_ticket_shows_menunggu_kirim_then_its_number(qtbot, window, tasks, tmp_path):
    ticket = make_ticket(tmp_path)
    view = open_view(qtbot, window, tasks)
    assert view.model.rowCount() == 1
    assert cell(view, 0, "number") == "menunggu kirim"
    assert cell(view, 0, "subject") == "SP2D tertahan" and cell(view, 0, "status") == "Baru"
    apply([hub_answer(ticket.id, "HAI-2026-000042", status="in_progress", messages=[])])
    changes.notify("tickets")  # what the sync controller does after a pass
    loaded(qtbot, view, tasks)
    assert cell(view, 0, "number") == "HAI-2026-000042"
    assert cell(view, 0, "status") == "Diproses" and cell(view, 0, "level") == "2"


def test_overdue_near_and_waiting_tickets_stand_out(qtbot, window, tasks):
    due = {"response_met": True, "resolve_met": None}
    rows = {
        "overdue": make_ticket(subject="Lewat"),
        "near": make_ticket(subject="Hampir"),
        "paused": make_ticket(subject="Menunggu"),
        "ok": make_ticket(subject="Aman"),
    }
    sla = {
        "overdue": {**due, "resolve_due": iso(timedelta(hours=-1))},
        "near": {**due, "resolve_due": iso(timedelta(minutes=30))},
        "paused": {**due, "resolve_due": iso(timedelta(hours=-1)), "paused": True},
        "ok": {**due, "resolve_due": iso(timedelta(days=3))},
    }
    apply(
        [
            hub_answer(
                t.id,
                f"HAI-2026-00000{n}",
                status="waiting" if key == "paused" else "in_progress",
                sla=sla[key],
                messages=[],
            )
            for n, (key, t) in enumerate(rows.items(), 1)
        ]
    )
    view = open_view(qtbot, window, tasks)
    for key, t in rows.items():
        row = view.model.row_of(t.id)
        assert cell(view, row, "sla", TicketListModel.SLA_ROLE) == key
    overdue = view.model.row_of(rows["overdue"].id)
    assert cell(view, overdue, "sla").startswith("⚠ lewat")
    assert cell(view, overdue, "sla", Qt.ItemDataRole.ForegroundRole).color() == OVERDUE_COLOR
    assert "⚠" in cell(view, overdue, "mark")
    paused = view.model.row_of(rows["paused"].id)
    assert "jeda" in cell(view, paused, "sla")  # its clock stopped: never shown as overdue
    assert "berhenti" in cell(view, paused, "sla", Qt.ItemDataRole.ToolTipRole)
    assert cell(view, paused, "status") == "Menunggu pengguna"
    near = view.model.row_of(rows["near"].id)
    assert cell(view, near, "sla").startswith("segera")
    # Filters: waiting only; closed only; search by number.
    view.status.setCurrentIndex(view.status.findData("waiting"))
    loaded(qtbot, view, tasks)
    assert view.model.rowCount() == 1
    view.status.setCurrentIndex(0)
    view.state.setCurrentIndex(view.state.findData("closed"))
    loaded(qtbot, view, tasks)
    assert view.model.rowCount() == 0
    view.state.setCurrentIndex(0)
    view.search.setText("000004")
    view.apply_filters()
    loaded(qtbot, view, tasks)
    assert view.model.rowCount() == 1 and cell(view, 0, "subject") == "Aman"


def test_the_conversation_shows_messages_and_files_and_reading_marks_read(
    qtbot, window, tasks, tmp_path
):
    ticket = make_ticket(tmp_path)
    apply([hub_answer(ticket.id, "HAI-2026-000042")])
    changes.notify("tickets")
    view = open_view(qtbot, window, tasks)
    drain(qtbot, tasks)
    assert nav_text(window).startswith("Tiket (1)")
    assert "●" in cell(view, 0, "mark") and cell(view, 0, "last_reply")
    select(qtbot, view, tasks, ticket.id)
    shown = view.detail.message_texts()
    assert len(shown) == 2
    assert shown[0].startswith("Kantor ini (CSO)") and "surat.pdf" in shown[0]
    assert shown[1].startswith("Agen HAI-DJPBN — Bayu") and "SP2D sudah terbit" in shown[1]
    assert "petunjuk.pdf" in shown[1]
    assert [b.text() for b in view.detail.file_buttons] == ["Buka", "Simpan…"] * 2
    assert "HAI-2026-000042" in view.detail.header.text()
    # Reading marks it read: the mark and the nav count go.
    qtbot.waitUntil(lambda: Ticket.get_by_id(ticket.id).unread == 0, timeout=3000)
    drain(qtbot, tasks)
    assert "●" not in cell(view, 0, "mark")
    qtbot.waitUntil(lambda: nav_text(window).startswith("Tiket\n"), timeout=3000)
    # Opening the office's own file: a copy named as the file, opened by the desktop.
    opened = []
    view.opener = opened.append
    view.detail.file_buttons[0].click()
    qtbot.waitUntil(lambda: bool(opened), timeout=3000)
    path = opened[0].toLocalFile()
    assert path.endswith("surat.pdf") and open(path, "rb").read() == PDF


def test_follow_up_and_close_with_satisfaction_are_queued(qtbot, window, tasks, tmp_path):
    ticket = make_ticket()
    apply([hub_answer(ticket.id, "HAI-2026-000042")])
    view = open_view(qtbot, window, tasks)
    select(qtbot, view, tasks, ticket.id)
    detail = view.detail
    detail.followup.setPlainText("Satker sudah mencoba lagi, masih gagal.")
    detail.send_button.click()
    drain(qtbot, tasks)
    qtbot.waitUntil(lambda: len(tickets.messages(ticket.id)) == 2, timeout=3000)
    assert "ticket_message" in outbox_types()
    qtbot.waitUntil(lambda: len(detail.message_texts()) == 3, timeout=3000)
    assert detail.followup.toPlainText() == ""
    detail.close_button.click()
    assert detail.close_box.isVisible()
    detail.unsatisfied.setChecked(True)
    detail.close_note.setText("Pengguna menunggu terlalu lama")
    detail.confirm_close.click()
    drain(qtbot, tasks)
    qtbot.waitUntil(lambda: Ticket.get_by_id(ticket.id).status == "closed", timeout=3000)
    got = Ticket.get_by_id(ticket.id)
    assert got.satisfied is False and got.close_note == "Pengguna menunggu terlalu lama"
    assert "ticket_close" in outbox_types()
    drain(qtbot, tasks)
    qtbot.waitUntil(lambda: not detail.followup_box.isVisible(), timeout=3000)
    assert "tidak puas" in detail.meta.text() and not detail.close_button.isVisible()


def test_copy_answer_sets_the_inquirys_answer(qtbot, window, tasks):
    inquiry_id = make_inquiry()
    ticket = make_ticket(inquiry_id=inquiry_id)
    apply([hub_answer(ticket.id, "HAI-2026-000042")])
    view = open_view(qtbot, window, tasks)
    select(qtbot, view, tasks, ticket.id)
    assert view.detail.copy_button.isVisible()
    view.detail.copy_button.click()
    drain(qtbot, tasks)
    qtbot.waitUntil(lambda: inquiries.get_inquiry(inquiry_id).outcome == "answered", timeout=3000)
    inquiry = inquiries.get_inquiry(inquiry_id)
    assert inquiry.answer == "Jawaban pusat: SP2D sudah terbit."
    assert "Jawaban HAI-DJPBN, tiket HAI-2026-000042" in inquiry.basis_regulations


def test_no_copy_action_without_an_inquiry_or_an_answer(qtbot, window, tasks):
    ticket = make_ticket()
    apply([hub_answer(ticket.id, "HAI-2026-000042")])
    view = open_view(qtbot, window, tasks)
    select(qtbot, view, tasks, ticket.id)
    assert not view.detail.copy_button.isVisible()


def test_a_new_reply_after_a_sync_notifies_and_counts(qtbot, window, tasks):
    ticket = make_ticket()
    apply([hub_answer(ticket.id, "HAI-2026-000042", messages=[])])
    changes.notify("tickets")
    drain(qtbot, tasks)
    alerts = window.ticket_alerts
    assert alerts.notifications == [] and alerts.unread == 0
    apply([hub_answer(ticket.id, "HAI-2026-000042")])
    changes.notify("tickets")
    drain(qtbot, tasks)
    qtbot.waitUntil(lambda: alerts.unread == 1, timeout=3000)
    assert alerts.notifications == [
        ("Balasan baru dari HAI-DJPBN", "HAI-2026-000042 — SP2D tertahan")
    ]
    assert nav_text(window).startswith("Tiket (1)")


@pytest.mark.parametrize("source", ["history", "offer", "form_button"])
def test_forward_entry_points_open_the_prefilled_form(qtbot, window, tasks, source):
    inquiry_id = make_inquiry()
    alerts = window.ticket_alerts
    if source == "history":
        history = window.history
        drain(qtbot, tasks)
        qtbot.waitUntil(lambda: history.model.rowCount() == 1, timeout=3000)
        history.table.selectRow(0)
        history.forward_button.click()
    elif source == "offer":
        window.form.saved.emit(inquiry_id)  # as after saving an escalated inquiry
        drain(qtbot, tasks)
        assert alerts.offer.isVisible()
        alerts.offer.forward.click()
    else:
        window.form.load_inquiry(inquiry_id)
        drain(qtbot, tasks)
        window.form.forward_button.click()
    drain(qtbot, tasks)
    dialog = alerts.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.inquiry_id == inquiry_id
    assert dialog.requester_name.text() == "Siti Rahayu"
    dialog.reject()


def test_new_ticket_button_opens_an_empty_form(qtbot, window, tasks):
    view = open_view(qtbot, window, tasks)
    view.new_button.click()
    drain(qtbot, tasks)
    dialog = window.ticket_alerts.dialog
    assert dialog is not None and dialog.inquiry_id is None and dialog.subject.text() == ""
    dialog.reject()


def test_upload_progress_shows_in_the_conversation(qtbot, window, tasks, tmp_path):
    from hai_desktop.core import tickets_sync

    ticket = make_ticket(tmp_path)
    view = open_view(qtbot, window, tasks)
    select(qtbot, view, tasks, ticket.id)
    label, _f = next(iter(view.detail.file_labels.values()))
    assert "menunggu kirim" in label.text()
    sha = ticket.attachments[0]["sha256"]
    for listener in list(tickets_sync.progress_listeners):
        listener(sha, 1000, len(PDF))
    drain(qtbot, tasks)
    assert "mengunggah 49 %" in label.text()
    for listener in list(tickets_sync.progress_listeners):
        listener(sha, len(PDF), len(PDF))
    drain(qtbot, tasks)
    assert "terkirim" in label.text()


def test_a_resolved_ticket_says_whether_its_sla_was_kept(qtbot, window, tasks):
    ticket = make_ticket()
    sla = {"response_met": True, "resolve_met": True, "resolve_due": iso(timedelta(hours=-1))}
    apply([hub_answer(ticket.id, "HAI-2026-000042", sla=sla, messages=[])])
    view = open_view(qtbot, window, tasks)
    assert cell(view, 0, "sla", TicketListModel.SLA_ROLE) == "met"
    assert cell(view, 0, "sla") == "✓ terpenuhi"


def test_saving_an_escalated_inquiry_offers_to_forward_it(qtbot, window, tasks):
    form = window.form
    form.visitor_name.setText("Rina")
    form.department.setCurrentIndex(form.department.findData("PA"))
    form.question.setPlainText("SP2D tertahan di SPAN")
    form.outcome.setCurrentIndex(form.outcome.findData("escalated"))
    with qtbot.waitSignal(form.saved, timeout=5000):
        form.save()
    drain(qtbot, tasks)
    offer = window.ticket_alerts.offer
    qtbot.waitUntil(offer.isVisible, timeout=3000)
    # An answered one does not.
    form.visitor_name.setText("Budi")
    form.department.setCurrentIndex(form.department.findData("PA"))
    form.question.setPlainText("Cara revisi DIPA?")
    form.answer.setPlainText("Ajukan revisi melalui SAKTI.")
    with qtbot.waitSignal(form.saved, timeout=5000):
        form.save()
    drain(qtbot, tasks)
    qtbot.waitUntil(lambda: not offer.isVisible(), timeout=3000)


def test_the_form_button_saves_the_typed_inquiry_then_opens_the_ticket_form(qtbot, window, tasks):
    form = window.form
    form.visitor_name.setText("Rina")
    form.department.setCurrentIndex(form.department.findData("PA"))
    form.question.setPlainText("SP2D tertahan di SPAN")
    form.outcome.setCurrentIndex(form.outcome.findData("escalated"))
    with qtbot.waitSignal(form.saved, timeout=5000) as saved:
        form.forward_button.click()
    drain(qtbot, tasks)
    dialog = window.ticket_alerts.dialog
    assert dialog is not None and dialog.inquiry_id == saved.args[0]
    assert dialog.subject.text() == "SP2D tertahan di SPAN"
    assert not window.ticket_alerts.offer.isVisible()  # the form is open instead
    dialog.reject()
