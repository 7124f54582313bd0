"""The console's broadcaster, supervisor and admin screens through the app: each screen for
its role only, and console actions giving the same result as the equivalent API calls
(publish, receipts, replies, desks, monthly figures, offices, users, days off)."""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from hai_central.console import labels_roles
from hai_central.store import db as store
from hai_central.store.models import Broadcast, Desk
from hai_contract.broadcasts import SIGNED_FIELDS_V2
from tests.central.conftest import PASSWORD, inquiry
from tests.central.test_console import (
    console_login,
    csrf_of,
    make_user,
    signed_in,
    signed_in_as,
)
from tests.central.test_console_agent import PDF, desk_ticket

SCREENS = {
    "/console/broadcasts": {"broadcaster", "admin"},
    "/console/broadcasts/new": {"broadcaster", "admin"},
    "/console/national": {"supervisor"},
    "/console/national/monthly": {"supervisor"},
    "/console/admin/offices": {"admin"},
    "/console/admin/users": {"admin"},
    "/console/admin/calendar": {"admin"},
}
HIDDEN_RE = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)">')
CONTACT = {"name": "Kasi LP", "phone": "021-3449230", "email": "lp@kemenkeu.go.id"}


def wib_input(days: float) -> str:
    """A datetime-local value (WIB) ``days`` from now, whole minutes."""
    return labels_roles.local_input(
        (datetime.now(UTC) + timedelta(days=days)).strftime("%Y-%m-%dT%H:%M:00Z")
    )


def compose_form(**kw) -> dict:
    data = {
        "id": str(uuid.uuid4()),
        "kind": "info",
        "urgency": "normal",
        "title": "Pemeliharaan SPAN",
        "body": "SPAN tidak dapat diakses pukul 20.00-22.00 WIB.",
        "contact_name": CONTACT["name"],
        "contact_phone": CONTACT["phone"],
        "contact_email": CONTACT["email"],
    }
    data.update(kw)
    return data


def preview(c, data: dict, files=None):
    page = c.get("/console/broadcasts/new")
    return c.post(
        "/console/broadcasts/preview",
        data={**data, "csrf_token": csrf_of(page.text)},
        files=files,
    )


def publish_form(preview_html: str) -> list[tuple[str, str]]:
    """The hidden fields of the preview's publish form (what the button sends)."""
    start = preview_html.index('action="/console/broadcasts/publish"')
    section = preview_html[start : preview_html.index("</form>", start)]
    return [(k, html.unescape(v)) for k, v in HIDDEN_RE.findall(section)]


def console_publish(c, data: dict, files=None) -> dict:
    r = preview(c, data, files)
    assert r.status_code == 200, r.text
    fields = publish_form(r.text)
    r = c.post("/console/broadcasts/publish", data=_multi(fields), follow_redirects=False)
    assert r.status_code == 303, r.text
    bid = r.headers["location"].split("/")[-1].split("?")[0]
    with store.session():
        from hai_central.services import broadcasts

        return broadcasts.public(Broadcast.get_by_id(bid))


