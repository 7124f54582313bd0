"""The console in a real browser: Debian's Chromium driven by Playwright against a real hub
on loopback, with a real desk (its core and sync engine) on the other side.

Skipped with the reason when Playwright or /usr/bin/chromium is missing (``scripts/setup
--tests`` installs Chromium; no ``playwright install``). Screenshots of every screen go to
a temporary folder (``HAI_CONSOLE_SCREENSHOTS`` to choose it; the ones in
docs/screenshots/console_*.png come from these tests).
"""

from __future__ import annotations

import os
import tempfile
import uuid
from pathlib import Path

import pytest
import requests

from tests.integration.hub_harness import API, Hub, make_desk

CHROMIUM = os.environ.get("HAI_CHROMIUM", "/usr/bin/chromium")
playwright_api = pytest.importorskip(
    "playwright.sync_api", reason="Playwright is not installed (pip install playwright)"
)
if not Path(CHROMIUM).exists():
    pytest.skip(
        f"Chromium not found at {CHROMIUM}: apt-get install chromium (scripts/setup --tests)",
        allow_module_level=True,
    )

PASSWORD = "KonsolUji#2026"
PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    h = Hub(tmp_path_factory.mktemp("hub")).start()
    yield h
    h.stop()


@pytest.fixture(scope="module")
def shots():
    folder = Path(os.environ.get("HAI_CONSOLE_SCREENSHOTS") or tempfile.mkdtemp("-console"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="id-ID")
    pg = context.new_page()
    errors: list[str] = []
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    yield pg
    context.close()
    # A CSP violation (an inline script or style) shows up as a console error.
    assert not [e for e in errors if "Content Security Policy" in e], errors


def staff_account(hub: Hub, role: str, office: str = "PUSAT") -> str:
    email = f"{role}.{uuid.uuid4().hex[:8]}@kemenkeu.go.id"
    r = hub.admin().post(
        hub.url + API + "/admin/users",
        json={
            "email": email,
            "name": f"{role.title()} Uji",
            "password": PASSWORD,
            "role": role,
            "office_code": office,
        },
        timeout=30,
    )
    assert r.status_code == 201, r.text
    return email


def sign_in(page, hub: Hub, email: str, password: str = PASSWORD, shot: Path | None = None):
    page.goto(hub.url + "/console/")
    assert "/console/login" in page.url
    page.get_by_label("E-mail dinas").fill(email)
    page.get_by_label("Kata sandi").fill(password)
    if shot:
        page.screenshot(path=str(shot))
    page.get_by_role("button", name="Masuk").click()


def menu(page, label: str):
    return page.get_by_role("navigation", name="Menu utama").get_by_role("link", name=label)


def fits_1280(page) -> bool:
    """No horizontal scrolling in a 1280-px-wide window."""
    page.set_viewport_size({"width": 1280, "height": 800})
    ok = page.evaluate("document.documentElement.scrollWidth <= 1280")
    page.set_viewport_size({"width": 1366, "height": 768})
    return ok


def test_agent_answers_a_forwarded_ticket_and_the_desk_receives_it(hub, page, shots, tmp_path):
    from hai_desktop.core import tickets
    from hai_desktop.core.db.models import Ticket
    from hai_desktop.core.sync.engine import SyncEngine
    from tests.integration.test_tickets_sync import escalated_inquiry

    account = hub.create_office_with_cso()
    paths = make_desk(tmp_path / "desk", hub.url, account)
    ticket = tickets.create_ticket(tickets.prefill_from_inquiry(escalated_inquiry()), [])
    assert SyncEngine(paths).run_once(force=True).ok
    number = Ticket.get_by_id(ticket.id).number
    assert number

    sign_in(page, hub, staff_account(hub, "agent"), shot=shots / "console_login.png")
    page.wait_for_url("**/console/")
    menu(page, "Antrean tiket").click()
    page.wait_for_url("**/console/tickets")
    assert fits_1280(page)
    page.screenshot(path=str(shots / "console_queue.png"))
    page.get_by_role("link", name=number).click()
    page.get_by_label("Isi balasan").fill("SP2D tertahan karena rekening satker tidak valid.")
    attachment = tmp_path / "panduan.pdf"
    attachment.write_bytes(PDF)
    page.get_by_label("Lampiran (boleh lebih dari satu)").set_input_files(str(attachment))
    page.screenshot(path=str(shots / "console_ticket.png"), full_page=True)
    page.get_by_role("button", name="Kirim balasan").click()
    assert page.get_by_role("status").inner_text() == "Balasan terkirim ke desk."
    assert page.get_by_role("link", name="panduan.pdf").is_visible()
    assert fits_1280(page)

    assert SyncEngine(paths).run_once(force=True).ok
    t = Ticket.get_by_id(ticket.id)
    assert t.status == "answered"
    messages = tickets.messages(t.id)
    assert [m.author_role for m in messages] == ["agent"]
    assert "rekening" in messages[0].body


def test_agent_accepts_a_desk_answer_and_a_desk_pulls_it(hub, page, shots, tmp_path):
    from hai_desktop.core import inquiries, inquiries_form, kb
    from hai_desktop.core.db.models import database_proxy
    from hai_desktop.core.sync.engine import SyncEngine

    account = hub.create_office_with_cso()
    paths = make_desk(tmp_path / "desk", hub.url, account)
    inquiries.save_inquiry(
        inquiries_form.InquiryInput(
            channel="telepon",
            department="PA",
            application="SAKTI",
            visitor_name="Andi",
            satker_code="654321",
            question="Bagaimana cara reset kata sandi operator SAKTI?",
            answer="Ajukan reset melalui admin SAKTI satker dengan surat permohonan.",
            outcome="answered",
        )
    )
    assert SyncEngine(paths).run_once(force=True).ok

    sign_in(page, hub, staff_account(hub, "agent"))
    page.wait_for_url("**/console/")
    menu(page, "Tinjauan jawaban").click()
    item = page.locator(".review-item", has_text="reset kata sandi operator SAKTI").first
    title = f"Reset kata sandi SAKTI {uuid.uuid4().hex[:6]}"
    # Keyboard flow: "a" jumps into the accept form of the current answer.
    page.locator("body").press("a")
    assert page.evaluate("document.activeElement.name") == "title"
    item.get_by_label("Judul").fill(title)
    page.screenshot(path=str(shots / "console_review.png"))
    item.get_by_role("button", name="Terima").click()
    assert "diterima ke basis pengetahuan" in page.get_by_role("status").inner_text()

    assert SyncEngine(paths).run_once(force=True).ok
    row = database_proxy.execute_sql("SELECT id FROM kb_entry WHERE title = ?", (title,)).fetchone()
    assert row, "the desk pulled the accepted entry"
    assert "surat permohonan" in kb.get_entry(row[0]).answer

    menu(page, "Basis pengetahuan").click()
    page.get_by_role("link", name=title).click()
    assert page.get_by_label("Judul").input_value() == title
    page.screenshot(path=str(shots / "console_kb.png"), full_page=True)


def test_cso_refused_and_csrf_less_post_refused(hub, page, shots):
    account = hub.create_office_with_cso()
    sign_in(page, hub, account.email, account.password)
    assert page.get_by_role("heading", name="Akses ditolak").is_visible()
    assert "Akun CSO tidak dapat memakai konsol" in page.content()
    page.screenshot(path=str(shots / "console_refused.png"))

    sign_in(page, hub, staff_account(hub, "agent"))
    page.wait_for_url("**/console/")
    page.screenshot(path=str(shots / "console_home.png"))
    # Focus order: the skip link first, the header (home link, sign-out), then the menu.
    order = []
    for _ in range(4):
        page.keyboard.press("Tab")
        order.append(page.evaluate("document.activeElement.textContent").strip())
    assert order == ["Langsung ke isi", "HAI-DJPBN Konsol Pusat", "Keluar", "Beranda"]
    # The browser's own cookies, but no token in the form: refused.
    r = page.request.post(hub.url + "/console/logout", form={"x": "1"})
    assert r.status == 403
    page.goto(hub.url + "/console/")
    assert page.get_by_role("heading", name="Selamat datang", exact=False).is_visible()


def _cso_session(hub: Hub, account) -> requests.Session:
    s = requests.Session()
    r = s.post(
        hub.url + API + "/auth/token",
        json={"email": account.email, "password": account.password},
        timeout=30,
    )
    s.headers["Authorization"] = f"Bearer {r.json()['access_token']}"
    return s


def test_similar_tickets_from_two_offices_answered_together(hub, page, shots):
    forwarded = []
    for _ in range(2):
        account = hub.create_office_with_cso()
        desk = _cso_session(hub, account)
        body = {
            "id": str(uuid.uuid4()),
            "office_code": account.office_code,
            "department": "PKN",
            "subject": "Token SPAN operator kedaluwarsa",
            "message": "Token SPAN operator kedaluwarsa sehingga tidak bisa login aplikasi SPAN.",
            "priority": "normal",
            "requester": {"name": "Rudi", "email": "rudi@kemenkeu.go.id", "satker_code": "123456"},
            "attachments": [],
            "created_at": "2026-11-26T08:00:00Z",
        }
        r = desk.post(hub.url + API + "/tickets", json=body, timeout=30)
        assert r.status_code == 201, r.text
        forwarded.append((desk, r.json()))
    sign_in(page, hub, staff_account(hub, "agent"))
    page.wait_for_url("**/console/")
    menu(page, "Tiket serupa").click()
    group = page.locator(".group", has_text=forwarded[0][1]["number"]).first
    assert forwarded[1][1]["number"] in group.inner_text()
    group.get_by_label("Jawaban untuk semua tiket yang dicentang").fill(
        "Minta reset token melalui helpdesk SPAN."
    )
    page.screenshot(path=str(shots / "console_similar.png"))
    group.get_by_role("button", name="Kirim ke semua yang dicentang").click()
    assert "semua tiket yang dipilih" in page.get_by_role("status").inner_text()
    for desk, ticket in forwarded:
        got = desk.get(f"{hub.url}{API}/tickets/{ticket['id']}", timeout=30).json()
        assert got["status"] == "answered"
        assert got["messages"][-1]["body"] == "Minta reset token melalui helpdesk SPAN."
