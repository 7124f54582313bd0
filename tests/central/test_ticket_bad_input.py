"""Issue 9's bad inputs at the hub that no other test names: a ``.pdf`` that is a ZIP (whole
and chunked uploads), a ticket naming files never uploaded (422, and no number used: no
partial state), a resumed upload at a wrong offset holding nothing back."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

from hai_central.store import db as store
from hai_central.store.models import AttachmentPart
from tests.central.test_resumable_uploads import BIG, head, patch
from tests.central.test_tickets_attachments import PDF, put, ticket

ZIP = b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + b"\x00" * 4000


def test_pdf_that_is_really_a_zip_is_refused_whole_and_chunked(hub):
    a = hub.user("cso", "KPPN-A")
    r = put(hub, a, ZIP, "surat.pdf")
    assert r.status_code == 415, r.text
    r = patch(hub, a, ZIP, 0, ZIP[:1000], name="surat.pdf")
    assert r.status_code == 415, r.text
    assert head(hub, a, ZIP).status_code == 404  # nothing kept of it
    with store.session():
        assert AttachmentPart.select().count() == 0
    # The same bytes named .zip are fine.
    assert put(hub, a, ZIP, "arsip.zip").status_code == 201


def test_ticket_with_attachments_not_uploaded_leaves_no_trace(hub):
    a = hub.user("cso", "KPPN-A")
    year = datetime.now(UTC).year
    sha = hashlib.sha256(PDF).hexdigest()
    refused = ticket("KPPN-A", attachments=[{"sha256": sha, "filename": "surat.pdf"}])
    r = hub.client.post("/api/v1/tickets", headers=a, json=refused)
    assert r.status_code == 422
    error = r.json()["error"]
    assert error["details"]["missing"] == [sha] and error["message"]
    assert hub.client.get(f"/api/v1/tickets/{refused['id']}", headers=a).status_code == 404
    assert hub.client.get("/api/v1/tickets/changes", headers=a).json()["items"] == []
    # Once the file is there the same ticket goes in, with the first number (none was used).
    assert put(hub, a, PDF).status_code == 201
    r = hub.client.post("/api/v1/tickets", headers=a, json=refused)
    assert r.status_code == 201 and r.json()["number"] == f"HAI-{year}-000001"


def test_upload_resumed_at_a_wrong_offset_gets_409_and_keeps_the_part(hub):
    a = hub.user("cso", "KPPN-A")
    assert patch(hub, a, BIG, 0, BIG[:30000]).status_code == 204
    for wrong in (0, 10000, 30001, len(BIG)):
        r = patch(hub, a, BIG, wrong, BIG[wrong : wrong + 5000])
        assert r.status_code == 409, (wrong, r.text)
        assert r.headers["upload-offset"] == "30000"
        assert r.json()["error"]["details"]["upload_offset"] == 30000
    assert head(hub, a, BIG).headers["upload-offset"] == "30000"  # the part is intact
    done = patch(hub, a, BIG, 30000, BIG[30000:])
    assert done.status_code == 201
    assert hub.client.get(f"/api/v1/attachments/{done.json()['sha256']}", headers=a).content == BIG