def _multi(fields: list[tuple[str, str]]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for k, v in fields:
        out.setdefault(k, []).append(v)
    return out


def _verify(hub, item: dict) -> None:
    key = hub.client.get("/api/v1/broadcasts/public-key", headers=hub.admin).json()
    pub = Ed25519PublicKey.from_public_bytes(base64.b64decode(key["public_key"]))
    signed = {k: item.get(k) for k in SIGNED_FIELDS_V2}
    canonical = json.dumps(signed, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    pub.verify(base64.b64decode(item["signature"]), canonical.encode())  # raises if not


def _comparable(item: dict) -> dict:
    return {
        k: v
        for k, v in item.items()
        if k not in ("id", "number", "rev", "published_at", "signature")
    }


def test_each_screen_for_its_roles_only(sqlite_hub):
    c = sqlite_hub.client
    for role in ("agent", "broadcaster", "supervisor", "admin"):
        c.cookies.clear()
        signed_in(sqlite_hub, role)
        home = c.get("/console/")
        for path, roles in SCREENS.items():
            r = c.get(path)
            if role in roles:
                assert r.status_code == 200, (role, path, r.text)
                assert csrf_of(r.text)
            else:
                assert r.status_code == 403, (role, path)
                assert "Halaman ini hanya untuk peran" in r.text
        for path in ("/console/broadcasts", "/console/national", "/console/admin/users"):
            assert (f'href="{path}"' in home.text) == (role in SCREENS[path]), (role, path)
    # A cso never gets a session, so no screen at all.
    c.cookies.clear()
    r = console_login(c, make_user(sqlite_hub, "cso", "KPPN-ROLE"))
    assert r.status_code == 403 and "Akun CSO tidak dapat memakai konsol" in r.text
    c.cookies.clear()
    for path in SCREENS:
        assert c.get(path, follow_redirects=False).status_code == 303


def test_console_publish_equals_api_publish(hub):
    hub.user("cso", "KPPN-PA")
    hub.user("cso", "KPPN-PB")
    caster_email = make_user(hub, "broadcaster")
    api = hub.login(caster_email)
    c = signed_in_as(hub, caster_email)
    valid = wib_input(3)
    data = compose_form(
        kind="outage",
        urgency="urgent",
        office_codes=["KPPN-PA", "KPPN-PB"],
        affected_applications=["SPAN"],
        outage_status="identified",
        valid_until=valid,
    )
    files = [("files", ("jadwal.pdf", PDF, "application/pdf"))]
    console = console_publish(c, data, files)
    sha = hashlib.sha256(PDF).hexdigest()
    assert console["attachments"] == [{"sha256": sha, "filename": "jadwal.pdf"}]
    body = {
        "id": str(uuid.uuid4()),
        "kind": "outage",
        "urgency": "urgent",
        "title": data["title"],
        "body": data["body"],
        "audience": {"office_codes": ["KPPN-PA", "KPPN-PB"]},
        "contact": CONTACT,
        "attachments": [{"sha256": sha, "filename": "jadwal.pdf"}],
        "affected_applications": ["SPAN"],
        "outage_status": "identified",
        "valid_until": labels_roles.from_local_input(valid),
    }
    r = hub.client.post("/api/v1/broadcasts", headers=api, json=body)
    assert r.status_code == 201, r.text
    assert _comparable(console) == _comparable(r.json())
    assert console["ack_required"] is True and console["number"].startswith("BC-")
    _verify(hub, console)
    # A desk of the audience pulls it with the same signature.
    cso = hub.user("cso", "KPPN-PA")
    feed = hub.client.get("/api/v1/broadcasts/changes", headers=cso).json()["items"]
    assert console["signature"] in [i["signature"] for i in feed]
    # Publishing the same form again (a double click) publishes nothing new.
    again = console_publish(c, data, files)
    assert again["number"] == console["number"]

    # A follow-up notice updates the outage and keeps its audience.
    page = c.get(f"/console/broadcasts/new?updates={console['id']}")
    assert f'value="{console["id"]}" selected' in page.text
    follow = console_publish(
        c,
        compose_form(
            kind="outage",
            title="SPAN pulih",
            body="SPAN dapat diakses kembali.",
            updates=console["id"],
            affected_applications=["SPAN"],
            outage_status="resolved",
        ),
    )
    assert follow["updates"] == console["id"] and follow["outage_status"] == "resolved"
    assert follow["audience"] == console["audience"]
    _verify(hub, follow)
    listing = c.get("/console/broadcasts").text
    assert console["number"] in listing and follow["number"] in listing


def test_audience_preview_counts_the_right_offices(sqlite_hub):
    hub = sqlite_hub
    hub.office("KANWIL-PV", "KANWIL")
    for code in ("KPPN-PV1", "KPPN-PV2", "KPPN-PV3"):
        hub.office(code, "KPPN", parent="KANWIL-PV")
    hub.user("cso", "KPPN-PV1")
    hub.user("cso", "KPPN-PV2")
    c = signed_in(hub, "broadcaster")

    def reached(**audience) -> list[str]:
        r = preview(c, compose_form(**audience))
        assert r.status_code == 200, r.text
        count = int(re.search(r"menjangkau (\d+) kantor", r.text).group(1))
        section = r.text[r.text.index('class="office-list"') :]
        codes = re.findall(r'<span class="code">([^<]+)</span>', section.split("</ul>")[0])
        assert len(codes) == count
        return codes

    assert reached(office_kinds=["KPPN"]) == ["KPPN-PV1", "KPPN-PV2", "KPPN-PV3"]
    assert reached(office_kinds=["KANWIL"]) == ["KANWIL-PV"]
    # Roles restrict to offices with an active user of that role.
    assert reached(office_kinds=["KPPN"], roles=["cso"]) == ["KPPN-PV1", "KPPN-PV2"]
    assert reached(office_codes=["KPPN-PV3", "KANWIL-PV"]) == ["KANWIL-PV", "KPPN-PV3"]
    everyone = reached()
    assert "PUSAT" in everyone and len(everyone) == 5
    # Nothing was published by previewing.
    with store.session():
        assert Broadcast.select().count() == 0
    # A form the schema refuses comes back with its values and the reason.
    r = preview(c, compose_form(title="", office_kinds=["KPPN"]))
    assert r.status_code == 422 and "Isian tidak valid" in r.text and "menjangkau" not in r.text
    assert 'value="KPPN" checked' in r.text
    r = preview(c, compose_form(contact_phone=""))
    assert r.status_code == 422 and "contact.phone" in r.text


def _receipt(hub, headers, bid: str, ack: bool) -> None:
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    item = {"broadcast_id": bid, "read_at": now}
    if ack:
        item["acknowledged_at"] = now
    r = hub.client.post("/api/v1/broadcasts/receipts", headers=headers, json={"items": [item]})
    assert r.status_code == 200 and r.json()["results"][0]["status"] == "recorded", r.text


def test_receipts_page_shows_read_ack_and_neither(hub):
    desks = {code: hub.user("cso", code) for code in ("KPPN-RA", "KPPN-RB", "KPPN-RC")}
    c = signed_in(hub, "broadcaster")
    item = console_publish(
        c, compose_form(urgency="urgent", office_codes=sorted(desks), title="Wajib dibaca")
    )
    _receipt(hub, desks["KPPN-RA"], item["id"], ack=True)
    _receipt(hub, desks["KPPN-RB"], item["id"], ack=False)
    page = c.get(f"/console/broadcasts/{item['id']}")
    assert page.status_code == 200
    states = {
        code: state
        for state, code in re.findall(
            r'<tr class="receipt-(\w+)">\s*<td><span class="code">([^<]+)', page.text
        )
    }
    assert states == {"KPPN-RA": "acknowledged", "KPPN-RB": "read", "KPPN-RC": "none"}
    assert "<strong>1</strong> dikonfirmasi" in page.text
    assert "<strong>1</strong> belum keduanya" in page.text
    # The same as the API's receipts.
    api = hub.client.get(f"/api/v1/broadcasts/{item['id']}/receipts", headers=hub.admin).json()
    assert {o["office_code"]: o["state"] for o in api["offices"]} == states


def test_data_request_replies_replied_late_missing_with_files(hub):
    from tests.central.test_tickets_attachments import put

    desks = {code: hub.user("cso", code) for code in ("KPPN-DA", "KPPN-DB", "KPPN-DC")}
    c = signed_in(hub, "broadcaster")
    item = console_publish(
        c,
        compose_form(
            kind="data_request",
            title="Data satker",
            office_kinds=["KPPN"],
            reply_due=wib_input(2),
        ),
    )
    assert item["reply_requested"] is True and item["reply_due"]
    sha = hashlib.sha256(PDF).hexdigest()
    assert put(hub, desks["KPPN-DA"], PDF, "laporan.pdf").status_code == 201
    url = f"/api/v1/broadcasts/{item['id']}/replies"
    on_time = {
        "id": str(uuid.uuid4()),
        "body": "Data terlampir.",
        "attachments": [{"sha256": sha, "filename": "laporan.pdf"}],
    }
    assert hub.client.post(url, headers=desks["KPPN-DA"], json=on_time).status_code == 201
    with store.transaction() as db:  # the due date passes
        db.execute_sql(
            f"UPDATE broadcast SET reply_due = {db.param} WHERE id = {db.param}",
            ("2026-01-01T00:00:00Z", item["id"]),
        )
        db.execute_sql(
            f"UPDATE broadcast_reply SET created_at = {db.param} WHERE id = {db.param}",
            ("2025-12-31T00:00:00Z", on_time["id"]),
        )
    late = {"id": str(uuid.uuid4()), "body": "Maaf terlambat."}
    assert hub.client.post(url, headers=desks["KPPN-DB"], json=late).status_code == 201
    page = c.get(f"/console/broadcasts/{item['id']}")
    states = {
        code: state
        for state, code in re.findall(
            r'<tr class="reply-(\w+)">\s*<td><span class="code">([^<]+)', page.text
        )
    }
    assert states == {"KPPN-DA": "replied", "KPPN-DB": "late", "KPPN-DC": "missing"}
    api = hub.client.get(url, headers=hub.admin).json()
    assert {o["office_code"]: o["state"] for o in api["offices"]} == states
    assert "Maaf terlambat." in page.text and "(sudah lewat)" in page.text
    link = f"/console/broadcasts/files/{sha}"
    assert f'href="{link}"' in page.text
    got = c.get(link)
    assert got.status_code == 200 and got.content == PDF
    assert "laporan.pdf" in got.headers["content-disposition"]


def test_csrf_less_posts_are_refused(sqlite_hub):
    c = signed_in(sqlite_hub, "admin")
    for path, data in (
        ("/console/broadcasts/preview", compose_form()),
        ("/console/broadcasts/publish", compose_form()),
        ("/console/admin/offices", {"code": "KPPN-X", "name": "X", "kind": "KPPN"}),
        ("/console/admin/users", {"email": "x@kemenkeu.go.id"}),
        ("/console/admin/calendar", {"date": "2026-12-24", "name": "Cuti"}),
    ):
        r = c.post(path, data=data)
        assert r.status_code == 403 and "Formulir ini tidak dapat diterima" in r.text, path
    with store.session():
        assert Broadcast.select().count() == 0
    assert c.get("/api/v1/admin/calendar", params={"year": 2026}).status_code in (401, 403)


def _admin_post(c, page: str, path: str, data: dict):
    token = csrf_of(c.get(page).text)
    return c.post(path, data={**data, "csrf_token": token}, follow_redirects=False)


def test_admin_creates_office_user_and_day_off_and_the_api_sees_it(hub):
    c = signed_in(hub, "admin")
    admin = hub.admin
    r = _admin_post(
        c,
        "/console/admin/offices",
        "/console/admin/offices",
        {
            "code": "kppn-adm",
            "name": "KPPN Uji Admin",
            "kind": "KPPN",
            "parent_code": "PUSAT",
            "timezone": "Asia/Makassar",
            "email": "kppn.adm@kemenkeu.go.id",
        },
    )
    assert r.status_code == 303 and r.headers["location"].startswith(
        "/console/admin/offices/KPPN-ADM"
    )
    offices = {
        o["code"]: o for o in hub.client.get("/api/v1/admin/offices", headers=admin).json()["items"]
    }
    assert offices["KPPN-ADM"]["timezone"] == "Asia/Makassar"
    assert offices["KPPN-ADM"]["email"] == "kppn.adm@kemenkeu.go.id"
    # The same code again: the API's conflict, as a page.
    r = _admin_post(
        c,
        "/console/admin/offices",
        "/console/admin/offices",
        {"code": "KPPN-ADM", "name": "Lagi", "kind": "KPPN"},
    )
    assert r.status_code == 409
    # Change the time zone and e-mail.
    r = _admin_post(
        c,
        "/console/admin/offices/KPPN-ADM",
        "/console/admin/offices/KPPN-ADM",
        {
            "name": "KPPN Uji Admin",
            "timezone": "Asia/Jayapura",
            "email": "baru@kemenkeu.go.id",
            "active": "1",
        },
    )
    assert r.status_code == 303
    offices = {
        o["code"]: o for o in hub.client.get("/api/v1/admin/offices", headers=admin).json()["items"]
    }
    assert offices["KPPN-ADM"]["timezone"] == "Asia/Jayapura"
    assert offices["KPPN-ADM"]["email"] == "baru@kemenkeu.go.id"
    assert offices["KPPN-ADM"]["parent_code"] == "PUSAT" and offices["KPPN-ADM"]["active"]

    email = f"cso.{uuid.uuid4().hex[:6]}@kemenkeu.go.id"
    r = _admin_post(
        c,
        "/console/admin/users",
        "/console/admin/users",
        {
            "email": email,
            "name": "Petugas Baru",
            "password": PASSWORD,
            "role": "cso",
            "office_code": "KPPN-ADM",
        },
    )
    assert r.status_code == 303, r.text
    user_page = r.headers["location"].split("?")[0]
    users = {
        u["email"]: u for u in hub.client.get("/api/v1/admin/users", headers=admin).json()["items"]
    }
    assert users[email]["role"] == "cso" and users[email]["office"]["code"] == "KPPN-ADM"
    cso = hub.login(email)
    assert hub.client.get("/api/v1/broadcasts/public-key", headers=cso).status_code == 200
    # Change the role and office, then deactivate: the API sees it, the old token is dead.
    r = _admin_post(
        c,
        user_page,
        user_page,
        {"name": "Petugas Baru", "role": "agent", "office_code": "PUSAT", "active": "1"},
    )
    assert r.status_code == 303
    users = {
        u["email"]: u for u in hub.client.get("/api/v1/admin/users", headers=admin).json()["items"]
    }
    assert users[email]["role"] == "agent" and users[email]["office"]["code"] == "PUSAT"
    assert hub.client.get("/api/v1/broadcasts/public-key", headers=cso).status_code == 401
    r = _admin_post(
        c, user_page, user_page, {"name": "Petugas Baru", "role": "agent", "office_code": "PUSAT"}
    )
    assert r.status_code == 303
    users = {
        u["email"]: u for u in hub.client.get("/api/v1/admin/users", headers=admin).json()["items"]
    }
    assert users[email]["active"] is False
    assert (
        hub.client.post(
            "/api/v1/auth/token", json={"email": email, "password": PASSWORD}
        ).status_code
        == 401
    )
    # A user on a foreign domain: the API's refusal.
    r = _admin_post(
        c,
        "/console/admin/users",
        "/console/admin/users",
        {
            "email": "x@gmail.com",
            "name": "X",
            "password": PASSWORD,
            "role": "cso",
            "office_code": "PUSAT",
        },
    )
    assert r.status_code == 422

    r = _admin_post(
        c,
        "/console/admin/calendar",
        "/console/admin/calendar",
        {"date": "2026-12-24", "kind": "off", "name": "Cuti bersama Natal"},
    )
    assert r.status_code == 303
    days = hub.client.get("/api/v1/admin/calendar", params={"year": 2026}, headers=admin).json()[
        "items"
    ]
    assert {
        "date": "2026-12-24",
        "kind": "off",
        "name": "Cuti bersama Natal",
        "source": "admin",
    } in days
    page = c.get("/console/admin/calendar?year=2026").text
    assert "Cuti bersama Natal" in page and "Ditambahkan admin" in page
    assert "Kalender nasional" in page  # the national days are listed too
    r = _admin_post(
        c, "/console/admin/calendar?year=2026", "/console/admin/calendar/2026-12-24/remove", {}
    )
    assert r.status_code == 303
    days = hub.client.get("/api/v1/admin/calendar", params={"year": 2026}, headers=admin).json()[
        "items"
    ]
    assert not [d for d in days if d["source"] == "admin"]


def _heartbeat(hub, headers, device: str, **kw) -> None:
    now = datetime.now(UTC)
    body = {
        "device_id": device,
        "app_version": "0.1.0",
        "outbox_depth": 0,
        "client_time": now.strftime("%Y-%m-%dT%H:%M:%SZ"),
    }
    body.update(kw)
    r = hub.client.post("/api/v1/desks/heartbeat", headers=headers, json=body)
    assert r.status_code == 200, r.text


def test_national_view_flags_silent_outbox_clock_and_version(hub):
    ok, quiet, skew = (hub.user("cso", code) for code in ("KPPN-NA", "KPPN-NB", "KPPN-NC"))
    _heartbeat(hub, ok, "desk-ok")
    _heartbeat(hub, quiet, "desk-quiet", outbox_depth=7, app_version="0.0.9")
    wrong = (datetime.now(UTC) + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M:%SZ")
    _heartbeat(hub, skew, "desk-skew", client_time=wrong)
    with store.transaction():  # the quiet desk was last seen two weeks ago
        Desk.update(last_seen="2020-01-06T01:00:00Z", client_time="2020-01-06T01:00:00Z").where(
            Desk.device_id == "desk-quiet"
        ).execute()
    c = signed_in(hub, "supervisor")
    page = c.get("/console/national").text
    assert "<strong>3</strong> desk di 3 kantor" in page
    assert "<strong>1</strong> diam &gt; 1 hari kerja" in page
    assert "<strong>1</strong> dengan antrean kirim" in page
    assert "<strong>1</strong> jam tidak tepat" in page
    assert "<strong>1</strong> versi lama" in page
    silent = c.get("/console/national?show=silent").text
    assert "KPPN-NB" in silent and "KPPN-NA" not in silent
    clock = c.get("/console/national?show=clock").text
    assert "KPPN-NC" in clock and "+2 jam 0 mnt" in clock and "KPPN-NA" not in clock
    assert "KPPN-NA" not in c.get("/console/national?office=KPPN-NB").text
    # The same desks as GET /desks.
    api = hub.client.get("/api/v1/desks", headers=hub.admin).json()["items"]
    assert {d["device_id"] for d in api} == {"desk-ok", "desk-quiet", "desk-skew"}


def test_silent_counts_working_days_only():
    from hai_central.console.routes_national import WORKING_DAY_MINUTES
    from hai_central.services.calendar import DEFAULT_HOURS_PARSED, WorkCalendar

    cal = WorkCalendar(timezone="Asia/Jakarta", hours=DEFAULT_HOURS_PARSED)
    friday_evening = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)  # 17:00 WIB, after hours
    monday_noon = datetime(2026, 11, 30, 5, 0, tzinfo=UTC)
    tuesday_evening = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)
    assert cal.add(friday_evening, WORKING_DAY_MINUTES) > monday_noon  # a weekend is no silence
    assert cal.add(friday_evening, WORKING_DAY_MINUTES) <= tuesday_evening


def _figures(page: str, name: str) -> list[str]:
    row = page[page.index(f">{name}</a>") :].split("</tr>")[0]
    return re.findall(r'<td class="num">([^<]*)', row)


def test_monthly_figures_equal_the_api_per_kanwil_and_office(hub):
    hub.office("KANWIL-MF", "KANWIL")
    hub.office("KPPN-MF1", "KPPN", parent="KANWIL-MF")
    hub.office("KPPN-MF2", "KPPN", parent="KANWIL-MF")
    one, two = hub.user("cso", "KPPN-MF1"), hub.user("cso", "KPPN-MF2")
    items = [inquiry("KPPN-MF1") for _ in range(3)]
    items.append(inquiry("KPPN-MF1", outcome="escalated"))
    r = hub.client.post("/api/v1/inquiries/batch", headers=one, json={"items": items})
    assert r.status_code == 200, r.text
    r = hub.client.post(
        "/api/v1/inquiries/batch", headers=two, json={"items": [inquiry("KPPN-MF2")]}
    )
    assert r.status_code == 200, r.text
    desk_ticket(hub, one, "KPPN-MF1", created_at="2026-11-26T08:00:00Z")
    sup = hub.user("supervisor")
    c = signed_in(hub, "supervisor")
    month = "2026-11"
    page = c.get(f"/console/national/monthly?month={month}")
    assert page.status_code == 200, page.text
    api = hub.client.get(
        "/api/v1/reports/monthly",
        params={"month": month, "office_code": "KANWIL-MF", "rollup": True},
        headers=sup,
    ).json()
    cells = _figures(page.text, "Kantor KANWIL-MF")
    assert int(cells[0]) == api["inquiries"] == 5
    assert int(cells[2]) == api["escalations"] == 1
    assert int(cells[3]) == (api["tickets"] or 0)
    assert "<svg" in page.text and 'fill="#0b4f8a"' in page.text and "style=" not in page.text
    # Inside the Kanwil: one line per office, each as GET /reports/monthly for that office.
    page = c.get(f"/console/national/monthly?month={month}&kanwil=KANWIL-MF").text
    for code, count in (("KPPN-MF1", 4), ("KPPN-MF2", 1)):
        api = hub.client.get(
            "/api/v1/reports/monthly", params={"month": month, "office_code": code}, headers=sup
        ).json()
        row = page[page.index(f"<td>Kantor {code}</td>") :].split("</tr>")[0]
        assert re.findall(r'<td class="num">([^<]*)', row)[0] == str(api["inquiries"]) == str(count)
    assert "SLA respons" in page


@pytest.mark.parametrize(
    "path", ["/console/national/monthly?month=2026-13", "/console/national/monthly?kanwil=NOPE"]
)
def test_monthly_bad_input_is_a_clear_page(sqlite_hub, path):
    c = signed_in(sqlite_hub, "supervisor")
    r = c.get(path)
    assert r.status_code == 422 and "tidak valid" in r.text
