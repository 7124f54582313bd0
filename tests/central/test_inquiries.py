"""Inquiry push (idempotent, versioned, per-item results), feed, office scoping, review."""

from __future__ import annotations

import uuid

from tests.central.conftest import inquiry

PUSH = "/api/v1/inquiries/batch"
FEED = "/api/v1/inquiries/changes"


def test_push_created_updated_unchanged(hub):
    h = hub.user("cso", "KPPN-A")
    item = inquiry("KPPN-A")
    r = hub.client.post(PUSH, headers=h, json={"items": [item]})
    assert r.status_code == 200
    [res] = r.json()["results"]
    assert res["status"] == "created" and res["id"] == item["id"] and res["rev"] > 0
    again = hub.client.post(PUSH, headers=h, json={"items": [item]}).json()["results"][0]
    assert again == {**res, "status": "unchanged", "error": None, "current": None}
    newer = dict(item, version=2, answer="Jawaban baru")
    upd = hub.client.post(PUSH, headers=h, json={"items": [newer]}).json()["results"][0]
    assert upd["status"] == "updated" and upd["rev"] > res["rev"]
    older = dict(item, version=1, answer="lama")
    # An older version with other content is another desk's edit: a conflict, not stored.
    assert (
        hub.client.post(PUSH, headers=h, json={"items": [older]}).json()["results"][0]["status"]
        == "conflict"
    )
    feed = hub.client.get(FEED, headers=h).json()
    assert [i["answer"] for i in feed["items"]] == ["Jawaban baru"]
    assert feed["items"][0]["visitor"]["name"] == "Siti Rahayu"
    assert feed["items"][0]["review_status"] == "pending"


def test_one_bad_item_never_sinks_the_batch(hub):
    h = hub.user("cso", "KPPN-A")
    good1, good2 = inquiry("KPPN-A"), inquiry("KPPN-A")
    bad_field = inquiry("KPPN-A", outcome="maybe")
    bad_dept = inquiry("KPPN-A", department="XX")
    other_office = inquiry("KPPN-B")
    not_an_object = 42
    r = hub.client.post(
        PUSH,
        headers=h,
        json={"items": [good1, bad_field, bad_dept, other_office, not_an_object, good2]},
    )
    results = r.json()["results"]
    assert [x["status"] for x in results] == [
        "created",
        "rejected",
        "rejected",
        "rejected",
        "rejected",
        "created",
    ]
    assert results[1]["error"]["details"]["field"] == "outcome"
    assert results[2]["error"]["details"]["field"] == "department"


def test_batch_over_500_items_is_413(hub):
    h = hub.user("cso", "KPPN-A")
    items = [inquiry("KPPN-A") for _ in range(501)]
    r = hub.client.post(PUSH, headers=h, json={"items": items})
    assert r.status_code == 413 and r.json()["error"]["code"] == "too_large"


def test_batch_of_500_items(hub):
    h = hub.user("cso", "KPPN-A")
    items = [inquiry("KPPN-A") for _ in range(500)]
    results = hub.client.post(PUSH, headers=h, json={"items": items}).json()["results"]
    assert len(results) == 500 and {r["status"] for r in results} == {"created"}
    revs = [r["rev"] for r in results]
    assert revs == sorted(revs) and len(set(revs)) == 500


def test_feed_pages_in_rev_order(hub):
    h = hub.user("cso", "KPPN-A")
    items = [inquiry("KPPN-A") for _ in range(7)]
    hub.client.post(PUSH, headers=h, json={"items": items})
    seen, cursor = [], 0
    while True:
        page = hub.client.get(FEED, headers=h, params={"cursor": cursor, "limit": 3}).json()
        seen += [i["id"] for i in page["items"]]
        revs = [i["rev"] for i in page["items"]]
        assert revs == sorted(revs) and all(r > cursor for r in revs)
        if page["items"]:
            assert page["next_cursor"] == revs[-1]
        else:
            assert page["next_cursor"] == cursor
        cursor = page["next_cursor"]
        if not page["has_more"]:
            break
    assert seen == [i["id"] for i in items]
    empty = hub.client.get(FEED, headers=h, params={"cursor": cursor}).json()
    assert empty == {"items": [], "next_cursor": cursor, "has_more": False}


