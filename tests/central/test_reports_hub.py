"""The hub's monthly report: Kanwil rollup, the clock rule's counted time, the first month."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from hai_contract import reports as rules
from tests.central.conftest import inquiry


def _monthly(hub, headers, **params):
    resp = hub.client.get("/api/v1/reports/monthly", headers=headers, params=params)
    assert resp.status_code == 200, resp.text
    return resp.json()


def test_kanwil_rollup(hub):
    hub.office("KANWIL-X", kind="KANWIL")
    hub.office("KPPN-X1", parent="KANWIL-X")
    hub.office("KPPN-X2", parent="KANWIL-X")
    for office, n in (("KPPN-X1", 2), ("KPPN-X2", 3), ("KANWIL-X", 1)):
        cso = hub.user("cso", office)
        items = [inquiry(office) for _ in range(n)]
        hub.client.post("/api/v1/inquiries/batch", headers=cso, json={"items": items})
    sup = hub.user("supervisor")
    rolled = _monthly(hub, sup, month="2026-11", office_code="KANWIL-X", rollup="true")
    assert rolled["inquiries"] == 6
    assert rolled["office_codes"] == ["KANWIL-X", "KPPN-X1", "KPPN-X2"]
    alone = _monthly(hub, sup, month="2026-11", office_code="KANWIL-X")
    assert alone["inquiries"] == 1


def test_counted_time_follows_the_clock_rule(hub):
    cso = hub.user("cso", "KPPN-A")
    this_month = rules.month_of(datetime.now(UTC), None)
    fast = inquiry("KPPN-A", created_at="2031-11-20T08:00:00Z")  # no offset: capped at arrival
    measured = inquiry("KPPN-A", created_at="2031-11-20T08:00:00Z", clock_offset_s=-157766400.0)
    hub.client.post("/api/v1/inquiries/batch", headers=cso, json={"items": [fast, measured]})
    assert _monthly(hub, cso, month=this_month)["inquiries"] == 1
    assert _monthly(hub, cso, month="2026-11")["inquiries"] == 1  # corrected by its offset
    assert _monthly(hub, cso, month="2031-11")["inquiries"] == 0
    # a newer version later keeps the first arrival: the record does not move month
    fast.update(version=2, answer="Jawaban baru.")
    hub.client.post("/api/v1/inquiries/batch", headers=cso, json={"items": [fast]})
    assert _monthly(hub, cso, month=this_month)["inquiries"] == 1
    feed = hub.client.get("/api/v1/inquiries/changes", headers=cso, params={"cursor": 0}).json()
    counted = {i["id"]: i["counted_at"] for i in feed["items"]}
    assert counted[measured["id"]] == "2026-11-20T08:00:00Z"


def test_a_bad_clock_offset_is_rejected(hub):
    cso = hub.user("cso", "KPPN-A")
    bad = inquiry("KPPN-A", clock_offset_s=1e300)
    results = hub.client.post("/api/v1/inquiries/batch", headers=cso, json={"items": [bad]})
    assert results.json()["results"][0]["status"] == "rejected"


@pytest.mark.parametrize("month", ["1900-01", "9998-12"])
def test_the_first_and_last_months_answer(hub, month):
    sup = hub.user("supervisor")
    assert _monthly(hub, sup, month=month)["inquiries"] == 0
