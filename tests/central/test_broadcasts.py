"""Broadcasts: signature v2 over canonical JSON, outage threads, audience, receipts, replies."""

from __future__ import annotations

import base64
import json
import uuid
from datetime import UTC, datetime, timedelta

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from hai_contract.broadcasts import SIGNED_FIELDS_V2

CONTACT = {"name": "Kepala Seksi", "phone": "021-123", "email": "seksi@kemenkeu.go.id"}


def bc(**kw):
    b = {
        "id": str(uuid.uuid4()),
        "kind": "outage",
        "title": "Gangguan SPAN — pemeliharaan",
        "body": "SPAN tidak dapat diakses pukul 20.00–22.00 WIB.",
        "urgency": "urgent",
        "audience": {},
        "contact": CONTACT,
        "attachments": [],
        "affected_applications": ["SPAN"],
        "outage_status": "investigating",
    }
    b.update(kw)
    return b


def info(**kw):
    base = {"kind": "info", "urgency": "normal", "affected_applications": [], "outage_status": None}
    return bc(**{**base, **kw})


def later(days: float = 1) -> str:
    return (datetime.now(UTC) + timedelta(days=days)).strftime("%Y-%m-%dT%H:%M:%SZ")


def canonical(obj) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode(
        "utf-8"
    )


def publish(hub, headers, item, status=201):
    r = hub.client.post("/api/v1/broadcasts", headers=headers, json=item)
    assert r.status_code == status, r.text
    return r.json()


def test_publish_signature_v2_covers_audience_validity_and_thread(hub):
    caster, cso = hub.user("broadcaster"), hub.user("cso", "KPPN-A")
    item = bc(valid_until=later(2), audience={"office_kinds": ["KPPN"]})
    assert hub.client.post("/api/v1/broadcasts", headers=cso, json=item).status_code == 403
    out = publish(hub, caster, item)
    assert out["number"].startswith("BC-") and out["signature_version"] == 2
    assert out["ack_required"] is True  # urgent means acknowledged
    publish(hub, caster, item, status=200)  # idempotent by id
    key = hub.client.get("/api/v1/broadcasts/public-key", headers=cso).json()
    assert key["algorithm"] == "Ed25519"
    pub = Ed25519PublicKey.from_public_bytes(base64.b64decode(key["public_key"]))
    [got] = hub.client.get("/api/v1/broadcasts/changes", headers=cso).json()["items"]
    signed = {k: got.get(k) for k in SIGNED_FIELDS_V2}
    assert signed["reply_due"] is None and signed["updates"] is None
    pub.verify(base64.b64decode(got["signature"]), canonical(signed))  # raises if invalid
    assert len(base64.b64decode(got["signature"])) == 64
    # Widening the audience or extending validity breaks the signature.
    for field, value in (
        ("audience", {"roles": [], "office_kinds": [], "office_codes": []}),
        ("valid_until", later(30)),
        ("outage_status", "resolved"),
        ("number", "BC-2026-999999"),
    ):
        tampered = dict(signed, **{field: value})
        try:
            pub.verify(base64.b64decode(got["signature"]), canonical(tampered))
        except InvalidSignature:
            continue
        raise AssertionError(f"{field} is not covered by the signature")


def test_contact_is_required_and_complete(hub):
    caster = hub.user("broadcaster")
    item = info()
    del item["contact"]
    assert hub.client.post("/api/v1/broadcasts", headers=caster, json=item).status_code == 422
    for missing in ("name", "phone", "email"):
        contact = {k: v for k, v in CONTACT.items() if k != missing}
        r = hub.client.post("/api/v1/broadcasts", headers=caster, json=info(contact=contact))
        assert r.status_code == 422, missing


def test_outage_lifecycle_and_validation(hub):
    caster = hub.user("broadcaster")
    hub.office("KPPN-A")
    # An outage names known applications; other kinds cannot carry outage fields.
    for bad in (
        bc(affected_applications=[]),
        bc(affected_applications=["NOPE"]),
        info(outage_status="identified"),
        bc(outage_status="fixed"),
        bc(updates=str(uuid.uuid4())),
    ):
        r = hub.client.post("/api/v1/broadcasts", headers=caster, json=bad)
        assert r.status_code == 422, bad
    first = publish(hub, caster, bc(audience={"office_codes": ["KPPN-A"]}))
    assert first["outage_status"] == "investigating"
    # A follow-up inherits the audience and the applications it leaves out.
    follow = bc(updates=first["id"], outage_status="identified", affected_applications=[])
    del follow["audience"]
    got = publish(hub, caster, follow)
    assert got["updates"] == first["id"] and got["affected_applications"] == ["SPAN"]
    assert got["audience"]["office_codes"] == ["KPPN-A"]
    # The old "resolves" still means: a follow-up saying resolved.
    old_style = bc(resolves=first["id"], outage_status=None)
    done = publish(hub, caster, old_style)
    assert done["updates"] == first["id"] and done["outage_status"] == "resolved"
    # A follow-up must name an outage notice, not an info.
    plain = publish(hub, caster, info())
    r = hub.client.post("/api/v1/broadcasts", headers=caster, json=bc(updates=plain["id"]))
    assert r.status_code == 422


