"""Attachments (hash, size, type checks), tickets (numbering, idempotency, scoping)."""

from __future__ import annotations

import hashlib
import uuid
from datetime import UTC, datetime

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


def put(hub, h, body: bytes, filename: str | None = "surat.pdf", sha: str | None = None):
    headers = {**h, "Content-Type": "application/octet-stream"}
    if filename is not None:
        headers["X-Filename"] = filename
    return hub.client.put(
        f"/api/v1/attachments/{sha or hashlib.sha256(body).hexdigest()}",
        headers=headers,
        content=body,
    )


def test_attachment_checks(hub):
    h = hub.user("cso", "KPPN-A")
    r = put(hub, h, PDF, "../../etc/Surat ../x.pdf")
    assert (
        r.status_code == 201
        and "/" not in r.json()["filename"]
        and ".." not in r.json()["filename"]
    )
    assert put(hub, h, PDF).status_code == 200
    assert put(hub, h, b"MZ\x90\x00 this is an exe", "nota.pdf").status_code == 415
    assert put(hub, h, b"just text", "tool.exe").status_code == 415
    assert put(hub, h, PDF, "surat.pdf", sha="0" * 64).status_code == 422
    r = put(hub, h, PDF, None)
    assert r.status_code == 422 and r.json()["error"]["details"]["field"] == "X-Filename"
    assert put(hub, h, b"a" * (15 * 1024 * 1024 + 1), "big.txt").status_code == 413
    sha = hashlib.sha256(PDF).hexdigest()
    got = hub.client.get(f"/api/v1/attachments/{sha}", headers=h)
    assert got.status_code == 200 and got.content == PDF
    other = hub.user("cso", "KPPN-B")
    # Another office gets the answer a missing hash gets: 404, nothing to probe with.
    assert hub.client.get(f"/api/v1/attachments/{sha}", headers=other).status_code == 404


def ticket(office: str, **kw):
    t = {
        "id": str(uuid.uuid4()),
        "office_code": office,
        "department": "PA",
        "subject": "SP2D tertahan",
        "message": "Mohon bantuan.",
        "priority": "high",
        "requester": {"name": "Budi", "email": "budi@kemenkeu.go.id", "satker_code": "123456"},
        "attachments": [],
        "created_at": "2026-11-26T08:00:00Z",
    }
    t.update(kw)
    return t


def test_ticket_numbering_idempotency_and_scoping(hub):
    a, b = hub.user("cso", "KPPN-A"), hub.user("cso", "KPPN-B")
    year = datetime.now(UTC).year
    t1, t2 = ticket("KPPN-A"), ticket("KPPN-A")
    r1 = hub.client.post("/api/v1/tickets", headers=a, json=t1)
    assert r1.status_code == 201, r1.text
    body = r1.json()
    assert body["number"] == f"HAI-{year}-000001" and body["status"] == "new"
    assert body["sla"]["response_due"] < body["sla"]["resolve_due"]
    again = hub.client.post("/api/v1/tickets", headers=a, json=t1)
    assert again.status_code == 200 and again.json()["number"] == body["number"]
    assert (
        hub.client.post("/api/v1/tickets", headers=a, json=t2).json()["number"]
        == f"HAI-{year}-000002"
    )
    # Office B can neither take over A's id nor create for A.
    assert (
        hub.client.post(
            "/api/v1/tickets", headers=b, json=dict(t1, office_code="KPPN-B")
        ).status_code
        == 403
    )
    assert hub.client.post("/api/v1/tickets", headers=b, json=ticket("KPPN-A")).status_code == 403
    assert hub.client.get("/api/v1/tickets/changes", headers=b).json()["items"] == []
    assert (
        hub.client.get(
            "/api/v1/tickets/changes", headers=b, params={"office_code": "KPPN-A"}
        ).status_code
        == 403
    )
    assert (
        hub.client.post(f"/api/v1/tickets/{t1['id']}/close", headers=b, json={}).status_code == 403
    )
    # No gap: the refused and repeated creates used no number.
    assert (
        hub.client.post("/api/v1/tickets", headers=a, json=ticket("KPPN-A")).json()["number"]
        == f"HAI-{year}-000003"
    )


def test_ticket_attachments_must_exist(hub):
    a = hub.user("cso", "KPPN-A")
    sha = hashlib.sha256(PDF).hexdigest()
    r = hub.client.post(
        "/api/v1/tickets",
        headers=a,
        json=ticket("KPPN-A", attachments=[{"sha256": sha, "filename": "s.pdf"}]),
    )
    assert r.status_code == 422 and r.json()["error"]["details"]["missing"] == [sha]
    put(hub, a, PDF)
    r = hub.client.post(
        "/api/v1/tickets",
        headers=a,
        json=ticket("KPPN-A", attachments=[{"sha256": sha, "filename": "s.pdf"}]),
    )
    assert r.status_code == 201


def test_agent_attachment_in_a_ticket_reaches_the_tickets_office(hub):
    a, b, agent = hub.user("cso", "KPPN-A"), hub.user("cso", "KPPN-B"), hub.user("agent")
    t = ticket("KPPN-A")
    assert hub.client.post("/api/v1/tickets", headers=a, json=t).status_code == 201
    assert put(hub, agent, PDF, "jawaban.pdf").status_code == 201
    sha = hashlib.sha256(PDF).hexdigest()
    r = hub.client.post(
        f"/api/v1/tickets/{t['id']}/messages",
        headers=agent,
        json={
            "id": str(uuid.uuid4()),
            "body": "Terlampir.",
            "attachments": [{"sha256": sha, "filename": "jawaban.pdf"}],
        },
    )
    assert r.status_code == 201, r.text
    got = hub.client.get(f"/api/v1/attachments/{sha}", headers=a)
    assert got.status_code == 200 and got.content == PDF
    assert hub.client.get(f"/api/v1/attachments/{sha}", headers=b).status_code == 404