def test_office_a_cannot_read_or_write_office_b(hub):
    a = hub.user("cso", "KPPN-A")
    b = hub.user("cso", "KPPN-B")
    item_b = inquiry("KPPN-B")
    assert (
        hub.client.post(PUSH, headers=b, json={"items": [item_b]}).json()["results"][0]["status"]
        == "created"
    )
    # A cannot read B's records, neither by naming B nor through the own-office feed.
    r = hub.client.get(FEED, headers=a, params={"office_code": "KPPN-B"})
    assert r.status_code == 403 and r.json()["error"]["code"] == "forbidden"
    assert hub.client.get(FEED, headers=a).json()["items"] == []
    # A cannot overwrite B's record, neither as A's own office nor as B's.
    hijack = dict(item_b, office_code="KPPN-A", version=99, answer="diubah")
    res = hub.client.post(PUSH, headers=a, json={"items": [hijack]}).json()["results"][0]
    assert res["status"] == "rejected" and res["error"]["code"] == "forbidden_office"
    res = hub.client.post(PUSH, headers=a, json={"items": [dict(item_b, version=99)]}).json()[
        "results"
    ][0]
    assert res["status"] == "rejected"
    feed_b = hub.client.get(FEED, headers=b).json()["items"]
    assert [(i["version"], i["office_code"]) for i in feed_b] == [(1, "KPPN-B")]


def test_agent_and_supervisor_read_all_or_one_office(hub):
    a = hub.user("cso", "KPPN-A")
    b = hub.user("cso", "KPPN-B")
    hub.client.post(PUSH, headers=a, json={"items": [inquiry("KPPN-A")]})
    hub.client.post(PUSH, headers=b, json={"items": [inquiry("KPPN-B")]})
    for role in ("agent", "supervisor"):
        h = hub.user(role)
        assert len(hub.client.get(FEED, headers=h).json()["items"]) == 2
        only_b = hub.client.get(FEED, headers=h, params={"office_code": "KPPN-B"}).json()["items"]
        assert [i["office_code"] for i in only_b] == ["KPPN-B"]


def test_review_accept_publishes_kb_entry(hub):
    cso = hub.user("cso", "KPPN-A")
    agent = hub.user("agent")
    answered, escalated = inquiry("KPPN-A"), inquiry("KPPN-A", outcome="escalated", answer=None)
    hub.client.post(PUSH, headers=cso, json={"items": [answered, escalated]})
    assert hub.client.get("/api/v1/review/inquiries", headers=cso).status_code == 403
    queue = hub.client.get("/api/v1/review/inquiries", headers=agent).json()
    assert [i["id"] for i in queue["items"]] == [answered["id"]]
    r = hub.client.post(
        f"/api/v1/review/inquiries/{answered['id']}",
        headers=agent,
        json={"decision": "accept", "kb_entry": {"title": "Revisi DIPA"}},
    )
    assert r.status_code == 200, r.text
    entry = r.json()["kb_entry"]
    assert entry["title"] == "Revisi DIPA" and entry["source_inquiry_ids"] == [answered["id"]]
    assert entry["answer"] == "Ajukan melalui SAKTI." and entry["department"] == "PA"
    assert r.json()["inquiry"]["review_status"] == "accepted"
    assert hub.client.get("/api/v1/review/inquiries", headers=agent).json()["items"] == []
    kb = hub.client.get("/api/v1/kb/changes", headers=cso).json()["items"]
    assert [e["id"] for e in kb] == [entry["id"]]
    # The desk sees the review status change in its own feed.
    mine = hub.client.get(FEED, headers=cso).json()["items"]
    assert {i["id"]: i["review_status"] for i in mine}[answered["id"]] == "accepted"
    # A second accepted answer into the same entry adds its id.
    second = inquiry("KPPN-A")
    hub.client.post(PUSH, headers=cso, json={"items": [second]})
    r = hub.client.post(
        f"/api/v1/review/inquiries/{second['id']}",
        headers=agent,
        json={"decision": "accept", "kb_entry": {"id": entry["id"]}},
    )
    assert r.json()["kb_entry"]["source_inquiry_ids"] == [answered["id"], second["id"]]