def test_audience_codes_must_exist_and_past_validity_refused(hub):
    caster = hub.user("broadcaster")
    for bad in (
        info(audience={"office_codes": ["NO-SUCH-OFFICE"]}),
        info(audience={"roles": ["wizard"]}),
        info(audience={"office_kinds": ["DESA"]}),
        info(valid_until="2020-01-01T00:00:00Z"),
    ):
        r = hub.client.post("/api/v1/broadcasts", headers=caster, json=bad)
        assert r.status_code == 422, bad


def test_audience_filter_and_receipts_per_office(hub):
    caster = hub.user("broadcaster")
    a, b = hub.user("cso", "KPPN-A"), hub.user("cso", "KPPN-B")
    a2 = hub.user("cso", "KPPN-A")
    hub.office("KANWIL-X", kind="KANWIL")
    to_a = info(audience={"office_codes": ["KPPN-A"]})
    to_kanwil = info(audience={"office_kinds": ["KANWIL"]})
    to_cso = bc(audience={"roles": ["cso"], "office_kinds": ["KPPN"]})
    for item in (to_a, to_kanwil, to_cso):
        publish(hub, caster, item)
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
    ack = dict(receipt, acknowledged_at="2026-11-26T09:05:00Z")
    for _ in range(2):  # the same receipt twice changes nothing
        hub.client.post("/api/v1/broadcasts/receipts", headers=a, json={"items": [ack]})
    hub.client.post(
        "/api/v1/broadcasts/receipts",
        headers=a2,
        json={"items": [dict(receipt, read_at="2026-11-26T10:00:00Z")]},
    )
    bad = hub.client.post(
        "/api/v1/broadcasts/receipts",
        headers=b,
        json={"items": [{"broadcast_id": to_a["id"], "read_at": "2026-11-26T09:00:00Z"}]},
    )
    assert bad.json()["results"][0]["status"] == "rejected"
    rep = hub.client.get(f"/api/v1/broadcasts/{to_cso['id']}/receipts", headers=caster).json()
    assert sorted(x["read_at"] for x in rep["read"]) == [
        "2026-11-26T09:00:00Z",
        "2026-11-26T10:00:00Z",
    ]
    assert len(rep["acknowledged"]) == 1 and rep["ack_required"] is True
    offices = {o["office_code"]: o for o in rep["offices"]}
    # Addressed: KPPN offices with a CSO (KPPN-A, KPPN-B); the KANWIL is not.
    assert set(offices) == {"KPPN-A", "KPPN-B"}
    assert offices["KPPN-A"]["state"] == "acknowledged"
    assert offices["KPPN-A"]["read_at"] == "2026-11-26T09:00:00Z"
    assert offices["KPPN-B"]["state"] == "none"
    assert rep["silent_offices"] == ["KPPN-B"] and rep["unacknowledged_offices"] == ["KPPN-B"]
    assert (
        hub.client.get(f"/api/v1/broadcasts/{to_cso['id']}/receipts", headers=a).status_code == 403
    )


