"""The console's agent screens through the app: the ticket queue, a ticket's reply and
changes, similar tickets answered together, the review queue and the KB — each console
action compared with the equivalent API call."""

from __future__ import annotations

import hashlib
import re
import uuid

from tests.central.conftest import inquiry
from tests.central.test_console import csrf_of, make_user, signed_in, signed_in_as

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


def desk_ticket(hub, cso: dict, office: str, **kw) -> dict:
    """A ticket a desk forwarded (through the API, as the desk's sync does)."""
    body = {
        "id": str(uuid.uuid4()),
        "office_code": office,
        "department": "PA",
        "subject": "SP2D tertahan di KPPN",
        "message": "Mohon bantuan, SP2D satker kami tertahan sejak kemarin.",
        "priority": "high",
        "requester": {"name": "Budi", "email": "budi@kemenkeu.go.id", "satker_code": "123456"},
        "attachments": [],
        "created_at": "2026-11-26T08:00:00Z",
    }
    body.update(kw)
    r = hub.client.post("/api/v1/tickets", headers=cso, json=body)
    assert r.status_code == 201, r.text
    return r.json()


def comparable(ticket: dict) -> dict:
    """A ticket without what differs between two equal histories (ids, numbers, times)."""
    return {
        "status": ticket["status"],
        "level": ticket["level"],
        "assigned_department": ticket["assigned_department"],
        "assigned_to": ticket["assigned_to"],
        "first_response": ticket["first_response_at"] is not None,
        "messages": [
            (
                m["author_role"],
                m["author_name"],
                m["body"],
                [a["filename"] for a in m["attachments"]],
            )
            for m in ticket["messages"]
        ],
    }


def test_queue_filters_and_sorts_by_due(hub):
    cso_a = hub.user("cso", "KPPN-QA")
    cso_b = hub.user("cso", "KPPN-QB")
    urgent = desk_ticket(hub, cso_a, "KPPN-QA", priority="urgent", subject="Gagal login SAKTI")
    normal = desk_ticket(hub, cso_b, "KPPN-QB", priority="low", department="PKN")
    c = signed_in(hub, "agent")
    page = c.get("/console/tickets")
    assert page.status_code == 200
    assert page.text.index(urgent["number"]) < page.text.index(normal["number"])
    only_b = c.get("/console/tickets", params={"office": "KPPN-QB"}).text
    assert normal["number"] in only_b and urgent["number"] not in only_b
    pkn = c.get("/console/tickets", params={"department": "PKN"}).text
    assert normal["number"] in pkn and urgent["number"] not in pkn
    assert urgent["number"] not in c.get("/console/tickets", params={"due": "overdue"}).text
    assert urgent["number"] not in c.get("/console/tickets", params={"status": "closed"}).text
    assert 'for="f-status"' in page.text and 'for="f-due"' in page.text
    assert urgent["number"] in c.get("/console/tickets", params={"mine": "nobody"}).text
    assert urgent["number"] not in c.get("/console/tickets", params={"mine": "me"}).text


def test_console_reply_equals_the_api_reply(sqlite_hub):
    hub = sqlite_hub
    cso = hub.user("cso", "KPPN-RP")
    by_console = desk_ticket(hub, cso, "KPPN-RP")
    by_api = desk_ticket(hub, cso, "KPPN-RP")
    email = make_user(hub, "agent")
    c = signed_in_as(hub, email)
    page = c.get(f"/console/tickets/{by_console['id']}")
    assert page.status_code == 200 and "Balas ke desk" in page.text
    r = c.post(
        f"/console/tickets/{by_console['id']}/reply",
        data={
            "csrf_token": csrf_of(page.text),
            "message_id": str(uuid.uuid4()),
            "body": "Silakan ajukan ulang melalui SAKTI.",
            "status": "answered",
        },
        files=[("files", ("panduan.pdf", PDF, "application/pdf"))],
        follow_redirects=False,
    )
    assert r.status_code == 303, r.text
    agent_api = hub.login(email)
    sha = hashlib.sha256(PDF).hexdigest()
    put = hub.client.put(
        f"/api/v1/attachments/{sha}",
        headers={**agent_api, "X-Filename": "panduan.pdf", "Content-Type": "application/pdf"},
        content=PDF,
    )
    assert put.status_code in (200, 201)
    r = hub.client.post(
        f"/api/v1/tickets/{by_api['id']}/messages",
        headers=agent_api,
        json={
            "id": str(uuid.uuid4()),
            "body": "Silakan ajukan ulang melalui SAKTI.",
            "status": "answered",
            "attachments": [{"sha256": sha, "filename": "panduan.pdf"}],
        },
    )
    assert r.status_code == 201, r.text
    got = {
        t: hub.client.get(f"/api/v1/tickets/{t}", headers=cso).json()
        for t in (by_console["id"], by_api["id"])
    }
    assert comparable(got[by_console["id"]]) == comparable(got[by_api["id"]])
    assert got[by_console["id"]]["status"] == "answered"
    # The desk can download the console's attachment; the console shows the conversation.
    assert hub.client.get(f"/api/v1/attachments/{sha}", headers=cso).status_code == 200
    page = c.get(f"/console/tickets/{by_console['id']}?ok=replied")
    assert "Balasan terkirim" in page.text and "panduan.pdf" in page.text
    assert c.get(f"/console/attachments/{sha}").content == PDF


