"""Tickets end to end: a desk forwards an inquiry offline with attachments, syncs to the real
hub on loopback, gets a number, a reply arrives, the answer goes back into the inquiry."""

from __future__ import annotations

import hashlib
import uuid

import requests

from hai_desktop.core import attachments, inquiries, inquiries_form, outbox, tickets
from hai_desktop.core.db.models import Ticket
from hai_desktop.core.sync.engine import SyncEngine
from tests.integration.hub_harness import API, Hub, make_desk

PDF = b"%PDF-1.4\n" + bytes(range(256)) * 3000  # 750 KB: two chunks


def agent_session(hub: Hub) -> requests.Session:
    admin = hub.admin()
    email = f"agen.{uuid.uuid4().hex[:8]}@kemenkeu.go.id"
    r = admin.post(
        hub.url + API + "/admin/users",
        json={
            "email": email,
            "name": "Agen Uji",
            "password": "AgenUji#2026",
            "role": "agent",
            "office_code": "PUSAT",
        },
        timeout=30,
    )
    assert r.status_code == 201, r.text
    s = requests.Session()
    tok = s.post(
        hub.url + API + "/auth/token",
        json={
            "email": email,
            "password": "AgenUji#2026",
            "device_id": str(uuid.uuid4()),
            "device_name": "x",
        },
        timeout=30,
    ).json()["access_token"]
    s.headers["Authorization"] = f"Bearer {tok}"
    return s


def escalated_inquiry() -> str:
    saved = inquiries.save_inquiry(
        inquiries_form.InquiryInput(
            channel="tatap_muka",
            department="PA",
            visitor_name="Siti Rahayu",
            satker_code="123456",
            email="siti@kemenkeu.go.id",
            phone="08123456789",
            question="SP2D tertahan sejak minggu lalu, apa sebabnya?",
            outcome="escalated",
        )
    )
    return saved.id


def test_forward_offline_sync_reply_and_answer_back(hub, tmp_path):
    account = hub.create_office_with_cso()
    paths = make_desk(tmp_path / "desk", hub.url, account)
    inquiry_id = escalated_inquiry()
    src = tmp_path / "surat.pdf"
    src.write_bytes(PDF)
    data = tickets.prefill_from_inquiry(inquiry_id)
    assert data.requester_name == "Siti Rahayu" and data.department == "PA"
    ticket = tickets.create_ticket(data, tickets.check_files([str(src)]))
    src.unlink()  # the store holds its own copy
    assert ticket.number is None
    sha = hashlib.sha256(PDF).hexdigest()
    assert attachments.path_for(sha).read_bytes() == PDF
    assert outbox.waiting_on("ticket", ticket.id) == [("attachment", sha)]

    report = SyncEngine(paths).run_once(force=True)
    assert report.ok, report.summary_lines()
    t = Ticket.get_by_id(ticket.id)
    assert t.number and t.number.startswith("HAI-") and t.sync_status == "synced"
    assert t.sla and t.sla["resolve_due"]
    assert outbox.depth() == 0

    agent = agent_session(hub)
    r = agent.post(
        f"{hub.url}{API}/tickets/{ticket.id}/messages",
        json={"id": str(uuid.uuid4()), "body": "SP2D tertahan karena rekening tidak valid."},
        timeout=30,
    )
    assert r.status_code == 201, r.text
    hub_copy = agent.get(f"{hub.url}{API}/attachments/{sha}", timeout=30)
    assert hashlib.sha256(hub_copy.content).hexdigest() == sha

    assert SyncEngine(paths).run_once(force=True).ok
    t = Ticket.get_by_id(ticket.id)
    assert t.status == "answered" and t.unread == 1
    assert [m.author_role for m in tickets.messages(t.id)] == ["agent"]

    inquiry = tickets.copy_answer_to_inquiry(t.id)
    assert inquiry.outcome == "answered" and "rekening" in inquiry.answer
    assert inquiry.ticket_id == t.id
    assert any(t.number in b for b in inquiry.basis_regulations)

    tickets.close_ticket(t.id, satisfied=True, note="Sudah dijelaskan")
    assert SyncEngine(paths).run_once(force=True).ok
    got = agent.get(f"{hub.url}{API}/tickets/{t.id}", timeout=30).json()
    assert got["status"] == "closed" and got["satisfied"] is True
    assert outbox.depth() == 0
