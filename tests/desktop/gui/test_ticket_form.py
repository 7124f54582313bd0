"""The ticket form "Teruskan ke HAI-DJPBN": refused files say why and are not added, the
prefill from an inquiry, drag and drop, KB matches of the subject, validation at the fields,
and saving queues the ticket with its files offline."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from hai_desktop.core import attachments, kb
from hai_desktop.core.db.models import Attachment, Inquiry, Ticket
from hai_desktop.gui.dialogs.ticket_form import TicketForm
from tests.desktop.gui.conftest import drain
from tests.desktop.gui.ticket_gui_fixtures import PDF, make_inquiry, outbox_types


@pytest.fixture
def form(qtbot, tasks, profile):
    dialog = TicketForm(tasks)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def fill(form) -> None:
    form.department.setCurrentIndex(form.department.findData("PA"))
    form.subject.setText("SP2D tertahan")
    form.message.setPlainText("SP2D tertahan sejak minggu lalu.")
    form.requester_name.setText("Siti Rahayu")
    form.requester_email.setText("siti@kemenkeu.go.id")


def test_a_renamed_exe_is_refused_with_the_reason_and_not_added(qtbot, tasks, form, tmp_path):
    fill(form)
    good = tmp_path / "surat.pdf"
    good.write_bytes(PDF)
    fake = tmp_path / "laporan.pdf"
    fake.write_bytes(b"MZ\x90\x00" + b"\x00" * 500)  # a Windows program renamed .pdf
    form.picker.add_paths([str(good), str(fake)])
    drain(qtbot, tasks)
    assert [f.filename for f in form.picker.files()] == ["surat.pdf"]
    refusal = form.picker.refusal_text()
    assert "laporan.pdf" in refusal and "bukan PDF" in refusal
    assert form.picker.refusal.isVisible()
    # The rest of the form stays as typed.
    assert form.subject.text() == "SP2D tertahan"
    assert form.requester_email.text() == "siti@kemenkeu.go.id"
    # A good file later clears the reason.
    other = tmp_path / "lampiran.txt"
    other.write_text("catatan")
    form.picker.add_paths([str(other)])
    drain(qtbot, tasks)
    assert len(form.picker.files()) == 2 and form.picker.refusal_text() == ""


def test_files_dropped_on_the_form_are_checked_the_same_way(qtbot, tasks, form, tmp_path):
    exe = tmp_path / "setup.exe"
    exe.write_bytes(b"MZ")
    good = tmp_path / "bukti.pdf"
    good.write_bytes(PDF)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(exe)), QUrl.fromLocalFile(str(good))])
    event = QDropEvent(
        QPointF(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    form.picker.dropEvent(event)
    drain(qtbot, tasks)
    assert [f.filename for f in form.picker.files()] == ["bukti.pdf"]
    assert ".exe tidak diizinkan" in form.picker.refusal_text()


def test_prefilled_from_the_inquiry(qtbot, tasks, profile):
    inquiry_id = make_inquiry()
    form = TicketForm(tasks, inquiry_id)
    qtbot.addWidget(form)
    drain(qtbot, tasks)
    assert form.department.currentData() == "PA"
    assert form.subject.text() == "SP2D tertahan sejak minggu lalu"
    assert form.message.toPlainText().endswith("Mohon dicek statusnya di SPAN.")
    assert form.requester_name.text() == "Siti Rahayu"
    assert form.requester_email.text() == "siti@kemenkeu.go.id"
    assert form.requester_phone.text() == "0812-3456-7890"
    assert form.requester_satker.text() == "123456"
    assert form.priority.currentData() == "normal"
    assert form.collect().inquiry_id == inquiry_id


def test_validation_messages_show_at_the_fields(qtbot, tasks, form):
    form.requester_email.setText("bukan-email")
    form.save()
    drain(qtbot, tasks)
    assert form.error_text("subject") == "Wajib diisi."
    assert form.error_text("department") == "Wajib diisi."
    assert form.error_text("requester_email") == "Alamat e-mail tidak valid."
    assert Ticket.select().count() == 0 and form.isVisible()


def test_saving_queues_the_ticket_and_its_files_offline(qtbot, tasks, profile, tmp_path):
    inquiry_id = make_inquiry()
    form = TicketForm(tasks, inquiry_id)
    qtbot.addWidget(form)
    form.show()
    drain(qtbot, tasks)
    pdf = tmp_path / "surat.pdf"
    pdf.write_bytes(PDF)
    form.picker.add_paths([str(pdf)])
    drain(qtbot, tasks)
    with qtbot.waitSignal(form.created, timeout=5000) as created:
        form.save()
    ticket = Ticket.get_by_id(created.args[0])
    assert ticket.number is None and ticket.inquiry_id == inquiry_id
    assert [a["filename"] for a in ticket.attachments] == ["surat.pdf"]
    sha = ticket.attachments[0]["sha256"]
    assert attachments.path_for(sha).read_bytes() == PDF  # the store holds its own copy
    assert Attachment.get_by_id(sha).stored
    assert sorted(outbox_types()) == ["attachment", "inquiry", "ticket"]
    assert Inquiry.get_by_id(inquiry_id).ticket_id == ticket.id
    assert not form.isVisible()


def test_kb_entries_matching_the_subject_are_shown(qtbot, tasks, form):
    kb.apply_kb_changes(
        [
            {
                "id": "0b0e6b43-4c2a-4f0e-9f7e-2f5d0c6f0a11",
                "rev": 1,
                "title": "SP2D tertahan di SPAN",
                "question": "Mengapa SP2D tertahan?",
                "answer": "Periksa status SPM di SPAN; SP2D terbit setelah pengujian.",
                "department": "PA",
                "application": None,
                "regulations": [],
                "tags": [],
                "source_inquiry_ids": [],
                "valid_until": None,
                "updated_at": "2026-11-01T08:00:00Z",
                "deleted": False,
            }
        ]
    )
    form.subject.setText("SP2D tertahan")
    form.search_kb()
    drain(qtbot, tasks)
    assert [h.title for h in form.kb_hits] == ["SP2D tertahan di SPAN"]
    assert form.kb_box.isVisible()
    assert "mungkin sudah ada" in form.kb_note.text()
    assert form.kb_answer.text().startswith("Periksa status SPM")


def test_an_inquiry_forwarded_before_says_so(qtbot, tasks, profile):
    from tests.desktop.gui.ticket_gui_fixtures import make_ticket

    inquiry_id = make_inquiry()
    make_ticket(inquiry_id=inquiry_id)
    form = TicketForm(tasks, inquiry_id)
    qtbot.addWidget(form)
    drain(qtbot, tasks)
    assert "sudah pernah diteruskan (tiket menunggu kirim)" in form.source.text()