def test_console_ticket_update_equals_the_api_patch(sqlite_hub):
    hub = sqlite_hub
    cso = hub.user("cso", "KPPN-UP")
    one, two = desk_ticket(hub, cso, "KPPN-UP"), desk_ticket(hub, cso, "KPPN-UP")
    email = make_user(hub, "agent")
    c = signed_in_as(hub, email)
    page = c.get(f"/console/tickets/{one['id']}")
    fields = {"status": "escalated", "level": "2", "assigned_department": "PKN"}
    r = c.post(
        f"/console/tickets/{one['id']}/update",
        data={"csrf_token": csrf_of(page.text), **fields, "assigned_to": email},
    )
    assert r.status_code == 200 and "Perubahan disimpan" in r.text
    api = hub.client.patch(
        f"/api/v1/tickets/{two['id']}",
        headers=hub.login(email),
        json={**fields, "level": 2, "assigned_to": email},
    )
    assert api.status_code == 200, api.text
    a = hub.client.get(f"/api/v1/tickets/{one['id']}", headers=cso).json()
    assert comparable(a) == comparable(api.json())
    assert one["number"] in c.get("/console/tickets", params={"mine": "me"}).text


def test_supervisor_reads_tickets_but_cannot_reply(sqlite_hub):
    hub = sqlite_hub
    cso = hub.user("cso", "KPPN-SV")
    t = desk_ticket(hub, cso, "KPPN-SV")
    c = signed_in(hub, "supervisor")
    page = c.get(f"/console/tickets/{t['id']}")
    assert page.status_code == 200 and "Balas ke desk" not in page.text
    r = c.post(
        f"/console/tickets/{t['id']}/reply",
        data={"csrf_token": csrf_of(page.text), "body": "x"},
    )
    assert r.status_code == 403


def test_similar_tickets_answered_together(sqlite_hub):
    hub = sqlite_hub
    tickets = []
    for office in ("KPPN-S1", "KPPN-S2", "KPPN-S3"):
        cso = hub.user("cso", office)
        tickets.append(
            (
                cso,
                desk_ticket(
                    hub,
                    cso,
                    office,
                    subject="Token SPAN kedaluwarsa",
                    message="Token SPAN operator kedaluwarsa, tidak bisa login aplikasi SPAN.",
                ),
            )
        )
    cso4 = hub.user("cso", "KPPN-S4")
    other = desk_ticket(hub, cso4, "KPPN-S4", subject="Revisi DIPA", message="Cara revisi pagu?")
    c = signed_in(hub, "agent")
    page = c.get("/console/tickets/similar")
    assert page.status_code == 200
    assert all(t["number"] in page.text for _, t in tickets)
    assert other["number"] not in page.text
    r = c.post(
        "/console/tickets/similar/reply",
        data={
            "csrf_token": csrf_of(page.text),
            "message_id": str(uuid.uuid4()),
            "ticket_id": [t["id"] for _, t in tickets],
            "body": "Reset token melalui helpdesk SPAN.",
            "status": "answered",
        },
    )
    assert r.status_code == 200 and "semua tiket yang dipilih" in r.text
    for cso, t in tickets:
        got = hub.client.get(f"/api/v1/tickets/{t['id']}", headers=cso).json()
        assert got["status"] == "answered"
        assert got["messages"][-1]["body"] == "Reset token melalui helpdesk SPAN."


def push_inquiry(hub, cso: dict, office: str, **kw) -> dict:
    item = inquiry(office, **kw)
    r = hub.client.post("/api/v1/inquiries/batch", headers=cso, json={"items": [item]})
    assert r.status_code == 200, r.text
    return item


