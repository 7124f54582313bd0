"""The KB's record types: the KB feed (pulled) and "membantu / tidak membantu" (pushed)."""

from __future__ import annotations

from typing import Any

from hai_desktop.core import kb, kb_feedback
from hai_desktop.core.sync import registry
from hai_desktop.core.sync.protocol import ErrorKind, HubError

FEED = "kb"
FEEDBACK_BATCH = 100


def _send_feedback(client, items: list[registry.PushItem]) -> dict[str, registry.Result]:
    """One ``POST /kb/{id}/feedback`` per item (the hub has no batch endpoint for it)."""
    results: dict[str, registry.Result] = {}
    for item in items:
        body: dict[str, Any] = item.wire
        try:
            client.kb_feedback(
                item.record.kb_entry_id, body["id"], body["helpful"], body.get("note")
            )
        except HubError as err:
            # A 404 (entry retired at the hub) or a 422 is about this item; a 403 is about
            # the account, and a failure of the connection is about every item.
            if err.kind is ErrorKind.REJECTED and err.status not in (None, 403):
                results[item.record_id] = {"status": registry.REJECTED, "error": err.item_error()}
                continue
            raise registry.PartialBatch(results, err) from err
        results[item.record_id] = {"status": "created"}
    return results


registry.register_push(
    registry.PushType(
        record_type=kb_feedback.FEEDBACK_RECORD_TYPE,
        load=kb_feedback.get_feedback,
        to_wire=kb_feedback.wire_feedback,
        send=_send_feedback,
        batch_size=FEEDBACK_BATCH,
        order=200,
        topic=FEED,
    )
)
registry.register_feed(
    registry.Feed(
        name=FEED,
        fetch=lambda client, cursor: client.kb_changes(cursor),
        apply=kb.apply_kb_changes,
        order=20,
    )
)
