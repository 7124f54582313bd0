"""The centre's web console (/console/) through the app: sign-in, roles, CSRF, session
expiry, and console actions giving the same result as the equivalent API calls."""

from __future__ import annotations

import hashlib
import re
import uuid

import pytest

from hai_central.store import db as store
from hai_central.store.models import ConsoleSession
from tests.central.conftest import ADMIN_EMAIL, ADMIN_PASSWORD, PASSWORD, inquiry

TOKEN_RE = re.compile(r'name="csrf_token" value="([^"]+)"')


def make_user(hub, role: str, office: str = "PUSAT") -> str:
    """A user of ``role`` (office created if needed); returns the e-mail."""
    email = f"{role}.{uuid.uuid4().hex[:8]}@kemenkeu.go.id"
    hub.user(role, office, email=email)
    return email


def csrf_of(html: str) -> str:
    match = TOKEN_RE.search(html)
    assert match, "the page has no CSRF token"
    return match.group(1)


def console_login(client, email: str, password: str = PASSWORD, next_path: str = "/console/"):
    page = client.get("/console/login")
    return client.post(
        "/console/login",
        data={
            "email": email,
            "password": password,
            "csrf_token": csrf_of(page.text),
            "next": next_path,
        },
        follow_redirects=False,
    )


def signed_in(hub, role: str = "agent"):
    """The hub's client signed into the console as a new user of ``role``."""
    return signed_in_as(hub, make_user(hub, role))


def signed_in_as(hub, email: str):
    r = console_login(hub.client, email)
    assert r.status_code == 303, r.text
    return hub.client


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


