"""The inquiry record type: pushed in batches of up to 500, pulled from the office feed."""

from __future__ import annotations

from hai_desktop.core import inquiries, inquiries_hub
from hai_desktop.core.db.models import Inquiry, database_proxy
from hai_desktop.core.sync import registry
from hai_desktop.core.sync.client import PUSH_BATCH_MAX

RECORD_TYPE = "inquiry"
FEED = "inquiries"


def _store_results(pairs: list[tuple[registry.PushItem, registry.Result]]) -> None:
    """Remember the hub's ``rev`` of each stored version (in the ack's transaction).

    Only for the version that was sent: a record edited meanwhile keeps its own state.
    """
    rows = [
        (int(result["rev"]), item.record_id, int(item.record.version))
        for item, result in pairs
        if result.get("rev") is not None
        and (
            result.get("status") in registry.ACCEPTED or result.get("status") == registry.UNCHANGED
        )
    ]
    if rows:
        database_proxy.obj.cursor().executemany(
            "UPDATE inquiry SET hub_rev = ? WHERE id = ? AND version = ?", rows
        )


def _set_status(ids: list[str], status: str, error: str | None) -> None:
    Inquiry.update(sync_status=status, sync_error=error).where(Inquiry.id.in_(ids)).execute()


registry.register_push(
    registry.PushType(
        record_type=RECORD_TYPE,
        load=inquiries.get_inquiry,
        to_wire=inquiries_hub.to_wire,
        send=registry.split_on_reject(lambda client, wires: client.push_inquiries(wires)),
        on_results=_store_results,
        set_status=_set_status,
        batch_size=PUSH_BATCH_MAX,
        order=100,
        topic=FEED,  # the history shows each record's sync mark
    )
)
registry.register_feed(
    registry.Feed(
        name=FEED,
        fetch=lambda client, cursor: client.inquiries_changes(cursor),
        apply=inquiries_hub.apply_from_hub,
        order=30,
    )
)
