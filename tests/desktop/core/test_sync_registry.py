"""The record-type registry and the generic outbox: a record type of the test's own (an
"attachment" and a "note" naming it) registered the way a domain module would, pushed by the
real engine against the contract stub hub; dependencies, order, status hook; one device id."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from hai_desktop.core import outbox, profile_store, reference
from hai_desktop.core.db.database import open_database
from hai_desktop.core.db.models import database_proxy
from hai_desktop.core.paths import ProfilePaths
from hai_desktop.core.sync import registry, state
from hai_desktop.core.sync.client import HubClient
from hai_desktop.core.sync.engine import SyncEngine

CORE_SYNC = Path(__file__).resolve().parents[3] / "hai_desktop" / "core" / "sync"


class FakeTypes:
    """Two record types kept in memory: ``t_attachment`` (order 10) and ``t_note`` (50)."""

    def __init__(self) -> None:
        self.records: dict[tuple[str, str], dict] = {}
        self.sent: list[tuple[str, str]] = []
        self.status: dict[tuple[str, str], tuple[str, str | None]] = {}
        self.reject: set[str] = set()
        self.results_seen: list[tuple[str, str]] = []

    def register(self) -> None:
        for record_type, order in (("t_attachment", 10), ("t_note", 50)):
            registry.register_push(
                registry.PushType(
                    record_type=record_type,
                    load=lambda rid, t=record_type: self.records.get((t, rid)),
                    to_wire=lambda rec: {"id": rec["id"], "body": rec["body"]},
                    send=lambda client, items, t=record_type: self._send(t, items),
                    on_results=lambda pairs, t=record_type: self.results_seen.extend(
                        (t, item.record_id) for item, _result in pairs
                    ),
                    set_status=lambda ids, status, error, t=record_type: self.status.update(
                        {(t, i): (status, error) for i in ids}
                    ),
                    batch_size=2,
                    order=order,
                )
            )

    def unregister(self) -> None:
        registry.unregister_push("t_attachment")
        registry.unregister_push("t_note")

    def _send(self, record_type, items):
        results = {}
        for item in items:
            self.sent.append((record_type, item.record_id))
            if item.record_id in self.reject:
                results[item.record_id] = {"status": "rejected", "error": "berkas rusak"}
            else:
                results[item.record_id] = {"status": "created"}
        return results

    def save(self, record_type, record_id, depends_on=()):
        self.records[(record_type, record_id)] = {"id": record_id, "body": record_id}
        with database_proxy.obj.atomic():
            return outbox.enqueue(record_type, record_id, depends_on=depends_on)


@pytest.fixture()
def fake():
    types = FakeTypes()
    types.register()
    yield types
    types.unregister()


def engine_for(paths, url):
    return SyncEngine(paths, lambda: HubClient(url, token="tok", timeout=2.0))


def test_a_record_waits_for_the_item_it_depends_on(desk, fake):
    fake.save("t_attachment", "sha-1")
    fake.save("t_note", "n-1", depends_on=[("t_attachment", "sha-1")])
    fake.save("t_note", "n-2")
    ready = [(r.record_type, r.record_id) for r in outbox.pending()]
    assert ready == [("t_attachment", "sha-1"), ("t_note", "n-2")]
    assert outbox.waiting_on("t_note", "n-1") == [("t_attachment", "sha-1")]
    # The attachment is acknowledged: the note is ready, and an edit keeps it ready.
    [attachment] = outbox.pending(record_type="t_attachment")
    outbox.ack([attachment.id])
    assert outbox.waiting_on("t_note", "n-1") == []
    fake.save("t_note", "n-1")
    assert {r.record_id for r in outbox.pending(record_type="t_note")} == {"n-1", "n-2"}


def test_engine_pushes_each_registered_type_in_order_with_its_hooks(desk, hub, fake):
    fake.save("t_note", "n-1", depends_on=[("t_attachment", "sha-1")])
    fake.save("t_note", "n-2", depends_on=[("t_attachment", "sha-2")])
    fake.save("t_attachment", "sha-1")
    fake.save("t_attachment", "sha-2")
    fake.save("t_attachment", "sha-3")  # a third: two batches of 2
    report = engine_for(desk, hub.url).run_once()
    assert report.ok, report.error
    # Attachments first (lower order), then the notes that waited for them: one pass.
    assert fake.sent == [
        ("t_attachment", "sha-1"),
        ("t_attachment", "sha-2"),
        ("t_attachment", "sha-3"),
        ("t_note", "n-1"),
        ("t_note", "n-2"),
    ]
    assert outbox.depth() == 0
    assert fake.status[("t_note", "n-1")] == ("synced", None)
    assert ("t_attachment", "sha-3") in fake.results_seen
    assert report.accepted >= 5  # the inquiry and feedback types had nothing to send


def test_a_rejected_dependency_holds_the_record_back(desk, hub, fake):
    fake.reject.add("sha-bad")
    fake.save("t_attachment", "sha-bad")
    fake.save("t_note", "n-1", depends_on=[("t_attachment", "sha-bad")])
    report = engine_for(desk, hub.url).run_once()
    assert report.ok
    assert fake.sent == [("t_attachment", "sha-bad")]
    assert report.rejected == [("t_attachment", "sha-bad", "berkas rusak")]
    assert fake.status[("t_attachment", "sha-bad")] == ("rejected", "berkas rusak")
    assert outbox.queued_count() == 1 and outbox.rejected_count() == 1
    assert outbox.waiting_on("t_note", "n-1") == [("t_attachment", "sha-bad")]
    # Fixed and saved again: the attachment goes, then the note in the same pass.
    fake.reject.clear()
    fake.save("t_attachment", "sha-bad")
    report = engine_for(desk, hub.url).run_once()
    assert fake.sent[1:] == [("t_attachment", "sha-bad"), ("t_note", "n-1")]
    assert outbox.depth() == 0


def test_a_registered_feed_is_pulled_with_its_cursor(desk, hub):
    pages = {
        0: {"items": [{"id": "a"}, {"id": "b"}], "next_cursor": 2, "has_more": True},
        2: {"items": [{"id": "c"}], "next_cursor": 3, "has_more": False},
    }
    applied: list[str] = []
    registry.register_feed(
        registry.Feed(
            name="t_feed",
            fetch=lambda client, cursor: pages[cursor],
            apply=lambda items: applied.extend(i["id"] for i in items),
            order=900,
        )
    )
    try:
        report = engine_for(desk, hub.url).run_once()
    finally:
        registry.unregister_feed("t_feed")
    assert report.ok and report.pulled["t_feed"] == 3
    assert applied == ["a", "b", "c"] and state.get_cursor("t_feed") == 3


def test_built_in_types_are_registered_by_their_own_modules():
    assert {"inquiry", "kb_feedback"} <= set(registry.record_types())
    assert [f.name for f in registry.feeds()][:3] == ["reference", "kb", "inquiries"]


def test_the_engine_and_the_outbox_name_no_record_type():
    """The pass, the outbox and their helpers import no domain module."""
    domain = {"inquiries", "kb", "reference", "tickets", "broadcasts", "attachments"}
    files = [CORE_SYNC / f"{name}.py" for name in ("engine", "registry", "status", "backoff")]
    files.append(CORE_SYNC.parent / "outbox.py")
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module == "hai_desktop.core":
                assert not {a.name for a in node.names} & domain, path.name
            if isinstance(node, ast.ImportFrom | ast.Import):
                names = [getattr(node, "module", None) or ""] + [a.name for a in node.names]
                assert not any(n.rsplit(".", 1)[-1] in domain for n in names), path.name


def test_one_device_id_before_and_after_the_profile(tmp_path):
    paths = ProfilePaths.for_dir(tmp_path / "fresh").ensure()
    db = open_database(paths.database)
    try:
        reference.seed_reference_if_empty()
        before = profile_store.device_id()  # signing in on a PC with no profile yet
        assert profile_store.device_id() == before
        profile_store.set_profile("Citra", "citra@kemenkeu.go.id", "KPPN-BANDA-ACEH")
        assert profile_store.get_profile().device_id == before
        assert profile_store.device_id() == before
    finally:
        db.close()


def test_generic_client_calls_for_a_record_types_own_endpoints(hub):
    with HubClient(hub.url, token="tok", timeout=2.0) as client:
        body = client.post_json(
            "/desks/heartbeat",
            {"device_id": "d", "app_version": "1", "outbox_depth": 0, "client_time": "x"},
            keys=("server_time",),
        )
        assert "server_time" in body
        page = client.feed("/kb/changes", 0)
        assert page["items"] == [] and page["has_more"] is False
