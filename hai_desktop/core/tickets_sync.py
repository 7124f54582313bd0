"""The ticket record types: attachments (resumable uploads), tickets, follow-ups, closes,
and the tickets feed. Registered with :mod:`hai_desktop.core.sync.registry`.

Push order: attachments (10) before tickets (50), their follow-ups (60) and closes (70); the
outbox's dependencies make a ticket wait for its files and a follow-up for its ticket.

An attachment goes up in chunks (``PATCH`` with ``Upload-Offset``, API.md): first ``HEAD``
asks how much the hub already holds for this office, so an upload that broke at 12 MB goes
on from 12 MB. A ``409`` names the right offset; a ``422`` (hash mismatch: the part was
discarded) starts once more from 0. The bytes come from the desk's own store, so the file the
user chose may be gone by now.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any
from urllib.parse import quote

from hai_desktop.core import attachments, tickets, tickets_hub
from hai_desktop.core.db.models import Attachment, Ticket, TicketMessage, database_proxy
from hai_desktop.core.sync import registry
from hai_desktop.core.sync.protocol import ErrorKind, HubError

CHUNK_BYTES = 512 * 1024
FEED = "tickets"


class UploadStats:
    """Bytes sent in chunks since start (benchmarks and tests measure resumption)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.bytes_sent = 0
        self.chunks = 0

    def add(self, n: int) -> None:
        with self.lock:
            self.bytes_sent += n
            self.chunks += 1


STATS = UploadStats()
# Progress listeners: (sha256, bytes the hub holds, size). Called on the sync thread.
progress_listeners: list[Callable[[str, int, int], None]] = []


def header_filename(name: str) -> str:
    """``X-Filename`` as RFC 8187 style percent-encoded UTF-8 (safe for any name)."""
    return "UTF-8''" + quote(name, safe="")


def _note_progress(sha: str, offset: int, size: int) -> None:
    with database_proxy.obj.atomic():
        Attachment.update(upload_offset=offset).where(Attachment.sha256 == sha).execute()
    for listener in list(progress_listeners):
        listener(sha, offset, size)


def _hub_offset(client, sha: str) -> int | None:
    """Bytes the hub holds for this office; None when it holds the whole file."""
    try:
        headers = {k.lower(): v for k, v in client.head(f"/attachments/{sha}").items()}
    except HubError as err:
        if err.status == 404:
            return 0
        raise
    if "upload-offset" not in headers:
        return None
    return int(headers["upload-offset"])


def upload(client, row: Attachment) -> dict[str, Any]:
    """Send one file, resuming where the hub stands; returns the item's result."""
    sha, size = row.sha256, int(row.size)
    path = attachments.path_for(sha)
    if not path.is_file():
        return {"status": registry.REJECTED, "error": "lampiran tidak ada lagi di desk ini"}
    offset = _hub_offset(client, sha)
    restarts = 0
    with open(path, "rb") as f:
        while offset is not None:
            f.seek(offset)
            chunk = f.read(CHUNK_BYTES)
            headers = {
                "Upload-Offset": str(offset),
                "Upload-Length": str(size),
                "X-Filename": header_filename(row.filename),
                "Content-Type": row.content_type or "application/octet-stream",
            }
            try:
                status, answer, _ = client.patch_bytes(f"/attachments/{sha}", chunk, headers)
            except HubError as err:
                if err.status == 409 and "upload_offset" in (err.details or {}):
                    offset = int(err.details["upload_offset"])
                    continue
                if err.status == 422 and (err.details or {}).get("field") == "sha256":
                    restarts += 1
                    if restarts <= 1:
                        offset = 0
                        continue
                if err.kind is ErrorKind.REJECTED:
                    return {"status": registry.REJECTED, "error": err.item_error()}
                raise
            STATS.add(len(chunk))
            if status in (200, 201):
                offset = None
                break
            lower = {k.lower(): v for k, v in answer.items()}
            offset = int(lower.get("upload-offset", offset + len(chunk)))
            _note_progress(sha, offset, size)
    _note_progress(sha, size, size)
    return {"status": "created"}


