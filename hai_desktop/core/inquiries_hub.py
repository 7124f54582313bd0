"""Inquiries on the wire: the API.md Inquiry JSON of a stored inquiry, and applying the
office feed's inquiries pulled from the hub."""

from __future__ import annotations

import json
from typing import Any

from hai_desktop.core import outbox
from hai_desktop.core.db.models import Inquiry, database_proxy
from hai_desktop.core.inquiries import next_seq
from hai_desktop.core.timeutil import normalize_utc, utc_now


def to_wire(inquiry: Inquiry) -> dict[str, Any]:
    """The API.md Inquiry JSON of a stored inquiry (optional fields omitted when empty)."""
    visitor: dict[str, Any] = {"name": inquiry.visitor_name}
    for key in ("satker_code", "institution", "phone", "email"):
        value = getattr(inquiry, key)
        if value:
            visitor[key] = value
    wire: dict[str, Any] = {
        "id": inquiry.id,
        "office_code": inquiry.office_code,
        "created_at": inquiry.created_at,
        "updated_at": inquiry.updated_at,
        "channel": inquiry.channel,
        "department": inquiry.department,
        "visitor": visitor,
        "question": inquiry.question,
        "basis": {
            "regulations": list(inquiry.basis_regulations or []),
            "kb_entry_ids": list(inquiry.basis_kb_entry_ids or []),
        },
        "outcome": inquiry.outcome,
        "version": inquiry.version,
    }
    for key in (
        "application",
        "answer",
        "out_of_scope_reason",
        "ticket_id",
        "served_started_at",
        "served_ended_at",
        "outage_broadcast_id",
    ):
        value = getattr(inquiry, key)
        if value:
            wire[key] = value
    if inquiry.clock_offset_s is not None:
        wire["clock_offset_s"] = inquiry.clock_offset_s
    return wire


def _from_wire(item: dict[str, Any]) -> dict[str, Any]:
    visitor = item.get("visitor") or {}
    basis = item.get("basis") or {}
    now = utc_now()
    return {
        "id": str(item["id"]),
        "office_code": item.get("office_code") or "",
        "created_at": normalize_utc(item.get("created_at")) or now,
        "updated_at": normalize_utc(item.get("updated_at")) or now,
        "channel": item.get("channel") or "",
        "department": item.get("department") or "",
        "application": item.get("application") or None,
        "visitor_name": visitor.get("name") or "",
        "satker_code": visitor.get("satker_code") or None,
        "institution": visitor.get("institution") or None,
        "phone": visitor.get("phone") or None,
        "email": visitor.get("email") or None,
        "question": item.get("question") or "",
        "answer": item.get("answer") or None,
        "basis_regulations": list(basis.get("regulations") or []),
        "basis_kb_entry_ids": [str(x) for x in basis.get("kb_entry_ids") or []],
        "outcome": item.get("outcome") or "answered",
        "out_of_scope_reason": item.get("out_of_scope_reason") or None,
        "ticket_id": item.get("ticket_id") or None,
        "served_started_at": normalize_utc(item.get("served_started_at")),
        "served_ended_at": normalize_utc(item.get("served_ended_at")),
        "outage_broadcast_id": item.get("outage_broadcast_id") or None,
        "version": int(item.get("version") or 1),
        "hub_rev": item.get("rev"),
        "review_status": item.get("review_status"),
        "clock_offset_s": item.get("clock_offset_s"),
        "counted_at": item.get("counted_at"),
        "sync_status": "synced",
        "sync_error": None,
    }


def apply_from_hub(items: list[dict[str, Any]]) -> int:
    """Upsert inquiries pulled from the office feed (one transaction; nests as a savepoint).

    A local row at the same or a higher version (synced or not) keeps its content (only
    ``hub_rev``/``review_status`` are taken); otherwise the hub's state wins and any stale
    outbox row for it is dropped. Returns how many rows changed content.
    """
    from hai_desktop.core import conflicts

    changed = 0
    db = database_proxy.obj
    with db.atomic():
        for item in items:
            values = _from_wire(item)
            existing = Inquiry.get_or_none(Inquiry.id == values["id"])
            if item.get("deleted"):
                if existing is not None and existing.sync_status == "synced":
                    Inquiry.delete().where(Inquiry.id == values["id"]).execute()
                    changed += 1
                continue
            if existing is None:
                values["origin"] = "hub"
                values["seq"] = next_seq(values["created_at"])
                Inquiry.insert(**values).execute()
                changed += 1
                continue
            if conflicts.apply_pulled(existing, item):
                continue  # two desks changed it: both versions kept for the user (7.6)
            # The local row wins whenever its version is at least the hub's: the echo of this
            # desk's own push (same version) carries the content we have, an unsent edit is
            # newer, and a stale hub item must never roll back a newer synced row. Only the
            # hub's own fields are taken then (and the rewrite with its FTS work is skipped).
            if existing.version >= values["version"]:
                hub_fields = {
                    "hub_rev": values["hub_rev"],
                    "review_status": values["review_status"],
                }
                if values["counted_at"]:
                    hub_fields["counted_at"] = values["counted_at"]  # the hub's clock rule
                Inquiry.update(**hub_fields).where(Inquiry.id == existing.id).execute()
                continue
            values.pop("id")
            values["created_at"] = existing.created_at
            Inquiry.update(**values).where(Inquiry.id == existing.id).execute()
            outbox.drop("inquiry", existing.id)
            changed += 1
    return changed


def wire_json(inquiry: Inquiry) -> str:
    """``to_wire`` as compact JSON text."""
    return json.dumps(to_wire(inquiry), ensure_ascii=False, separators=(",", ":"))
