"""The sync engine against a small contract hub on loopback (fast), with the real desk
database: push/ack in one transaction, rejected items, batch splitting, rescans, cursors,
status and backoff. The real hub is exercised in tests/integration."""

from __future__ import annotations

import random
import socket
import uuid
from datetime import UTC, datetime, timedelta

import pytest

from hai_desktop.core import (
    credentials,
    inquiries,
    inquiries_form,
    inquiries_view,
    outbox,
    profile_store,
    reference,
)
from hai_desktop.core.db.database import open_database
from hai_desktop.core.paths import ProfilePaths
from hai_desktop.core.sync import backoff, codes, state
from hai_desktop.core.sync.backoff import FAULT_RETRY_CAP_S
from hai_desktop.core.sync.client import HubClient
from hai_desktop.core.sync.engine import SyncEngine
from hai_desktop.core.sync.protocol import ErrorKind
from hai_desktop.core.sync.status import STATE_ATTENTION, STATE_OFFLINE, STATE_ONLINE
from hai_desktop.core.timeutil import format_utc
from tests.integration.fault_proxy import FaultProxy


def make_engine(paths, url, token="tok", **kw):
    return SyncEngine(paths, lambda: HubClient(url, token=token, timeout=2.0), **kw)


def save(question="Bagaimana cara revisi DIPA?", inquiry_id=None):
    return inquiries.save_inquiry(
        inquiries_form.InquiryInput(
            id=inquiry_id,
            channel="tatap_muka",
            department="PA",
            visitor_name="Ani",
            question=question,
            answer="Ajukan revisi melalui aplikasi.",
            outcome="answered",
        )
    )


def test_push_acks_and_marks_synced(desk, hub):
    saved = [save(f"Pertanyaan {i}") for i in range(3)]
    report = make_engine(desk, hub.url).run_once()
    assert report.ok and report.accepted == 3 and report.error is None
    assert outbox.depth() == 0
    for inq in saved:
        row = inquiries.get_inquiry(inq.id)
        assert row.sync_status == "synced" and row.hub_rev is not None
    assert set(hub.state.inquiries) == {i.id for i in saved}
    assert report.status.state == STATE_ONLINE and report.status.waiting == 0
    assert report.status.last_good_sync is not None


def test_batches_of_500_and_rescan_sends_records_saved_meanwhile(desk, hub):
    for i in range(1001):
        save(f"Pertanyaan massal {i}")
    late: list[str] = []

    def progress(phase, done, total):
        if phase == "push" and not late:
            late.append(save("Disimpan saat unggahan berjalan").id)  # user saves meanwhile

    report = make_engine(desk, hub.url, progress=progress).run_once()
    assert report.ok
    assert max(hub.state.batch_sizes) <= 500
    assert sum(hub.state.batch_sizes) == 1002
    assert late[0] in hub.state.inquiries
    assert outbox.depth() == 0


def test_rejected_item_is_marked_and_the_rest_go_on(desk, hub):
    good = save("Pertanyaan biasa")
    bad = save("Pertanyaan TOLAK ini")
    report = make_engine(desk, hub.url).run_once()
    assert report.ok
    assert [r[1] for r in report.rejected] == [bad.id]
    assert inquiries.get_inquiry(good.id).sync_status == "synced"
    row = inquiries.get_inquiry(bad.id)
    assert row.sync_status == "rejected" and row.sync_error == "Kode satker tidak dikenal."
    assert outbox.rejected_count() == 1 and outbox.queued_count() == 0
    # The history list carries the mark and the reason (shown per record in Riwayat).
    listed = {r.id: r for r in inquiries_view.list_inquiries(None)}
    assert listed[bad.id].sync_status == "rejected"
    assert listed[bad.id].sync_error == "Kode satker tidak dikenal."
    assert report.status.state == STATE_ATTENTION and report.status.code == codes.REJECTED
    assert report.status.params == {"count": 1}
    # The user fixes it: it is queued again and goes through.
    save("Pertanyaan sudah diperbaiki", inquiry_id=bad.id)
    report = make_engine(desk, hub.url).run_once()
    assert report.ok and outbox.depth() == 0
    assert inquiries.get_inquiry(bad.id).sync_status == "synced"
    assert report.status.state == STATE_ONLINE


def test_whole_batch_422_is_split_to_find_the_bad_item(desk, hub):
    ids = [save(f"Pertanyaan {i}").id for i in range(7)]
    broken = save("Isi RUSAK").id
    report = make_engine(desk, hub.url).run_once()
    assert report.ok
    assert set(hub.state.inquiries) == set(ids)
    assert report.rejected == [("inquiry", broken, "Pertanyaan rusak.")]
    assert inquiries.get_inquiry(broken).sync_status == "rejected"