def test_review_reject_and_changed_answer_is_pending_again(hub):
    cso = hub.user("cso", "KPPN-A")
    agent = hub.user("agent")
    item = inquiry("KPPN-A")
    hub.client.post(PUSH, headers=cso, json={"items": [item]})
    r = hub.client.post(
        f"/api/v1/review/inquiries/{item['id']}",
        headers=agent,
        json={"decision": "reject", "note": "dasar hukum kurang"},
    )
    assert r.json()["inquiry"]["review_status"] == "rejected" and r.json()["kb_entry"] is None
    hub.client.post(PUSH, headers=cso, json={"items": [dict(item, version=2)]})
    queue = hub.client.get("/api/v1/review/inquiries", headers=agent).json()["items"]
    assert [i["id"] for i in queue] == [item["id"]]
    missing = hub.client.post(
        f"/api/v1/review/inquiries/{uuid.uuid4()}", headers=agent, json={"decision": "reject"}
    )
    assert missing.status_code == 404


def test_item_by_item_path_when_the_fast_path_fails(hub, monkeypatch):
    """If the multi-row write fails, every item is retried in its own savepoint."""
    import peewee

    from hai_central.services import inquiries as service

    def boom(*args, **kwargs):
        raise peewee.IntegrityError("simulated")

    monkeypatch.setattr(service, "_write_set_based", boom)
    h = hub.user("cso", "KPPN-A")
    a, b = inquiry("KPPN-A"), inquiry("KPPN-A")
    first = hub.client.post(PUSH, headers=h, json={"items": [a, b]}).json()["results"]
    assert [r["status"] for r in first] == ["created", "created"]
    second = hub.client.post(PUSH, headers=h, json={"items": [a, dict(b, version=2)]}).json()[
        "results"
    ]
    assert [r["status"] for r in second] == ["unchanged", "updated"]
    assert second[0]["rev"] == first[0]["rev"]
    # The unchanged item gave its change number back: no gap before the update's number.
    assert second[1]["rev"] == first[1]["rev"] + 1


def test_same_id_twice_in_one_batch(hub):
    h = hub.user("cso", "KPPN-A")
    a = inquiry("KPPN-A")
    results = hub.client.post(PUSH, headers=h, json={"items": [a, dict(a, version=2), a]}).json()[
        "results"
    ]
    assert [r["status"] for r in results] == ["created", "updated", "unchanged"]
    feed = hub.client.get(FEED, headers=h).json()["items"]
    assert [i["version"] for i in feed] == [2]


def test_same_version_other_content_is_a_conflict_with_the_hubs_item(hub):
    """Issue 7.6: two desks of one office edit version 1 to version 2; the second push is a
    conflict carrying the hub's current item, and the hub keeps the first desk's answer."""
    h = hub.user("cso", "KPPN-A")
    item = inquiry("KPPN-A")
    hub.client.post(PUSH, headers=h, json={"items": [item]})
    desk1 = dict(item, version=2, answer="Jawaban desk 1", updated_at="2026-05-04T09:00:00Z")
    desk2 = dict(item, version=2, answer="Jawaban desk 2", updated_at="2026-05-04T09:01:00Z")
    first = hub.client.post(PUSH, headers=h, json={"items": [desk1]}).json()["results"][0]
    assert first["status"] == "updated"
    second = hub.client.post(PUSH, headers=h, json={"items": [desk2]}).json()["results"][0]
    assert second["status"] == "conflict" and second["rev"] == first["rev"]
    current = second["current"]
    assert current["answer"] == "Jawaban desk 1" and current["version"] == 2
    assert current["rev"] == first["rev"] and current["id"] == item["id"]
    feed = hub.client.get(FEED, headers=h).json()["items"]
    assert [i["answer"] for i in feed] == ["Jawaban desk 1"]
    # Keeping their own: the next version above the hub's is an update.
    mine = dict(desk2, version=3)
    kept = hub.client.post(PUSH, headers=h, json={"items": [mine]}).json()["results"][0]
    assert kept["status"] == "updated"


