"""Knowledge base: agent create/update/retire, tombstones in the feed, feedback."""

from __future__ import annotations

import uuid


def _entry(**kw):
    e = {
        "id": str(uuid.uuid4()),
        "title": "Cara revisi DIPA",
        "question": "Bagaimana?",
        "answer": "Lewat SAKTI.",
        "department": "PA",
        "regulations": ["PMK 62/2023"],
        "tags": ["dipa"],
        "valid_until": "2027-12-31T00:00:00Z",
    }
    e.update(kw)
    return e


def test_agent_crud_and_tombstone(hub):
    agent, cso = hub.user("agent"), hub.user("cso", "KPPN-A")
    e = _entry()
    assert hub.client.post("/api/v1/kb", headers=cso, json=e).status_code == 403
    r = hub.client.post("/api/v1/kb", headers=agent, json=e)
    assert r.status_code == 201 and r.json()["deleted"] is False
    r2 = hub.client.post("/api/v1/kb", headers=agent, json=e)
    assert r2.status_code == 200 and r2.json()["rev"] == r.json()["rev"]
    u = hub.client.put(
        f"/api/v1/kb/{e['id']}", headers=agent, json={"answer": "Lewat SAKTI modul Revisi."}
    )
    assert (
        u.status_code == 200
        and u.json()["answer"] == "Lewat SAKTI modul Revisi."
        and u.json()["title"] == e["title"]
    )
    assert (
        hub.client.put(
            f"/api/v1/kb/{uuid.uuid4()}", headers=agent, json={"answer": "x"}
        ).status_code
        == 404
    )
    d = hub.client.delete(f"/api/v1/kb/{e['id']}", headers=agent)
    assert d.status_code == 200 and d.json()["deleted"] is True
    feed = hub.client.get("/api/v1/kb/changes", headers=cso).json()
    assert len(feed["items"]) == 1 and feed["items"][0]["deleted"] is True
    assert feed["items"][0]["rev"] == d.json()["rev"]
    # A desk that already had rev of the update sees the tombstone after its cursor.
    after = hub.client.get(
        "/api/v1/kb/changes", headers=cso, params={"cursor": u.json()["rev"]}
    ).json()
    assert [i["deleted"] for i in after["items"]] == [True]


def test_feedback_is_idempotent_and_counted_for_agents(hub):
    agent, cso = hub.user("agent"), hub.user("cso", "KPPN-A")
    e = _entry()
    hub.client.post("/api/v1/kb", headers=agent, json=e)
    fid = str(uuid.uuid4())
    r = hub.client.post(
        f"/api/v1/kb/{e['id']}/feedback", headers=cso, json={"id": fid, "helpful": True}
    )
    assert r.status_code == 201
    assert (
        hub.client.post(
            f"/api/v1/kb/{e['id']}/feedback", headers=cso, json={"id": fid, "helpful": True}
        ).status_code
        == 200
    )
    hub.client.post(
        f"/api/v1/kb/{e['id']}/feedback",
        headers=cso,
        json={"id": str(uuid.uuid4()), "helpful": False, "note": "kurang jelas"},
    )
    seen = hub.client.get("/api/v1/kb/changes", headers=agent).json()["items"][0]
    assert (seen["helpful_count"], seen["unhelpful_count"]) == (1, 1)
    desk_view = hub.client.get("/api/v1/kb/changes", headers=cso).json()["items"][0]
    assert desk_view.get("helpful_count") is None
    missing = hub.client.post(
        f"/api/v1/kb/{uuid.uuid4()}/feedback",
        headers=cso,
        json={"id": str(uuid.uuid4()), "helpful": True},
    )
    assert missing.status_code == 404


def test_kb_feed_limit_and_has_more(hub):
    agent = hub.user("agent")
    for _ in range(5):
        hub.client.post("/api/v1/kb", headers=agent, json=_entry())
    page = hub.client.get("/api/v1/kb/changes", headers=agent, params={"limit": 2}).json()
    assert len(page["items"]) == 2 and page["has_more"] is True