def test_edit_during_send_keeps_the_newer_version_queued(desk, hub):
    inq = save("Versi pertama")

    edited: list[int] = []

    class EditingClient(HubClient):
        def push_inquiries(self, items):
            results = super().push_inquiries(items)
            if not edited:  # the user saves an edit while version 1 is on the wire
                edited.append(save("Versi kedua, diedit saat terkirim", inquiry_id=inq.id).version)
            return results

    engine = SyncEngine(desk, lambda: EditingClient(hub.url, token="tok", timeout=2.0))
    report = engine.run_once()
    # The ack of version 1 must not remove version 2's outbox row: the rescan sends it.
    assert report.ok and edited == [2]
    assert hub.state.batch_sizes == [1, 1]
    assert hub.state.inquiries[inq.id]["version"] == 2
    assert hub.state.inquiries[inq.id]["question"].startswith("Versi kedua")
    assert outbox.depth() == 0
    assert inquiries.get_inquiry(inq.id).sync_status == "synced"


def test_pull_kb_and_office_feeds_with_cursors_then_noop(desk, hub):
    from hai_desktop.core import kb

    for i in range(5):
        hub.state.add_kb(
            {
                "id": str(uuid.uuid4()),
                "title": f"Pencairan dana {i}",
                "question": "Bagaimana pencairan?",
                "answer": "Melalui SPM.",
                "department": "PA",
                "regulations": ["PMK 62/2023"],
                "tags": [],
                "source_inquiry_ids": [],
                "updated_at": "2026-11-26T08:00:00Z",
                "deleted": False,
            }
        )
    engine = make_engine(desk, hub.url)
    report = engine.run_once()
    assert report.ok and report.pulled["kb"] == 5
    assert kb.count_entries() == 5
    assert state.get_cursor("kb") == hub.state.rev
    assert state.get_cursor("reference") == 0  # reference uses its ETag, not a cursor
    assert reference.reference_etag() == '"ref-1"'

    hub.state.requests.clear()
    report = engine.run_once()
    assert report.ok and sum(report.pulled.values()) == 0
    assert report.requests <= 6 and len(hub.state.requests) <= 6
    assert report.duration_s < 1.0  # the 100 ms target is measured by tests/bench


def test_office_feed_brings_back_history_on_a_new_desk(desk, hub, tmp_path):
    saved = [save(f"Riwayat {i}").id for i in range(3)]
    make_engine(desk, hub.url).run_once()
    # A reinstalled desk (new profile, same office) gets the office history back.
    other = ProfilePaths.for_dir(tmp_path / "desk2").ensure()
    open_database(other.database)
    reference.seed_reference_if_empty()
    profile_store.set_profile("Citra", "citra@kemenkeu.go.id", "KPPN-BANDA-ACEH")
    report = make_engine(other, hub.url).run_once()
    assert report.pulled["inquiries"] == 3
    assert {inquiries.get_inquiry(i).origin for i in saved} == {"hub"}


def test_offline_is_quiet_with_backoff_and_nothing_lost(desk):
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    save("Tersimpan saat offline")
    engine = make_engine(desk, f"http://127.0.0.1:{port}")
    report = engine.run_once()
    assert not report.ok and report.error.kind is ErrorKind.OFFLINE
    assert report.status.state == STATE_OFFLINE and report.status.waiting == 1
    assert report.status.code == codes.HUB_NOT_ANSWERING  # refused on a working network
    assert not engine.due()  # automatic retries wait for the backoff
    assert engine.run_once().skipped
    assert not engine.run_once(force=True).skipped  # the user's button always tries
    assert outbox.queued_count() == 1


def test_backoff_grows_with_jitter_and_is_capped():
    uniform = random.Random(7).uniform
    delays = [backoff.retry_delay(ErrorKind.HUB_FAULT, n, None, uniform) for n in range(1, 30)]
    assert all(0 < d <= FAULT_RETRY_CAP_S for d in delays)
    assert delays[-1] >= FAULT_RETRY_CAP_S / 2
    assert len({round(d, 3) for d in delays}) > 5  # jitter
    offline = [backoff.retry_delay(ErrorKind.OFFLINE, n, None, uniform) for n in range(1, 10)]
    assert offline == sorted(offline) and offline[-1] == 300
    assert backoff.retry_delay(ErrorKind.AUTH, 1, None, uniform) is None
    # Equal jitter: never sooner than half the step, whatever the random source says.
    lowest = backoff.retry_delay(ErrorKind.HUB_FAULT, 3, None, lambda a, b: a)
    assert lowest == backoff.FAULT_RETRY_BASE_S * 4 / 2
    # A hub fault's Retry-After is a floor under the jitter.
    assert backoff.retry_delay(ErrorKind.HUB_FAULT, 1, 500.0, lambda a, b: a) == 500.0


