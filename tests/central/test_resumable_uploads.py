"""Resumable uploads (HEAD/PATCH), upload ownership (issue 7.11 b), UTF-8 names (7.11 c)."""

from __future__ import annotations

import hashlib
import uuid

from hai_central.store import db as store
from hai_central.store.models import AttachmentPart
from tests.central.test_tickets_attachments import PDF, put, ticket

BIG = PDF + bytes(range(256)) * 400  # ~100 KB, a real PDF head


def sha_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def patch(hub, h, data: bytes, offset: int, chunk: bytes, name="laporan.pdf", length=None):
    return hub.client.patch(
        f"/api/v1/attachments/{sha_of(data)}",
        headers={
            **h,
            "Content-Type": "application/pdf",
            "Upload-Offset": str(offset),
            "Upload-Length": str(len(data) if length is None else length),
            "X-Filename": name,
        },
        content=chunk,
    )


def head(hub, h, data: bytes):
    return hub.client.head(f"/api/v1/attachments/{sha_of(data)}", headers=h)


def test_upload_resumes_from_the_offset_the_hub_holds(hub):
    a = hub.user("cso", "KPPN-A")
    assert head(hub, a, BIG).status_code == 404
    r = patch(hub, a, BIG, 0, BIG[:40000])
    assert r.status_code == 204 and r.headers["upload-offset"] == "40000"
    h = head(hub, a, BIG)
    assert h.status_code == 200 and h.headers["upload-offset"] == "40000"
    assert h.headers["upload-length"] == str(len(BIG))
    # The connection dropped and the desk guesses wrong: 409 tells where to go on.
    wrong = patch(hub, a, BIG, 0, BIG[:1000])
    assert wrong.status_code == 409 and wrong.headers["upload-offset"] == "40000"
    assert wrong.json()["error"]["details"]["upload_offset"] == 40000
    assert patch(hub, a, BIG, 50000, BIG[50000:60000]).status_code == 409
    assert patch(hub, a, BIG, 40000, BIG[40000:80000]).headers["upload-offset"] == "80000"
    done = patch(hub, a, BIG, 80000, BIG[80000:])
    assert done.status_code == 201, done.text
    assert done.json()["sha256"] == sha_of(BIG) and done.json()["size"] == len(BIG)
    whole = head(hub, a, BIG)
    assert whole.status_code == 200 and "upload-offset" not in whole.headers
    assert hub.client.get(f"/api/v1/attachments/{sha_of(BIG)}", headers=a).content == BIG
    # Sending the last chunk again (its answer was lost) is harmless.
    assert patch(hub, a, BIG, 80000, BIG[80000:]).status_code == 200
    with store.session():
        assert AttachmentPart.select().count() == 0


def test_a_hash_mismatch_discards_the_parts(hub):
    a = hub.user("cso", "KPPN-A")
    forged = BIG[:-1] + b"X"
    r = hub.client.patch(
        f"/api/v1/attachments/{sha_of(BIG)}",
        headers={
            **a,
            "Upload-Offset": "0",
            "Upload-Length": str(len(BIG)),
            "X-Filename": "laporan.pdf",
        },
        content=forged,
    )
    assert r.status_code == 422 and r.json()["error"]["details"]["field"] == "sha256"
    assert head(hub, a, BIG).status_code == 404
    with store.session():
        assert AttachmentPart.select().count() == 0


def test_parts_belong_to_the_uploading_office_and_expire(hub):
    a, b = hub.user("cso", "KPPN-A"), hub.user("cso", "KPPN-B")
    assert patch(hub, a, BIG, 0, BIG[:30000]).status_code == 204
    assert head(hub, b, BIG).status_code == 404
    r = patch(hub, b, BIG, 30000, BIG[30000:])
    assert r.status_code == 409 and r.headers["upload-offset"] == "0"
    # After 24 hours the part is gone.
    with store.transaction():
        AttachmentPart.update(expires_at="2000-01-01T00:00:00Z").execute()
    assert head(hub, a, BIG).status_code == 404
    assert patch(hub, a, BIG, 30000, BIG[30000:]).headers["upload-offset"] == "0"
    assert patch(hub, a, BIG, 0, BIG).status_code == 201


