"""Checks of the ticket tests against the real hub: what the hub holds for an office (its
tickets, how much of a file), and the end state "exactly one ticket, files byte-identical"."""

from __future__ import annotations

import hashlib
import os
import uuid

from hai_desktop.core import outbox, tickets
from hai_desktop.core.db.models import Ticket
from hai_desktop.core.sync.client import HubClient
from hai_desktop.core.sync.protocol import HubError
from tests.integration.hub_harness import Hub

MB = 1024 * 1024


def pdf_bytes(size: int) -> bytes:
    """A real PDF head and incompressible bytes (nothing on the way can shrink them)."""
    return (b"%PDF-1.4\n" + os.urandom(size))[:size]


def hub_client(hub: Hub, account) -> HubClient:
    client = HubClient(hub.url, timeout=30)
    client.token(account.email, account.password, str(uuid.uuid4()), "uji-pemeriksa")
    return client


def hub_tickets(hub: Hub, account) -> list[dict]:
    """Every ticket the hub holds for the office (fresh per test), from its changes feed."""
    with hub_client(hub, account) as client:
        items, cursor = [], 0
        while True:
            page = client.feed("/tickets/changes", cursor)
            items.extend(page["items"])
            if not page["has_more"]:
                return items
            cursor = page["next_cursor"]


def hub_offset(hub: Hub, account, sha: str) -> int | None:
    """Bytes of the file the hub holds for the office; None when it has all of it."""
    with hub_client(hub, account) as client:
        try:
            headers = {k.lower(): v for k, v in client.head(f"/attachments/{sha}").items()}
        except HubError as err:
            assert err.status == 404, err
            return 0
    return int(headers["upload-offset"]) if "upload-offset" in headers else None


def assert_one_ticket_byte_identical(hub: Hub, account, ticket_id: str, files: dict) -> None:
    held = hub_tickets(hub, account)
    assert [t["id"] for t in held] == [ticket_id], "the hub must hold exactly one ticket"
    assert sorted(a["sha256"] for a in held[0]["attachments"]) == sorted(files)
    with hub_client(hub, account) as client:
        for sha, data in files.items():
            got = client.get_bytes(f"/attachments/{sha}").content
            assert hashlib.sha256(got).hexdigest() == sha and got == data
    desk_copy = Ticket.get_by_id(ticket_id)
    assert desk_copy.number == held[0]["number"] and desk_copy.sync_status == "synced"
    assert outbox.depth() == 0


def queue_ticket(tmp_path, data: bytes | None = None) -> tuple[Ticket, dict[str, bytes]]:
    """A ticket queued as the form does, with ``data`` as its one PDF (if given); returns it
    and its files by hash."""
    files: dict[str, bytes] = {}
    paths = []
    if data is not None:
        src = tmp_path / "lampiran.pdf"
        src.write_bytes(data)
        files[hashlib.sha256(data).hexdigest()] = data
        paths.append(str(src))
    form = tickets.TicketInput(
        department="PA",
        subject="Akses SAKTI",
        message="Pengguna tidak bisa masuk SAKTI.",
        requester_name="Budi",
        requester_email="budi@kemenkeu.go.id",
        attachment_paths=paths,
    )
    return tickets.create_ticket(form), files