def test_backoff_state_follows_an_injected_clock():
    now = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
    first = backoff.after_failure({}, ErrorKind.OFFLINE, None, now, lambda a, b: b)
    assert first["failures"] == 1 and first["next_attempt_at"] == "2026-12-01T08:00:15.000Z"
    assert backoff.blocked(first, now) and not backoff.blocked(first, now, force=True)
    assert not backoff.blocked(first, now + timedelta(seconds=16))
    second = backoff.after_failure(first, ErrorKind.OFFLINE, None, now, lambda a, b: b)
    assert second["failures"] == 2 and second["next_attempt_at"] == "2026-12-01T08:00:30.000Z"
    throttled = backoff.after_failure({}, ErrorKind.THROTTLED, 120.0, now, lambda a, b: b)
    assert backoff.blocked(throttled, now + timedelta(seconds=119), force=True)
    assert (
        backoff.after_failure({}, ErrorKind.AUTH, None, now, lambda a, b: b).get("next_attempt_at")
        is None
    )


def test_expired_token_asks_for_sign_in_and_keeps_queue(desk, hub):
    credentials.store_token(desk, "kedaluwarsa")
    save("Menunggu masuk ulang")
    engine = SyncEngine(
        desk, lambda: HubClient(hub.url, token=credentials.load_token(desk), timeout=2.0)
    )
    report = engine.run_once()
    assert report.error.kind is ErrorKind.AUTH
    assert report.status.state == STATE_ATTENTION and report.status.needs_signin
    assert report.status.code == codes.SESSION_ENDED
    assert credentials.load_token(desk) is None  # the dead token is dropped
    assert outbox.queued_count() == 1
    credentials.store_token(desk, "tok")  # signed in again
    report = engine.run_once(force=True)
    assert report.ok and outbox.depth() == 0


def test_retry_after_is_honoured_even_when_forced(desk, hub):
    proxy = FaultProxy(hub.url).start()
    try:
        proxy.set_fault("429", times=1, retry_after=120)
        engine = make_engine(desk, proxy.url)
        report = engine.run_once()
        assert report.error.kind is ErrorKind.THROTTLED
        assert report.status.code == codes.THROTTLED
        assert report.status.params == {"seconds": 120}
        assert engine.run_once(force=True).skipped
        state.set_value("backoff", {})  # the wait is over
        assert engine.run_once().ok
    finally:
        proxy.stop()


def test_clock_skew_over_five_minutes_is_flagged(desk, hub):
    hub.state.server_time = format_utc(datetime.now(UTC) + timedelta(minutes=12))
    report = make_engine(desk, hub.url).run_once()
    assert report.ok and report.status.clock_warning
    assert 700 < report.status.clock_skew_s < 740
    assert report.status.clock_code == (codes.CLOCK_BEHIND, {"minutes": 12})
    hub.state.server_time = None
    report = make_engine(desk, hub.url).run_once()
    assert not report.status.clock_warning and report.status.clock_code is None


def test_kb_feedback_goes_through_the_outbox(desk, hub):
    from hai_desktop.core import kb_feedback

    entry_id = str(uuid.uuid4())
    feedback_id = kb_feedback.record_feedback(entry_id, helpful=False, note="Jawaban sudah lama")
    report = make_engine(desk, hub.url).run_once()
    assert report.ok
    assert hub.state.feedback[feedback_id]["helpful"] is False
    assert outbox.depth() == 0


def test_status_persists_for_the_ui(desk, hub):
    save("Satu")
    engine = make_engine(desk, hub.url)
    engine.run_once()
    again = SyncEngine(desk, lambda: None).status()
    assert again.state == STATE_ONLINE and again.last_good_sync


def test_a_page_and_its_cursor_commit_together(desk, hub):
    from hai_desktop.core import kb

    def entry(i):
        return {
            "id": str(uuid.uuid4()),
            "title": f"Entri {i}",
            "question": "Q",
            "answer": "A",
            "department": "PA",
            "regulations": [],
            "tags": [],
            "source_inquiry_ids": [],
            "updated_at": "2026-11-26T08:00:00Z",
            "deleted": False,
        }

    engine = make_engine(desk, hub.url)
    pages = [
        {"items": [dict(entry(1), rev=1)], "next_cursor": 1, "has_more": True},
        {"items": [dict(entry(2), rev=2)], "next_cursor": 2, "has_more": False},
    ]

    def apply_then_fail(items):
        kb.apply_kb_changes(items)
        if items[0]["rev"] == 2:
            raise OSError("disk full")  # the second page fails after writing

    with pytest.raises(OSError):
        engine.pull_feed("kb", lambda c: pages[c], apply_then_fail)
    # Page 1 and its cursor are stored; page 2 rolled back with its cursor.
    assert state.get_cursor("kb") == 1
    assert kb.count_entries() == 1
