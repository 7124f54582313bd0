"""Desk tickets core: the attachment rules' bad inputs refuse before anything is queued, and
a ticket syncs through the stub hub's tickets feed (registered in RECORD_MODULES)."""

from __future__ import annotations

import pytest

from hai_desktop.core import attachments, inquiries, inquiries_form, outbox, tickets
from hai_desktop.core.attachments import AttachmentRefused
from hai_desktop.core.db.models import Ticket
from hai_desktop.core.sync import registry

PDF = b"%PDF-1.4\n" + b"x" * 1000


def _input(**over) -> tickets.TicketInput:
    values = dict(
        department="PA",
        subject="SP2D tertahan",
        message="SP2D tertahan sejak minggu lalu.",
        requester_name="Siti Rahayu",
        requester_email="siti@kemenkeu.go.id",
    )
    values.update(over)
    return tickets.TicketInput(**values)


def _refused(path) -> AttachmentRefused:
    with pytest.raises(AttachmentRefused) as info:
        attachments.check_file(path)
    return info.value


def test_tickets_sync_is_registered():
    assert "hai_desktop.core.tickets_sync" in registry.RECORD_MODULES
    assert {"attachment", "ticket", "ticket_message", "ticket_close"} <= set(
        registry.record_types()
    )
    assert "tickets" in [f.name for f in registry.feeds()]


def test_file_of_15_mb_plus_one_byte_is_refused(desk, tmp_path):
    big = tmp_path / "besar.pdf"
    with open(big, "wb") as f:
        f.write(b"%PDF-")
        f.truncate(15 * 1024 * 1024 + 1)
    err = _refused(big)
    assert err.code == "too_large" and "terlalu besar" in err.message()


def test_pdf_that_is_a_zip_or_an_exe_is_refused(desk, tmp_path):
    for name, head in (("zip.pdf", b"PK\x03\x04rest"), ("program.pdf", b"MZ\x90\x00rest")):
        p = tmp_path / name
        p.write_bytes(head)
        err = _refused(p)
        assert err.code == "content_mismatch" and "bukan PDF" in err.message()
    exe = tmp_path / "setup.exe"
    exe.write_bytes(b"MZ")
    assert _refused(exe).code == "type_not_allowed"


def test_file_vanishing_or_changing_after_choosing_queues_nothing(desk, tmp_path):
    for change in ("vanish", "change"):
        p = tmp_path / f"{change}.pdf"
        p.write_bytes(PDF)
        chosen = tickets.check_files([str(p)])
        if change == "vanish":
            p.unlink()
        else:
            p.write_bytes(PDF + b"lain")
        with pytest.raises(AttachmentRefused) as info:
            tickets.create_ticket(_input(), chosen)
        assert info.value.code == ("missing" if change == "vanish" else "changed")
    assert Ticket.select().count() == 0 and outbox.depth() == 0


def test_filename_with_separators_dots_and_300_characters():
    from hai_contract.attachments import safe_filename

    for raw in ("../../etc/passwd.pdf", "..\\windows\\x.pdf", "a" * 300 + ".pdf"):
        name = safe_filename(raw)
        assert "/" not in name and "\\" not in name and not name.startswith("..")
        assert 0 < len(name) <= 255 and name.endswith(".pdf")


def test_feed_item_gives_the_number_and_an_unread_reply(desk):
    saved = inquiries.save_inquiry(
        inquiries_form.InquiryInput(
            channel="tatap_muka",
            department="PA",
            visitor_name="Siti Rahayu",
            email="siti@kemenkeu.go.id",
            question="SP2D tertahan?",
            outcome="escalated",
        )
    )
    ticket = tickets.create_ticket(tickets.prefill_from_inquiry(saved.id))
    assert ticket.number is None and ticket.sync_status == "pending"
    item = {
        "id": ticket.id,
        "number": "HAI-2026-000007",
        "status": "answered",
        "level": 1,
        "rev": 1,
        "messages": [{"id": "m1", "author_role": "agent", "body": "Jawaban pusat."}],
    }
    from hai_desktop.core import tickets_hub

    tickets_hub.apply_from_hub([item])
    got = Ticket.get_by_id(ticket.id)
    assert got.number == "HAI-2026-000007" and got.unread == 1
    assert tickets.latest_answer(ticket.id).body == "Jawaban pusat."
