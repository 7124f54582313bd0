"""The heartbeat names the feeds with nothing new for the desk (an idle sync in one request)."""

from __future__ import annotations

import uuid

from tests.central.conftest import inquiry

FEEDS = ("inquiries", "kb", "tickets", "broadcasts")


def beat(hub, headers, device: str, **extra):
    body = {
        "device_id": device,
        "app_version": "1",
        "outbox_depth": 0,
        "client_time": "2026-11-26T08:15:00Z",
        **extra,
    }
    r = hub.client.post("/api/v1/desks/heartbeat", headers=headers, json=body)
    assert r.status_code == 200, r.text
    return r.json()


def heads(hub, headers) -> dict[str, int]:
    """Each feed pulled to its end, as a desk would: the cursors it then holds."""
    out = {}
    for feed in FEEDS:
        cursor = 0
        while True:
            page = hub.client.get(
                f"/api/v1/{feed}/changes", headers=headers, params={"cursor": cursor}
            ).json()
            cursor = page["next_cursor"]
            if not page["has_more"]:
                break
        out[feed] = cursor
    return out


def test_unchanged_feeds_follow_what_each_feed_would_bring(hub):
    cso = hub.user("cso", office="KPPN001")
    other = hub.user("cso", office="KPPN002")
    agent = hub.user("agent")
    device = str(uuid.uuid4())
    assert beat(hub, cso, device).get("unchanged") is None  # an older desk: as before

    etag = hub.client.get("/api/v1/reference", headers=cso).headers["ETag"]
    cursors = heads(hub, cso)
    quiet = beat(hub, cso, device, cursors=cursors, reference_etag=etag)["unchanged"]
    assert sorted(quiet) == sorted([*FEEDS, "reference"])

    # Another office's inquiry is not in this desk's feed: still nothing new.
    r = hub.client.post(
        "/api/v1/inquiries/batch", headers=other, json={"items": [inquiry("KPPN002")]}
    )
    assert r.status_code == 200, r.text
    assert "inquiries" in beat(hub, cso, device, cursors=cursors)["unchanged"]

    # A KB entry is for everyone: the kb feed is no longer quiet, the others are.
    entry = {"id": str(uuid.uuid4()), "title": "T", "question": "Q", "answer": "A",
             "department": "PA"}  # fmt: skip
    assert hub.client.post("/api/v1/kb", headers=agent, json=entry).status_code == 201
    quiet = beat(hub, cso, device, cursors=cursors, reference_etag=etag)["unchanged"]
    assert "kb" not in quiet and {"inquiries", "tickets", "broadcasts", "reference"} <= set(quiet)

    # A new office changes the reference data (its ETag).
    hub.office("KPPN003")
    assert (
        "reference" not in beat(hub, cso, device, cursors=cursors, reference_etag=etag)["unchanged"]
    )
    new_etag = hub.client.get("/api/v1/reference", headers=cso).headers["ETag"]
    assert new_etag != etag
    assert "reference" in beat(hub, cso, device, reference_etag=new_etag)["unchanged"]


def test_unknown_feeds_are_ignored_and_bad_cursors_refused(hub):
    cso = hub.user("cso", office="KPPN001")
    device = str(uuid.uuid4())
    body = beat(hub, cso, device, cursors={"laporan_baru": 5, "kb": 10**9})
    assert body["unchanged"] == ["kb"]  # a feed this hub does not know: the desk pulls it
    for bad in ({"kb": "5"}, {"kb": -2}, {"Bad-Name": 1}, {f"f{n}": 1 for n in range(40)}):
        r = hub.client.post(
            "/api/v1/desks/heartbeat",
            headers=cso,
            json={
                "device_id": device,
                "outbox_depth": 0,
                "client_time": "2026-11-26T08:15:00Z",
                "cursors": bad,
            },  # fmt: skip
        )
        assert r.status_code == 422, (bad, r.text)


def test_a_broadcast_for_another_office_leaves_the_feed_quiet(hub):
    from tests.central.test_broadcasts import info, publish

    caster = hub.user("broadcaster")
    mine, theirs = hub.user("cso", office="KPPN001"), hub.user("cso", office="KPPN002")
    device = str(uuid.uuid4())
    cursors = heads(hub, mine)
    publish(hub, caster, info(audience={"office_codes": ["KPPN002"]}))
    assert "broadcasts" in beat(hub, mine, device, cursors=cursors)["unchanged"]
    assert "broadcasts" not in beat(hub, theirs, str(uuid.uuid4()), cursors=cursors)["unchanged"]
