"""Broadcasts between the real hub on loopback and a desk: pulled and verified against the
key pinned at sign-in, files fetched (or marked missing), receipts and replies sent exactly
once even when the desk is killed (-9) between the hub's answer and the local ack."""

from __future__ import annotations

import hashlib
import uuid
from datetime import UTC, datetime, timedelta

import requests

from hai_desktop.core import broadcast_replies, broadcasts, broadcasts_verify, outbox
from hai_desktop.core.sync.engine import SyncEngine
from tests.integration.hub_harness import API, make_desk, reopen
from tests.integration.test_sync_reliability import desk_cli

PDF = b"%PDF-1.4\n% broadcast test\n"


def broadcaster(hub) -> requests.Session:
    email = f"bc.{uuid.uuid4().hex[:8]}@kemenkeu.go.id"
    r = hub.admin().post(
        hub.url + API + "/admin/users",
        json={
            "email": email,
            "name": "LP",
            "password": "Siaran#2026",
            "role": "broadcaster",
            "office_code": "PUSAT",
        },
        timeout=30,
    )
    assert r.status_code == 201, r.text
    s = requests.Session()
    tok = s.post(
        hub.url + API + "/auth/token",
        json={"email": email, "password": "Siaran#2026", "device_id": "bc", "device_name": "bc"},
        timeout=30,
    ).json()["access_token"]
    s.headers["Authorization"] = f"Bearer {tok}"
    return s


def publish(hub, s, office, **kw):
    body = {
        "id": str(uuid.uuid4()),
        "kind": "info",
        "title": "Informasi uji",
        "body": "Isi broadcast uji.",
        "urgency": "normal",
        "audience": {"office_codes": [office]},
        "contact": {"name": "Kasi LP", "phone": "021-1", "email": "lp@kemenkeu.go.id"},
    }
    body.update(kw)
    r = s.post(hub.url + API + "/broadcasts", json=body, timeout=30)
    assert r.status_code == 201, r.text
    return r.json()


def due() -> str:
    return (datetime.now(UTC) + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M:%SZ")


def test_pull_verify_receipts_replies_exactly_once(hub, account, tmp_path):
    paths = make_desk(tmp_path / "desk", hub.url, account)
    assert broadcasts_verify.pinned_key() is not None  # pinned at sign-in
    s = broadcaster(hub)
    sha = hashlib.sha256(PDF).hexdigest()
    r = s.put(
        hub.url + API + f"/attachments/{sha}",
        data=PDF,
        headers={"X-Filename": "edaran.pdf", "Content-Type": "application/pdf"},
        timeout=30,
    )
    assert r.status_code in (200, 201), r.text
    urgent = publish(
        hub,
        s,
        account.office_code,
        kind="outage",
        urgency="urgent",
        affected_applications=["SPAN"],
        title="Gangguan SPAN",
        attachments=[{"sha256": sha, "filename": "edaran.pdf"}],
    )
    request = publish(
        hub,
        s,
        account.office_code,
        kind="data_request",
        reply_due=due(),
        title="Permintaan data satker",
    )
    publish(hub, s, "PUSAT", title="Bukan untuk KPPN ini")  # not in this desk's feed
    report = SyncEngine(paths).run_once(force=True)
    assert report.ok, report.error
    assert report.pulled[broadcasts.FEED] == 2
    row = broadcasts.get(urgent["id"])
    assert broadcasts.verification(row) == broadcasts_verify.VERIFIED and row["problem"] is None
    assert [f["state"] for f in row["files"]] == ["stored"]
    assert open(row["files"][0]["path"], "rb").read() == PDF
    assert [a["id"] for a in broadcasts.active_outages()] == [urgent["id"]]

    broadcasts.mark_read(urgent["id"])
    broadcasts.acknowledge(urgent["id"])
    report_file = tmp_path / "jawaban.pdf"
    report_file.write_bytes(PDF + b"jawaban")
    broadcast_replies.create_reply(request["id"], "Terlampir.", [report_file], paths.attachments)
    # The desk dies right after the hub answered the first push, before the ack is stored.
    proc = desk_cli(paths, "sync", env_extra={"HAI_TEST_CRASH_AFTER_PUSH": "1"})
    proc.communicate(timeout=120)
    assert proc.returncode == 137
    reopen(paths)
    assert outbox.depth() >= 1  # something answered by the hub is still queued here
    for _ in range(2):
        assert SyncEngine(paths).run_once(force=True).ok
    assert outbox.depth() == 0
    rec = s.get(hub.url + API + f"/broadcasts/{urgent['id']}/receipts", timeout=30).json()
    assert len(rec["acknowledged"]) == 1 and len(rec["read"]) == 1
    [office] = [o for o in rec["offices"] if o["office_code"] == account.office_code]
    assert office["state"] == "acknowledged"
    rep = s.get(hub.url + API + f"/broadcasts/{request['id']}/replies", timeout=30).json()
    assert len(rep["replies"]) == 1  # exactly once
    assert {o["office_code"]: o["state"] for o in rep["offices"]}[account.office_code] == "replied"
    assert broadcast_replies.replies_for(request["id"])[0]["sent_at"]


def test_attachment_missing_on_hub_is_marked(hub, account, tmp_path):
    paths = make_desk(tmp_path / "desk", hub.url, account)
    s = broadcaster(hub)
    data = PDF + uuid.uuid4().bytes
    sha = hashlib.sha256(data).hexdigest()
    s.put(
        hub.url + API + f"/attachments/{sha}",
        data=data,
        headers={"X-Filename": "hilang.pdf", "Content-Type": "application/pdf"},
        timeout=30,
    )
    item = publish(
        hub, s, account.office_code, attachments=[{"sha256": sha, "filename": "hilang.pdf"}]
    )
    for stored in (hub.data_dir / "attachments").rglob(f"{sha}*"):
        stored.unlink()  # the file is gone at the hub
    report = SyncEngine(paths).run_once(force=True)
    assert report.ok, report.error
    row = broadcasts.get(item["id"])
    assert row["problem"] is None
    assert [(f["state"], f["error"]) for f in row["files"]] == [("missing", "not_on_hub")]
    assert SyncEngine(paths).run_once(force=True).ok  # not retried forever, no failure
