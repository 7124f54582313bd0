"""Issue 7.6 with two real desks of one office and a real hub: an edit made on both desks
is never silently lost; the second desk keeps both versions and its CSO picks one."""

from __future__ import annotations

from hai_desktop.core import conflicts, inquiries, inquiries_form, inquiries_hub, outbox
from hai_desktop.core.db.models import Inquiry
from hai_desktop.core.sync import codes
from hai_desktop.core.sync.engine import SyncEngine
from hai_desktop.core.sync.status import STATE_ATTENTION, STATE_ONLINE
from tests.integration.hub_harness import HubClient, make_desk, reopen


def _new(question: str = "Bagaimana cara revisi DIPA?") -> str:
    data = inquiries_form.InquiryInput(
        channel="tatap_muka",
        department="PA",
        visitor_name="Siti Rahayu",
        question=question,
        answer="Jawaban awal.",
        outcome="answered",
    )
    return inquiries.save_inquiry(data).id


def _edit(record_id: str, **changes) -> None:
    data = inquiries.to_input(inquiries.get_inquiry(record_id))
    for key, value in changes.items():
        setattr(data, key, value)
    inquiries.save_inquiry(data)


def _hub_item(hub, account, record_id):
    client = HubClient(hub.url, timeout=30)
    client.token(account.email, account.password, "00000000-0000-4000-8000-000000000001", "uji")
    page = client.inquiries_changes(0, limit=2000)
    client.close()
    [item] = [i for i in page["items"] if i["id"] == record_id]
    return item


def _two_desks_in_conflict(hub, tmp_path):
    """Both desks hold X at version 1, both edit it to version 2, desk 1 syncs first."""
    account = hub.create_office_with_cso()
    desk1 = make_desk(tmp_path / "desk1", hub.url, account)
    record_id = _new()
    assert SyncEngine(desk1).run_once(force=True).ok
    desk2 = make_desk(tmp_path / "desk2", hub.url, account)
    assert SyncEngine(desk2).run_once(force=True).ok
    assert inquiries.get_inquiry(record_id).version == 1
    reopen(desk1)
    _edit(record_id, answer="Jawaban desk 1.")
    assert SyncEngine(desk1).run_once(force=True).ok
    reopen(desk2)
    _edit(record_id, answer="Jawaban desk 2.", institution="Satker Uji")
    report = SyncEngine(desk2).run_once(force=True)
    return account, desk1, desk2, record_id, report


def test_second_desk_keeps_both_versions_and_says_conflict(hub, tmp_path):
    account, _, desk2, record_id, report = _two_desks_in_conflict(hub, tmp_path)
    assert report.ok and report.conflicts == 1
    from hai_central import __version__ as hub_version
    from hai_desktop.core.sync import state

    assert state.get_value("hub_version") == hub_version  # from the heartbeat (the About tab)
    # Before the fix: "unchanged", marked synced, a different answer kept forever.
    local = inquiries.get_inquiry(record_id)
    assert conflicts.is_conflict(local.sync_status, local.sync_error)
    assert local.answer == "Jawaban desk 2."
    assert outbox.depth() == 0  # nothing is resent blindly
    conflict = conflicts.get_inquiry_conflict(record_id)
    assert conflict.hub["answer"] == "Jawaban desk 1."
    assert set(conflict.differing) == {"answer", "institution"}
    assert report.status.state == STATE_ATTENTION and report.status.code == codes.CONFLICTS
    # Another pass (with its pull of the hub's version) keeps both and still says so.
    again = SyncEngine(desk2).run_once(force=True)
    assert again.status.code == codes.CONFLICTS
    assert inquiries.get_inquiry(record_id).answer == "Jawaban desk 2."
    assert _hub_item(hub, account, record_id)["answer"] == "Jawaban desk 1."


