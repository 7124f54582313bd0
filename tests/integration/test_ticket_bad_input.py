"""Issue 9's bad inputs between a desk and the real hub on loopback (through the fault proxy):
the same ticket sent twice, an upload resumed at a wrong offset (409), a ticket naming a file
the hub never got (422). Each ends in one clear state: one ticket, a whole file, or the
ticket marked refused with the hub's words and nothing at the hub."""

from __future__ import annotations

import hashlib

from hai_desktop import cli
from hai_desktop.core import credentials, outbox, tickets_sync
from hai_desktop.core.db.models import Attachment, Ticket
from hai_desktop.core.sync.client import HubClient
from hai_desktop.core.sync.engine import SyncEngine
from tests.integration.hub_harness import make_desk
from tests.integration.ticket_checks import (
    MB,
    assert_one_ticket_byte_identical,
    hub_offset,
    hub_tickets,
    pdf_bytes,
    queue_ticket,
)


def test_same_ticket_sent_twice_is_one_ticket(hub, account, proxy, tmp_path):
    paths = make_desk(tmp_path / "desk", proxy.url, account)
    ticket, files = queue_ticket(tmp_path, pdf_bytes(20_000))
    # The hub stores the ticket; its answer is lost: the desk sends the same ticket again.
    proxy.set_fault("reset_after_forward", times=1, path_contains="/tickets", method="POST")
    first = SyncEngine(paths).run_once(force=True)
    assert not first.ok and Ticket.get_by_id(ticket.id).number is None
    assert [t["id"] for t in hub_tickets(hub, account)] == [ticket.id]
    assert SyncEngine(paths).run_once(force=True).ok
    assert_one_ticket_byte_identical(hub, account, ticket.id, files)


def test_upload_resumed_at_a_wrong_offset_goes_on_from_the_hubs(hub, account, proxy, tmp_path):
    paths = make_desk(tmp_path / "desk", proxy.url, account)
    size = 2 * MB
    data = pdf_bytes(size)
    sha = hashlib.sha256(data).hexdigest()
    ticket, files = queue_ticket(tmp_path, data)
    # The hub already holds the first 1.5 MB from this office (an earlier, broken send)...
    held = 3 * tickets_sync.CHUNK_BYTES
    with HubClient(hub.url, token=credentials.load_token(paths)) as client:
        headers = {"Upload-Offset": "0", "Upload-Length": str(size), "X-Filename": "a.pdf"}
        status, _, _ = client.patch_bytes(f"/attachments/{sha}", data[:held], headers)
    assert status == 204 and hub_offset(hub, account, sha) == held
    # ...but the desk is told nothing is there and starts at 0: the hub's 409 names the offset.
    proxy.set_fault("404", times=1, path_contains="/attachments/", method="HEAD")
    report = SyncEngine(paths).run_once(force=True)
    assert report.ok, report.summary_lines()
    patches = [(m, p, f) for m, p, f in proxy.log if m == "PATCH"]
    assert len(patches) == 1 + (size - held + tickets_sync.CHUNK_BYTES - 1) // (
        tickets_sync.CHUNK_BYTES
    )
    assert proxy.body_bytes_by_method["PATCH"] == tickets_sync.CHUNK_BYTES + (size - held)
    assert_one_ticket_byte_identical(hub, account, ticket.id, files)


def test_ticket_whose_attachment_was_not_uploaded_is_refused(hub, account, proxy, tmp_path, capsys):
    paths = make_desk(tmp_path / "desk", proxy.url, account)
    ticket, files = queue_ticket(tmp_path, pdf_bytes(30_000))
    [sha] = files
    # The desk wrongly believes the file went up (its upload item is gone).
    db = Attachment._meta.database
    db.execute_sql("DELETE FROM outbox WHERE record_type = 'attachment'")
    Attachment.update(uploaded=True).where(Attachment.sha256 == sha).execute()
    report = SyncEngine(paths).run_once(force=True)
    assert [(t, i) for t, i, _ in report.rejected] == [("ticket", ticket.id)]
    row = Ticket.get_by_id(ticket.id)
    assert row.sync_status == "rejected" and row.sync_error and row.number is None
    assert hub_tickets(hub, account) == []  # nothing half-made at the hub
    # Kept, refused, for the CSO to see; not resent on every sync.
    assert outbox.rejected_count() == 1 and outbox.queued_count() == 0
    assert "not uploaded" in row.sync_error  # the hub's words, shown as they came
    db.close()
    assert cli.main(["--data-dir", str(paths.data_dir), "ticket", "show", ticket.id]) == 0
    assert "Ditolak HAI Hub:" in capsys.readouterr().out
