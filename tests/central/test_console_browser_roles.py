"""The broadcaster, supervisor and admin screens in a real browser (Debian's Chromium via
Playwright, a real hub on loopback, a real desk): an urgent broadcast published in the
console is acknowledged by a desk after its sync, and the receipts page shows it. The same
setup as test_console_browser.py (its fixtures); screenshots of each screen go to
``HAI_CONSOLE_SCREENSHOTS`` (docs/screenshots/console_*.png come from here)."""

from __future__ import annotations

import uuid

from tests.central import test_console_browser as base
from tests.central.test_console_browser import PDF, fits_1280, menu, sign_in, staff_account
from tests.integration.hub_harness import make_desk

# The same fixtures as the agent screens' browser tests (hub, Chromium, page, screenshots).
hub, browser, page, shots = base.hub, base.browser, base.page, base.shots


def test_urgent_broadcast_published_and_its_acknowledgement_arrives(hub, page, shots, tmp_path):
    from hai_desktop.core import broadcasts
    from hai_desktop.core.sync.engine import SyncEngine

    account = hub.create_office_with_cso()
    paths = make_desk(tmp_path / "desk", hub.url, account)
    assert SyncEngine(paths).run_once(force=True).ok

    sign_in(page, hub, staff_account(hub, "broadcaster"))
    page.wait_for_url("**/console/")
    menu(page, "Broadcast").click()
    page.wait_for_url("**/console/broadcasts")
    page.get_by_role("link", name="Tulis broadcast").click()
    title = f"Gangguan SPAN {uuid.uuid4().hex[:6]}"
    page.get_by_label("Jenis", exact=True).select_option("outage")
    page.get_by_label("Urgensi", exact=True).select_option("urgent")
    page.get_by_label("Judul", exact=True).fill(title)
    page.get_by_label("Isi pesan").fill("SPAN tidak dapat diakses sampai pukul 22.00 WIB.")
    attachment = tmp_path / "jadwal.pdf"
    attachment.write_bytes(PDF)
    page.get_by_label("Lampiran (boleh lebih dari satu)").set_input_files(str(attachment))
    page.get_by_label("Kantor tertentu", exact=False).select_option([account.office_code])
    page.get_by_label("Telepon").fill("021-3449230")
    page.get_by_label("Aplikasi terdampak").select_option(["SPAN"])
    assert fits_1280(page)
    page.screenshot(path=str(shots / "console_compose.png"))
    page.get_by_role("button", name="Pratinjau penerima").click()
    heading = page.get_by_role("heading", name="Pratinjau: menjangkau 1 kantor")
    assert heading.is_visible()
    reached = page.get_by_role("list", name="Kantor penerima").inner_text()
    assert account.office_code in reached
    page.screenshot(path=str(shots / "console_preview.png"))
    page.get_by_role("button", name="Terbitkan ke 1 kantor").click()
    assert "diterbitkan" in page.get_by_role("status").inner_text()
    row = page.locator("table.receipts tbody tr", has_text=account.office_code)
    assert "Belum keduanya" in row.inner_text()

    # The desk pulls it (signature verified), the CSO acknowledges, the next sync reports it.
    assert SyncEngine(paths).run_once(force=True).ok
    [urgent] = [b for b in broadcasts.unacknowledged_urgent() if b["title"] == title]
    broadcasts.mark_read(urgent["id"])
    broadcasts.acknowledge(urgent["id"])
    assert SyncEngine(paths).run_once(force=True).ok

    page.reload()
    row = page.locator("table.receipts tbody tr", has_text=account.office_code)
    assert "Dikonfirmasi" in row.inner_text()
    assert page.get_by_role("link", name="jadwal.pdf").is_visible()
    page.screenshot(path=str(shots / "console_receipts.png"), full_page=True)
    assert fits_1280(page)
    menu(page, "Broadcast").click()
    assert page.get_by_role("link", name=urgent["number"]).is_visible()
    page.screenshot(path=str(shots / "console_broadcasts.png"))


def test_supervisor_and_admin_screens(hub, page, shots, tmp_path):
    from hai_desktop.core import inquiries, inquiries_form
    from hai_desktop.core.sync.engine import SyncEngine

    account = hub.create_office_with_cso()
    paths = make_desk(tmp_path / "desk", hub.url, account)
    for channel, department, outcome in (
        ("telepon", "PA", "answered"),
        ("tatap_muka", "PA", "answered"),
        ("tatap_muka", "PKN", "escalated"),
    ):
        inquiries.save_inquiry(
            inquiries_form.InquiryInput(
                channel=channel,
                department=department,
                application="SAKTI",
                visitor_name="Andi",
                satker_code="654321",
                question="Bagaimana cara revisi DIPA di SAKTI?",
                answer="Ajukan revisi melalui SAKTI modul penganggaran.",
                outcome=outcome,
            )
        )
    assert SyncEngine(paths).run_once(force=True).ok  # the inquiries and a heartbeat

    sign_in(page, hub, staff_account(hub, "supervisor"))
    page.wait_for_url("**/console/")
    menu(page, "Pemantauan").click()
    row = page.locator("table.desks tbody tr", has_text=account.office_code)
    assert row.count() == 1 and "diam" not in row.inner_text()
    assert fits_1280(page)
    page.screenshot(path=str(shots / "console_national.png"))
    page.get_by_role("link", name="Angka bulanan & SLA").click()
    assert page.get_by_role("heading", name="Angka bulanan · Nasional").is_visible()
    assert "3 layanan" in page.get_by_role("list", name="Ringkasan bulan").inner_text()
    assert fits_1280(page)
    page.screenshot(path=str(shots / "console_monthly.png"), full_page=True)

    page.context.clear_cookies()
    sign_in(page, hub, staff_account(hub, "admin"))
    page.wait_for_url("**/console/")
    menu(page, "Kantor").click()
    assert page.get_by_role("link", name=account.office_code).is_visible()
    assert fits_1280(page)
    page.screenshot(path=str(shots / "console_admin_offices.png"))
    menu(page, "Pengguna").click()
    page.get_by_text("Tambah pengguna").click()
    assert fits_1280(page)
    page.screenshot(path=str(shots / "console_admin_users.png"))
    email = f"agen.{uuid.uuid4().hex[:6]}@kemenkeu.go.id"
    new_user = page.get_by_role("form", name="Tambah pengguna")
    new_user.get_by_label("E-mail dinas").fill(email)
    new_user.get_by_label("Nama", exact=True).fill("Agen Baru")
    new_user.get_by_label("Kata sandi awal").fill("KataSandi#2026")
    new_user.get_by_label("Peran").select_option("agent")
    new_user.get_by_role("button", name="Tambah").click()
    assert "Pengguna dibuat" in page.get_by_role("status").inner_text()
    assert fits_1280(page)
    page.screenshot(path=str(shots / "console_admin_user.png"))
    menu(page, "Kalender kerja").click()
    page.get_by_label("Tanggal").fill("2026-12-24")
    page.get_by_label("Keterangan").fill("Cuti bersama Natal")
    page.get_by_role("button", name="Simpan hari").click()
    assert "disimpan" in page.get_by_role("status").inner_text()
    assert page.locator("#days tr", has_text="Cuti bersama Natal").is_visible()
    assert fits_1280(page)
    page.screenshot(path=str(shots / "console_admin_calendar.png"))
