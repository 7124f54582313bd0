"""An inquiry answered from an outage notice carries ``outage_broadcast_id`` (a UUID): the
hub keeps it (feed) and refuses anything else (docs/API-additions.md, Broadcasts)."""

from __future__ import annotations

import uuid

from tests.central.conftest import inquiry

PUSH = "/api/v1/inquiries/batch"
FEED = "/api/v1/inquiries/changes"


def test_outage_link_kept_and_checked(hub):
    h = hub.user("cso", "KPPN-A")
    outage_id = str(uuid.uuid4())
    linked = inquiry("KPPN-A", outage_broadcast_id=outage_id)
    bad = inquiry("KPPN-A", outage_broadcast_id="BC-2026-000001")
    results = hub.client.post(PUSH, headers=h, json={"items": [linked, bad]}).json()["results"]
    assert [r["status"] for r in results] == ["created", "rejected"]
    assert results[1]["error"]["details"]["field"] == "outage_broadcast_id"
    feed = hub.client.get(FEED, headers=h).json()["items"]
    assert [i.get("outage_broadcast_id") for i in feed] == [outage_id]