def test_review_accept_equals_the_api_and_reject_with_note(hub):
    cso = hub.user("cso", "KPPN-RV")
    one = push_inquiry(hub, cso, "KPPN-RV", question="Bagaimana cara revisi DIPA petikan?")
    two = push_inquiry(hub, cso, "KPPN-RV", question="Bagaimana cara revisi DIPA petikan?")
    three = push_inquiry(hub, cso, "KPPN-RV", question="Apa itu SPM?")
    email = make_user(hub, "agent")
    c = signed_in_as(hub, email)
    page = c.get("/console/review")
    assert page.status_code == 200 and page.text.count('class="review-item') == 3
    fields = {
        "title": "Revisi DIPA petikan",
        "question": "Bagaimana cara revisi DIPA petikan?",
        "answer": "Ajukan revisi melalui SAKTI, modul penganggaran.",
        "department": "PA",
        "application": "SAKTI",
        "regulations": "PMK 62 Tahun 2023\nPER-1/PB/2024",
        "tags": "dipa, revisi",
        "valid_until": "2027-12-31",
    }
    r = c.post(
        f"/console/review/{one['id']}",
        data={"csrf_token": csrf_of(page.text), "decision": "accept", "target": "new", **fields},
    )
    assert r.status_code == 200 and "diterima ke basis pengetahuan" in r.text
    api = hub.client.post(
        f"/api/v1/review/inquiries/{two['id']}",
        headers=hub.login(email),
        json={
            "decision": "accept",
            "kb_entry": {
                **fields,
                "regulations": ["PMK 62 Tahun 2023", "PER-1/PB/2024"],
                "tags": ["dipa", "revisi"],
                "valid_until": "2027-12-31T16:59:59Z",
            },
        },
    )
    assert api.status_code == 200, api.text
    feed = hub.client.get("/api/v1/kb/changes", headers=cso).json()["items"]
    entries = [e for e in feed if e["title"] == "Revisi DIPA petikan"]
    assert len(entries) == 2
    drop = ("id", "rev", "updated_at", "source_inquiry_ids")
    a, b = ({k: v for k, v in e.items() if k not in drop} for e in entries)
    assert a == b
    # The next pending one now shows the new entry as a merge candidate; reject it.
    page = c.get("/console/review")
    assert page.text.count('class="review-item') == 1
    r = c.post(
        f"/console/review/{three['id']}",
        data={"csrf_token": csrf_of(page.text), "decision": "reject", "note": "Terlalu umum."},
    )
    assert r.status_code == 200 and "Jawaban ditolak" in r.text
    rejected = hub.client.get("/api/v1/review/inquiries?status=rejected", headers=hub.login(email))
    assert [i["id"] for i in rejected.json()["items"]] == [three["id"]]


def test_review_accept_into_an_existing_entry(sqlite_hub):
    hub = sqlite_hub
    cso = hub.user("cso", "KPPN-RX")
    first = push_inquiry(hub, cso, "KPPN-RX", question="Cara membuat akun SAKTI baru?")
    second = push_inquiry(hub, cso, "KPPN-RX", question="Cara membuat akun SAKTI operator?")
    c = signed_in(hub, "agent")
    page = c.get("/console/review")
    token = csrf_of(page.text)
    base = {"csrf_token": token, "decision": "accept", "department": "PA"}
    c.post(
        f"/console/review/{first['id']}",
        data={**base, "target": "new", "title": "Akun SAKTI", "question": "Akun?", "answer": "A"},
    )
    page = c.get("/console/review")
    match = re.search(r'<option value="([0-9a-f-]{36})">Gabung ke: Akun SAKTI', page.text)
    assert match, "the new entry is offered as a merge target"
    r = c.post(
        f"/console/review/{second['id']}",
        data={
            **base,
            "target": match.group(1),
            "title": "Akun SAKTI",
            "question": "Akun?",
            "answer": "Jawaban gabungan",
        },
    )
    assert r.status_code == 200
    feed = hub.client.get("/api/v1/kb/changes", headers=cso).json()["items"]
    assert len(feed) == 1 and feed[0]["answer"] == "Jawaban gabungan"
    assert set(feed[0]["source_inquiry_ids"]) == {first["id"], second["id"]}


def test_kb_edit_retire_and_feedback(hub):
    cso = hub.user("cso", "KPPN-KB")
    c = signed_in(hub, "agent")
    page = c.get("/console/kb/new")
    r = c.post(
        "/console/kb/new",
        data={
            "csrf_token": csrf_of(page.text),
            "title": "Jam layanan KPPN",
            "question": "Kapan jam layanan?",
            "answer": "08.00-16.00",
            "department": "PKN",
        },
    )
    assert r.status_code == 200 and "Entri basis pengetahuan disimpan" in r.text
    entry_id = str(r.url).rsplit("/", 1)[1].split("?")[0]
    fb = hub.client.post(
        f"/api/v1/kb/{entry_id}/feedback",
        headers=cso,
        json={"id": str(uuid.uuid4()), "helpful": False, "note": "Jam Jumat berbeda"},
    )
    assert fb.status_code in (200, 201), fb.text
    page = c.get(f"/console/kb/{entry_id}")
    assert "Jam Jumat berbeda" in page.text and "Kantor KPPN-KB" in page.text
    r = c.post(
        f"/console/kb/{entry_id}",
        data={
            "csrf_token": csrf_of(page.text),
            "title": "Jam layanan KPPN",
            "question": "Kapan jam layanan?",
            "answer": "Senin-Kamis 08.00-16.00, Jumat 08.00-16.30",
            "department": "PKN",
            "valid_until": "2027-06-30",
        },
    )
    assert r.status_code == 200
    got = hub.client.get(f"/api/v1/kb/{entry_id}", headers=cso).json()
    assert got["answer"].startswith("Senin") and got["valid_until"] == "2027-06-30T16:59:59Z"
    assert "Jam layanan KPPN" in c.get("/console/kb", params={"q": "layanan"}).text
    r = c.post(f"/console/kb/{entry_id}/retire", data={"csrf_token": csrf_of(page.text)})
    assert r.status_code == 200 and "dipensiunkan" in r.text
    assert hub.client.get(f"/api/v1/kb/{entry_id}", headers=cso).json()["deleted"] is True