def _send_attachments(client, items: list[registry.PushItem]) -> dict[str, registry.Result]:
    results: dict[str, registry.Result] = {}
    for item in items:
        try:
            results[item.record_id] = upload(client, item.record)
        except HubError as err:
            raise registry.PartialBatch(results, err) from err
    return results


def _attachment_done(ids: list[str], status: str, error: str | None) -> None:
    if status == "synced":
        Attachment.update(uploaded=True).where(Attachment.sha256.in_(ids)).execute()


def _one_by_one(
    call: Callable[[Any, registry.PushItem], dict[str, Any]],
) -> registry.SendBatch:
    """A send for endpoints that take one record per request."""

    def send(client, items: list[registry.PushItem]) -> dict[str, registry.Result]:
        results: dict[str, registry.Result] = {}
        for item in items:
            try:
                body = call(client, item)
            except HubError as err:
                if err.kind is ErrorKind.REJECTED:  # about this record (403/404/409/422…)
                    results[item.record_id] = {
                        "status": registry.REJECTED,
                        "error": err.item_error(),
                    }
                    continue
                raise registry.PartialBatch(results, err) from err
            results[item.record_id] = {"status": "created", "ticket": body}
        return results

    return send


def _post_ticket(client, item: registry.PushItem) -> dict[str, Any]:
    return client.post_json("/tickets", item.wire, keys=("id", "number"))


def _post_message(client, item: registry.PushItem) -> dict[str, Any]:
    return client.post_json(
        f"/tickets/{item.record.ticket_id}/messages", item.wire, keys=("id", "number")
    )


def _post_close(client, item: registry.PushItem) -> dict[str, Any]:
    return client.post_json(f"/tickets/{item.record.id}/close", item.wire, keys=("id",))


def _store_answers(pairs: list[tuple[registry.PushItem, registry.Result]]) -> None:
    for _item, result in pairs:
        body = result.get("ticket")
        if isinstance(body, dict):
            tickets_hub.apply_item(body, from_push=True)


def _ticket_status(ids: list[str], status: str, error: str | None) -> None:
    Ticket.update(sync_status=status, sync_error=error).where(Ticket.id.in_(ids)).execute()


def _message_status(ids: list[str], status: str, error: str | None) -> None:
    TicketMessage.update(sync_status=status, sync_error=error).where(
        TicketMessage.id.in_(ids)
    ).execute()


def _load_message(message_id: str) -> TicketMessage | None:
    return TicketMessage.get_or_none(TicketMessage.id == message_id)


def _load_ticket(ticket_id: str) -> Ticket | None:
    return Ticket.get_or_none(Ticket.id == ticket_id)


registry.register_push(
    registry.PushType(
        record_type=tickets.RECORD_ATTACHMENT,
        load=attachments.get,
        to_wire=lambda row: {"sha256": row.sha256, "size": row.size},
        send=_send_attachments,
        set_status=_attachment_done,
        batch_size=20,
        order=10,
    )
)
registry.register_push(
    registry.PushType(
        record_type=tickets.RECORD_TICKET,
        load=_load_ticket,
        to_wire=tickets_hub.ticket_wire,
        send=_one_by_one(_post_ticket),
        on_results=_store_answers,
        set_status=_ticket_status,
        batch_size=50,
        order=50,
    )
)
registry.register_push(
    registry.PushType(
        record_type=tickets.RECORD_MESSAGE,
        load=_load_message,
        to_wire=tickets_hub.message_wire,
        send=_one_by_one(_post_message),
        on_results=_store_answers,
        set_status=_message_status,
        batch_size=50,
        order=60,
    )
)
registry.register_push(
    registry.PushType(
        record_type=tickets.RECORD_CLOSE,
        load=_load_ticket,
        to_wire=tickets_hub.close_wire,
        send=_one_by_one(_post_close),
        on_results=_store_answers,
        batch_size=50,
        order=70,
    )
)
registry.register_feed(
    registry.Feed(
        name=FEED,
        fetch=lambda client, cursor: client.feed("/tickets/changes", cursor),
        apply=tickets_hub.apply_from_hub,
        order=40,
    )
)