def test_equal_content_at_the_same_version_stays_unchanged(hub):
    """Only the desk's bookkeeping differs (edit time, clock offset): unchanged, no conflict."""
    h = hub.user("cso", "KPPN-A")
    item = inquiry("KPPN-A")
    hub.client.post(PUSH, headers=h, json={"items": [dict(item, version=2)]})
    same = dict(item, version=2, updated_at="2026-05-04T10:00:00Z", clock_offset_s=3.5)
    res = hub.client.post(PUSH, headers=h, json={"items": [same]}).json()["results"][0]
    assert res["status"] == "unchanged" and res["current"] is None


def test_conflict_on_the_item_by_item_path(hub, monkeypatch):
    import peewee

    from hai_central.services import inquiries as service

    def boom(*args, **kwargs):
        raise peewee.IntegrityError("simulated")

    monkeypatch.setattr(service, "_write_set_based", boom)
    h = hub.user("cso", "KPPN-A")
    item = inquiry("KPPN-A")
    hub.client.post(PUSH, headers=h, json={"items": [item]})
    other = dict(item, answer="Jawaban lain")
    res = hub.client.post(PUSH, headers=h, json={"items": [other]}).json()["results"][0]
    assert res["status"] == "conflict" and res["current"]["answer"] == item["answer"]


def test_feed_pages_are_bounded_by_bytes(hub, monkeypatch):
    """Issue 7.8: a page stops at the byte budget as well as the count (always at least one
    item, so the cursor moves); walking the pages still yields every item exactly once."""
    import json

    from hai_contract import limits

    monkeypatch.setattr(limits, "FEED_PAGE_BYTES_MAX", 4000)
    h = hub.user("cso", "KPPN-A")
    items = [inquiry("KPPN-A", question="Q" * 1500) for _ in range(6)]
    items.append(inquiry("KPPN-A", question="B" * 5000))  # bigger than the budget alone
    hub.client.post(PUSH, headers=h, json={"items": items})
    seen, cursor, pages = [], 0, 0
    while True:
        r = hub.client.get(FEED, headers=h, params={"cursor": cursor, "limit": 2000})
        page = r.json()
        pages += 1
        assert page["items"], "a page always holds an item while more remain"
        if len(page["items"]) > 1:
            size = sum(len(json.dumps(i, separators=(",", ":"))) + 1 for i in page["items"])
            assert size <= 4000
        seen.extend(i["id"] for i in page["items"])
        assert page["next_cursor"] > cursor
        cursor = page["next_cursor"]
        if not page["has_more"]:
            break
    assert sorted(seen) == sorted(i["id"] for i in items) and pages >= 4


def test_kb_and_ticket_feeds_are_bounded_too():
    from hai_central.services.common import byte_bounded

    big = [{"rev": n, "x": "y" * 100} for n in range(10)]
    kept, more = byte_bounded(big, False, max_bytes=360)
    assert [i["rev"] for i in kept] == [0, 1, 2] and more is True
    kept, more = byte_bounded(big[:1], False, max_bytes=10)
    assert len(kept) == 1 and more is False  # the first item always goes
    assert byte_bounded(big, True) == (big, True)
