"""Desk broadcast storage: arrival checks, verification on the stored fields, receipts,
outage threads, search, replies, and the bad inputs of issue 10."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from hai_desktop.core import broadcast_replies, broadcasts, broadcasts_verify, outbox
from tests.desktop.core.broadcast_fixtures import HUB_URL, Signer, iso, sign_in_as_cso


@pytest.fixture
def signer(db):
    s = Signer()
    sign_in_as_cso(s)
    return s


def apply(*items):
    with broadcasts.database_proxy.obj.atomic():
        return broadcasts.apply_feed(list(items))


def test_verified_broadcast_is_in_the_inbox_and_stays_immutable(signer):
    item = signer.item()
    assert apply(item) == 1
    row = broadcasts.get(item["id"])
    assert row["problem"] is None
    assert broadcasts.verification(row) == broadcasts_verify.VERIFIED
    assert [r["id"] for r in broadcasts.list_inbox()] == [item["id"]]
    # The same id again changes nothing (even a different title: the hub's notice is final).
    assert apply(dict(item, title="lain")) == 0
    assert broadcasts.get(item["id"])["title"] == item["title"]


def test_altered_in_the_database_after_arrival_is_unverifiable(signer, db):
    item = signer.item(audience={"roles": [], "office_kinds": ["KPPN"], "office_codes": []})
    apply(item)
    for column, value in (
        ("body", "Isi yang diubah."),
        ("valid_until", "2099-01-01T00:00:00Z"),
        ("audience", '{"roles":[],"office_kinds":[],"office_codes":[]}'),
        ("ack_required", 1),
    ):
        original = db.execute_sql(
            f"SELECT {column} FROM broadcast WHERE id = ?", (item["id"],)
        ).fetchone()[0]
        db.execute_sql(f"UPDATE broadcast SET {column} = ? WHERE id = ?", (value, item["id"]))
        row = broadcasts.get(item["id"])
        assert broadcasts.verification(row) == broadcasts_verify.BAD_SIGNATURE, column
        assert broadcasts.to_json(row)["verified"] is False
        db.execute_sql(f"UPDATE broadcast SET {column} = ? WHERE id = ?", (original, item["id"]))
    assert broadcasts.verification(broadcasts.get(item["id"])) == broadcasts_verify.VERIFIED


def test_wrong_signature_in_the_feed_is_set_apart(signer):
    good = signer.item()
    forged = signer.item(title="Asli")
    forged["title"] = "Palsu: transfer dana ke rekening ini"
    other_key = Signer().item()
    apply(good, forged, other_key)
    assert [r["id"] for r in broadcasts.list_inbox()] == [good["id"]]
    apart = broadcasts.list_inbox(broadcasts.InboxFilter(status=broadcasts.STATUS_SET_APART))
    assert {r["id"] for r in apart} == {forged["id"], other_key["id"]}
    assert {r["problem"] for r in apart} == {broadcasts.PROBLEM_BAD_SIGNATURE}
    assert broadcasts.counts() == {"unread": 1, "unacknowledged": 0, "set_apart": 2}
    # Set-apart rows never raise the urgent dialog or a read receipt.
    assert not broadcasts.mark_read(forged["id"])


def test_broadcast_for_another_office_is_set_apart(signer):
    mine = signer.item(
        audience={"roles": [], "office_kinds": [], "office_codes": ["KPPN-BANDA-ACEH"]}
    )
    theirs = signer.item(audience={"roles": [], "office_kinds": [], "office_codes": ["KPPN-MEDAN"]})
    kanwil = signer.item(audience={"roles": [], "office_kinds": ["KANWIL"], "office_codes": []})
    agents = signer.item(audience={"roles": ["agent"], "office_kinds": [], "office_codes": []})
    apply(mine, theirs, kanwil, agents)
    assert [r["id"] for r in broadcasts.list_inbox()] == [mine["id"]]
    for item in (theirs, kanwil, agents):
        assert broadcasts.get(item["id"])["problem"] == broadcasts.PROBLEM_NOT_ADDRESSED


def test_no_pinned_key_means_unverifiable(db):
    s = Signer()
    item = s.item()
    apply(item)
    assert broadcasts.get(item["id"])["problem"] == broadcasts.PROBLEM_BAD_SIGNATURE
    assert broadcasts.verification(broadcasts.get(item["id"])) == broadcasts_verify.NO_KEY


def test_hub_key_change_is_refused_not_repinned(signer):
    new = Signer()
    assert broadcasts_verify.pin(signer.public_b64, HUB_URL) == "same"
    assert broadcasts_verify.pin(new.public_b64, HUB_URL) == "changed"
    assert broadcasts_verify.pinned_key()["public_key"] == signer.public_b64
    assert broadcasts_verify.key_change()["public_key"] == new.public_b64
    item = new.item()
    apply(item)
    assert broadcasts.get(item["id"])["problem"] == broadcasts.PROBLEM_BAD_SIGNATURE
    # IT confirms the new key out of band: from then on the new key verifies.
    assert broadcasts_verify.accept_key_change()
    assert broadcasts_verify.key_change() is None
    assert broadcasts.verification(broadcasts.get(item["id"])) == broadcasts_verify.VERIFIED
    # Another hub address pins afresh (the user changed hubs in the settings).
    assert broadcasts_verify.pin(signer.public_b64, "https://hub-lain") == "pinned"


def test_one_megabyte_and_html_bodies_stored_as_text(signer):
    big = signer.item(body="Gangguan SPAN. " + "x" * (1024 * 1024))
    html = signer.item(
        title="<b>Penting</b>",
        body='<script>alert(1)</script><img src="http://evil.example/x.png"> Isi',
    )
    apply(big, html)
    assert len(broadcasts.get(big["id"])["body"]) > 1024 * 1024
    assert broadcasts.verification(broadcasts.get(big["id"])) == broadcasts_verify.VERIFIED
    assert broadcasts.get(html["id"])["body"].startswith("<script>")
    hits = broadcasts.list_inbox(broadcasts.InboxFilter(text="script"))
    assert [h["id"] for h in hits] == [html["id"]]


def test_malformed_items_are_skipped(signer):
    good = signer.item()
    assert apply({"id": "x"}, "not a dict", {"title": "no id"}, good) == 1


def test_receipts_queue_once_and_ack_reads_too(signer):
    urgent = signer.item(urgency="urgent")
    apply(urgent)
    assert [r["id"] for r in broadcasts.unacknowledged_urgent()] == [urgent["id"]]
    assert broadcasts.mark_read(urgent["id"])
    assert not broadcasts.mark_read(urgent["id"])  # first read time kept
    rows = outbox.pending(record_type=broadcasts.RECEIPT_RECORD_TYPE)
    assert [r.record_id for r in rows] == [urgent["id"]]
    assert broadcasts.acknowledge(urgent["id"])
    assert len(outbox.pending(record_type=broadcasts.RECEIPT_RECORD_TYPE)) == 1
    wire = broadcasts.receipt_wire(urgent["id"])
    assert wire["read_at"] and wire["acknowledged_at"]
    assert broadcasts.unacknowledged_urgent() == []
    assert broadcasts.counts()["unacknowledged"] == 0


def test_outage_thread_active_until_resolved_or_expired(signer):
    now = datetime.now(UTC)
    first = signer.outage(published=now - timedelta(hours=2))
    update = signer.outage(
        updates=first["id"], outage_status="identified", published=now - timedelta(hours=1)
    )
    other = signer.outage(
        affected_applications=["SAKTI"],
        valid_until=iso(now - timedelta(minutes=1)),
        published=now - timedelta(hours=3),
    )
    apply(first, update, other)
    [active] = broadcasts.active_outages()
    assert active["thread_id"] == first["id"] and active["outage_status"] == "identified"
    assert broadcasts.outage_for_application("SPAN")["id"] == update["id"]
    assert broadcasts.outage_for_application("SAKTI") is None  # expired
    thread_ids = broadcasts.list_inbox(
        broadcasts.InboxFilter(status=broadcasts.STATUS_ACTIVE_OUTAGE)
    )
    assert {r["id"] for r in thread_ids} == {first["id"], update["id"]}
    done = signer.outage(updates=update["id"], outage_status="resolved")
    apply(done)
    assert broadcasts.get(done["id"])["thread_id"] == first["id"]
    assert broadcasts.active_outages() == []
    assert [t["outage_status"] for t in broadcasts.thread(first["id"])] == [
        "investigating",
        "identified",
        "resolved",
    ]


def test_filters_and_search(signer):
    now = datetime.now(UTC)
    a = signer.item(title="Rekonsiliasi SAKTI semester II", published=now - timedelta(days=40))
    b = signer.item(kind="service_change", title="Perubahan jam layanan KPPN", urgency="urgent")
    c = signer.outage(title="Gangguan OM-SPAN")
    apply(a, b, c)
    f = broadcasts.InboxFilter
    assert [r["id"] for r in broadcasts.list_inbox(f(kinds=["service_change"]))] == [b["id"]]
    assert [r["id"] for r in broadcasts.list_inbox(f(urgency="urgent"))] == [b["id"]]
    recent = broadcasts.list_inbox(f(since=iso(now - timedelta(days=7))))
    assert {r["id"] for r in recent} == {b["id"], c["id"]}
    assert [r["id"] for r in broadcasts.list_inbox(f(text="rekonsil"))] == [a["id"]]
    assert [r["id"] for r in broadcasts.list_inbox(f(text=c["number"]))] == [c["id"]]
    assert broadcasts.list_inbox(f(text='" OR 1=1 --')) == []
    broadcasts.mark_read(a["id"])
    assert {r["id"] for r in broadcasts.list_inbox(f(status="unread"))} == {b["id"], c["id"]}
    assert broadcasts.count_inbox(f(status="unacknowledged")) == 1


def test_reply_to_data_request_queued_with_files(signer, paths, tmp_path):
    due = iso(datetime.now(UTC) + timedelta(days=3))
    req = signer.item(kind="data_request", reply_requested=True, reply_due=due)
    plain = signer.item()
    apply(req, plain)
    report = tmp_path / "laporan.pdf"
    report.write_bytes(b"%PDF-1.4 data")
    with pytest.raises(broadcast_replies.ReplyError):
        broadcast_replies.create_reply(plain["id"], "x", [], paths.attachments)
    with pytest.raises(broadcast_replies.ReplyError):
        broadcast_replies.create_reply(req["id"], "   ", [], paths.attachments)
    rid = broadcast_replies.create_reply(req["id"], "Data terlampir.", [report], paths.attachments)
    report.unlink()  # the profile keeps its own copy
    [reply] = broadcast_replies.replies_for(req["id"])
    assert reply["id"] == rid and reply["sent_at"] is None
    stored = reply["attachments"][0]
    assert (
        stored["filename"] == "laporan.pdf"
        and open(stored["path"], "rb").read() == b"%PDF-1.4 data"
    )
    assert [r.record_id for r in outbox.pending(record_type=broadcasts.REPLY_RECORD_TYPE)] == [rid]
    wire = broadcast_replies.wire(broadcast_replies.get_reply(rid))
    assert wire["attachments"] == [{"sha256": stored["sha256"], "filename": "laporan.pdf"}]
    assert broadcasts.count_inbox(broadcasts.InboxFilter(status="reply_due")) == 0