def test_ticket_conversation_and_feed(hub):
    a, agent = hub.user("cso", "KPPN-A"), hub.user("agent")
    t = ticket("KPPN-A")
    hub.client.post("/api/v1/tickets", headers=a, json=t)
    mid = str(uuid.uuid4())
    r = hub.client.post(
        f"/api/v1/tickets/{t['id']}/messages",
        headers=agent,
        json={"id": mid, "body": "Sudah kami cek."},
    )
    assert r.status_code == 201 and r.json()["status"] == "answered"
    assert (
        hub.client.post(
            f"/api/v1/tickets/{t['id']}/messages",
            headers=agent,
            json={"id": mid, "body": "Sudah kami cek."},
        ).status_code
        == 200
    )
    p = hub.client.patch(
        f"/api/v1/tickets/{t['id']}",
        headers=agent,
        json={"level": 2, "assigned_department": "SITP", "status": "escalated"},
    )
    assert p.status_code == 200 and (p.json()["level"], p.json()["status"]) == (2, "escalated")
    assert (
        hub.client.patch(f"/api/v1/tickets/{t['id']}", headers=a, json={"level": 3}).status_code
        == 403
    )
    c = hub.client.post(f"/api/v1/tickets/{t['id']}/close", headers=a, json={"satisfied": True})
    assert c.status_code == 200 and c.json()["status"] == "closed" and c.json()["satisfied"] is True
    feed = hub.client.get("/api/v1/tickets/changes", headers=a).json()["items"]
    assert len(feed) == 1 and feed[0]["messages"][0]["author_role"] == "agent"
    assert feed[0]["rev"] == c.json()["rev"]


def test_heartbeat_and_desk_list(hub):
    a = hub.user("cso", "KPPN-A")
    r = hub.client.post(
        "/api/v1/desks/heartbeat",
        headers=a,
        json={
            "device_id": "dev-1",
            "app_version": "0.1.0",
            "outbox_depth": 3,
            "oldest_unsent_at": "2026-11-26T07:00:00Z",
            "client_time": "2026-11-26T08:00:00Z",
        },
    )
    assert r.status_code == 200 and r.json()["server_time"].endswith("Z")
    from hai_central import __version__

    assert r.json()["version"] == __version__  # the desk's About tab shows it
    hub.client.post(
        "/api/v1/desks/heartbeat",
        headers=a,
        json={
            "device_id": "dev-1",
            "app_version": "0.1.1",
            "outbox_depth": 0,
            "client_time": "2026-11-26T08:01:00Z",
        },
    )
    assert hub.client.get("/api/v1/desks", headers=a).status_code == 403
    sup = hub.user("supervisor")
    desks = hub.client.get("/api/v1/desks", headers=sup).json()["items"]
    assert [
        (d["device_id"], d["office_code"], d["app_version"], d["outbox_depth"]) for d in desks
    ] == [("dev-1", "KPPN-A", "0.1.1", 0)]
    assert hub.client.get("/api/v1/desks", headers=hub.admin).status_code == 200


def test_heartbeat_cannot_overwrite_another_offices_desk(hub):
    a, b = hub.user("cso", "KPPN-A"), hub.user("cso", "KPPN-B")

    def beat(h, version):
        return hub.client.post(
            "/api/v1/desks/heartbeat",
            headers=h,
            json={
                "device_id": "dev-a",
                "app_version": version,
                "outbox_depth": 0,
                "client_time": "2026-11-26T08:00:00Z",
            },
        )

    assert beat(a, "0.1.0").status_code == 200
    r = beat(b, "9.9.9")
    assert r.status_code == 403 and r.json()["error"]["code"] == "forbidden"
    a2 = hub.user("cso", "KPPN-A")  # another desk officer of the same office may take it
    assert beat(a2, "0.1.1").status_code == 200
    sup = hub.user("supervisor")
    desks = hub.client.get("/api/v1/desks", headers=sup).json()["items"]
    assert [(d["device_id"], d["office_code"], d["app_version"]) for d in desks] == [
        ("dev-a", "KPPN-A", "0.1.1")
    ]


def test_monthly_report_counts(hub):
    from tests.central.conftest import inquiry

    a, b = hub.user("cso", "KPPN-A"), hub.user("cso", "KPPN-B")
    hub.client.post(
        "/api/v1/inquiries/batch",
        headers=a,
        json={
            "items": [
                inquiry("KPPN-A"),
                inquiry("KPPN-A", outcome="escalated", channel="telepon"),
                inquiry("KPPN-A", created_at="2026-10-30T08:00:00Z"),
            ]
        },
    )
    hub.client.post("/api/v1/inquiries/batch", headers=b, json={"items": [inquiry("KPPN-B")]})
    r = hub.client.get("/api/v1/reports/monthly", headers=a, params={"month": "2026-11"}).json()
    assert (
        r["inquiries"] == 2
        and r["escalations"] == 1
        and r["by_channel"] == {"tatap_muka": 1, "telepon": 1}
    )
    assert r["service_minutes_avg"] == 10.0
    assert (
        hub.client.get(
            "/api/v1/reports/monthly",
            headers=a,
            params={"month": "2026-11", "office_code": "KPPN-B"},
        ).status_code
        == 403
    )
    sup = hub.user("supervisor")
    assert (
        hub.client.get("/api/v1/reports/monthly", headers=sup, params={"month": "2026-11"}).json()[
            "inquiries"
        ]
        == 3
    )
