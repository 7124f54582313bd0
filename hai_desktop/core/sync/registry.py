"""The record-type registry: what each record type pushes and what each feed pulls.

The sync engine knows no record type. Each domain module describes its own record type once,
at import time, with :func:`register_push` / :func:`register_feed`, and is named in
:data:`RECORD_MODULES` so that the engine and the outbox find it. Adding a record type is one
new module and one line here. A ticket, for example (``hai_desktop/core/tickets_sync.py``)::

    from hai_desktop.core import tickets
    from hai_desktop.core.sync import registry

    def send(client, items):  # items: list[registry.PushItem]; one request per batch
        results = {}
        for item in items:    # POST /tickets is one ticket per request
            body = client.post_json("/tickets", item.wire, keys=("id",))
            results[item.record_id] = {"id": item.record_id, "status": "created", **body}
        return results        # record id -> {"status": created|updated|unchanged|rejected…}

    registry.register_push(registry.PushType(
        record_type="ticket",
        load=tickets.get_ticket,            # record id -> the record, or None when gone
        to_wire=tickets.to_wire,            # record -> the API.md JSON
        send=send,                          # or registry.split_on_reject(one_batch_call)
        on_results=tickets.store_results,   # optional: (item, result) pairs, in the ack's
                                            # transaction (hub rev, hub-made fields)
        set_status=tickets.set_sync_status, # optional: (ids, "synced"|"rejected"|…, error)
        order=50,                           # pushed after attachments (10), before 100
    ))
    registry.register_feed(registry.Feed(
        name="tickets",
        fetch=lambda client, cursor: client.feed("/tickets/changes", cursor),
        apply=tickets.apply_from_hub,       # one page, in the page + cursor transaction
    ))

and ``"hai_desktop.core.tickets_sync"`` appended to :data:`RECORD_MODULES`.

Saving a ticket that names an attachment queues both, in the save's transaction::

    outbox.enqueue("attachment", sha256)
    outbox.enqueue("ticket", ticket_id, depends_on=[("attachment", sha256)])

The ticket is not sent until the attachment's outbox item has been acknowledged (its row is
gone); attachments are pushed first because their type has the lower ``order``.

No Qt, no HTTP here: the client is passed to ``send`` / ``fetch`` by the engine.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the registry must stay importable without requests
    from hai_desktop.core.sync.client import HubClient

# The modules that register a record type or a feed, imported on first use of the registry.
RECORD_MODULES: tuple[str, ...] = (
    "hai_desktop.core.reference_sync",
    "hai_desktop.core.kb_sync",
    "hai_desktop.core.inquiries_sync",
    "hai_desktop.core.broadcasts_sync",
    "hai_desktop.core.tickets_sync",
)

# Hub result statuses (API.md "Inquiries"; the same words for every batch endpoint).
ACCEPTED = ("created", "updated")
UNCHANGED = "unchanged"
REJECTED = "rejected"
CONFLICT = "conflict"


@dataclass(frozen=True)
class PushItem:
    """One outbox item on its way: the outbox row, the record as loaded, its wire form."""

    row_id: int
    record_id: str
    record: Any
    wire: dict[str, Any]


Result = dict[str, Any]


class PartialBatch(Exception):
    """Raised by a ``send`` that sent some items before the connection failed.

    The engine stores ``results`` (those items are acknowledged) and then fails the pass
    with ``error``, as if ``send`` had raised it.
    """

    def __init__(self, results: dict[str, Result], error: Exception) -> None:
        super().__init__(str(error))
        self.results = results
        self.error = error


SendBatch = Callable[["HubClient", list[PushItem]], dict[str, Result]]


@dataclass(frozen=True)
class PushType:
    """How one record type travels to the hub.

    Attributes:
        record_type: the outbox's ``record_type``.
        load: record id -> the record's latest state, or None when it is gone (the outbox
            item is then dropped).
        to_wire: record -> the JSON the hub's endpoint takes.
        send: ``(client, items)`` -> hub result per record id (``{"status", "error"?,
            "rev"?, "current"?}``). Raise :class:`~hai_desktop.core.sync.protocol.HubError`
            for a failure of the whole batch; the engine keeps the items queued.
        on_results: optional, called with ``[(item, result), …]`` inside the transaction
            that acknowledges the batch (store the hub's rev, a conflicting copy…).
        set_status: optional, ``(record_ids, status, error)`` mirrors the outbox state on
            the record (``synced`` / ``rejected`` / ``conflict``) for the UI.
        batch_size: items per ``send`` call.
        order: push order within a pass, lowest first (attachments before what names them).
        topic: what changed when items were acknowledged or refused (the GUI's change
            notifier; default: the record type).
    """

    record_type: str
    load: Callable[[str], Any]
    to_wire: Callable[[Any], dict[str, Any]]
    send: SendBatch
    on_results: Callable[[list[tuple[PushItem, Result]]], None] | None = None
    set_status: Callable[[list[str], str, str | None], None] | None = None
    batch_size: int = 500
    order: int = 100
    topic: str | None = None
    heartbeat: Callable[[], dict[str, Any]] | None = None


@dataclass(frozen=True)
class Feed:
    """One pull feed.

    Attributes:
        name: the cursor's key in ``sync_cursor`` and the key of ``SyncReport.pulled``.
        fetch: ``(client, cursor)`` -> a page ``{"items", "next_cursor", "has_more"}``.
        apply: stores one page's items (called inside the page + cursor transaction).
        pull: instead of fetch/apply, a feed of its own kind (the reference data's ETag):
            ``client`` -> items received. The engine then keeps no cursor for it.
        order: pull order within a pass, lowest first.
        topic: what changed when a page brought items (default: the feed's name).
        heartbeat: a ``pull`` feed the hub can vouch for: ``() -> fields`` it adds to the
            heartbeat (the reference's ETag). A cursor feed always sends its cursor. A feed
            the heartbeat's answer names ``unchanged`` is not pulled in that pass.
    """

    name: str
    fetch: Callable[[HubClient, int], dict[str, Any]] | None = None
    apply: Callable[[list[dict[str, Any]]], Any] | None = None
    pull: Callable[[HubClient], int] | None = None
    order: int = 100
    topic: str | None = None
    heartbeat: Callable[[], dict[str, Any]] | None = None


_push: dict[str, PushType] = {}
_feeds: dict[str, Feed] = {}
_loaded = False
_lock = threading.RLock()


def register_push(push_type: PushType) -> None:
    """Register (or replace, on a module reload) what a record type pushes."""
    with _lock:
        _push[push_type.record_type] = push_type


def register_feed(feed: Feed) -> None:
    """Register (or replace) a pull feed."""
    if feed.pull is None and (feed.fetch is None or feed.apply is None):
        raise ValueError(f"feed {feed.name!r} needs fetch and apply, or pull")
    with _lock:
        _feeds[feed.name] = feed


def unregister_push(record_type: str) -> None:
    """Forget a record type (tests that register one of their own)."""
    with _lock:
        _push.pop(record_type, None)


def unregister_feed(name: str) -> None:
    """Forget a feed (tests that register one of their own)."""
    with _lock:
        _feeds.pop(name, None)


def load() -> None:
    """Import :data:`RECORD_MODULES` once (each registers itself at import)."""
    global _loaded
    if _loaded:
        return
    with _lock:
        if _loaded:
            return
        for name in RECORD_MODULES:
            importlib.import_module(name)
        _loaded = True


def push_types() -> list[PushType]:
    """Every registered push type, in push order."""
    load()
    return sorted(_push.values(), key=lambda p: (p.order, p.record_type))


def push_type(record_type: str) -> PushType | None:
    """The registered push type of ``record_type`` (None when unknown)."""
    load()
    return _push.get(record_type)


def feeds() -> list[Feed]:
    """Every registered feed, in pull order."""
    load()
    return sorted(_feeds.values(), key=lambda f: (f.order, f.name))


def split_on_reject(
    send_all: Callable[[HubClient, list[dict[str, Any]]], list[Result]],
) -> SendBatch:
    """A ``send`` for a batch endpoint: one call per batch, results keyed by ``id``.

    A whole-batch 400/413/422 (one bad item makes the hub refuse the request) is split in
    halves until the bad item is found; it alone comes back ``rejected`` with the hub's
    message, and the others go through.
    """
    from hai_desktop.core.sync.protocol import ErrorKind, HubError

    def send_wires(client: HubClient, wires: list[dict[str, Any]]) -> dict[str, Result]:
        try:
            results = send_all(client, wires)
        except HubError as err:
            if err.kind is not ErrorKind.REJECTED or err.status not in (400, 413, 422):
                raise
            if len(wires) == 1:
                record_id = str(wires[0]["id"])
                return {record_id: {"id": record_id, "status": REJECTED, "error": err.item_error()}}
            mid = len(wires) // 2
            merged = send_wires(client, wires[:mid])
            merged.update(send_wires(client, wires[mid:]))
            return merged
        return {str(r["id"]): r for r in results}

    def send(client: HubClient, items: list[PushItem]) -> dict[str, Result]:
        return send_wires(client, [item.wire for item in items])

    return send


def record_types() -> Iterable[str]:
    """The registered record types (for checks and the self-check)."""
    load()
    return list(_push)
