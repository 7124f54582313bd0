"""Broadcasts: signature over canonical JSON, audience filtering, receipts."""

from __future__ import annotations

import base64
import json
import uuid

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey


def bc(**kw):
    b = {
        "id": str(uuid.uuid4()),
        "kind": "outage",
        "title": "Gangguan SPAN — pemeliharaan",
        "body": "SPAN tidak dapat diakses pukul 20.00–22.00 WIB.",
        "urgency": "urgent",
        "audience": {},
        "contact": {"name": "Kepala Seksi", "phone": "021-123", "email": "seksi@kemenkeu.go.id"},
        "attachments": [],
    }
    b.update(kw)
    return b


def canonical(obj) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode(
        "utf-8"
    )


def test_publish_sign_and_verify(hub):
    caster, cso = hub.user("broadcaster"), hub.user("cso", "KPPN-A")
    item = bc()
    assert hub.client.post("/api/v1/broadcasts", headers=cso, json=item).status_code == 403
    r = hub.client.post("/api/v1/broadcasts", headers=caster, json=item)
    assert r.status_code == 201 and r.json()["number"].startswith("BC-")
    assert hub.client.post("/api/v1/broadcasts", headers=caster, json=item).status_code == 200
    key = hub.client.get("/api/v1/broadcasts/public-key", headers=cso).json()
    assert key["algorithm"] == "Ed25519"
    pub = Ed25519PublicKey.from_public_bytes(base64.b64decode(key["public_key"]))
    [got] = hub.client.get("/api/v1/broadcasts/changes", headers=cso).json()["items"]
    signed = {
        k: got[k]
        for k in (
            "id",
            "kind",
            "title",
            "body",
            "urgency",
            "contact",
            "attachments",
            "published_at",
        )
    }
    pub.verify(base64.b64decode(got["signature"]), canonical(signed))  # raises if invalid
    assert len(base64.b64decode(got["signature"])) == 64


def test_audience_filter_and_receipts(hub):
    caster = hub.user("broadcaster")
    a, b = hub.user("cso", "KPPN-A"), hub.user("cso", "KPPN-B")
    hub.office("KANWIL-X", kind="KANWIL")
    to_a = bc(audience={"office_codes": ["KPPN-A"]})
    to_kanwil = bc(audience={"office_kinds": ["KANWIL"]})
    to_cso = bc(audience={"roles": ["cso"], "office_kinds": ["KPPN"]})
    for item in (to_a, to_kanwil, to_cso):
        assert hub.client.post("/api/v1/broadcasts", headers=caster, json=item).status_code == 201
    ids_a = [
        i["id"] for i in hub.client.get("/api/v1/broadcasts/changes", headers=a).json()["items"]
    ]
    ids_b = [
        i["id"] for i in hub.client.get("/api/v1/broadcasts/changes", headers=b).json()["items"]
    ]
    assert ids_a == [to_a["id"], to_cso["id"]] and ids_b == [to_cso["id"]]
    assert len(hub.client.get("/api/v1/broadcasts/changes", headers=caster).json()["items"]) == 3
    receipt = {"broadcast_id": to_cso["id"], "read_at": "2026-11-26T09:00:00Z"}
    r = hub.client.post("/api/v1/broadcasts/receipts", headers=a, json={"items": [receipt]})
    assert r.json()["results"][0]["status"] == "recorded"
    hub.client.post(
        "/api/v1/broadcasts/receipts",
        headers=a,
        json={"items": [dict(receipt, acknowledged_at="2026-11-26T09:05:00Z")]},
    )
    hub.client.post(
        "/api/v1/broadcasts/receipts",
        headers=a,
        json={"items": [dict(receipt, read_at="2026-11-26T10:00:00Z")]},
    )
    bad = hub.client.post(
        "/api/v1/broadcasts/receipts",
        headers=b,
        json={"items": [{"broadcast_id": to_a["id"], "read_at": "2026-11-26T09:00:00Z"}]},
    )
    assert bad.json()["results"][0]["status"] == "rejected"
    rep = hub.client.get(f"/api/v1/broadcasts/{to_cso['id']}/receipts", headers=caster).json()
    assert [x["read_at"] for x in rep["read"]] == ["2026-11-26T09:00:00Z"]
    assert len(rep["acknowledged"]) == 1
    assert "KPPN-B" in rep["silent_offices"] and "KPPN-A" not in rep["silent_offices"]
    assert (
        hub.client.get(f"/api/v1/broadcasts/{to_cso['id']}/receipts", headers=a).status_code == 403
    )


def test_broadcast_attachment_only_for_its_audience(hub):
    import hashlib

    from tests.central.test_tickets_attachments import PDF, put

    caster = hub.user("broadcaster")
    a, b = hub.user("cso", "KPPN-A"), hub.user("cso", "KPPN-B")
    sha = hashlib.sha256(PDF).hexdigest()
    assert put(hub, caster, PDF, "edaran.pdf").status_code == 201
    item = bc(
        audience={"office_codes": ["KPPN-A"]},
        attachments=[{"sha256": sha, "filename": "edaran.pdf"}],
    )
    assert hub.client.post("/api/v1/broadcasts", headers=caster, json=item).status_code == 201
    got = hub.client.get(f"/api/v1/attachments/{sha}", headers=a)
    assert got.status_code == 200 and got.content == PDF
    # KPPN-B is not in the audience: the file is as hidden as the broadcast.
    # (404: the same answer as for a hash nobody uploaded.)
    assert hub.client.get(f"/api/v1/attachments/{sha}", headers=b).status_code == 404
    assert hub.client.get(f"/api/v1/attachments/{sha}", headers=caster).status_code == 200