def test_data_request_replies_replied_late_missing(hub):
    caster = hub.user("broadcaster")
    a, b = hub.user("cso", "KPPN-A"), hub.user("cso", "KPPN-B")
    hub.user("cso", "KPPN-C")
    # A reply needs a due date; replies are only for data requests.
    assert (
        hub.client.post(
            "/api/v1/broadcasts",
            headers=caster,
            json=info(kind="data_request", reply_requested=True),
        ).status_code
        == 422
    )
    assert (
        hub.client.post(
            "/api/v1/broadcasts", headers=caster, json=info(reply_due=later())
        ).status_code
        == 422
    )
    req = publish(
        hub,
        caster,
        info(kind="data_request", reply_due=later(), audience={"office_kinds": ["KPPN"]}),
    )
    assert req["reply_requested"] is True
    url = f"/api/v1/broadcasts/{req['id']}/replies"
    reply = {"id": str(uuid.uuid4()), "body": "Data terlampir: 12 satker.", "attachments": []}
    r1 = hub.client.post(url, headers=a, json=reply)
    assert r1.status_code == 201 and r1.json()["late"] is False
    again = hub.client.post(url, headers=a, json=reply)
    assert again.status_code == 200 and again.json()["id"] == reply["id"]
    # The same reply id from another office is refused.
    assert hub.client.post(url, headers=b, json=reply).status_code == 403
    # A reply to a notice that does not ask for one.
    plain = publish(hub, caster, info())
    r = hub.client.post(
        f"/api/v1/broadcasts/{plain['id']}/replies",
        headers=a,
        json={"id": str(uuid.uuid4()), "body": "x"},
    )
    # The notice's state refuses it, not the reply's fields (issue 15: a schema-valid reply).
    assert r.status_code == 409 and r.json()["error"]["code"] == "replies_not_requested"
    # An attachment never uploaded by the replying office.
    r = hub.client.post(
        url,
        headers=b,
        json={
            "id": str(uuid.uuid4()),
            "body": "lampiran",
            "attachments": [{"sha256": "a" * 64, "filename": "x.pdf"}],
        },
    )
    assert r.status_code == 422
    assert hub.client.get(url, headers=a).status_code == 403
    view = hub.client.get(url, headers=caster).json()
    states = {o["office_code"]: o["state"] for o in view["offices"]}
    assert states == {"KPPN-A": "replied", "KPPN-B": "missing", "KPPN-C": "missing"}
    assert len(view["replies"]) == 1 and view["due_passed"] is False


def test_reply_after_due_is_late(hub):
    from hai_central.store import db as store

    caster, a = hub.user("broadcaster"), hub.user("cso", "KPPN-A")
    req = publish(
        hub,
        caster,
        info(kind="data_request", reply_due=later(), audience={"office_codes": ["KPPN-A"]}),
    )
    # The due date passes (moved back in the database: the hub refuses a past due date).
    with store.transaction() as db:
        db.execute_sql(
            f"UPDATE broadcast SET reply_due = {db.param} WHERE id = {db.param}",
            ("2026-01-01T00:00:00Z", req["id"]),
        )
    url = f"/api/v1/broadcasts/{req['id']}/replies"
    r = hub.client.post(url, headers=a, json={"id": str(uuid.uuid4()), "body": "terlambat"})
    assert r.status_code == 201 and r.json()["late"] is True
    view = hub.client.get(url, headers=caster).json()
    assert view["offices"][0]["state"] == "late" and view["due_passed"] is True


def test_reply_attachment_readable_by_broadcaster_not_other_office(hub):
    import hashlib

    from tests.central.test_tickets_attachments import PDF, put

    caster = hub.user("broadcaster")
    a, b = hub.user("cso", "KPPN-A"), hub.user("cso", "KPPN-B")
    req = publish(hub, caster, info(kind="data_request", reply_due=later()))
    sha = hashlib.sha256(PDF).hexdigest()
    assert put(hub, a, PDF, "laporan.pdf").status_code == 201
    r = hub.client.post(
        f"/api/v1/broadcasts/{req['id']}/replies",
        headers=a,
        json={
            "id": str(uuid.uuid4()),
            "body": "terlampir",
            "attachments": [{"sha256": sha, "filename": "laporan.pdf"}],
        },
    )
    assert r.status_code == 201, r.text
    assert hub.client.get(f"/api/v1/attachments/{sha}", headers=caster).status_code == 200
    assert (
        hub.client.get(f"/api/v1/attachments/{sha}", headers=b).status_code == 404
    )  # same as a missing file


def test_broadcast_attachment_only_for_its_audience(hub):
    import hashlib

    from tests.central.test_tickets_attachments import PDF, put

    caster = hub.user("broadcaster")
    a, b = hub.user("cso", "KPPN-A"), hub.user("cso", "KPPN-B")
    sha = hashlib.sha256(PDF).hexdigest()
    assert put(hub, caster, PDF, "edaran.pdf").status_code == 201
    item = info(
        audience={"office_codes": ["KPPN-A"]},
        attachments=[{"sha256": sha, "filename": "edaran.pdf"}],
    )
    publish(hub, caster, item)
    got = hub.client.get(f"/api/v1/attachments/{sha}", headers=a)
    assert got.status_code == 200 and got.content == PDF
    # KPPN-B is not in the audience: the file is as hidden as the broadcast.
    # (404: the same answer as for a hash nobody uploaded.)
    assert hub.client.get(f"/api/v1/attachments/{sha}", headers=b).status_code == 404
    assert hub.client.get(f"/api/v1/attachments/{sha}", headers=caster).status_code == 200
    missing = info(attachments=[{"sha256": "b" * 64, "filename": "hilang.pdf"}])
    r = hub.client.post("/api/v1/broadcasts", headers=caster, json=missing)
    assert r.status_code == 422 and r.json()["error"]["details"]["missing"] == ["b" * 64]