def test_sign_in_sets_a_strict_cookie_and_shows_the_role_menu(sqlite_hub):
    c = sqlite_hub.client
    r = c.get("/console/?x=1", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/console/login?next=")
    page = c.get("/console/login")
    assert page.status_code == 200
    csp = page.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp and "unsafe" not in csp
    assert page.headers["x-frame-options"] == "DENY"
    assert '<label for="email">' in page.text and '<label for="password">' in page.text
    r = console_login(c, ADMIN_EMAIL, ADMIN_PASSWORD, "/console/")
    assert r.status_code == 303 and r.headers["location"] == "/console/"
    cookie = r.headers["set-cookie"]
    assert "hai_console=" in cookie and "HttpOnly" in cookie
    assert "samesite=lax" in cookie.lower() and "Secure" not in cookie
    home = c.get("/console/")
    assert home.status_code == 200 and "Selamat datang" in home.text
    assert "no-store" in home.headers["cache-control"]


def test_wrong_password_same_page_and_throttled_like_the_api(sqlite_hub):
    c = sqlite_hub.client
    r = console_login(c, ADMIN_EMAIL, "salah-sekali")
    assert r.status_code == 401 and "E-mail atau kata sandi salah" in r.text
    for _ in range(10):
        console_login(c, ADMIN_EMAIL, "salah-sekali")
    r = console_login(c, ADMIN_EMAIL, ADMIN_PASSWORD)
    assert r.status_code == 429 and "Terlalu banyak percobaan" in r.text
    # The API shares the throttle: the same account is refused there too.
    api = c.post("/api/v1/auth/token", json={"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD})
    assert api.status_code == 429


def test_cso_is_refused_with_a_clear_page(sqlite_hub):
    email = make_user(sqlite_hub, "cso", "KPPN-CONSOLE")
    r = console_login(sqlite_hub.client, email)
    assert r.status_code == 403
    assert "Akun CSO tidak dapat memakai konsol" in r.text
    assert "hai_console=" not in r.headers.get("set-cookie", "")
    with store.session():
        assert ConsoleSession.select().count() == 0


def test_each_page_checks_the_role(sqlite_hub):
    c = signed_in(sqlite_hub, "broadcaster")
    r = c.get("/console/review")
    assert r.status_code == 403 and "Halaman ini hanya untuk peran" in r.text
    assert c.get("/console/").status_code == 200


def test_post_without_csrf_token_is_refused(sqlite_hub):
    c = signed_in(sqlite_hub, "agent")
    r = c.post("/console/logout", data={})
    assert r.status_code == 403 and "Formulir ini tidak dapat diterima" in r.text
    r = c.post("/console/logout", data={"csrf_token": "palsu"})
    assert r.status_code == 403
    # The right token from another site's page is still refused (Origin check).
    token = csrf_of(c.get("/console/").text)
    r = c.post(
        "/console/logout", data={"csrf_token": token}, headers={"Origin": "http://evil.example"}
    )
    assert r.status_code == 403
    assert c.get("/console/").status_code == 200  # still signed in
    # A login form without its token is refused as well.
    r = c.post("/console/login", data={"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD})
    assert r.status_code == 403


def test_sign_out_ends_the_session(sqlite_hub):
    c = signed_in(sqlite_hub, "agent")
    cookie = c.cookies.get("hai_console")
    token = csrf_of(c.get("/console/").text)
    r = c.post("/console/logout", data={"csrf_token": token}, follow_redirects=False)
    assert r.status_code == 303
    c.cookies.set("hai_console", cookie, path="/console")  # a copied cookie is dead too
    assert c.get("/console/", follow_redirects=False).status_code == 303


@pytest.mark.parametrize("limit", ["idle", "absolute"])
def test_session_expires_idle_and_absolute(hub, limit):
    c = signed_in(hub, "agent")
    assert c.get("/console/").status_code == 200
    with store.transaction():
        row = ConsoleSession.select().first()
        if limit == "idle":
            idle = int(hub.settings.console_idle_minutes * 60)
            row.last_seen_at -= idle + 1
        else:
            row.expires_at = row.created_at
        row.save()
    r = c.get("/console/", follow_redirects=False)
    assert r.status_code == 303 and "/console/login" in r.headers["location"]


def test_api_token_is_no_console_session(sqlite_hub):
    headers = sqlite_hub.login(ADMIN_EMAIL, ADMIN_PASSWORD)
    token = headers["Authorization"].split()[1]
    sqlite_hub.client.cookies.set("hai_console", token, path="/console")
    assert sqlite_hub.client.get("/console/", follow_redirects=False).status_code == 303


def test_console_cookie_is_no_api_token(sqlite_hub):
    c = signed_in(sqlite_hub, "agent")
    secret = c.cookies.get("hai_console")
    r = c.get("/api/v1/kb/changes", headers={"Authorization": f"Bearer {secret}"})
    assert r.status_code == 401


def test_changed_account_loses_its_console_session(sqlite_hub):
    email = make_user(sqlite_hub, "agent")
    c = signed_in_as(sqlite_hub, email)
    user_id = next(
        u["id"]
        for u in sqlite_hub.client.get("/api/v1/admin/users", headers=sqlite_hub.admin).json()[
            "items"
        ]
        if u["email"] == email
    )
    r = sqlite_hub.client.patch(
        f"/api/v1/admin/users/{user_id}", headers=sqlite_hub.admin, json={"role": "cso"}
    )
    assert r.status_code == 200, r.text
    assert c.get("/console/", follow_redirects=False).status_code == 303


def test_secure_cookie_behind_tls_proxy(sqlite_hub):
    sqlite_hub.settings.console_trust_forwarded_proto = True
    c = sqlite_hub.client
    page = c.get("/console/login")
    r = c.post(
        "/console/login",
        data={"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD, "csrf_token": csrf_of(page.text)},
        headers={"X-Forwarded-Proto": "https"},
        follow_redirects=False,
    )
    assert r.status_code == 303 and "Secure" in r.headers["set-cookie"]


def test_unknown_console_page_is_a_404_page_and_static_files_load(sqlite_hub):
    r = sqlite_hub.client.get("/console/tidak-ada")
    assert r.status_code == 404 and "Halaman tidak ditemukan" in r.text
    css = sqlite_hub.client.get("/console/static/console.css")
    assert css.status_code == 200 and "text/css" in css.headers["content-type"]
    assert css.headers["x-content-type-options"] == "nosniff"


def test_open_redirect_after_sign_in_is_refused(sqlite_hub):
    r = console_login(sqlite_hub.client, ADMIN_EMAIL, ADMIN_PASSWORD, "//evil.example/x")
    assert r.headers["location"] == "/console/"


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


def test_demo_prints_the_console_address(capsys):
    from hai_desktop.cli_demo import _print_demo_accounts

    _print_demo_accounts("http://127.0.0.1:8765")
    out = capsys.readouterr().out
    assert "http://127.0.0.1:8765/console/" in out and "agent" in out


def test_similarity_of_texts():
    from hai_central.services.similarity import Vocabulary, jaccard, tokens

    vocabulary = Vocabulary()
    a = vocabulary.mask(tokens("Token SPAN kedaluwarsa, tidak bisa login"))
    b = vocabulary.mask(tokens("token span KEDALUWARSA sejak kemarin"))
    c = vocabulary.mask(tokens("Cara revisi DIPA"), grow=False)
    assert jaccard(a, b) == 0.75  # 3 shared of 4: stopwords and case do not count
    assert jaccard(a, c) == 0.0 and c[1] == 3  # unknown words still count in the union