def test_patch_refuses_bad_files_before_taking_all_bytes(hub):
    a = hub.user("cso", "KPPN-A")
    exe = b"MZ\x90\x00" + b"\x00" * 5000
    r = patch(hub, a, exe, 0, exe[:2000], name="nota.pdf")
    assert r.status_code == 415
    assert head(hub, a, exe).status_code == 404
    assert patch(hub, a, BIG, 0, BIG[:10], name="tool.exe").status_code == 415
    too_big = patch(hub, a, BIG, 0, BIG[:10], length=15 * 1024 * 1024 + 1)
    assert too_big.status_code == 413
    past = patch(hub, a, BIG, 0, BIG, length=10)
    assert past.status_code == 422
    r = hub.client.patch(
        f"/api/v1/attachments/{sha_of(BIG)}",
        headers={**a, "Upload-Offset": "x", "Upload-Length": "10", "X-Filename": "a.pdf"},
        content=b"",
    )
    assert r.status_code == 400
    no_offset = hub.client.patch(
        f"/api/v1/attachments/{sha_of(BIG)}", headers={**a, "X-Filename": "a.pdf"}, content=b""
    )
    assert no_offset.status_code in (400, 422)


def test_a_ticket_may_name_only_its_own_offices_uploads(hub):
    """7.11 b: naming another office's hash answers exactly like naming a missing one."""
    a, b = hub.user("cso", "KPPN-A"), hub.user("cso", "KPPN-B")
    other = PDF + b"% office B's own file\n"
    assert put(hub, b, other, "b.pdf").status_code == 201
    never = sha_of(b"never uploaded")
    answers = []
    for sha in (sha_of(other), never):
        r = hub.client.post(
            "/api/v1/tickets",
            headers=a,
            json=ticket("KPPN-A", attachments=[{"sha256": sha, "filename": "x.pdf"}]),
        )
        assert r.status_code == 422
        body = r.json()["error"]
        answers.append((body["code"], body["message"], body["details"]["missing"] == [sha]))
    assert answers[0] == answers[1]
    # Nor can A read it, nor learn that it exists.
    assert hub.client.get(f"/api/v1/attachments/{sha_of(other)}", headers=a).status_code == 404
    assert head(hub, a, other).status_code == 404
    # A follow-up message is held to the same rule.
    t = ticket("KPPN-A")
    assert hub.client.post("/api/v1/tickets", headers=a, json=t).status_code == 201
    r = hub.client.post(
        f"/api/v1/tickets/{t['id']}/messages",
        headers=a,
        json={
            "id": str(uuid.uuid4()),
            "body": "x",
            "attachments": [{"sha256": sha_of(other), "filename": "b.pdf"}],
        },
    )
    assert r.status_code == 422
    # Once A has sent the same bytes itself, it may name them (one copy is kept).
    assert put(hub, a, other, "a.pdf").status_code == 201
    r = hub.client.post(
        "/api/v1/tickets",
        headers=a,
        json=ticket("KPPN-A", attachments=[{"sha256": sha_of(other), "filename": "a.pdf"}]),
    )
    assert r.status_code == 201
    # An agent may name only what the agent uploaded, not a desk's file.
    agent = hub.user("agent")
    r = hub.client.post(
        f"/api/v1/tickets/{t['id']}/messages",
        headers=agent,
        json={
            "id": str(uuid.uuid4()),
            "body": "x",
            "attachments": [{"sha256": sha_of(other), "filename": "b.pdf"}],
        },
    )
    assert r.status_code == 422


def test_utf8_filenames_percent_encoded_or_raw(hub):
    """7.11 c: RFC 8187 style names keep their accents."""
    a = hub.user("cso", "KPPN-A")
    r = put(hub, a, PDF, "UTF-8''surat%20r%C3%A9sum%C3%A9.pdf")
    assert r.status_code == 201 and r.json()["filename"] == "surat résumé.pdf"
    raw = PDF + b"%raw\n"
    r = hub.client.put(
        f"/api/v1/attachments/{sha_of(raw)}",
        headers=[
            ("Authorization", a["Authorization"]),
            ("X-Filename", "berkas ñ.pdf".encode()),
        ],
        content=raw,
    )
    assert r.status_code == 201 and r.json()["filename"] == "berkas ñ.pdf"
    bad = put(hub, a, PDF + b"%bad\n", "UTF-8''%FF%FE.pdf")
    assert bad.status_code == 422 and bad.json()["error"]["details"]["field"] == "X-Filename"


def test_filename_with_separators_dots_and_300_characters(hub):
    a = hub.user("cso", "KPPN-A")
    r = put(hub, a, PDF, "..\\..\\windows\\" + "a" * 300 + ".pdf")
    name = r.json()["filename"]
    assert r.status_code == 201 and len(name) == 255 and name.endswith(".pdf")
    assert "\\" not in name and "/" not in name and ".." not in name