def test_keep_mine_goes_to_the_hub_above_its_version(hub, tmp_path):
    account, desk1, desk2, record_id, _ = _two_desks_in_conflict(hub, tmp_path)
    assert conflicts.resolve(record_id, conflicts.MINE) == "sent"
    assert inquiries.get_inquiry(record_id).version == 3
    report = SyncEngine(desk2).run_once(force=True)
    assert report.ok and report.accepted == 1 and report.status.state == STATE_ONLINE
    assert conflicts.count() == 0
    item = _hub_item(hub, account, record_id)
    assert item["answer"] == "Jawaban desk 2." and item["version"] == 3
    reopen(desk1)  # and the first desk gets it on its next pull
    assert SyncEngine(desk1).run_once(force=True).ok
    assert inquiries.get_inquiry(record_id).answer == "Jawaban desk 2."


def test_take_the_hubs_sends_nothing(hub, tmp_path):
    account, _, desk2, record_id, _ = _two_desks_in_conflict(hub, tmp_path)
    assert conflicts.resolve(record_id, conflicts.HUB) == "hub"
    local = inquiries.get_inquiry(record_id)
    assert local.answer == "Jawaban desk 1." and local.institution is None
    assert local.sync_status == "synced" and outbox.depth() == 0
    report = SyncEngine(desk2).run_once(force=True)
    assert report.ok and report.pushed == 0 and report.status.code == codes.ALL_SENT


def test_merge_field_by_field(hub, tmp_path):
    account, _, desk2, record_id, _ = _two_desks_in_conflict(hub, tmp_path)
    picks = {"answer": conflicts.HUB, "institution": conflicts.MINE}
    assert conflicts.resolve(record_id, picks) == "sent"
    assert SyncEngine(desk2).run_once(force=True).ok
    item = _hub_item(hub, account, record_id)
    assert item["answer"] == "Jawaban desk 1."
    assert item["visitor"]["institution"] == "Satker Uji"
    assert Inquiry.get(Inquiry.id == record_id).sync_status == "synced"


def test_a_newer_hub_version_pulled_over_an_unsent_edit_is_a_conflict(hub, tmp_path):
    """Desk 1 edits twice (version 3) while desk 2's single edit (version 2) waits: the pull
    must not overwrite desk 2's edit (it used to, dropping its outbox row)."""
    account = hub.create_office_with_cso()
    desk1 = make_desk(tmp_path / "d1", hub.url, account)
    record_id = _new()
    assert SyncEngine(desk1).run_once(force=True).ok
    desk2 = make_desk(tmp_path / "d2", hub.url, account)
    assert SyncEngine(desk2).run_once(force=True).ok
    reopen(desk1)
    _edit(record_id, answer="Satu.")
    _edit(record_id, answer="Dua.")
    assert SyncEngine(desk1).run_once(force=True).ok
    reopen(desk2)
    _edit(record_id, answer="Desk dua.")
    engine = SyncEngine(desk2)
    client = engine.client_factory()
    engine.pull_feed(
        "inquiries", lambda c: client.inquiries_changes(c), inquiries_hub.apply_from_hub
    )
    client.close()
    local = inquiries.get_inquiry(record_id)
    assert local.answer == "Desk dua." and conflicts.is_conflict(
        local.sync_status, local.sync_error
    )
    assert conflicts.get_inquiry_conflict(record_id).hub["answer"] == "Dua."


def test_equal_edits_on_two_desks_stay_unchanged(hub, tmp_path):
    account = hub.create_office_with_cso()
    desk1 = make_desk(tmp_path / "e1", hub.url, account)
    record_id = _new()
    assert SyncEngine(desk1).run_once(force=True).ok
    desk2 = make_desk(tmp_path / "e2", hub.url, account)
    assert SyncEngine(desk2).run_once(force=True).ok
    reopen(desk1)
    _edit(record_id, answer="Sama.")
    assert SyncEngine(desk1).run_once(force=True).ok
    reopen(desk2)
    _edit(record_id, answer="Sama.")
    report = SyncEngine(desk2).run_once(force=True)
    assert report.ok and report.unchanged == 1 and report.conflicts == 0
    assert inquiries.get_inquiry(record_id).sync_status == "synced"
